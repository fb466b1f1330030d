/**
 * The frames of a session's run: what the run looks like after each action.
 * The first `eager` frames are taken as the run is played (a stepped run is
 * played once); a long run (thousands of retries) would spend more on frames
 * than it saves, so its later frames are taken on demand, by a second pass that
 * moves forward as the panel steps forward, and kept for a while.
 */

/** How a session plays its run. */
export interface RunPlayer<Simulation, Frame> {
  start(): Simulation;
  /** One action; false when the run is over. */
  step(simulation: Simulation): boolean;
  /** The run as it stands (`previous`: the frame before, to share what did not change). */
  capture(simulation: Simulation, previous: Frame | undefined): Frame;
}

/** Frames taken while the run is played (the rest on demand). */
export const eagerFrames = 500;
/** Frames taken on demand, kept. */
const lateFrames = 64;

export class RunFrames<Simulation, Frame> {
  /** Actions in the run (at most `maxSteps`). */
  readonly steps: number;
  /** The simulation played to `steps` (the caller may play it on to its end). */
  readonly simulation: Simulation;
  private readonly eager: Frame[] = [];
  private readonly late = new Map<number, Frame>();
  private cursor: { simulation: Simulation; at: number } | undefined;

  constructor(
    private readonly player: RunPlayer<Simulation, Frame>,
    maxSteps: number,
    eager = eagerFrames,
  ) {
    const simulation = player.start();
    this.eager.push(player.capture(simulation, undefined));
    let steps = 0;
    while (steps < maxSteps && player.step(simulation)) {
      steps++;
      if (steps < eager) this.eager.push(player.capture(simulation, this.eager[steps - 1]));
    }
    this.steps = steps;
    this.simulation = simulation;
  }

  /** The frame after `step` actions (0 ≤ step ≤ steps). */
  at(step: number): Frame {
    const known = this.eager[step] ?? this.late.get(step);
    if (known) return known;
    if (!this.cursor || this.cursor.at > step) this.cursor = { simulation: this.player.start(), at: 0 };
    const cursor = this.cursor;
    while (cursor.at < step && this.player.step(cursor.simulation)) cursor.at++;
    const frame = this.player.capture(cursor.simulation, undefined);
    this.late.set(step, frame);
    if (this.late.size > lateFrames) this.late.delete(this.late.keys().next().value!);
    return frame;
  }
}
