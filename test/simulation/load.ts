/** Loading the simulation fixtures and the example workspace. */
import type { Saga } from '../../src/language/model/elements';
import type { DddModel } from '../../src/language/model/model';
import { check, checkFiles, fixture, readWorkspace, type Checked } from '../helpers';

let example: Checked | undefined;

/** The example workspace (examples/order-saga), checked once. */
export function exampleWorkspace(): Checked {
  example ??= checkFiles(readWorkspace('examples/order-saga'));
  return example;
}

export function exampleSaga(name: string): Saga {
  return sagaOf(exampleWorkspace().model, name);
}

/** Simulation fixtures (with shop.ddd), checked as one workspace. */
export function fixtures(...names: string[]): Checked {
  const files: Record<string, string> = { 'shop.ddd': fixture('simulation/shop.ddd') };
  for (const name of names) files[name] = fixture(`simulation/${name}`);
  return check(files);
}

export function sagaOf(model: DddModel, name: string): Saga {
  const saga = model.sagas.find((candidate) => candidate.name === name);
  if (!saga) throw new Error(`no saga ${name}`);
  return saga;
}

/** A linear saga of `steps` steps: each compensated but the last `tail` (the pivot and the steps after it). */
export function generatedSaga(steps: number, tail = 2): string {
  const lines = ['saga Generated orchestrated by Sales {'];
  for (let i = 1; i <= steps; i++) {
    lines.push(`  step DoStep${i} on Sales`);
    if (i <= steps - tail) lines.push(`    compensate UndoStep${i}`);
  }
  lines.push('}', 'context Sales');
  return lines.join('\n');
}
