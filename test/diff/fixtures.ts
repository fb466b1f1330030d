/**
 * The diff fixtures (test/fixtures/diff/): a base model split in files, and per
 * case the files its old and new versions change (`<case>/old/`, `<case>/new/`;
 * a version without its folder is the base).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkWorkspace } from '../../src/language/index';
import type { DddModel } from '../../src/language/model/model';

export const diffFixtures = join(__dirname, '..', 'fixtures', 'diff');

export function diffCases(): string[] {
  return readdirSync(diffFixtures).filter((name) => name !== 'base' && !name.includes('.'));
}

/** One version of a case's model, its files as `file:///<side>/<name>.ddd`. */
export function fixtureModel(name: string, side: 'old' | 'new'): DddModel {
  const files = new Map<string, string>();
  const base = join(diffFixtures, 'base');
  for (const file of readdirSync(base)) files.set(file, readFileSync(join(base, file), 'utf8'));
  const own = join(diffFixtures, name, side);
  if (existsSync(own)) for (const file of readdirSync(own)) files.set(file, readFileSync(join(own, file), 'utf8'));
  return checkWorkspace([...files].map(([file, text]) => ({ uri: `file:///${side}/${file}`, text }))).model;
}
