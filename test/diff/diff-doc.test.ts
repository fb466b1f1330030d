/**
 * docs/diff.md's examples are the classifier's: each "### … — breaking|risky|safe"
 * section holds a `ddd before` and a `ddd after` block, and the most severe
 * change of their diff is what the heading says.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { diffModels, type ChangeClass } from '../../src/language/diff/index';
import { checkWorkspace } from '../../src/language/index';

const doc = readFileSync(new URL('../../docs/diff.md', import.meta.url), 'utf8');

interface Example {
  title: string;
  expected: ChangeClass;
  before: string;
  after: string;
}

function examples(): Example[] {
  const found: Example[] = [];
  for (const section of doc.split(/^### /m).slice(1)) {
    const title = section.split('\n')[0]!;
    const expected = / — (breaking|risky|safe)$/.exec(title)?.[1] as ChangeClass | undefined;
    if (!expected) continue;
    const block = (name: string) => new RegExp('```ddd ' + name + '\\n([\\s\\S]*?)```').exec(section)?.[1];
    found.push({ title, expected, before: block('before') ?? '', after: block('after') ?? '' });
  }
  return found;
}

const rank: Record<ChangeClass, number> = { safe: 0, risky: 1, breaking: 2 };

describe('docs/diff.md examples', () => {
  it('has an example of every classification', () => {
    expect(new Set(examples().map((example) => example.expected))).toEqual(new Set(['breaking', 'risky', 'safe']));
  });

  for (const example of examples()) {
    it(example.title, () => {
      expect(example.before).not.toBe('');
      expect(example.after).not.toBe('');
      const model = (text: string) => checkWorkspace([{ uri: 'file:///example.ddd', text }]).model;
      const before = model(example.before);
      const after = model(example.after);
      // both versions parse without a syntax error
      for (const version of [before, after]) expect(version.documents[0]!.diagnostics.map((diagnostic) => diagnostic.message)).toEqual([]);
      const diff = diffModels(before, after);
      expect(diff.changes.length).toBeGreaterThan(0);
      const worst = diff.changes.reduce<ChangeClass>((most, change) => (rank[change.classification] > rank[most] ? change.classification : most), 'safe');
      expect(worst).toBe(example.expected);
    });
  }
});
