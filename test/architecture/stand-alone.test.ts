/**
 * Tests stand alone: no test reads a path outside the repository (the team's
 * design notes beside it, a home folder). What they need is copied into test/fixtures.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../..');

/** Relative paths written in a file (`'../../x'`), taken from the file's folder, that lead outside the repository. */
export function pathsOutside(file: string, text: string): string[] {
  const found: string[] = [];
  for (const match of text.matchAll(/['"`]((?:\.\.\/)+[^'"`\s]*)['"`]/g)) {
    const path = match[1]!;
    if (relative(root, resolve(dirname(join(root, file)), path)).startsWith('..')) found.push(`${file}: ${path}`);
  }
  return found;
}

describe('the tests', () => {
  it('read nothing outside the repository', () => {
    const files = readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })
      .filter((name) => /\.(ts|mts|mjs)$/.test(name) && !name.startsWith(`e2e${sep}`))
      .map((name) => `test/${name.split(sep).join('/')}`)
      .filter((file) => file !== 'test/architecture/stand-alone.test.ts');
    expect(files.length).toBeGreaterThan(50);
    const outside = files.flatMap((file) => {
      const text = readFileSync(join(root, file), 'utf8');
      return [...pathsOutside(file, text), ...(/shared\/design/.test(text) ? [`${file}: shared/design`] : [])];
    });
    expect(outside).toEqual([]);
  });

  it('would see a path that leaves the repository', () => {
    expect(pathsOutside('test/syntax/x.test.ts', "new URL('../../../shared/design/language-sketch.md', import.meta.url)")).toEqual(['test/syntax/x.test.ts: ../../../shared/design/language-sketch.md']);
    expect(pathsOutside('test/syntax/x.test.ts', "import { a } from '../../src/language/index';")).toEqual([]);
  });
});
