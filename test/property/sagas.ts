/**
 * Sagas for the property tests: every saga of the examples and of the fixtures,
 * and fast-check arbitraries that write orchestrated and choreographed sagas as
 * `.ddd` text (random steps, replies, compensations incl. `none`, pivots,
 * idempotence, failure states; reactions with and/or joins, compensating
 * reactions and `else` outcomes).
 */
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import type { Saga } from '../../src/language/model/elements';
import { checkFiles, readWorkspace, type Checked } from '../helpers';

const root = join(__dirname, '..', '..');

/** The folders right under `folder` (each a workspace of `.ddd` files, read recursively). */
function workspaces(folder: string): string[] {
  return readdirSync(join(root, folder))
    .filter((entry) => statSync(join(root, folder, entry)).isDirectory())
    .map((entry) => `${folder}/${entry}`);
}

let corpus: Checked[] | undefined;

/** The workspaces of `examples/**` and `test/fixtures/**`, checked (each folder right under them as one workspace). */
export function corpusWorkspaces(): Checked[] {
  corpus ??= [...workspaces('examples'), ...workspaces('test/fixtures')]
    .map((folder) => readWorkspace(folder))
    .filter((files) => files.length > 0)
    .map((files) => checkFiles(files));
  return corpus;
}

/** Every saga of `examples/**` and `test/fixtures/**`. */
export function corpusSagas(): Saga[] {
  return corpusWorkspaces().flatMap((checked) => checked.model.sagas);
}

/** The text checked as `generated.ddd`. */
export function checkText(text: string): Checked {
  return checkFiles([{ uri: 'file:///generated.ddd', text }]);
}

export function sagaText(text: string): Saga {
  const saga = checkText(text).model.sagas[0];
  if (!saga) throw new Error(`no saga in:\n${text}`);
  return saga;
}

const participants = ['Sales', 'Inventory', 'Billing', 'Shipping'];

interface StepShape {
  participant: number;
  reply: boolean;
  /** 0: none, 1: `compensate none`, 2: `compensate UndoX`, 3: `compensate UndoX -> STATE`. */
  compensation: number;
  fails: boolean;
  state: boolean;
  idempotent: boolean;
}

const stepShape: fc.Arbitrary<StepShape> = fc.record({
  participant: fc.integer({ min: 0, max: participants.length - 1 }),
  reply: fc.boolean(),
  compensation: fc.integer({ min: 0, max: 3 }),
  fails: fc.boolean(),
  state: fc.boolean(),
  idempotent: fc.boolean(),
});

/** An orchestrated saga of 1 to `max` steps: any mix of compensated, read-only and uncompensated steps (the last uncompensated one is the pivot). */
export function orchestratedSagaText(max = 6): fc.Arbitrary<string> {
  return fc.array(stepShape, { minLength: 1, maxLength: max }).map((steps) => {
    const lines = [...participants.map((name) => `context ${name}`), 'saga Generated orchestrated by Sales {'];
    steps.forEach((step, i) => {
      const parts = [`  step Do${i} on ${participants[step.participant]}`];
      if (step.reply) parts.push(`reply Done${i}`);
      if (step.state) parts.push(`-> STATE_${i}`);
      if (step.fails) parts.push(`fails -> FAILED_${i}`);
      if (step.compensation === 1) parts.push('compensate none');
      if (step.compensation === 2) parts.push(`compensate Undo${i}`);
      if (step.compensation === 3) parts.push(`compensate Undo${i} -> UNDONE_${i}`);
      if (step.idempotent) parts.push('idempotent');
      lines.push(parts.join(' '));
    });
    lines.push('}');
    return lines.join('\n');
  });
}

interface ReactionShape {
  participant: number;
  /** Indexes into the names seen so far (0: the starting command). */
  listens: number[];
  join: 'or' | 'and';
  compensates: boolean;
  idempotent: boolean;
  emits: number;
  otherwise: number;
  /** Emit a name already emitted instead of a new one (a second emitter, or a loop back). */
  reuse: number;
}

const reactionShape: fc.Arbitrary<ReactionShape> = fc.record({
  participant: fc.integer({ min: 0, max: participants.length - 1 }),
  listens: fc.array(fc.nat(40), { minLength: 1, maxLength: 3 }),
  join: fc.constantFrom('or' as const, 'and' as const),
  compensates: fc.boolean(),
  idempotent: fc.boolean(),
  emits: fc.integer({ min: 0, max: 2 }),
  otherwise: fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 2 })),
  reuse: fc.oneof({ weight: 4, arbitrary: fc.constant(-1) }, { weight: 1, arbitrary: fc.nat(40) }),
});

/**
 * A choreographed saga of 1 to `max` reactions on a starting command: each listens
 * to names emitted by earlier reactions (or, now and then, later ones, making loops).
 */
export function choreographedSagaText(max = 7): fc.Arbitrary<string> {
  return fc.array(reactionShape, { minLength: 1, maxLength: max }).map((reactions) => {
    const names = ['PlaceOrder'];
    const planned: string[][] = [];
    let next = 0;
    // the names each reaction emits, fixed first so that a reaction may listen to a later one's
    const emitted = reactions.map((reaction) => {
      const fresh = (count: number) => Array.from({ length: count }, () => `Event${next++}`);
      return { emits: fresh(reaction.emits), otherwise: fresh(reaction.otherwise) };
    });
    emitted.forEach(({ emits, otherwise }) => names.push(...emits, ...otherwise));
    const lines = [...participants.map((name) => `context ${name}`), 'context Sales { command PlaceOrder }', 'saga Generated choreographed {'];
    reactions.forEach((reaction, i) => {
      // mostly names emitted before this reaction (a flow), sometimes any name
      const earlier = 1 + emitted.slice(0, i).reduce((sum, e) => sum + e.emits.length + e.otherwise.length, 0);
      const listens = [...new Set(reaction.listens.map((k) => names[k % (k % 5 === 4 ? names.length : earlier)]!))];
      planned.push(listens);
      const emits = [...emitted[i]!.emits];
      if (reaction.reuse >= 0 && emits.length) emits[0] = names[1 + (reaction.reuse % Math.max(1, names.length - 1))]!;
      const parts = [`  ${participants[reaction.participant]} on ${listens.join(reaction.join === 'and' ? ' and ' : ' or ')}`];
      if (reaction.compensates) parts.push('compensates');
      if (reaction.idempotent) parts.push('idempotent');
      if (emits.length) {
        parts.push(`emits ${[...new Set(emits)].join(', ')}`);
        if (emitted[i]!.otherwise.length) parts.push(`else ${emitted[i]!.otherwise.join(', ')}`);
      }
      lines.push(parts.join(' '));
    });
    lines.push('}');
    return lines.join('\n');
  });
}
