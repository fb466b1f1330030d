/**
 * The event-flow semantics of a choreographed saga, compiled to integer arrays so
 * that thousands of saga instances can be played in a few milliseconds. Every
 * analysis and `runChoreography` go through `CompiledFlow.run`: one implementation
 * of the semantics.
 *
 * A saga instance: the triggers arrive; each name, when delivered, is handed to the
 * reactions that listen to it in source order; a reaction fires at most once, as
 * soon as its condition holds over the names delivered so far (`and`: all of them;
 * `single`, `or`, and the ambiguous `mixed`: any one). A firing emits its outcome's
 * names, which are delivered in turn, first come first served.
 */
import type { Choreography } from './choreography';

/** How a firing reaction behaves: 0 success, 1 failure (`else`), 2 both (over-approximation), 3 neither. */
export type Mode = 0 | 1 | 2 | 3;

export class CompiledFlow {
  readonly names: string[] = [];
  readonly ids = new Map<string, number>();
  private readonly listen: number[][];
  private readonly success: number[][];
  private readonly failure: number[][];
  private readonly joinAll: boolean[];
  readonly choice: boolean[];
  private readonly listeners: number[][];
  private readonly triggers: number[];
  /** After `run`: the names in the order they were emitted (the first `length` entries). */
  readonly order: number[];
  /** After `run`: true for each name delivered. */
  readonly delivered: boolean[];
  /** After `run`: true for each reaction that fired. */
  readonly fired: boolean[];
  private readonly emitted: boolean[];

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
    this.listen = reactions.map((r) => [...new Set(r.listensTo)].map(id));
    this.success = reactions.map((r) => r.emits.map(id));
    this.failure = reactions.map((r) => r.otherwise.map(id));
    this.joinAll = reactions.map((r) => r.join === 'and');
    this.choice = reactions.map((r) => r.choice);
    this.listeners = this.names.map(() => []);
    this.listen.forEach((names, reaction) => names.forEach((name) => this.listeners[name]!.push(reaction)));
    this.order = new Array<number>(this.names.length).fill(0);
    this.delivered = new Array<boolean>(this.names.length).fill(false);
    this.emitted = new Array<boolean>(this.names.length).fill(false);
    this.fired = new Array<boolean>(reactions.length).fill(false);
  }

  get reactionCount(): number {
    return this.fired.length;
  }

  /**
   * Plays one saga instance. `mode` says how each firing reaction that has an
   * `else` behaves; `onFire` sees each firing. Returns the number of names emitted.
   */
  run(mode: (reaction: number) => Mode, onFire?: (reaction: number, mode: Mode, cause: number) => void): number {
    const { order, delivered, emitted, fired } = this;
    delivered.fill(false);
    emitted.fill(false);
    fired.fill(false);
    let length = 0;
    const arrive = (names: number[]) => {
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
      const listeners = this.listeners[name]!;
      for (let i = 0; i < listeners.length; i++) {
        const reaction = listeners[i]!;
        if (fired[reaction] || !this.satisfied(reaction)) continue;
        fired[reaction] = true;
        const how: Mode = this.choice[reaction] ? mode(reaction) : 0;
        onFire?.(reaction, how, name);
        if (how === 0 || how === 2) arrive(this.success[reaction]!);
        if (how === 1 || how === 2) arrive(this.failure[reaction]!);
      }
    }
    return length;
  }

  private satisfied(reaction: number): boolean {
    const names = this.listen[reaction]!;
    if (this.joinAll[reaction]) {
      for (let i = 0; i < names.length; i++) if (!this.delivered[names[i]!]) return false;
      return true;
    }
    for (let i = 0; i < names.length; i++) if (this.delivered[names[i]!]) return true;
    return false;
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
