/**
 * What may be written in each kind of block: top level, domain, context or aggregate,
 * members, streams, context maps, sagas and storming boards (completion.ts picks the place).
 */
import type { ElementKind } from '../model/elements';
import { inheritingKindNames, type InheritingDeclaration } from '../model/inheritance';
import { nameKeywords } from '../syntax/constructs';
import { BothArrow, Colon, Comma, Dot, Identifier, LAngle, LBracket, LCurly, LParen, LeftArrow, RAngle, RBracket, RParen, RightArrow, keywords } from '../syntax/tokens';
import { present } from './present';
import { isNameToken } from './token-kinds';
import { mapKeywords, relationshipKeywords } from './strategic-completion';
import { CompletionContext, domainMembers, isStringToken, keywordUnit, statement, stickyKeywords, topKeywords, type Unit } from './completion-context';

// ---------------------------------------------------------------- places

export function topLevel(c: CompletionContext): void {
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
    c.out.keywords(['implements', 'refines', 'external']);
    return c.out.keywords(topKeywords);
  }
  // issue 13: `team T implements Sub realizes …`
  if (word === 'team') {
    if (c.prevIs('implements') || (c.prevIs(',') && !head.some((unit) => keywordUnit(unit, ['realizes'])))) return c.subdomains();
    if (!head.some((unit) => keywordUnit(unit, ['implements', 'realizes']))) c.out.keywords(['implements']);
    if (!head.some((unit) => keywordUnit(unit, ['realizes']))) return c.out.keywords(['realizes']);
  }
  if ((word === 'stakeholders' && head.length === 1) || (word === 'values' && head.length === 2)) return c.out.keywords(['for']);
  if ((word === 'stakeholders' || word === 'values') && c.prevIs('for')) return c.contexts();
  if (word === 'saga') {
    if (head.length === 2) return c.out.keywords(['orchestrated', 'choreographed']);
    if (c.prevIs('orchestrated')) return c.out.keywords(['by']);
    if (c.prevIs('by')) return c.contexts((external) => !external);
  }
  c.out.keywords(topKeywords);
}

export function domainBody(c: CompletionContext): void {
  if (keywordUnit(c.prev(), ['core', 'supporting', 'generic'])) return c.out.keywords(['subdomain']);
  if (c.prevIs('subdomain')) return;
  c.out.keywords(domainMembers);
}

export function contextOrAggregateBody(c: CompletionContext, members: readonly string[]): void {
  const head = statement(c.units, (unit) => keywordUnit(unit, members));
  const word = keywordUnit(head[0], members) ? head[0]!.token.image : undefined;
  const prev = c.prev();
  const has = (keyword: string) => head.some((unit) => keywordUnit(unit, [keyword]));
  if (c.prevIs('root')) return c.out.keywords(['entity']);
  if (c.prevIs('abstract')) return c.out.keywords(inheritingKindNames);
  if (c.prevIs('lifecycle')) return c.out.keywords(['enum']);
  // a base of the declaration's own kind
  if (c.prevIs('extends')) return c.named([inheritingKindNames.find((kind) => kind !== 'entity' && has(kind)) ?? 'entity']);
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
  if (word && inheritingKindNames.includes(word as InheritingDeclaration['kind']) && head.length === 2) c.out.keywords(['extends']);
  if (word === 'command' && !has('emits') && prev && (head.length === 2 || prev.group || isStringToken(prev.token))) c.out.keywords(['emits']);
  if (word === 'command' && !has('writes') && prev && (head.length === 2 || prev.group || isStringToken(prev.token) || has('emits'))) c.out.keywords(['writes']);
  if (word === 'event' && !has('applies') && (head.length === 2 || prev?.group)) c.out.keywords(['applies']);
  if (word === 'aggregate' && head.length === 2) c.out.keywords(['eventsourced']);
  c.out.keywords(members);
}

/** Inside a field list, a structure or operations: types after `:` and inside `< >`. */
export function memberBody(c: CompletionContext, invariant: boolean): void {
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

export function streamBody(c: CompletionContext): void {
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

export function openParen(units: Unit[]): number | undefined {
  for (let i = units.length - 1; i >= 0; i--) {
    const type = units[i]!.token.tokenType;
    if (type === RParen) return undefined;
    if (type === LParen) return i;
  }
  return undefined;
}

export function contextMapBody(c: CompletionContext): void {
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
  // issue 13: after the downstream, a name for the relationship; at the start of a line, the map's attribute lines too
  if (phase === 3 && !c.prev()?.group && !c.prevIs('as')) c.out.keywords(['as']);
  if (c.prevIs('as')) return;
  c.contexts();
  // an organisational map relates teams too
  c.named(['team']);
  c.out.keywords(mapKeywords);
}

export function sharedBody(c: CompletionContext): void {
  c.out.keywords(relationshipKeywords);
  c.named(['value', 'entity', 'enum', 'event', 'command', 'aggregate']);
}

export function orchestrationBody(c: CompletionContext, sagaName: string | undefined): void {
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

export function choreographyBody(c: CompletionContext): void {
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

export function stormingBody(c: CompletionContext): void {
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

