/**
 * The constructs of the .ddd language, in one table: for each, the keyword that
 * starts it, where it may stand, the model element it makes, and the words
 * completion and the grammar's error messages use for it.
 *
 * Everything that needs to know "which keywords start a member here" reads this
 * table: the grammar's member dispatch and its "expected …" messages, completion,
 * formatting, the block analysis, the outline and the merging of contexts (the
 * `member` lists). A new construct is one row here plus its grammar rule; a test
 * checks that the table and the grammar agree (test/syntax/constructs.test.ts).
 *
 * The order of the rows is the order of completion lists, of error messages, of
 * the storming legend and of a context's member lists (ContextMembers) in walks.
 */
import type { TokenType } from 'chevrotain';
import type { Aggregate, ContextMembers, ElementKind } from '../model/elements';
import { keywords } from './tokens';

/** Where a construct may stand: at the top level of a file, or in the body of a block of that kind. */
export type Place =
  | 'top'
  | 'domain'
  | 'context'
  | 'aggregate'
  | 'orchestration'
  | 'storming'
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  | 'team'
  | 'subdomain'
  | 'contextmap'
  | 'relationship'
  | 'usecase'
  | 'story'
  | 'stakeholders'
  | 'stakeholder'
  | 'values'
  | 'cluster'
  | 'valueItem'
  | 'valueStakeholder'
  // ---- Context Mapper parity: tactical details and the application layer (issue 13)
  | 'module'
  | 'application'
  | 'flow';

/** What the `{ … }` after a construct's header holds (the block analysis reads it from the tokens alone). */
export type Body =
  | 'domain'
  | 'context'
  | 'contextmap'
  | 'orchestration'
  | 'storming'
  | 'glossary'
  | 'aggregate'
  /** An entity's or value object's body: fields, operations, invariants. */
  | 'structure'
  /** A command's, event's or read model's field list. */
  | 'fields'
  | 'enum'
  /** A repository's or service's operations. */
  | 'operations'
  | 'stream'
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  | 'team'
  | 'subdomain'
  | 'qualities'
  | 'usecase'
  | 'story'
  | 'stakeholders'
  | 'stakeholder'
  | 'values'
  | 'cluster'
  /** A value's body in a value register (its `value` keyword opens a structure elsewhere: the block analysis tells them apart by the parent). */
  | 'valueItem'
  /** A stakeholder's body inside a value: priority and impact. */
  | 'valueStakeholder'
  // tactical details and the application layer (Context Mapper parity)
  | 'module'
  | 'application'
  /** A flow's steps: `command X delegates to A [S -> T] emits E`, `event E triggers command C`. */
  | 'flow'
  /** A coordination's chain: `Context.Service.operation`, one per line. */
  | 'coordination';

export interface Construct {
  /** The keyword that starts it (a token of syntax/tokens.ts). */
  readonly keyword: string;
  readonly places: readonly Place[];
  /** The model element it makes; none for what only sets a property of its parent (`owner`, `invariant`, `start`). */
  readonly kind?: ElementKind;
  /** In a context and an aggregate: the list of ContextMembers (and of an Aggregate) it joins. */
  readonly member?: keyof ContextMembers;
  /** On a storming board: what the sticky's name denotes in the model, if anything. */
  readonly denotes?: readonly ElementKind[];
  /** Whether the keyword is followed by the name of a new declaration (completion offers nothing there). */
  readonly declaresName?: boolean;
  /** The block its `{ … }` opens. */
  readonly body?: Body;
  /** How the grammar's "expected …" message names it (default: the keyword; '' leaves it out). */
  readonly expected?: string;
  /** What it is for, shown next to the keyword in completion (one per keyword: the first row that has one). */
  readonly description?: string;
  /** Part of a context's own model, never of its published interface: an external context should not declare it. */
  readonly internal?: boolean;
}

export const constructs = [
  // ------------------------------------------------------------------ top level
  { keyword: 'domain', places: ['top'], kind: 'domain', body: 'domain', declaresName: true, description: 'A problem space: the business and its subdomains.' },
  { keyword: 'context', places: ['top'], kind: 'context', body: 'context', description: 'A bounded context: the boundary of one model and its ubiquitous language.' },
  { keyword: 'contextmap', places: ['top'], kind: 'contextmap', body: 'contextmap', declaresName: true, description: 'How bounded contexts relate: upstream -> downstream, with roles.' },
  { keyword: 'saga', places: ['top'], kind: 'saga', body: 'orchestration', declaresName: true, description: 'A long-running transaction across contexts: orchestrated by one context, or choreographed by events.' },
  { keyword: 'storming', places: ['top'], kind: 'storming', body: 'storming', declaresName: true, description: 'An event storming board: events, commands, actors, policies, read models, hotspots.' },
  // ------------------------------------------------------------------ a domain: "expected core, supporting or generic subdomain"
  { keyword: 'core', places: ['domain'], kind: 'subdomain', description: 'The core domain: what makes the business unique. Build it in-house.' },
  { keyword: 'supporting', places: ['domain'], kind: 'subdomain', description: 'A supporting subdomain: necessary, not differentiating.' },
  { keyword: 'generic', places: ['domain'], kind: 'subdomain', expected: 'generic subdomain', description: 'A generic subdomain: commodity; buy it.' },
  { keyword: 'subdomain', places: ['domain'], kind: 'subdomain', body: 'subdomain', declaresName: true, expected: '', description: 'A part of the business (the problem space).' },
  // ------------------------------------------------------------------ a context and an aggregate
  { keyword: 'glossary', places: ['context'], kind: 'term', member: 'glossary', body: 'glossary', description: 'The ubiquitous language of this context: Term: "definition".' },
  { keyword: 'aggregate', places: ['context', 'module'], kind: 'aggregate', internal: true, member: 'aggregates', body: 'aggregate', declaresName: true, description: 'A consistency boundary: a root entity and what it guards, changed as one unit.' },
  { keyword: 'root', places: ['context', 'module', 'aggregate'], kind: 'entity', member: 'entities', expected: 'root entity', description: 'The aggregate root: the single entry point that guards the invariants.' },
  { keyword: 'entity', places: ['context', 'module', 'aggregate'], kind: 'entity', member: 'entities', body: 'structure', declaresName: true, description: 'An object defined by its identity.' },
  { keyword: 'value', places: ['context', 'module', 'aggregate'], kind: 'value', member: 'values', body: 'structure', declaresName: true, description: 'A value object: defined by its attributes, no identity, immutable.' },
  { keyword: 'enum', places: ['context', 'module', 'aggregate'], kind: 'enum', member: 'enums', body: 'enum', declaresName: true, description: 'A fixed set of values.' },
  { keyword: 'command', places: ['context', 'module', 'aggregate', 'application'], kind: 'command', member: 'commands', body: 'fields', declaresName: true, description: 'A request to change state, named in the imperative (PlaceOrder).' },
  { keyword: 'event', places: ['context', 'module', 'aggregate', 'application'], kind: 'event', member: 'events', body: 'fields', declaresName: true, description: 'A domain event: a fact that happened, named in the past tense (OrderPlaced).' },
  { keyword: 'invariant', places: ['aggregate'], description: 'A rule the aggregate keeps true.' },
  { keyword: 'repository', places: ['context', 'module'], kind: 'repository', internal: true, member: 'repositories', body: 'operations', declaresName: true, description: 'Loads and saves whole aggregates, through their root.' },
  { keyword: 'service', places: ['context', 'module', 'aggregate', 'application'], kind: 'service', internal: true, member: 'services', body: 'operations', declaresName: true, description: 'A domain service: an operation that belongs to no entity or value (in `application { … }`: an application service).' },
  { keyword: 'stream', places: ['context'], kind: 'stream', internal: true, member: 'streams', body: 'stream', declaresName: true, description: 'An event stream: the events of one aggregate instance, replayed to rebuild its state.' },
  { keyword: 'readmodel', places: ['context'], kind: 'readmodel', member: 'readModels', body: 'fields', declaresName: true, description: 'A read model (CQRS query side), kept up to date from events.' },
  { keyword: 'owner', places: ['context'], description: 'The team that owns this context.' },
  // ------------------------------------------------------------------ tactical details and the application layer (Context Mapper parity)
  { keyword: 'module', places: ['context'], kind: 'module', member: 'modules', body: 'module', declaresName: true, description: 'A module: a named group of aggregates and building blocks of this context.' },
  { keyword: 'application', places: ['context'], kind: 'application', member: 'applications', body: 'application', description: 'The application layer: application services, commands, events, flows and coordinations.' },
  { keyword: 'abstract', places: ['context', 'module', 'aggregate', 'application', 'subdomain'], expected: '', description: 'An entity, value object, command or event that is only extended (`extends`), never used as it is.' },
  { keyword: 'lifecycle', places: ['context', 'module', 'aggregate'], kind: 'enum', member: 'enums', expected: 'lifecycle enum', description: "The enum of an aggregate's lifecycle states: commands and operations write transitions between them." },
  { keyword: 'flow', places: ['application'], kind: 'flow', body: 'flow', declaresName: true, description: 'A flow: commands and operations delegated to aggregates, and the events that trigger the next step.' },
  { keyword: 'coordination', places: ['application'], kind: 'coordination', body: 'coordination', declaresName: true, description: 'A coordination: a chain of service operations across contexts, `Context.Service.operation`.' },
  // ------------------------------------------------------------------ a flow's steps
  { keyword: 'command', places: ['flow'], kind: 'flowStep' },
  { keyword: 'operation', places: ['flow'], kind: 'flowStep', description: 'An operation of a service, invoked by a flow step.' },
  { keyword: 'event', places: ['flow'], kind: 'flowStep' },
  // ------------------------------------------------------------------ an orchestrated saga
  { keyword: 'start', places: ['orchestration'], description: "The saga's initial state." },
  { keyword: 'step', places: ['orchestration'], kind: 'sagaStep', description: 'A step: a command sent to a participant context.' },
  // ------------------------------------------------------------------ a storming board: one row per sticky type, in legend order
  { keyword: 'event', places: ['storming'], kind: 'sticky', denotes: ['event'] },
  { keyword: 'command', places: ['storming'], kind: 'sticky', denotes: ['command'] },
  { keyword: 'actor', places: ['storming'], kind: 'sticky', declaresName: true, description: 'A person or role who issues commands (small yellow sticky).' },
  { keyword: 'aggregate', places: ['storming'], kind: 'sticky', denotes: ['aggregate'] },
  { keyword: 'policy', places: ['storming'], kind: 'sticky', declaresName: true, description: 'A reaction: when an event happens, then a command (lilac sticky).' },
  { keyword: 'readmodel', places: ['storming'], kind: 'sticky', denotes: ['readmodel'] },
  { keyword: 'external', places: ['storming'], kind: 'sticky', denotes: ['context'], description: 'A system we do not own: model only its published interface.' },
  { keyword: 'hotspot', places: ['storming'], kind: 'sticky', description: 'An open question or a problem (red sticky).' },
  // ------------------------------------------------------------------ Context Mapper parity: strategic design and requirements (issue 13)
  // top level
  { keyword: 'team', places: ['top'], kind: 'team', body: 'team', declaresName: true, description: 'A team and the bounded contexts it builds (`realizes`).' },
  { keyword: 'usecase', places: ['top'], kind: 'usecase', body: 'usecase', declaresName: true, description: 'A use case: an actor, what they do with the system (interactions) and the benefit.' },
  { keyword: 'story', places: ['top'], kind: 'story', body: 'story', declaresName: true, description: 'A user story: as a role, I want to do something, so that I get a benefit.' },
  { keyword: 'stakeholders', places: ['top'], kind: 'stakeholders', body: 'stakeholders', description: 'The stakeholders of a context (or of the whole model), in groups, with their influence and interest.' },
  { keyword: 'values', places: ['top'], kind: 'valueRegister', body: 'values', declaresName: true, description: 'A value register: the values at stake for the stakeholders (value-driven, ethics-aware design).' },
  // a context's and a team's attribute lines (left out of the "expected …" messages)
  { keyword: 'kind', places: ['context', 'contextmap'], expected: '', description: 'What it is: a context is a feature, application or system; a map a landscape or organisational.' },
  { keyword: 'vision', places: ['context', 'team', 'subdomain'], expected: '', description: 'The domain vision statement: why it exists, in a sentence.' },
  { keyword: 'responsibilities', places: ['context', 'team', 'aggregate'], expected: '', description: 'What it is responsible for: "…", "…".' },
  { keyword: 'technology', places: ['context', 'team'], expected: '', description: 'The implementation technology: "Java, Spring Boot", "RESTful HTTP".' },
  { keyword: 'knowledge', places: ['context', 'team'], expected: '', description: 'The knowledge level of its model: meta or concrete.' },
  { keyword: 'businessmodel', places: ['context', 'team'], expected: '', description: 'The business model it serves: "Subscription".' },
  { keyword: 'evolution', places: ['context', 'team'], expected: '', description: 'How far it has evolved: genesis, custom, product or commodity.' },
  // a subdomain's body: its own sketch of the problem space
  { keyword: 'root', places: ['subdomain'], kind: 'entity', expected: '' },
  { keyword: 'entity', places: ['subdomain'], kind: 'entity' },
  { keyword: 'value', places: ['subdomain'], kind: 'value' },
  { keyword: 'service', places: ['subdomain'], kind: 'service' },
  // a context map's attribute lines (the relationships are free-form)
  { keyword: 'state', places: ['contextmap'], description: 'Whether the map shows the integration as it is (asis) or as it should become (tobe).' },
  { keyword: 'contains', places: ['contextmap'], description: 'Contexts on the map that have no relationship (yet).' },
  // a relationship's block, beside the names a shared kernel shares
  { keyword: 'technology', places: ['relationship'] },
  { keyword: 'exposes', places: ['relationship'], description: "The upstream's aggregates the downstream uses (its published model)." },
  { keyword: 'rights', places: ['relationship'], description: "The downstream's say in the upstream's model: influencer, opinionleader, vetoright, decisionmaker or monopolist." },
  // an aggregate's attribute lines
  { keyword: 'owner', places: ['aggregate'], expected: '' },
  { keyword: 'features', places: ['aggregate'], expected: '', description: 'The use cases and user stories it implements.' },
  { keyword: 'changes', places: ['aggregate'], expected: '', description: 'How likely it is to change: rarely, normal or often.' },
  { keyword: 'qualities', places: ['aggregate'], body: 'qualities', expected: '', description: 'How critical its security, availability and consistency are, how much it stores, how volatile it is.' },
  // requirements
  { keyword: 'actor', places: ['usecase'], description: 'Who uses the system (a person or a role).' },
  { keyword: 'interactions', places: ['usecase'], description: 'What the actor does: verb "Object" with "attribute", …' },
  { keyword: 'benefit', places: ['usecase'], description: 'What the actor gains.' },
  { keyword: 'scope', places: ['usecase'], description: 'The system or part of it the use case is about.' },
  { keyword: 'level', places: ['usecase'], description: 'The goal level: summary, user goal, subfunction.' },
  { keyword: 'as', places: ['story'], description: 'The role that wants something (`as "Customer"`); on a context map, the name of a relationship.' },
  { keyword: 'want', places: ['story'], description: 'What the role wants to do: verb "Object" with "attribute", …' },
  { keyword: 'so', places: ['story'], description: 'The benefit: so that …' },
  { keyword: 'group', places: ['stakeholders'], kind: 'stakeholderGroup', body: 'stakeholders', declaresName: true, description: 'A group of stakeholders.' },
  { keyword: 'stakeholder', places: ['stakeholders', 'cluster', 'valueItem'], kind: 'stakeholder', body: 'stakeholder', declaresName: true, description: 'Someone with a stake in the system: influence and interest (in a value register: priority and impact).' },
  { keyword: 'influence', places: ['stakeholder'], description: 'How much the stakeholder can influence the system: low, medium or high.' },
  { keyword: 'interest', places: ['stakeholder'], description: 'How much the stakeholder cares about the system: low, medium or high.' },
  { keyword: 'cluster', places: ['values'], kind: 'valueCluster', body: 'cluster', declaresName: true, description: 'A cluster of related values around a core value.' },
  { keyword: 'value', places: ['values', 'cluster'], kind: 'valueItem' },
  { keyword: 'core', places: ['cluster', 'valueItem'] },
  { keyword: 'demonstrator', places: ['cluster', 'valueItem'], description: 'Something that shows the value at work (or at risk).' },
  { keyword: 'priority', places: ['valueStakeholder'], description: 'How much the value matters to the stakeholder: low, medium or high.' },
  { keyword: 'impact', places: ['valueStakeholder'], description: 'How much the system affects the value for the stakeholder: low, medium or high.' },
  { keyword: 'good', places: ['valueStakeholder'], description: 'A good consequence of the system for the value and this stakeholder: `good "more freedom"`.' },
  { keyword: 'bad', places: ['valueStakeholder'], description: 'A bad consequence, and what to do about it: `bad "less patience" action "Make it opt-in" act` (act or monitor).' },
  { keyword: 'neutral', places: ['valueStakeholder'], description: 'A consequence neither good nor bad: `neutral "habits change"`.' },
  // ---- end of the strategic and requirements block
] as const satisfies readonly Construct[];

type Row = (typeof constructs)[number];
/** The rows that may stand in `P`. */
type PlacedIn<P extends Place, R = Row> = R extends { places: readonly (infer Q)[] } ? (P extends Q ? R : never) : never;

/** The type of a sticky note: the keyword of each storming row. */
export type StickyType = PlacedIn<'storming'>['keyword'];

/** The rows that may stand in `place`, in table order. */
export function constructsIn(place: Place): readonly Construct[] {
  return byPlace[place];
}

/** Every place, outermost first. */
export const places: readonly Place[] = [
  'top',
  'domain',
  'context',
  'aggregate',
  'orchestration',
  'storming',
  // ---- Context Mapper parity: tactical details and the application layer (issue 13)
  'module',
  'application',
  'flow',
  // ---- Context Mapper parity: strategic design and requirements (issue 13)
  'team',
  'subdomain',
  'contextmap',
  'relationship',
  'usecase',
  'story',
  'stakeholders',
  'stakeholder',
  'values',
  'cluster',
  'valueItem',
  'valueStakeholder',
];

const byPlace = {} as Record<Place, Construct[]>;
for (const place of places) byPlace[place] = [];
for (const row of constructs as readonly Construct[]) {
  if (!keywords[row.keyword]) throw new Error(`constructs: '${row.keyword}' is not a keyword of syntax/tokens.ts`);
  for (const place of row.places) byPlace[place].push(row);
}

function unique<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}

/** The keywords that start a member of `place`, in table order, each once. */
export function keywordsIn(place: Place): string[] {
  return unique(constructsIn(place).map((row) => row.keyword));
}

/** The tokens that start a member of `place`. */
export function startTokens(place: Place): TokenType[] {
  return keywordsIn(place).map((word) => keywords[word]!);
}

/** `a, b or c` */
export function wordList(words: readonly string[], last: 'or' | 'and'): string {
  return words.length <= 1 ? (words[0] ?? '') : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/** What the grammar says may stand in `place` when something else is there: `core, supporting or generic subdomain`. */
export function expectedIn(place: Place): string {
  return wordList(unique(constructsIn(place).map((row) => row.expected ?? row.keyword).filter(Boolean)), 'or');
}

/** The keywords that start a top-level declaration: the parser splits a file at them. */
export const topLevelKeywords: ReadonlySet<string> = new Set(keywordsIn('top'));

/** Keywords followed by the name of a new declaration, wherever they stand. */
export const nameKeywords: ReadonlySet<string> = new Set(constructs.filter((row: Construct) => row.declaresName).map((row) => row.keyword));

/** What each construct keyword is for (the first row of the keyword that says). */
export const constructDescriptions: Readonly<Record<string, string>> = (() => {
  const descriptions: Record<string, string> = {};
  for (const row of constructs as readonly Construct[]) if (row.description && !(row.keyword in descriptions)) descriptions[row.keyword] = row.description;
  return descriptions;
})();

/** The block each keyword's `{ … }` opens. */
export const bodies: ReadonlyMap<string, Body> = new Map(
  (constructs as readonly Construct[]).flatMap((row) => (row.body ? [[row.keyword, row.body] as const] : [])),
);

/** The sticky types, in legend order. */
export const stickyTypes = keywordsIn('storming') as StickyType[];

/** What the name on a sticky of each type denotes in the model, if anything. */
export const stickyDenotes: Readonly<Partial<Record<StickyType, readonly ElementKind[]>>> = Object.fromEntries(
  (constructsIn('storming') as readonly Construct[]).flatMap((row) => (row.denotes ? [[row.keyword, row.denotes]] : [])),
);

/** A context's member lists, in table order (the order of walks over a context). */
type ContextMemberKey = PlacedIn<'context'> extends infer R ? (R extends { member: infer K } ? K : never) : never;
export const contextMemberKeys = unique(constructsIn('context').flatMap((row) => (row.member ? [row.member] : []))) as ContextMemberKey[];

/** A context's member lists that belong to its own model, not to its published interface (the `internal` rows). */
export const internalMemberKeys = unique(constructsIn('context').flatMap((row) => (row.member && row.internal ? [row.member] : []))) as ContextMemberKey[];

/** An aggregate's member lists (the building blocks), in table order. */
export type AggregateMemberKey = PlacedIn<'aggregate'> extends infer R ? (R extends { member: infer K } ? K : never) : never;
export const aggregateMemberKeys = unique(constructsIn('aggregate').flatMap((row) => (row.member ? [row.member] : []))) as AggregateMemberKey[];

// every list of ContextMembers has its row, and an aggregate's rows name lists an Aggregate has
type Missing = Exclude<keyof ContextMembers, ContextMemberKey>;
const everyContextMemberHasARow: [Missing] extends [never] ? true : Missing = true;
const aggregateMembersAreAggregateLists: [AggregateMemberKey] extends [keyof Aggregate] ? true : false = true;
void everyContextMemberHasARow;
void aggregateMembersAreAggregateLists;
