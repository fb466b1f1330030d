/**
 * docs/context-mapper.md says what the importer does: its type table is the
 * importer's, and its examples of dropped constructs are what `ddd import` prints.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { importCml } from '../../src/language/cml/import';
import { cmlTypeToDdd, dddTypeText } from '../../src/language/cml/mapping';
import { cmlText } from './cml-fixtures';

const doc = readFileSync(new URL('../../docs/context-mapper.md', import.meta.url), 'utf8');

describe('docs/context-mapper.md', () => {
  it('lists every CML type the importer maps, as it maps it', () => {
    const rows = [...doc.matchAll(/^\| `([A-Za-z[\]]+)` \| `([A-Za-z<>]+)` \|$/gm)].map(([, cml, ddd]) => [cml, ddd]);
    const expected = [...Object.keys(cmlTypeToDdd), 'Object[]'].map((cml) => [cml, dddTypeText({ name: cml, args: [] })]);
    expect([...rows].sort()).toEqual(expected.sort());
  });

  it('shows dropped lines as ddd import prints them', () => {
    const result = importCml(cmlText('sculptor-hints.cml'));
    if (!result.ok) expect.fail('parses');
    for (const line of doc.match(/^shipping\.cml:\d+: dropped: .*$/gm)!) {
      const [, number, reason] = /^shipping\.cml:(\d+): dropped: (.*)$/.exec(line)!;
      expect(result.dropped).toContainEqual({ line: Number(number), reason });
    }
  });
});
