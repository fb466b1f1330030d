/**
 * Completion: what may be written at a position. The place is read from the
 * token stream (which block the cursor is in, by brace depth and the keyword
 * that opened the block, and the tokens before the cursor in that block), never
 * from regular expressions over the text; the names come from the model.
 */
import { simpleName } from '../model/qualified-names';
import type { IToken } from 'chevrotain';
import { roleDictionary, type RoleInfo } from '../context-map/relationships';
import { builtinTypes, genericArity } from '../model/builtin-types';
import type { BoundedContext, Command, Declaration, ElementKind } from '../model/elements';
import { kindWords, membersOfContext, qualifiedName, type DddModel } from '../model/model';
import { suggestEventName } from '../naming/name-style';
import {
  BothArrow,
  Colon,
  Comma,
  Dot,
  Identifier,
  LAngle,
  LBracket,
  LCurly,
  LeftArrow,
  LParen,
  RAngle,
  RBracket,
  RCurly,
  RParen,
  RightArrow,
  StringLiteral,
  UnterminatedString,
  keywords,
  tokenEnd,
} from '../syntax/tokens';
import { childLists } from '../model/element-tree';
import { constructDescriptions, keywordsIn, nameKeywords } from '../syntax/constructs';
import { analyseBlocks, tokenIndexAt, type BlockFrame } from './blocks';
import { contextAt } from './element-at';
import { navIndex, type NavIndex } from './nav-index';
import { present } from './present';
import { isNameToken, isQualifiedNameToken } from './token-kinds';

export type CompletionKind = 'keyword' | 'role' | 'state' | 'type' | 'actor' | 'operator' | ElementKind;

export interface CompletionCandidate {
  label: string;
  kind: CompletionKind;
  detail?: string;
  /** Markdown. */
  documentation?: string;
  /** Orders candidates: most relevant first. */
  sortText: string;
  /** When it differs from the label. */
  insertText?: string;
}

/** What each keyword is for, shown next to keyword completions: the constructs' from the table, the other keywords' here. */
const keywordDocs: Record<string, string> = {
  ...constructDescriptions,
  implements: 'The subdomain(s) this context serves.',
  emits: 'The events a command (or reaction) results in.',
  eventsourced: 'The aggregate\'s state is derived from its events.',
  applies: 'How the event changes the aggregate\'s state: field = / += / -= expression.',
  expect: 'The state the stream\'s replay must reach.',
  for: 'The aggregate the repository stores.',
  of: 'The aggregate the stream belongs to.',
  from: 'The events it is built from.',
  orchestrated: 'One context coordinates the saga, step by step.',
  choreographed: 'No coordinator: each context reacts to events.',
  by: 'Who does it.',
  on: 'Where it happens / what it reacts to.',
  reply: 'The event that answers the step\'s command.',
  compensate: 'The command that undoes the step when a later step fails (`none` if there is nothing to undo).',
  compensates: 'Marks a compensating reaction.',
  fails: 'The state entered when the step fails.',
  none: 'Nothing to undo: the step changed nothing.',
  idempotent: 'Safe to repeat: retried without harm.',
  or: 'Any one of the events triggers the reaction.',
  and: 'The reaction waits for all the events (a join).',
  else: 'The failure outcome of the reaction.',
  when: 'The events that trigger the policy.',
  then: 'The commands the policy issues.',
};

const topKeywords = keywordsIn('top');
const domainMembers = keywordsIn('domain');
const contextMembers = keywordsIn('context');
const aggregateMembers = keywordsIn('aggregate');
const stickyKeywords = keywordsIn('storming');

/** A token before the cursor at the cursor's block level; a nested `{ … }` counts as one `group`. */
interface Unit {
  token: IToken;
  group: boolean;
}

class Candidates {
  private readonly list: Omit<CompletionCandidate, 'sortText'>[] = [];
  private readonly seen = new Set<string>();

  add(candidate: Omit<CompletionCandidate, 'sortText'>): void {
    if (!candidate.label || this.seen.has(candidate.label)) return;
    this.seen.add(candidate.label);
    this.list.push(candidate);
  }

  keywords(words: readonly string[]): void {
    for (const word of words) {
      const documentation = keywordDocs[word];
      this.add({ label: word, kind: 'keyword', ...(documentation ? { documentation } : {}) });
    }
  }

  result(): CompletionCandidate[] {
    return this.list.map((candidate, i) => ({ ...candidate, sortText: String(i).padStart(5, '0') }));
  }
}

class CompletionContext {
  readonly index: NavIndex;
  readonly out = new Candidates();
  /** The bounded context the cursor is in, if any. */
  readonly here: string | undefined;

  constructor(
    readonly model: DddModel,
    readonly uri: string,
    readonly offset: number,
    readonly units: Unit[],
    readonly frame: BlockFrame,
    readonly tokens: readonly IToken[],
    readonly typedQualifier: string[] | undefined,
  ) {
    this.index = navIndex(model);
    this.here = contextAt(model, uri, offset);
  }

  prev(n = 1): Unit | undefined {
    return this.units[this.units.length - n];
  }

  prevIs(word: string, n = 1): boolean {
    const unit = this.prev(n);
    return !!unit && !unit.group && unit.token.image === word && !isStringToken(unit.token);
  }

  // ---------------------------------------------------------------- names

  declaration(declaration: Declaration, label = declaration.name): void {
    const detail = `${kindWords[declaration.kind]} ${qualifiedName(declaration)}`;
    this.out.add({ label, kind: declaration.kind, detail, ...(declaration.description ? { documentation: declaration.description } : {}) });
  }

  /** The event a command's name says it results in (`ShipParcel` → `ParcelShipped`): the declared one of the context, or the name to declare. */
  eventNamedFor(command: string): void {
    const name = suggestEventName(command);
    if (!name) return;
    const declared = (this.here ? membersOfContext(this.model, this.here)?.get(name) : this.model.index.get(name))?.find((declaration) => declaration.kind === 'event');
    if (declared) this.declaration(declared);
    else this.out.add({ label: name, kind: 'event', detail: `domain event, not declared yet: what ${command} results in` });
  }

  /**
   * How near a declaration is to the cursor, nearest 0: in the context the
   * cursor is in (or `prefer`), then declared in the current file, then the
   * rest of the workspace.
   */
  nearness(declaration: Declaration, prefer: string | undefined = this.here): number {
    const home = 'contextName' in declaration ? (declaration as { contextName: string }).contextName : undefined;
    if (prefer !== undefined && home === prefer) return 0;
    return declaration.uri === this.uri ? 1 : 2;
  }

  /** Declarations of some kinds, nearest first (see nearness), then by name. */
  named(kinds: readonly ElementKind[], prefer: string | undefined = this.here): void {
    const all: Declaration[] = [];
    for (const declarations of this.model.index.values()) for (const declaration of declarations) if (kinds.includes(declaration.kind)) all.push(declaration);
    const ranked = all.map((declaration) => ({ declaration, near: this.nearness(declaration, prefer) }));
    ranked.sort((a, b) => a.near - b.near || a.declaration.name.localeCompare(b.declaration.name));
    for (const { declaration } of ranked) this.declaration(declaration);
  }

  /**
   * Bounded contexts, nearest first: the `first` ones (the context that owns a
   * step's command), the one the cursor is in and those declared in the current
   * file, then the rest, each group in declaration order.
   */
  contexts(filter: (external: boolean) => boolean = () => true, first: readonly string[] = []): void {
    const rank = (context: BoundedContext) =>
      first.includes(context.name) ? 0 : context.name === this.here || context.declarations.some((declaration) => declaration.uri === this.uri) ? 1 : 2;
    const ranked = [...this.model.contexts.values()].filter((context) => filter(context.external)).map((context, order) => ({ context, order, rank: rank(context) }));
    ranked.sort((a, b) => a.rank - b.rank || a.order - b.order);
    for (const { context } of ranked) this.declaration(context);
  }

  /** The commands named `name` (simple, or qualified by their context). */
  commandsNamed(name: string | undefined): Command[] {
    if (!name) return [];
    const qualifier = name.includes('.') ? name.split('.')[0] : undefined;
    return (this.model.index.get(simpleName(name)) ?? []).filter(
      (declaration): declaration is Command => declaration.kind === 'command' && (qualifier === undefined || declaration.contextName === qualifier),
    );
  }

  /** The events a step's command emits (declared, or as its `emits` writes them). */
  emittedBy(command: string | undefined): void {
    for (const declaration of this.commandsNamed(command)) {
      for (const event of declaration.emits) {
        if (event.target) this.declaration(event.target);
        else if (simpleName(event.text).trim()) this.out.add({ label: simpleName(event.text), kind: 'event', detail: `domain event ${declaration.name} emits (not declared yet)` });
      }
    }
  }

  subdomains(): void {
    for (const subdomain of this.model.subdomains) this.declaration(subdomain);
  }

  types(): void {
    this.named(['value', 'entity', 'enum']);
    for (const name of builtinTypes) {
      const arity = genericArity[name];
      this.out.add({ label: name, kind: 'type', detail: arity ? `built-in generic type (${arity === 2 ? 'Map<K, V>' : `${name}<T>`})` : 'built-in type' });
    }
    const identities = new Set<string>();
    for (const context of this.model.contexts.values()) {
      for (const aggregate of context.aggregates) {
        const root = aggregate.entities.find((entity) => entity.root) ?? aggregate.entities[0];
        identities.add(`${root?.name ?? aggregate.name}Id`);
      }
    }
    for (const reference of this.model.references) {
      const name = simpleName(reference.text);
      if (reference.expected.includes('value') && /^[A-Z][A-Za-z0-9_]*Id$/.test(name) && !reference.target) identities.add(name);
    }
    for (const name of [...identities].sort()) this.out.add({ label: name, kind: 'type', detail: 'identity type (needs no declaration)' });
  }

  roles(side: 'left' | 'right' | undefined, arrow: string | undefined): void {
    const position = (info: RoleInfo): number => {
      if (arrow === '<->') return info.position === 'symmetric' ? 0 : 1;
      const upstream = arrow === '<-' ? side === 'right' : side === 'left';
      if (!arrow) return info.position === (side === 'right' ? 'downstream' : 'upstream') ? 0 : 1;
      return info.position === (upstream ? 'upstream' : 'downstream') ? 0 : 1;
    };
    const roles = Object.values(roleDictionary).sort((a, b) => position(a) - position(b));
    for (const info of roles) {
      this.out.add({ label: info.code, kind: 'role', detail: `${info.name} (${info.position})`, documentation: info.meaning });
    }
  }

  states(sagaName: string | undefined): void {
    for (const [saga, states] of this.index.states) {
      if (saga.name !== sagaName || saga.uri !== this.uri) continue;
      for (const name of states.keys()) this.out.add({ label: name, kind: 'state', detail: `state of saga ${saga.name}` });
    }
  }

  arrows(): void {
    this.out.add({ label: '->', kind: 'operator', detail: 'upstream -> downstream', documentation: 'The left context is upstream; the right one depends on it.' });
    this.out.add({ label: '<->', kind: 'operator', detail: 'symmetric', documentation: 'Shared kernel (SK) or partnership (P): neither side is upstream.' });
    this.out.add({ label: '<-', kind: 'operator', detail: 'downstream <- upstream', documentation: 'The right context is upstream.' });
  }

  /** The qualifier before the cursor: `Sales` in `Sales.|` or `Sales.Or|`, `Sales`, `Order` in `Sales.Order.|`. */
  qualifierParts(): string[] | undefined {
    if (this.typedQualifier) return this.typedQualifier;
    if (!this.prevIs('.')) return undefined;
    const qualifier = this.prev(2);
    if (!qualifier || qualifier.group || !isNameToken(qualifier.token)) return [];
    if (isQualifiedNameToken(qualifier.token)) return qualifier.token.image.split('.');
    const outer = this.prevIs('.', 3) ? this.prev(4) : undefined;
    return outer && !outer.group ? [...outer.token.image.split('.'), qualifier.token.image] : [qualifier.token.image];
  }

  /** After `Sales.`: the members of that context (after `Sales.Order.`, of that aggregate; after `Shop.`, the domain's subdomains). */
  qualified(): boolean {
    const parts = this.qualifierParts();
    if (!parts) return false;
    const [first, second] = parts;
    if (first === undefined) return true;
    if (second !== undefined) {
      const aggregate = this.model.contexts.get(first)?.aggregates.find((candidate) => candidate.name === second);
      if (aggregate) for (const list of childLists(aggregate)) for (const member of list) if (member && member.kind !== 'contextDeclaration') this.declaration(member);
      return true;
    }
    const members = membersOfContext(this.model, first);
    if (members) {
      for (const declarations of members.values()) for (const declaration of declarations) this.declaration(declaration);
      return true;
    }
    const domain = this.model.domains.find((candidate) => candidate.name === first);
    if (domain) for (const subdomain of domain.subdomains) this.declaration(subdomain);
    return true;
  }
}

function isStringToken(token: IToken): boolean {
  return token.tokenType === StringLiteral || token.tokenType === UnterminatedString;
}

/** The units of the cursor's block before the cursor. */
function levelUnits(tokens: readonly IToken[], frame: BlockFrame, cursor: number): Unit[] {
  const units: Unit[] = [];
  for (let i = frame.open + 1; i < cursor; i++) {
    const token = tokens[i]!;
    if (token.tokenType === LCurly) {
      let depth = 1;
      let j = i + 1;
      for (; j < cursor && depth > 0; j++) {
        if (tokens[j]!.tokenType === LCurly) depth++;
        else if (tokens[j]!.tokenType === RCurly) depth--;
      }
      units.push({ token: tokens[j - 1]!, group: true });
      i = j - 1;
      continue;
    }
    units.push({ token, group: false });
  }
  return units;
}

/** The units since the last unit that satisfies `isStart` (included), or all of them. */
function statement(units: Unit[], isStart: (unit: Unit, i: number) => boolean): Unit[] {
  for (let i = units.length - 1; i >= 0; i--) if (isStart(units[i]!, i)) return units.slice(i);
  return units;
}

function keywordUnit(unit: Unit | undefined, words: readonly string[]): boolean {
  return !!unit && !unit.group && words.includes(unit.token.image) && unit.token.tokenType === keywords[unit.token.image];
}

// ---------------------------------------------------------------- places

function topLevel(c: CompletionContext): void {
  const head = statement(c.units, (unit) => keywordUnit(unit, topKeywords));
  const first = head[0];
  const last = c.prev();
  if (!last || last.group || !first || !keywordUnit(first, topKeywords)) return c.out.keywords(topKeywords);
  const word = first.token.image;
  if (head.length === 1) {
    // a new name; for a context, the existing ones (contexts are open: their parts merge)
    if (word === 'context') c.contexts();
    return;
  }
  if (word === 'context') {
    if (c.prevIs('implements') || (c.prevIs(',') && head.some((unit) => keywordUnit(unit, ['implements'])))) return c.subdomains();
    c.out.keywords(['implements', 'external']);
    return c.out.keywords(topKeywords);
  }
  if (word === 'saga') {
    if (head.length === 2) return c.out.keywords(['orchestrated', 'choreographed']);
    if (c.prevIs('orchestrated')) return c.out.keywords(['by']);
    if (c.prevIs('by')) return c.contexts((external) => !external);
  }
  c.out.keywords(topKeywords);
}

function domainBody(c: CompletionContext): void {
  if (keywordUnit(c.prev(), ['core', 'supporting', 'generic'])) return c.out.keywords(['subdomain']);
  if (c.prevIs('subdomain')) return;
  c.out.keywords(domainMembers);
}

function contextOrAggregateBody(c: CompletionContext, members: readonly string[]): void {
  const head = statement(c.units, (unit) => keywordUnit(unit, members));
  const word = keywordUnit(head[0], members) ? head[0]!.token.image : undefined;
  const prev = c.prev();
  const has = (keyword: string) => head.some((unit) => keywordUnit(unit, [keyword]));
  if (c.prevIs('root')) return c.out.keywords(['entity']);
  if (prev && !prev.group && nameKeywords.has(prev.token.image) && keywordUnit(prev, [prev.token.image])) return; // a new name
  if (c.prevIs('owner') || c.prevIs('invariant') || c.prevIs('glossary')) return;
  if (c.prevIs('for')) return c.named(['aggregate']);
  if (c.prevIs('of')) return c.named(['aggregate']);
  if (c.prevIs('from') || (c.prevIs(',') && word === 'readmodel')) return c.named(['event']);
  if (c.prevIs('emits') || (c.prevIs(',') && word === 'command' && has('emits'))) {
    // the event named for the command first (`ShipParcel emits ParcelShipped`), declared or not yet
    if (word === 'command' && head[1] && isNameToken(head[1].token)) c.eventNamedFor(head[1].token.image);
    return c.named(['event']);
  }
  if (c.prevIs('applies') || c.prevIs('=') || c.prevIs('+=') || c.prevIs('-=')) return;
  // what may follow a declaration's name, then (newlines mean nothing) the next member
  if (word === 'repository' && head.length === 2) return c.out.keywords(['for']);
  if (word === 'stream' && head.length === 2) return c.out.keywords(['of']);
  if (word === 'readmodel' && head.length >= 2 && !has('from')) c.out.keywords(['from']);
  if (word === 'command' && !has('emits') && prev && (head.length === 2 || prev.group || isStringToken(prev.token))) c.out.keywords(['emits']);
  if (word === 'event' && !has('applies') && (head.length === 2 || prev?.group)) c.out.keywords(['applies']);
  if (word === 'aggregate' && head.length === 2) c.out.keywords(['eventsourced']);
  c.out.keywords(members === aggregateMembers ? aggregateMembers : contextMembers);
}

/** Inside a field list, a structure or operations: types after `:` and inside `< >`. */
function memberBody(c: CompletionContext, invariant: boolean): void {
  if (c.prevIs(':') || c.prevIs('<')) return c.types();
  if (c.prevIs(',')) {
    // inside `Map<K, V>` or an operation's parameters
    let angles = 0;
    for (let i = c.units.length - 1; i >= 0; i--) {
      const unit = c.units[i]!;
      if (unit.group) break;
      if (unit.token.tokenType === RAngle) angles--;
      else if (unit.token.tokenType === LAngle) angles++;
      else if (unit.token.tokenType === Colon && angles <= 0) break;
      if (angles > 0) return c.types();
    }
    return;
  }
  const prev = c.prev();
  if (invariant && (!prev || prev.group || prev.token.tokenType === Identifier || prev.token.tokenType === RAngle || prev.token.image === '?' || prev.token.tokenType === RParen || isStringToken(prev.token))) {
    c.out.keywords(['invariant']);
  }
}

function streamBody(c: CompletionContext): void {
  const prev = c.prev();
  if (c.prevIs('(') || (c.prevIs(',') && openParen(c.units) !== undefined)) {
    const at = openParen(c.units);
    const eventName = at !== undefined ? c.units[at - 1]?.token.image : undefined;
    const event = c.model.index.get(eventName ?? '')?.find((declaration) => declaration.kind === 'event');
    if (event?.kind === 'event') for (const field of present(event.fields)) c.out.add({ label: field.name, kind: 'field', detail: field.type?.text ?? '', insertText: `${field.name}: ` });
    return;
  }
  if (c.prevIs('expect') || c.prevIs(':') || c.prevIs('=')) return;
  if (!prev || prev.group || prev.token.tokenType === RParen || prev.token.tokenType.name === 'NumberLiteral' || isStringToken(prev.token) || prev.token.tokenType === LCurly) {
    c.named(['event']);
    c.out.keywords(['expect']);
  }
}

function openParen(units: Unit[]): number | undefined {
  for (let i = units.length - 1; i >= 0; i--) {
    const type = units[i]!.token.tokenType;
    if (type === RParen) return undefined;
    if (type === LParen) return i;
  }
  return undefined;
}

function contextMapBody(c: CompletionContext): void {
  let phase = 0; // 0: nothing, 1: left context, 2: arrow, 3: right context
  let inBrackets = false;
  let dotted = false;
  let arrow: string | undefined;
  for (const unit of c.units) {
    const type = unit.token.tokenType;
    if (unit.group) {
      phase = phase === 3 ? 3 : phase;
      continue;
    }
    if (type === LBracket) inBrackets = true;
    else if (type === RBracket) inBrackets = false;
    else if (inBrackets || isStringToken(unit.token) || type === Comma) continue;
    else if (type === Dot) dotted = true;
    else if (type === RightArrow || type === LeftArrow || type === BothArrow) {
      phase = 2;
      arrow = unit.token.image;
    } else if (isNameToken(unit.token)) {
      if (dotted) dotted = false;
      else if (phase === 2) phase = 3;
      else {
        phase = 1;
        arrow = undefined;
      }
    }
  }
  if (inBrackets) return c.roles(phase >= 3 ? 'right' : 'left', arrow);
  if (phase === 1) {
    c.arrows();
    return;
  }
  c.contexts();
}

function sharedBody(c: CompletionContext): void {
  c.named(['value', 'entity', 'enum', 'event', 'command', 'aggregate']);
}

function orchestrationBody(c: CompletionContext, sagaName: string | undefined): void {
  const step = statement(c.units, (unit) => keywordUnit(unit, ['step', 'start']));
  const isStep = keywordUnit(step[0], ['step']);
  const participantAt = step.findIndex((unit) => keywordUnit(unit, ['on']));
  const participant = participantAt >= 0 ? step[participantAt + 1]?.token.image : undefined;
  // the step's command, as written after `step`
  const command = isStep && step[1] && !step[1].group && isNameToken(step[1].token) ? step[1].token.image : undefined;
  if (c.prevIs('step')) return c.named(['command']);
  // the context that declares the command first
  if (c.prevIs('on')) return c.contexts(undefined, c.commandsNamed(command).map((declaration) => declaration.contextName));
  if (c.prevIs('reply')) {
    // the event the command emits first
    c.emittedBy(command);
    return c.named(['event'], participant);
  }
  if (c.prevIs('compensate')) {
    c.out.keywords(['none']);
    return c.named(['command'], participant);
  }
  if (c.prevIs('->') || c.prevIs('start')) {
    if (c.prevIs('start')) c.out.add({ label: 'STARTED', kind: 'state', detail: 'the usual start state' });
    return c.states(sagaName);
  }
  if (c.prevIs('fails')) return c.out.add({ label: '->', kind: 'operator', detail: 'fails -> STATE: the state entered when the step fails' });
  if (isStep && step.length === 2) return c.out.keywords(['on']);
  if (!step.length || !isStep) return c.out.keywords(step.length ? ['step'] : ['start', 'step']);
  if (isStep && participantAt < 0) return;
  const present = new Set(step.filter((unit) => !unit.group).map((unit) => unit.token.image));
  c.out.keywords(['reply', 'compensate', 'fails', 'idempotent'].filter((word) => !present.has(word)));
  c.out.add({ label: '->', kind: 'operator', detail: '-> STATE: the state reached when the step succeeds' });
  c.out.keywords(['step']);
}

function choreographyBody(c: CompletionContext): void {
  type Phase = 'start' | 'participant' | 'trigger' | 'afterTrigger' | 'emit' | 'afterEmit';
  let phase: Phase = 'start';
  let participant: string | undefined;
  let dotted = false;
  for (const unit of c.units) {
    if (unit.group) continue;
    const token = unit.token;
    const word = token.tokenType === keywords[token.image] ? token.image : undefined;
    if (token.tokenType === Dot) {
      dotted = true;
      continue;
    }
    if (word === 'on' && phase === 'participant') phase = 'trigger';
    else if ((word === 'or' || word === 'and') && phase === 'afterTrigger') phase = 'trigger';
    else if ((word === 'compensates' || word === 'idempotent') && phase === 'afterTrigger') phase = 'afterTrigger';
    else if (word === 'emits' && phase === 'afterTrigger') phase = 'emit';
    else if ((word === 'else' || token.tokenType === Comma) && phase === 'afterEmit') phase = 'emit';
    else if (isNameToken(token)) {
      if (dotted) {
        dotted = false;
        continue;
      }
      if (phase === 'trigger') phase = 'afterTrigger';
      else if (phase === 'emit') phase = 'afterEmit';
      else {
        phase = 'participant';
        participant = token.image;
      }
    }
  }
  switch (phase) {
    case 'start':
      return c.contexts();
    case 'participant':
      return c.out.keywords(['on']);
    case 'trigger':
      return c.named(['event', 'command'], participant);
    case 'afterTrigger':
      c.out.keywords(['emits', 'or', 'and', 'compensates', 'idempotent']);
      return c.contexts();
    case 'emit':
      return c.named(['event'], participant);
    case 'afterEmit':
      c.out.keywords(['else']);
      return c.contexts();
  }
}

function stormingBody(c: CompletionContext): void {
  const sticky = statement(c.units, (unit) => keywordUnit(unit, stickyKeywords));
  const type = keywordUnit(sticky[0], stickyKeywords) ? sticky[0]!.token.image : undefined;
  const board = c.model.boards.find((candidate) => candidate.uri === c.uri && candidate.range.start <= c.offset && c.offset <= candidate.range.end);
  const onBoard = (stickyType: string) => {
    for (const note of board?.stickies ?? []) if (note.type === stickyType && note.text) c.out.add({ label: note.text, kind: stickyType === 'actor' ? 'actor' : (stickyType as ElementKind), detail: `${stickyType} on board ${board!.name}` });
  };
  const clause = [...sticky].reverse().find((unit) => keywordUnit(unit, ['by', 'on', 'when', 'then', 'from']))?.token.image;
  const listing = c.prevIs(',') ? clause : undefined;
  if (c.prevIs('by')) return onBoard('actor');
  if (c.prevIs('on')) {
    onBoard('aggregate');
    return c.named(['aggregate']);
  }
  if (c.prevIs('when') || c.prevIs('from') || listing === 'when' || listing === 'from') {
    onBoard('event');
    return c.named(['event']);
  }
  if (c.prevIs('then') || listing === 'then') {
    onBoard('command');
    return c.named(['command']);
  }
  if (sticky.length === 1 && type) {
    if (type === 'command') return c.named(['command']);
    if (type === 'event') return c.named(['event']);
    if (type === 'aggregate') return c.named(['aggregate']);
    if (type === 'readmodel') return c.named(['readmodel']);
    if (type === 'external') return c.contexts((external) => external);
    return;
  }
  if (type === 'command') c.out.keywords(['by', 'on']);
  if (type === 'policy') c.out.keywords(['when', 'then']);
  if (type === 'readmodel') c.out.keywords(['from']);
  c.out.keywords(stickyKeywords);
}

// ---------------------------------------------------------------- entry

function insideCommentOrString(tokens: readonly IToken[], comments: readonly IToken[], offset: number): boolean {
  for (const list of [comments, tokens]) {
    const i = tokenIndexAt(list, offset) - 1;
    const token = list[i];
    if (!token) continue;
    if (list === tokens && !isStringToken(token)) continue;
    const end = tokenEnd(token);
    // a line comment runs to the end of its line; a closed string ends before its quote
    if (offset > token.startOffset && (offset < end || (offset === end && (list === comments ? token.image.startsWith('//') : token.tokenType === UnterminatedString)))) return true;
  }
  return false;
}

/** What may be written at `offset` of the document `uri`: keywords valid there, then names from the model. */
export function completionsAt(model: DddModel, uri: string, offset: number): CompletionCandidate[] {
  const index = navIndex(model);
  const document = index.documents.get(uri);
  if (!document) {
    const out = new Candidates();
    out.keywords(topKeywords);
    return out.result();
  }
  const { tokens } = document;
  if (insideCommentOrString(tokens, document.comments, offset)) return [];
  // the word being typed is not part of what precedes the cursor
  let cursor = tokenIndexAt(tokens, offset);
  const before = tokens[cursor - 1];
  let typedQualifier: string[] | undefined;
  if (before && isNameToken(before) && tokenEnd(before) >= offset) {
    cursor--;
    if (isQualifiedNameToken(before)) {
      const parts = before.image.slice(0, offset - before.startOffset).split('.');
      parts.pop();
      if (parts.length) typedQualifier = parts;
    }
  }
  const { stack } = analyseBlocks(tokens, cursor);
  const frame = stack[stack.length - 1]!;
  const units = levelUnits(tokens, frame, cursor);
  const c = new CompletionContext(model, uri, offset, units, frame, tokens, typedQualifier);
  if (c.qualified()) return c.out.result();
  switch (frame.kind) {
    case 'top':
      topLevel(c);
      break;
    case 'domain':
      domainBody(c);
      break;
    case 'context':
      contextOrAggregateBody(c, contextMembers);
      break;
    case 'aggregate':
      contextOrAggregateBody(c, aggregateMembers);
      break;
    case 'structure':
      memberBody(c, true);
      break;
    case 'fields':
    case 'operations':
      memberBody(c, false);
      break;
    case 'stream':
      streamBody(c);
      break;
    case 'contextmap':
      contextMapBody(c);
      break;
    case 'shared':
      sharedBody(c);
      break;
    case 'orchestration': {
      const sagaName = frame.head >= 0 ? tokens[frame.head + 1]?.image : undefined;
      orchestrationBody(c, sagaName);
      break;
    }
    case 'choreography':
      choreographyBody(c);
      break;
    case 'storming':
      stormingBody(c);
      break;
    default:
      break;
  }
  return c.out.result();
}
