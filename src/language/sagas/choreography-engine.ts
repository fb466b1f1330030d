/**
 * The semantics of a choreographed saga, once, compiled to integer arrays so
 * that thousands of saga instances can be played in a few milliseconds. The flow
 * analysis (`CompiledFlow.run`, `runChoreography`) and the simulator's event bus
 * (simulation/choreographed.ts) both hand names to reactions through
 * `ReactionBoard.receive` and take a firing's names from `CompiledFlow.outcome`.
 *
 * What happens when a name is delivered to a reaction that listens to it: a
 * reaction fires at most once per saga instance, as soon as its condition holds
 * over the names it has received (`and`: all of them; `single`, `or`, and the
 * ambiguous `mixed`: any one); once fired it ignores what comes later. A firing
 * emits its success names, or its `else` names when it fails (none when it has
 * no `else`).
 *
 * `CompiledFlow.run` plays one saga instance with names delivered first come
 * first served, each name once, to its listeners in source order; the simulator
 * delivers messages (duplicated, delayed, reordered) one at a time to one reaction.
 */
import type { Choreography } from './choreography';

/** How a firing reaction behaves: 0 success, 1 failure (`else`), 2 both (over-approximation), 3 neither. */
export type Mode = 0 | 1 | 2 | 3;

/** What a delivery did to the reaction (`ReactionBoard.receive`). */
export const RECEIVE_IGNORED = 0;
export const RECEIVE_WAITING = 1;
export const RECEIVE_FIRED = 2;
export type Reception = typeof RECEIVE_IGNORED | typeof RECEIVE_WAITING | typeof RECEIVE_FIRED;

/** The reactions of one saga instance: what each has received and whether it fired. */
export class ReactionBoard {
  /** True for each reaction that fired. */
  readonly fired: boolean[];
  /** Per listening slot (see `CompiledFlow.slotStart`): the name was received before the reaction fired. */
  private readonly received: Uint8Array;
  /** Per listening slot: when it was received (a count of receptions), for `receivedNames`. */
  private readonly arrival: Int32Array;
  private clock = 0;
  /** Per reaction: how many more distinct names it needs to fire. */
  private readonly missing: Int32Array;

  private readonly listenSlots: Int32Array;
  private readonly slotStart: Int32Array;

  constructor(readonly flow: CompiledFlow) {
    this.listenSlots = flow.listenSlots;
    this.slotStart = flow.slotStart;
    this.fired = new Array<boolean>(flow.reactionCount).fill(false);
    this.received = new Uint8Array(flow.slotCount);
    this.arrival = new Int32Array(flow.slotCount);
    this.missing = new Int32Array(flow.reactionCount);
    this.reset();
  }

  /** A new saga instance: nothing received, nothing fired. */
  reset(): void {
    this.fired.fill(false);
    this.received.fill(0);
    this.clock = 0;
    this.missing.set(this.flow.needed);
  }

  /**
   * Hands `name` to `reaction`, which listens to it: ignored once the reaction has
   * fired; else counted, and the reaction fires when its join is satisfied.
   */
  receive(reaction: number, name: number): Reception {
    const fired = this.fired;
    if (fired[reaction]) return RECEIVE_IGNORED;
    const { received, missing, listenSlots, slotStart } = this;
    let slot = slotStart[reaction]!;
    const end = slotStart[reaction + 1]!;
    while (slot < end && listenSlots[slot] !== name) slot++;
    if (slot < end && received[slot] === 0) {
      received[slot] = 1;
      this.arrival[slot] = this.clock++;
      missing[reaction]!--;
    }
    if (missing[reaction]! > 0) return RECEIVE_WAITING;
    fired[reaction] = true;
    return RECEIVE_FIRED;
  }

  /** Whether the reaction received `name` before it fired. */
  hasReceived(reaction: number, name: number): boolean {
    const slot = this.flow.slotOf(reaction, name);
    return slot >= 0 && this.received[slot] === 1;
  }

  /** The names the reaction received before it fired, in the order they arrived. */
  receivedNames(reaction: number): number[] {
    const { slotStart } = this.flow;
    const slots: number[] = [];
    for (let slot = slotStart[reaction]!; slot < slotStart[reaction + 1]!; slot++) if (this.received[slot]) slots.push(slot);
    return slots.sort((a, b) => this.arrival[a]! - this.arrival[b]!).map((slot) => this.flow.nameAt(slot));
  }

  /** Whether the reaction received anything before it fired (or is still waiting). */
  receivedAny(reaction: number): boolean {
    const { slotStart } = this.flow;
    for (let slot = slotStart[reaction]!; slot < slotStart[reaction + 1]!; slot++) if (this.received[slot]) return true;
    return false;
  }
}

export class CompiledFlow {
  readonly names: string[] = [];
  readonly ids = new Map<string, number>();
  /** Per reaction: the distinct names it listens to, in order (slots `slotStart[r]` … `slotStart[r+1]-1`). */
  readonly listenSlots: Int32Array;
  readonly slotStart: Int32Array;
  /** Per reaction: how many distinct names it needs to fire (all for `and`, one otherwise). */
  readonly needed: Int32Array;
  private readonly success: number[][];
  private readonly failure: number[][];
  readonly choice: boolean[];
  /** Per name: the reactions that listen to it, in source order. */
  readonly listeners: number[][];
  private readonly triggers: number[];
  /** After `run`: the names in the order they were emitted (the first `length` entries). */
  readonly order: number[];
  /** After `run`: true for each name delivered. */
  readonly delivered: boolean[];
  private readonly emitted: boolean[];
  /** The reactions of the instance `run` plays. */
  private readonly board: ReactionBoard;

  constructor(choreography: Choreography) {
    const id = (name: string) => {
      let value = this.ids.get(name);
      if (value === undefined) {
        value = this.names.length;
        this.ids.set(name, value);
        this.names.push(name);
      }
      return value;
    };
    const { reactions } = choreography;
    this.triggers = choreography.triggers.map(id);
    const listen = reactions.map((r) => [...new Set(r.listensTo)].map(id));
    this.success = reactions.map((r) => r.emits.map(id));
    this.failure = reactions.map((r) => r.otherwise.map(id));
    this.choice = reactions.map((r) => r.choice);
    this.slotStart = new Int32Array(reactions.length + 1);
    listen.forEach((names, reaction) => (this.slotStart[reaction + 1] = this.slotStart[reaction]! + names.length));
    this.listenSlots = Int32Array.from(listen.flat());
    this.needed = Int32Array.from(reactions, (r, index) => (r.join === 'and' ? listen[index]!.length : Math.min(1, listen[index]!.length)));
    this.listeners = this.names.map(() => []);
    listen.forEach((names, reaction) => names.forEach((name) => this.listeners[name]!.push(reaction)));
    this.order = new Array<number>(this.names.length).fill(0);
    this.delivered = new Array<boolean>(this.names.length).fill(false);
    this.emitted = new Array<boolean>(this.names.length).fill(false);
    this.board = new ReactionBoard(this);
  }

  get reactionCount(): number {
    return this.choice.length;
  }

  get slotCount(): number {
    return this.listenSlots.length;
  }

  /** After `run`: true for each reaction that fired. */
  get fired(): readonly boolean[] {
    return this.board.fired;
  }

  /** The names that start the saga. */
  get triggerIds(): readonly number[] {
    return this.triggers;
  }

  /** The name a listening slot stands for. */
  nameAt(slot: number): number {
    return this.listenSlots[slot]!;
  }

  /** The listening slot of `name` in `reaction`, or -1 when it does not listen to it. */
  slotOf(reaction: number, name: number): number {
    const { listenSlots, slotStart } = this;
    for (let slot = slotStart[reaction]!, end = slotStart[reaction + 1]!; slot < end; slot++) if (listenSlots[slot] === name) return slot;
    return -1;
  }

  /** The names a firing emits: its success names, or its `else` names when it fails. */
  outcome(reaction: number, failed: boolean): readonly number[] {
    return failed ? this.failure[reaction]! : this.success[reaction]!;
  }

  /**
   * Plays one saga instance. `mode` says how each firing reaction that has an
   * `else` behaves; `onFire` sees each firing. Returns the number of names emitted.
   */
  run(mode: (reaction: number) => Mode, onFire?: (reaction: number, mode: Mode, cause: number) => void): number {
    const { order, delivered, emitted, board, choice, listeners: listenersOf } = this;
    delivered.fill(false);
    emitted.fill(false);
    board.reset();
    let length = 0;
    const arrive = (names: readonly number[]) => {
      for (let i = 0; i < names.length; i++) {
        const name = names[i]!;
        if (emitted[name]) continue;
        emitted[name] = true;
        order[length++] = name;
      }
    };
    arrive(this.triggers);
    for (let head = 0; head < length; head++) {
      const name = order[head]!;
      delivered[name] = true;
      const listeners = listenersOf[name]!;
      for (let i = 0; i < listeners.length; i++) {
        const reaction = listeners[i]!;
        if (board.receive(reaction, name) !== RECEIVE_FIRED) continue;
        const how: Mode = choice[reaction] ? mode(reaction) : 0;
        onFire?.(reaction, how, name);
        if (how === 0 || how === 2) arrive(this.outcome(reaction, false));
        if (how === 1 || how === 2) arrive(this.outcome(reaction, true));
      }
    }
    return length;
  }
}

/** The names delivered in runs, one bit set per run. */
export class RunSets {
  private readonly words: number;
  private readonly data: number[] = [];
  count = 0;

  constructor(readonly size: number) {
    this.words = Math.max(1, Math.ceil(size / 32));
  }

  add(delivered: readonly boolean[]): void {
    const base = this.count++ * this.words;
    for (let word = 0; word < this.words; word++) this.data.push(0);
    for (let name = 0; name < this.size; name++) if (delivered[name]) this.data[base + (name >>> 5)]! |= 1 << (name & 31);
  }

  has(run: number, name: number): boolean {
    return (this.data[run * this.words + (name >>> 5)]! & (1 << (name & 31))) !== 0;
  }

  /** Whether some run delivered all the names. */
  together(names: number[]): boolean {
    for (let run = 0; run < this.count; run++) if (names.every((name) => this.has(run, name))) return true;
    return false;
  }
}
