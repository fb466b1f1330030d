/**
 * An event storming board as a view model: plain data a webview draws as sticky
 * notes (and `stormingDiagram` turns into a mermaid flowchart). The timeline
 * keeps the board's order, left to right; stickies a line implies but the board
 * does not show (the actor of `by`, the aggregate of `on`, the command of a
 * policy's `then`, the events of `when` and `from`) are added next to the line
 * that names them, marked `derived`. Commands `on` an aggregate, that aggregate
 * and the event that follows the command sit in the aggregate's lane (as do
 * events the model declares in an aggregate the board names).
 *
 * Without a board, `modelStormingView` synthesises one from the model: per
 * aggregate its commands and the events they emit, read models from their
 * events, and a policy per reaction of each choreographed saga.
 */
import type { Diagnostic } from '../diagnostics';
import type { Declaration, StickyType, StormingBoard, TextRange } from '../model/elements';
import { stickyTypes } from '../syntax/constructs';
import type { DddModel } from '../model/model';
import { choreographyOf } from '../sagas/choreography';
import { stickyStyles } from './theme';

/** Where a note comes from: written on the board, implied by a line of it, synthesised from the model, or a finding. */
export type StickyOrigin = 'board' | 'derived' | 'model' | 'diagnostic';

export interface StickyNote {
  /** Stable for the board's content: `n3` is the board's third line, `d1` the first derived note, `h1` the first finding. */
  id: string;
  type: StickyType;
  text: string;
  /** The paper's colour (community convention), the text's colour, and the sticky's size. */
  colour: string;
  textColour: string;
  size: 'small' | 'normal' | 'large';
  /** Position on the timeline, from 0, left to right. */
  order: number;
  /** The aggregate lane (a name), or undefined for the main lane. */
  lane?: string;
  origin: StickyOrigin;
  /** Whether the name resolves to a declaration of the model (the editor offers a quick fix when not). */
  declared: boolean;
  description?: string;
  /** For a hotspot made from a finding: its code. */
  code?: string;
  uri?: string;
  range?: TextRange;
}

/**
 * - `by`: actor → command; `on`: command → aggregate; `emits`: command → event;
 * - `when`: event → policy; `then`: policy → command (or event, for a saga's reaction);
 * - `from`: event → read model.
 */
export type StormingLinkKind = 'by' | 'on' | 'emits' | 'when' | 'then' | 'from';

export interface StormingLink {
  from: string;
  to: string;
  kind: StormingLinkKind;
}

export interface StormingLane {
  /** '' for the main lane. */
  name: string;
  /** Note ids in timeline order. */
  notes: string[];
}

export interface StormingView {
  name: string;
  /** A board of the model, or the whole model synthesised as one. */
  origin: 'board' | 'model';
  uri?: string;
  range?: TextRange;
  /** In timeline order. */
  notes: StickyNote[];
  links: StormingLink[];
  /** The main lane first, then one per aggregate in order of first appearance. */
  lanes: StormingLane[];
  /** Each sticky type used, with its colour, in the community's order. */
  legend: { type: StickyType; label: string; colour: string }[];
}

interface Draft {
  id: string;
  type: StickyType;
  text: string;
  origin: StickyOrigin;
  declared: boolean;
  lane?: string;
  description?: string;
  code?: string;
  uri?: string;
  range?: TextRange;
}

function finish(name: string, origin: 'board' | 'model', timeline: Draft[], links: StormingLink[], where: { uri?: string; range?: TextRange }): StormingView {
  const notes: StickyNote[] = timeline.map((draft, order) => {
    const style = stickyStyles[draft.type];
    const note: StickyNote = {
      id: draft.id,
      type: draft.type,
      text: draft.text,
      colour: style.colour,
      textColour: style.text,
      size: style.size,
      order,
      origin: draft.origin,
      declared: draft.declared,
    };
    if (draft.lane !== undefined) note.lane = draft.lane;
    if (draft.description !== undefined) note.description = draft.description;
    if (draft.code !== undefined) note.code = draft.code;
    if (draft.uri !== undefined && draft.range) {
      note.uri = draft.uri;
      note.range = { start: draft.range.start, end: draft.range.end };
    }
    return note;
  });
  const lanes: StormingLane[] = [{ name: '', notes: [] }];
  for (const note of notes) {
    const laneName = note.lane ?? '';
    let lane = lanes.find((candidate) => candidate.name === laneName);
    if (!lane) lanes.push((lane = { name: laneName, notes: [] }));
    lane.notes.push(note.id);
  }
  const used = new Set(notes.map((note) => note.type));
  const legend = stickyTypes.filter((type) => used.has(type)).map((type) => ({ type, label: stickyStyles[type].label, colour: stickyStyles[type].colour }));
  const seen = new Set<string>();
  const unique = links.filter((link) => {
    const key = `${link.from}>${link.to}>${link.kind}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
  const view: StormingView = { name, origin, notes, links: unique, lanes, legend };
  if (where.uri !== undefined && where.range) {
    view.uri = where.uri;
    view.range = { start: where.range.start, end: where.range.end };
  }
  return view;
}

// ---------------------------------------------------------------- a board

/** The board named `boardName` (default: the first board; the whole model when there is none). Undefined for an unknown name. */
export function stormingView(model: DddModel, boardName?: string): StormingView | undefined {
  if (boardName === undefined) return model.boards[0] ? boardView(model, model.boards[0]) : modelStormingView(model);
  const board = model.boards.find((candidate) => candidate.name === boardName);
  return board ? boardView(model, board) : undefined;
}

export function boardView(model: DddModel, board: StormingBoard): StormingView {
  void model;
  const written: Draft[] = board.stickies.map((sticky, index) => {
    const draft: Draft = {
      id: `n${index + 1}`,
      type: sticky.type,
      text: sticky.text,
      origin: 'board',
      declared: sticky.ref?.target !== undefined || (sticky.ref?.candidates?.length ?? 0) > 0,
      uri: sticky.uri,
      range: sticky.range,
    };
    if (sticky.description !== undefined) draft.description = sticky.description;
    return draft;
  });
  // derived notes go before (`by`, `when`, `from`) or after (`on`, `then`) the line that names them
  const before = written.map((): Draft[] => []);
  const after = written.map((): Draft[] => []);
  const derived = new Map<string, Draft>();
  let derivedCount = 0;
  const links: StormingLink[] = [];

  /** The board's note of a type and text nearest to `index`: the last one before it, else the first after it. */
  const find = (type: StickyType, text: string, index: number, prefer: 'before' | 'after'): Draft | undefined => {
    const matches = written.map((draft, i) => ({ draft, i })).filter(({ draft }) => draft.type === type && draft.text === text);
    const earlier = matches.filter(({ i }) => i < index);
    const later = matches.filter(({ i }) => i > index);
    const pick = prefer === 'before' ? earlier[earlier.length - 1] ?? later[0] : later[0] ?? earlier[earlier.length - 1];
    return pick?.draft ?? derived.get(`${type}:${text}`);
  };
  const derive = (type: StickyType, text: string, index: number, place: 'before' | 'after', target: Declaration | undefined): Draft => {
    const key = `${type}:${text}`;
    let draft = derived.get(key);
    if (!draft) {
      draft = { id: `d${++derivedCount}`, type, text, origin: 'derived', declared: target !== undefined };
      if (target && 'nameRange' in target) {
        draft.uri = target.uri;
        draft.range = target.nameRange;
      }
      derived.set(key, draft);
      (place === 'before' ? before : after)[index]!.push(draft);
    }
    return draft;
  };
  const note = (type: StickyType, text: string, index: number, place: 'before' | 'after', target?: Declaration) =>
    find(type, text, index, place) ?? derive(type, text, index, place, target);

  // lanes are the aggregates the board names (`on X`, aggregate stickies)
  const boardLanes = new Set(board.stickies.flatMap((sticky) => (sticky.type === 'aggregate' ? [sticky.text] : sticky.on ? [sticky.on.text] : [])));
  let openLane: string | undefined; // the lane of the last command, until an event follows it
  board.stickies.forEach((sticky, index) => {
    const self = written[index]!;
    switch (sticky.type) {
      case 'command': {
        if (sticky.by) links.push({ from: note('actor', sticky.by.text, index, 'before').id, to: self.id, kind: 'by' });
        openLane = undefined;
        if (sticky.on) {
          self.lane = sticky.on.text;
          openLane = sticky.on.text;
          const aggregate = note('aggregate', sticky.on.text, index, 'after', sticky.on.target);
          aggregate.lane = sticky.on.text;
          links.push({ from: self.id, to: aggregate.id, kind: 'on' });
        }
        const command = sticky.ref?.target;
        if (command?.kind === 'command') {
          for (const emitted of command.emits) {
            const event = find('event', emitted.text, index, 'after');
            if (event) links.push({ from: self.id, to: event.id, kind: 'emits' });
          }
        }
        break;
      }
      case 'event': {
        const declaredAggregate = sticky.ref?.target?.kind === 'event' ? sticky.ref.target.aggregate?.name : undefined;
        const lane = openLane ?? (declaredAggregate !== undefined && boardLanes.has(declaredAggregate) ? declaredAggregate : undefined);
        if (lane !== undefined) self.lane = lane;
        openLane = undefined;
        break;
      }
      case 'aggregate':
        self.lane = sticky.text;
        break;
      case 'policy':
        for (const event of sticky.when) links.push({ from: note('event', event.text, index, 'before', event.target).id, to: self.id, kind: 'when' });
        for (const command of sticky.then) links.push({ from: self.id, to: note('command', command.text, index, 'after', command.target).id, kind: 'then' });
        break;
      case 'readmodel':
        for (const event of sticky.from) links.push({ from: note('event', event.text, index, 'before', event.target).id, to: self.id, kind: 'from' });
        break;
      default:
        break;
    }
  });
  const timeline = written.flatMap((draft, index) => [...before[index]!, draft, ...after[index]!]);
  return finish(board.name, 'board', timeline, links, { uri: board.uri, range: board.range });
}

// ---------------------------------------------------------------- the whole model

/** A board synthesised from the model: commands → events per aggregate, read models, policies from choreographed sagas, external systems. */
export function modelStormingView(model: DddModel, name = 'Whole model'): StormingView {
  const timeline: Draft[] = [];
  const links: StormingLink[] = [];
  const placed = new Map<Declaration | string, Draft>();
  let count = 0;
  const add = (type: StickyType, text: string, declaration: Declaration | undefined, lane: string | undefined, key: Declaration | string): Draft => {
    const draft: Draft = { id: `m${++count}`, type, text, origin: 'model', declared: declaration !== undefined };
    if (lane !== undefined) draft.lane = lane;
    if (declaration && 'nameRange' in declaration) {
      draft.uri = declaration.uri;
      draft.range = declaration.nameRange;
    }
    if (declaration?.description !== undefined) draft.description = declaration.description;
    timeline.push(draft);
    placed.set(key, draft);
    return draft;
  };
  const eventsByName = new Map<string, Draft>();
  const placeEvent = (event: Declaration & { kind: 'event' }, lane: string | undefined) => {
    const existing = placed.get(event);
    if (existing) return existing;
    const draft = add('event', event.name, event, lane, event);
    if (!eventsByName.has(event.name)) eventsByName.set(event.name, draft);
    return draft;
  };

  for (const context of model.contexts.values()) {
    if (context.external) continue;
    const holders = [...context.aggregates.map((aggregate) => ({ lane: `${context.name}.${aggregate.name}`, holder: aggregate as typeof aggregate | typeof context, aggregate })), { lane: undefined, holder: context, aggregate: undefined }];
    for (const { lane, holder, aggregate } of holders) {
      const aggregateNote = aggregate ? add('aggregate', aggregate.name, aggregate, lane, aggregate) : undefined;
      for (const command of holder.commands) {
        const commandNote = add('command', command.name, command, lane, command);
        if (aggregateNote) links.push({ from: commandNote.id, to: aggregateNote.id, kind: 'on' });
        for (const emitted of command.emits) {
          const event = emitted.target;
          if (event?.kind !== 'event') continue;
          const eventNote = placeEvent(event, event.aggregate ? `${event.contextName}.${event.aggregate.name}` : undefined);
          links.push({ from: commandNote.id, to: eventNote.id, kind: 'emits' });
        }
      }
      for (const event of holder.events) placeEvent(event, lane);
    }
    for (const readModel of context.readModels) {
      const readNote = add('readmodel', readModel.name, readModel, undefined, readModel);
      for (const source of readModel.sources) {
        const eventNote = source.target ? placed.get(source.target) : eventsByName.get(source.text);
        if (eventNote) links.push({ from: eventNote.id, to: readNote.id, kind: 'from' });
      }
    }
  }

  // a policy per reaction of each choreographed saga, right after the last of the names it listens to
  for (const saga of model.sagas) {
    if (saga.style !== 'choreographed') continue;
    const choreography = choreographyOf(saga);
    for (const reaction of choreography.reactions) {
      const participant = reaction.participant ?? '?';
      const joiner = reaction.join === 'and' ? ' and ' : ' or ';
      const text = `${participant}: on ${reaction.listensTo.join(joiner)}`;
      const policy: Draft = { id: `m${++count}`, type: 'policy', text, origin: 'model', declared: true, uri: reaction.source.uri, range: reaction.source.range };
      const triggers = reaction.listensTo.map((listened) => eventsByName.get(listened) ?? timeline.find((draft) => draft.type === 'command' && draft.text === listened));
      const positions = triggers.map((draft) => (draft ? timeline.indexOf(draft) : -1));
      const at = Math.max(...positions, -1);
      timeline.splice(at < 0 ? timeline.length : at + 1, 0, policy);
      for (const trigger of triggers) if (trigger) links.push({ from: trigger.id, to: policy.id, kind: 'when' });
      for (const emitted of [...reaction.emits, ...reaction.otherwise]) {
        const target = eventsByName.get(emitted);
        if (target) links.push({ from: policy.id, to: target.id, kind: 'then' });
      }
    }
  }
  for (const context of model.contexts.values()) if (context.external) add('external', context.name, context, undefined, context);
  return finish(name, 'model', timeline, links, {});
}

// ---------------------------------------------------------------- findings as hotspots

/**
 * Adds a hotspot (red sticky) per finding on the view: for a board, each error
 * inside the board, placed right after the note it is on; for the whole-model
 * view, each error inside a declaration a note stands for.
 */
export function withDiagnosticHotspots(view: StormingView, diagnostics: readonly Diagnostic[], severities: readonly Diagnostic['severity'][] = ['error']): StormingView {
  const drafts: Draft[] = view.notes.map((note) => ({ ...note }));
  const inserted = new Map<string, Draft[]>();
  let count = view.notes.filter((note) => note.origin === 'diagnostic').length;
  const within = (outer: TextRange, offset: number) => outer.start <= offset && offset <= outer.end;
  for (const diagnostic of diagnostics) {
    if (!severities.includes(diagnostic.severity)) continue;
    const onNote = [...drafts].reverse().find((draft) => draft.uri === diagnostic.uri && draft.range && within(draft.range, diagnostic.range.start));
    const onBoard = view.uri === diagnostic.uri && view.range !== undefined && within(view.range, diagnostic.range.start);
    if (!onNote && !onBoard) continue;
    const anchor =
      onNote ?? [...drafts].reverse().find((draft) => draft.uri === diagnostic.uri && draft.range && draft.range.start <= diagnostic.range.start) ?? drafts[drafts.length - 1];
    const hotspot: Draft = {
      id: `h${++count}`,
      type: 'hotspot',
      text: diagnostic.message,
      origin: 'diagnostic',
      declared: false,
      code: diagnostic.code,
      uri: diagnostic.uri,
      range: diagnostic.range,
    };
    if (anchor?.lane !== undefined) hotspot.lane = anchor.lane;
    const key = anchor?.id ?? '';
    const list = inserted.get(key);
    if (list) list.push(hotspot);
    else inserted.set(key, [hotspot]);
  }
  if (inserted.size === 0) return view;
  const timeline = [...(inserted.get('') ?? []), ...drafts.flatMap((draft) => [draft, ...(inserted.get(draft.id) ?? [])])];
  return finish(view.name, view.origin, timeline, view.links, { uri: view.uri, range: view.range });
}
