/**
 * The CML fixtures (test/fixtures/cml/*.cml, written for these tests from
 * Context Mapper's grammar and language reference), read and parsed.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect } from 'vitest';
import type { CmlModel } from '../../src/language/cml/ast';
import { parseCml } from '../../src/language/cml/parse';

export const cmlFixtureFolder = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/cml');

/** The well-formed fixtures, by file name. */
export const cmlFixtureNames: readonly string[] = readdirSync(cmlFixtureFolder).filter((name) => name.endsWith('.cml')).sort();

export const malformedFixtureNames: readonly string[] = readdirSync(join(cmlFixtureFolder, 'malformed')).filter((name) => name.endsWith('.cml')).sort();

export function cmlText(name: string): string {
  return readFileSync(join(cmlFixtureFolder, name), 'utf8');
}

/** A fixture (or CML text), parsed; fails the test with the parser's message when it does not parse. */
export function parsed(nameOrText: string): CmlModel {
  const result = parseCml(nameOrText.endsWith('.cml') ? cmlText(nameOrText) : nameOrText);
  if (!result.ok) expect.fail(`does not parse: ${result.problems.map((p) => `${p.line}:${p.column}: ${p.message}`).join('; ')}`);
  return result.model;
}
