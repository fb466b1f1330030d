/**
 * What completion knows about the cursor's place: the tokens before it in its block, the
 * block it is in, and the candidates gathered so far, ranked (completion.ts, completion-places.ts).
 */
import type { IToken } from 'chevrotain';
import { roleDictionary, type RoleInfo } from '../context-map/relationships';
import { builtinTypes, genericArity } from '../model/builtin-types';
import { childLists } from '../model/element-tree';
import type { BoundedContext, Command, Declaration, ElementKind } from '../model/elements';
import { kindWords, membersOfContext, qualifiedName, type DddModel } from '../model/model';
import { simpleName } from '../model/qualified-names';
import { suggestEventName } from '../naming/name-style';
import { constructDescriptions, keywordsIn } from '../syntax/constructs';
import { LCurly, RCurly, StringLiteral, UnterminatedString, keywords } from '../syntax/tokens';
import type { BlockFrame } from './blocks';
import { contextAt } from './element-at';
import { navIndex, type NavIndex } from './nav-index';
import { isNameToken, isQualifiedNameToken } from './token-kinds';

export type CompletionKind = 'keyword' | 'role' | 'state' | 'type' | 'actor' | 'operator' | 'attributeValue' | ElementKind;

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
export const keywordDocs: Record<string, string> = {
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
  extends: 'The entity, value object or event it inherits the fields of (of the same kind).',
  key: 'Marks the field that identifies the entity (its business key).',
  writes: 'Changes the aggregate: the lifecycle transition it makes, [FROM -> TO].',
  reads: 'Reads only: changes nothing.',
  throws: 'What the operation may raise.',
  delegates: 'The aggregate that does the work, and the lifecycle transition it makes.',
  triggers: 'The command or operation the events set off.',
  public: 'Visible to everyone.',
  protected: 'Visible to the declaring element and the ones that extend it.',
  private: 'Visible to the declaring element only.',
  internal: 'Visible inside the bounded context only.',
};

export const topKeywords = keywordsIn('top');
export const domainMembers = keywordsIn('domain');
export const contextMembers = keywordsIn('context');
export const aggregateMembers = keywordsIn('aggregate');
export const moduleMembers = keywordsIn('module');
export const applicationMembers = keywordsIn('application');
export const stickyKeywords = keywordsIn('storming');

/** A token before the cursor at the cursor's block level; a nested `{ … }` counts as one `group`. */
export interface Unit {
  token: IToken;
  group: boolean;
}

export class Candidates {
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

export class CompletionContext {
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

export function isStringToken(token: IToken): boolean {
  return token.tokenType === StringLiteral || token.tokenType === UnterminatedString;
}

/** The units of the cursor's block before the cursor. */
export function levelUnits(tokens: readonly IToken[], frame: BlockFrame, cursor: number): Unit[] {
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
export function statement(units: Unit[], isStart: (unit: Unit, i: number) => boolean): Unit[] {
  for (let i = units.length - 1; i >= 0; i--) if (isStart(units[i]!, i)) return units.slice(i);
  return units;
}

export function keywordUnit(unit: Unit | undefined, words: readonly string[]): boolean {
  return !!unit && !unit.group && words.includes(unit.token.image) && unit.token.tokenType === keywords[unit.token.image];
}

