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
export type Place = 'top' | 'domain' | 'context' | 'module' | 'aggregate' | 'application' | 'flow' | 'orchestration' | 'storming';

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
  { keyword: 'subdomain', places: ['domain'], kind: 'subdomain', declaresName: true, expected: '', description: 'A part of the business (the problem space).' },
  // ------------------------------------------------------------------ a context and an aggregate
  { keyword: 'glossary', places: ['context'], kind: 'term', member: 'glossary', body: 'glossary', description: 'The ubiquitous language of this context: Term: "definition".' },
  { keyword: 'aggregate', places: ['context', 'module'], kind: 'aggregate', member: 'aggregates', body: 'aggregate', declaresName: true, description: 'A consistency boundary: a root entity and what it guards, changed as one unit.' },
  { keyword: 'root', places: ['context', 'module', 'aggregate'], kind: 'entity', member: 'entities', expected: 'root entity', description: 'The aggregate root: the single entry point that guards the invariants.' },
  { keyword: 'entity', places: ['context', 'module', 'aggregate'], kind: 'entity', member: 'entities', body: 'structure', declaresName: true, description: 'An object defined by its identity.' },
  { keyword: 'value', places: ['context', 'module', 'aggregate'], kind: 'value', member: 'values', body: 'structure', declaresName: true, description: 'A value object: defined by its attributes, no identity, immutable.' },
  { keyword: 'enum', places: ['context', 'module', 'aggregate'], kind: 'enum', member: 'enums', body: 'enum', declaresName: true, description: 'A fixed set of values.' },
  { keyword: 'command', places: ['context', 'module', 'aggregate', 'application'], kind: 'command', member: 'commands', body: 'fields', declaresName: true, description: 'A request to change state, named in the imperative (PlaceOrder).' },
  { keyword: 'event', places: ['context', 'module', 'aggregate', 'application'], kind: 'event', member: 'events', body: 'fields', declaresName: true, description: 'A domain event: a fact that happened, named in the past tense (OrderPlaced).' },
  { keyword: 'invariant', places: ['aggregate'], description: 'A rule the aggregate keeps true.' },
  { keyword: 'repository', places: ['context', 'module'], kind: 'repository', member: 'repositories', body: 'operations', declaresName: true, description: 'Loads and saves whole aggregates, through their root.' },
  { keyword: 'service', places: ['context', 'module', 'aggregate', 'application'], kind: 'service', member: 'services', body: 'operations', declaresName: true, description: 'A domain service: an operation that belongs to no entity or value (in `application { … }`: an application service).' },
  { keyword: 'stream', places: ['context'], kind: 'stream', member: 'streams', body: 'stream', declaresName: true, description: 'An event stream: the events of one aggregate instance, replayed to rebuild its state.' },
  { keyword: 'readmodel', places: ['context'], kind: 'readmodel', member: 'readModels', body: 'fields', declaresName: true, description: 'A read model (CQRS query side), kept up to date from events.' },
  { keyword: 'owner', places: ['context'], description: 'The team that owns this context.' },
  // ------------------------------------------------------------------ tactical details and the application layer (Context Mapper parity)
  { keyword: 'module', places: ['context'], kind: 'module', member: 'modules', body: 'module', declaresName: true, description: 'A module: a named group of aggregates and building blocks of this context.' },
  { keyword: 'application', places: ['context'], kind: 'application', member: 'applications', body: 'application', description: 'The application layer: application services, commands, events, flows and coordinations.' },
  { keyword: 'abstract', places: ['context', 'module', 'aggregate', 'application'], expected: '', description: 'An entity, value object or event that is only extended (`extends`), never used as it is.' },
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
export const places: readonly Place[] = ['top', 'domain', 'context', 'module', 'aggregate', 'application', 'flow', 'orchestration', 'storming'];

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

/** An aggregate's member lists (the building blocks), in table order. */
export type AggregateMemberKey = PlacedIn<'aggregate'> extends infer R ? (R extends { member: infer K } ? K : never) : never;
export const aggregateMemberKeys = unique(constructsIn('aggregate').flatMap((row) => (row.member ? [row.member] : []))) as AggregateMemberKey[];

// every list of ContextMembers has its row, and an aggregate's rows name lists an Aggregate has
type Missing = Exclude<keyof ContextMembers, ContextMemberKey>;
const everyContextMemberHasARow: [Missing] extends [never] ? true : Missing = true;
const aggregateMembersAreAggregateLists: [AggregateMemberKey] extends [keyof Aggregate] ? true : false = true;
void everyContextMemberHasARow;
void aggregateMembersAreAggregateLists;
