/**
 * Simulating a choreographed saga on an event bus. Each participant reacts to
 * the events it listens to; what a delivery does to a reaction (its join, firing
 * once, its success or `else` names) is the choreography engine's
 * (sagas/choreography-engine.ts, shared with the flow analysis); `compensates`
 * reactions undo their participant's work. Delivery is at least once: every emitted message is delivered to each
 * listener, first come first served by default, and can be duplicated, delayed
 * or reordered (seeded), to show where the design depends on luck.
 *
 * A reaction remembers the messages it handled. A duplicate of a message that
 * made it fire is ignored by an idempotent reaction; another reaction does its
 * work again and publishes its events again (as duplicates of the first ones),
 * which is reported as harm. A participant's work is held from its reaction
 * until the saga completes or one of its compensating reactions fires.
 */
import type { Saga } from '../model/elements';
import { choreographyOf, type Choreography, type ChoreographyReaction } from '../sagas/choreography';
import { RECEIVE_FIRED, RECEIVE_IGNORED, ReactionBoard, type CompiledFlow } from '../sagas/choreography-engine';
import { compiledFlowOf } from '../sagas/choreography-flow';
import { Prng } from './prng';

export interface ChoreographyOptions {
  /** Seeds the reordering and the random failures and duplicates. */
  seed?: number;
  /** Reactions (indexes) that fail when they fire. */
  failReactions?: readonly number[];
  /** Per reaction: the probability that it fails when it fires. */
  failureRates?: readonly number[];
  /** Every message of these events is delivered twice to each listener. */
  duplicate?: readonly string[];
  /** The probability that a delivery is duplicated. */
  duplicateRate?: number;
  /** Deliveries are taken in a random (seeded) order instead of first come first served. */
  reorder?: boolean;
  /** Messages of these events are delivered last, after every other pending delivery. */
  delay?: readonly string[];
  /** At most this many deliveries (default 10,000): a guard against reactions that trigger each other forever. */
  maxDeliveries?: number;
}

export interface ReactionInfo {
  index: number;
  participant?: string;
  /** `Sales on PaymentFailed or InventoryReleased`. */
  label: string;
  listensTo: string[];
  join: ChoreographyReaction['join'];
  compensates: boolean;
  idempotent: boolean;
  emits: string[];
  otherwise: string[];
}

export interface ChoreographyInfo {
  name: string;
  triggers: string[];
  reactions: ReactionInfo[];
}

export interface EmitEvent {
  kind: 'emit';
  message: number;
  event: string;
  /** The reaction that published it; absent for the saga's trigger. */
  reaction?: number;
  participant?: string;
  /** Published again by a reaction that handled a duplicate (the same message as before). */
  again?: boolean;
}

export type DeliveryResult =
  /** The reaction fired on this message. */
  | 'fired'
  /** An `and` join recorded the event and waits for the others. */
  | 'waiting'
  /** The reaction had already fired (an `or`'s second event, or a later message). */
  | 'ignored'
  /** A duplicate that changes nothing (it never counted for a firing). */
  | 'duplicate-harmless'
  /** A duplicate an idempotent reaction recognised. */
  | 'duplicate-ignored'
  /** A duplicate a reaction that is not idempotent handled again: its work happened twice. */
  | 'duplicate-reexecuted';

export interface DeliverEvent {
  kind: 'deliver';
  /** 1-based count of deliveries. */
  seq: number;
  message: number;
  event: string;
  reaction: number;
  participant?: string;
  /** The reaction had already been handed this message. */
  duplicate: boolean;
  delayed: boolean;
  result: DeliveryResult;
  outcome?: 'success' | 'failure';
  /** What the firing published. */
  emitted?: string[];
  /** For `waiting`: the events the join still needs. */
  waitingFor?: string[];
}

export type ChoreographyEvent = EmitEvent | DeliverEvent;

export type ChoreographyBreachKind =
  /** A reaction that is not idempotent handled a duplicate: its work happened twice. */
  | 'duplicate-harm'
  /** A reaction failed and has no `else`: nobody learns of it, the saga stops there. */
  | 'silent-failure'
  /** An `and` join got some of its events but never all: it waits forever. */
  | 'stalled-join'
  /** A participant's work is still held at the end: the saga failed and nothing undid it. */
  | 'left-held'
  /** More deliveries than `maxDeliveries`: reactions trigger each other without end. */
  | 'delivery-limit';

export interface ChoreographyBreach {
  kind: ChoreographyBreachKind;
  reaction?: number;
  participant?: string;
  event?: string;
  /** For `stalled-join`. */
  missing?: string[];
  message: string;
}

export type ChoreographyEnd = 'completed' | 'compensated' | 'rejected' | 'stalled';

export interface ChoreographyRunResult {
  saga: string;
  /**
   * `completed`: no reaction failed; `compensated`: one failed and its `else` outcome was handled;
   * `rejected`: the reaction to the saga's starting command refused it (nothing to undo);
   * `stalled`: the saga stopped half-way (a failure nobody hears of, a join that waits forever).
   */
  end: ChoreographyEnd;
  /** Every event published, the triggers first, in order of first appearance. */
  events: string[];
  /** Reactions that fired, in order, with their outcome. */
  firings: { reaction: number; participant?: string; outcome: 'success' | 'failure'; cause: string }[];
  deliveries: number;
  timeline: ChoreographyEvent[];
  /** Reactions whose work is still held at the end. */
  held: { reaction: number; participant?: string; label: string }[];
  breaches: ChoreographyBreach[];
  ok: boolean;
  /** Still messages to deliver (a stepped run looked at before its end). */
  running: boolean;
}

interface Message {
  id: number;
  event: string;
  /** The event's number in the compiled flow. */
  name: number;
  reaction: number;
}

interface Delivery {
  message: Message;
  reaction: number;
  duplicate: boolean;
  delayed: boolean;
}

/** What the bus remembers of a reaction's messages; whether it fired, and on what, is on the `ReactionBoard`. */
interface ReactionState {
  failed: boolean;
  /** Messages handled. */
  handled: Set<number>;
  /** Messages that counted for the firing. */
  counted: Set<number>;
  /** The messages the firing published. */
  published: Message[];
}

export function reactionLabel(reaction: ChoreographyReaction): string {
  const word = reaction.join === 'and' ? ' and ' : ' or ';
  return `${reaction.participant ?? '?'} on ${reaction.listensTo.join(word)}`;
}

function infoOf(choreography: Choreography): ChoreographyInfo {
  return {
    name: choreography.saga.name,
    triggers: [...choreography.triggers],
    reactions: choreography.reactions.map((reaction) => {
      const info: ReactionInfo = {
        index: reaction.index,
        label: reactionLabel(reaction),
        listensTo: [...reaction.listensTo],
        join: reaction.join,
        compensates: reaction.compensates,
        idempotent: reaction.idempotent,
        emits: [...reaction.emits],
        otherwise: [...reaction.otherwise],
      };
      if (reaction.participant !== undefined) info.participant = reaction.participant;
      return info;
    }),
  };
}

/** The saga's reactions as plain data. */
export function choreographyInfo(source: Saga | Choreography): ChoreographyInfo {
  return infoOf(choreographyFor(source));
}

const cache = new WeakMap<Saga, Choreography>();

export function choreographyFor(source: Saga | Choreography): Choreography {
  if ('reactions' in source && 'flow' in source) return source;
  let choreography = cache.get(source);
  if (!choreography) {
    choreography = choreographyOf(source);
    cache.set(source, choreography);
  }
  return choreography;
}

/**
 * One choreographed saga instance on the bus, one delivery at a time:
 *
 *     const bus = new ChoreographySimulation(saga, { reorder: true, seed: 7 });
 *     bus.step();                // delivers one message to one reaction
 *     bus.failReaction(2);       // Billing's reaction will fail when it fires
 *     bus.duplicateNext();       // the next delivery happens twice
 *     bus.runToEnd();
 */
export class ChoreographySimulation {
  readonly info: ChoreographyInfo;
  readonly choreography: Choreography;
  private readonly options: ChoreographyOptions;
  private readonly flow: CompiledFlow;
  /** The reactions' joins and firings: the semantics shared with the flow analysis. */
  private readonly board: ReactionBoard;
  private prng!: Prng;
  private pending: Delivery[] = [];
  private states: ReactionState[] = [];
  private messages: Message[] = [];
  private fails = new Set<number>();
  private duplicates = new Set<string>();
  private delays = new Set<string>();
  private duplicateNextDelivery = false;
  private delayNextDelivery = false;
  private held = new Set<number>();
  private harm: ChoreographyBreach[] = [];
  private firings: ChoreographyRunResult['firings'] = [];
  private events: string[] = [];
  private seen = new Set<string>();
  private limitHit = false;
  timeline: ChoreographyEvent[] = [];
  deliveries = 0;

  constructor(source: Saga | Choreography, options: ChoreographyOptions = {}) {
    this.choreography = choreographyFor(source);
    this.info = infoOf(this.choreography);
    this.options = options;
    this.flow = compiledFlowOf(this.choreography);
    this.board = new ReactionBoard(this.flow);
    this.reset();
  }

  /** Back to the start: the triggers published, nothing delivered, the options' faults only. */
  reset(): void {
    const options = this.options;
    this.prng = new Prng(options.seed ?? 1);
    this.pending = [];
    this.messages = [];
    this.states = this.choreography.reactions.map(() => ({ failed: false, handled: new Set(), counted: new Set(), published: [] }));
    this.board.reset();
    this.fails = new Set(options.failReactions ?? []);
    this.duplicates = new Set(options.duplicate ?? []);
    this.delays = new Set(options.delay ?? []);
    this.duplicateNextDelivery = false;
    this.delayNextDelivery = false;
    this.held = new Set();
    this.harm = [];
    this.firings = [];
    this.events = [];
    this.seen = new Set();
    this.limitHit = false;
    this.timeline = [];
    this.deliveries = 0;
    for (const trigger of this.flow.triggerIds) this.publish(trigger, -1);
  }

  get done(): boolean {
    return this.pending.length === 0 || this.limitHit;
  }

  /** The reaction fails when it fires (if it has not fired yet). */
  failReaction(reaction: number): void {
    this.fails.add(reaction);
  }

  /** The next delivery happens twice (the copy comes later). */
  duplicateNext(): void {
    this.duplicateNextDelivery = true;
  }

  /** The next delivery is put off until every other pending delivery is done. */
  delayNext(): void {
    this.delayNextDelivery = true;
  }

  /** The deliveries waiting, in the order first come first served would take them (`copy`: an extra delivery of a message). */
  pendingDeliveries(): { message: number; event: string; reaction: number; copy: boolean; delayed: boolean }[] {
    return this.ordered().map((delivery) => ({ message: delivery.message.id, event: delivery.message.event, reaction: delivery.reaction, copy: delivery.duplicate, delayed: delivery.delayed }));
  }

  private ordered(): Delivery[] {
    return [...this.pending.filter((d) => !d.delayed), ...this.pending.filter((d) => d.delayed)];
  }

  private publish(name: number, reaction: number, again?: Message): void {
    const event = this.flow.names[name]!;
    const message = again ?? { id: this.messages.length + 1, event, name, reaction };
    const emit: EmitEvent = { kind: 'emit', message: message.id, event };
    if (reaction >= 0) {
      emit.reaction = reaction;
      const participant = this.choreography.reactions[reaction]!.participant;
      if (participant !== undefined) emit.participant = participant;
    }
    if (again) emit.again = true;
    this.timeline.push(emit);
    if (!again) {
      this.messages.push(message);
      if (!this.seen.has(event)) {
        this.seen.add(event);
        this.events.push(event);
      }
    }
    const delayed = this.delays.has(event);
    const rate = this.options.duplicateRate ?? 0;
    for (const listener of this.flow.listeners[name]!) {
      this.pending.push({ message, reaction: listener, duplicate: !!again, delayed });
      if (this.duplicates.has(event) || (rate > 0 && this.prng.next() < rate)) this.pending.push({ message, reaction: listener, duplicate: true, delayed });
    }
  }

  private take(): Delivery | undefined {
    if (this.pending.length === 0) return undefined;
    const onTime: number[] = [];
    for (let i = 0; i < this.pending.length; i++) if (!this.pending[i]!.delayed) onTime.push(i);
    const candidates = onTime.length ? onTime : this.pending.map((_, i) => i);
    const pick = this.options.reorder ? candidates[this.prng.below(candidates.length)]! : candidates[0]!;
    const [delivery] = this.pending.splice(pick, 1);
    return delivery;
  }

  /** Delivers one message to one reaction; returns the events it added (none when the run is over). */
  step(): ChoreographyEvent[] {
    const before = this.timeline.length;
    if (this.done) return [];
    if (this.deliveries >= (this.options.maxDeliveries ?? 10_000)) {
      this.limitHit = true;
      return [];
    }
    let delivery = this.take()!;
    if (this.delayNextDelivery) {
      this.delayNextDelivery = false;
      if (this.pending.some((d) => !d.delayed)) {
        // put it off behind everything else that is waiting
        this.pending.push({ ...delivery, delayed: true });
        delivery = this.take()!;
      }
    }
    if (this.duplicateNextDelivery) {
      this.duplicateNextDelivery = false;
      this.pending.push({ ...delivery, duplicate: true });
    }
    this.deliver(delivery);
    return this.timeline.slice(before);
  }

  runToEnd(): ChoreographyRunResult {
    while (!this.done) this.step();
    return this.result();
  }

  private deliver(delivery: Delivery): void {
    const { message } = delivery;
    const reaction = this.choreography.reactions[delivery.reaction]!;
    const state = this.states[delivery.reaction]!;
    this.deliveries++;
    const event: DeliverEvent = {
      kind: 'deliver',
      seq: this.deliveries,
      message: message.id,
      event: message.event,
      reaction: reaction.index,
      // whichever copy comes first is the delivery; the later ones are the duplicates
      duplicate: state.handled.has(message.id),
      delayed: delivery.delayed,
      result: 'ignored',
    };
    if (reaction.participant !== undefined) event.participant = reaction.participant;
    this.timeline.push(event);

    if (state.handled.has(message.id)) {
      if (!this.board.fired[reaction.index] || !state.counted.has(message.id)) {
        event.result = 'duplicate-harmless';
      } else if (reaction.idempotent) {
        event.result = 'duplicate-ignored';
      } else {
        event.result = 'duplicate-reexecuted';
        event.outcome = state.failed ? 'failure' : 'success';
        this.harm.push({
          kind: 'duplicate-harm',
          reaction: reaction.index,
          ...(reaction.participant !== undefined ? { participant: reaction.participant } : {}),
          event: message.event,
          message: `${reactionLabel(reaction)} received ${message.event} twice and, not being idempotent, did its work twice${state.published.length ? ` (and published ${state.published.map((m) => m.event).join(', ')} again)` : ''}: mark it \`idempotent\` once it ignores repeated messages.`,
        });
        // the work happens again, and so do its messages, as copies of the first ones
        for (const published of state.published) this.publish(published.name, reaction.index, published);
      }
      return;
    }
    state.handled.add(message.id);
    const board = this.board;
    const reception = board.receive(reaction.index, message.name);
    if (reception === RECEIVE_IGNORED) return; // `ignored`: fires once per saga instance
    state.counted.add(message.id);
    if (reception !== RECEIVE_FIRED) {
      event.result = 'waiting';
      event.waitingFor = reaction.listensTo.filter((name) => !board.hasReceived(reaction.index, this.flow.ids.get(name)!));
      return;
    }
    const rate = this.options.failureRates?.[reaction.index] ?? 0;
    const failed = this.fails.has(reaction.index) || (rate > 0 && this.prng.next() < rate);
    state.failed = failed;
    event.result = 'fired';
    event.outcome = failed ? 'failure' : 'success';
    const names = this.flow.outcome(reaction.index, failed);
    event.emitted = names.map((name) => this.flow.names[name]!);
    const firing: ChoreographyRunResult['firings'][number] = { reaction: reaction.index, outcome: event.outcome, cause: message.event };
    if (reaction.participant !== undefined) firing.participant = reaction.participant;
    this.firings.push(firing);
    if (!failed) {
      if (reaction.compensates) {
        for (const other of [...this.held]) if (this.choreography.reactions[other]!.participant === reaction.participant) this.held.delete(other);
      } else if (reaction.emits.length > 0) {
        this.held.add(reaction.index);
      }
    }
    const before = this.messages.length;
    for (const name of names) this.publish(name, reaction.index);
    state.published = this.messages.slice(before);
  }

  /** The run so far, checked (final once `done`). */
  result(): ChoreographyRunResult {
    const reactions = this.choreography.reactions;
    const breaches: ChoreographyBreach[] = [...this.harm];
    const withParticipant = (reaction: ChoreographyReaction) => (reaction.participant !== undefined ? { participant: reaction.participant } : {});
    let stalled = false;
    let rejected = false;
    const triggers = new Set(this.choreography.triggers);
    const failedAny = this.firings.some((firing) => firing.outcome === 'failure');
    for (const firing of this.firings) {
      const reaction = reactions[firing.reaction]!;
      if (firing.outcome === 'failure' && !reaction.choice && reaction.listensTo.every((name) => triggers.has(name))) {
        // the command that starts the saga is refused: nothing happened yet, the caller is told
        rejected = true;
      } else if (firing.outcome === 'failure' && !reaction.choice) {
        stalled = true;
        breaches.push({
          kind: 'silent-failure',
          reaction: reaction.index,
          ...withParticipant(reaction),
          message: `${reactionLabel(reaction)} failed and has no \`else\` outcome: no event tells the other participants, and the saga stops there. Add \`else …\` with a failure event and compensating reactions to it.`,
        });
      }
    }
    reactions.forEach((reaction, index) => {
      const { board, flow } = this;
      if (reaction.join !== 'and' || board.fired[index] || !board.receivedAny(index)) return;
      stalled = true;
      const missing = reaction.listensTo.filter((name) => !board.hasReceived(index, flow.ids.get(name)!));
      const received = board.receivedNames(index).map((name) => flow.names[name]!);
      breaches.push({
        kind: 'stalled-join',
        reaction: index,
        ...withParticipant(reaction),
        missing,
        message: `${reactionLabel(reaction)} got ${received.join(', ')} but never ${missing.join(', ')}: it waits forever.`,
      });
    });
    if (this.limitHit) {
      stalled = true;
      breaches.push({ kind: 'delivery-limit', message: `More than ${this.options.maxDeliveries ?? 10_000} deliveries: reactions keep triggering each other.` });
    }
    const running = !this.done;
    const handled = this.firings.some((firing) => firing.outcome === 'failure' && reactions[firing.reaction]!.choice);
    const end: ChoreographyEnd = stalled ? 'stalled' : handled ? 'compensated' : rejected ? 'rejected' : failedAny ? 'compensated' : 'completed';
    const held = !running && end === 'completed' ? [] : [...this.held];
    if (!running && end !== 'completed') {
      for (const index of held) {
        const reaction = reactions[index]!;
        breaches.push({
          kind: 'left-held',
          reaction: index,
          ...withParticipant(reaction),
          message: `The work of ${reactionLabel(reaction)} (${reaction.emits.join(', ')}) is still held at the end: ${reaction.participant ?? 'its participant'} has no compensating reaction that fired.`,
        });
      }
    }
    return {
      saga: this.info.name,
      end,
      events: [...this.events],
      firings: this.firings.map((firing) => ({ ...firing })),
      deliveries: this.deliveries,
      timeline: this.timeline.slice(),
      held: held.sort((a, b) => a - b).map((index) => ({ reaction: index, ...withParticipant(reactions[index]!), label: reactionLabel(reactions[index]!) })),
      breaches,
      ok: breaches.length === 0,
      running,
    };
  }
}

/** Plays one choreographed saga instance to its end on the bus. */
export function simulateChoreography(source: Saga | Choreography, options: ChoreographyOptions = {}): ChoreographyRunResult {
  return new ChoreographySimulation(source, options).runToEnd();
}
