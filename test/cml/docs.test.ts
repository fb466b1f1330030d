/**
 * docs/context-mapper.md says what the importer and the exporter do: its type
 * table is the importer's, its relationship spellings import as it says (and
 * those of the design note), and its examples of dropped constructs are what
 * `ddd import` and `ddd export --format cml` print.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { exportCml } from '../../src/language/cml/export-cml';
import { importCml } from '../../src/language/cml/import';
import { cmlTypeToDdd, dddTypeText } from '../../src/language/cml/mapping';
import { checkWorkspace } from '../../src/language/index';
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

  // docs/design/context-mapper-syntax.md once had `A Customer-Supplier B` as `A [S] -> B [C]`: in Context Mapper's
  // grammar the customer (downstream) is named first, so it is `B [S] -> A [C]`. Every relationship spelling of
  // both tables is imported here and must give the .ddd line the table says.
  it.each(['context-mapper.md', 'design/context-mapper-syntax.md'])("%s: every relationship spelling in its CML table imports as the table says", (file) => {
    const text = readFileSync(new URL(`../../docs/${file}`, import.meta.url), 'utf8');
    const rows = [...text.matchAll(/^\| (`[^|]*`) \| `([^`]+)`.*\|$/gm)].filter(([, cml]) => /^`(A|B|\[)[ [,A-Z\]]/.test(cml!));
    expect(rows.length).toBeGreaterThanOrEqual(5);
    for (const [, cml, ddd] of rows) {
      const expected = ddd!.replace(/ \{ … \}$/, '');
      for (const [, spelling] of cml!.matchAll(/`([^`]+)`/g)) {
        const result = importCml(`ContextMap { ${spelling!.replace(/ \{ … \}$/, '')} }\nBoundedContext A\nBoundedContext B`);
        if (!result.ok) expect.fail(`${spelling}: ${result.problems[0]?.message}`);
        expect(result.text.split('\n').map((line) => line.trim()), spelling).toContain(expected);
      }
    }
  });

  it('shows a line of what the export drops as ddd export prints it for the example workspace', () => {
    const folder = fileURLToPath(new URL('../../examples', import.meta.url));
    const files = readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.ddd'));
    const { notes } = exportCml(checkWorkspace(files.map((file) => ({ uri: `file:///${file}`, text: readFileSync(join(folder, file), 'utf8') }))).model);
    const shown = /`ddd export: not in CML: (.*)`/.exec(doc)![1]!;
    expect(notes).toContain(shown);
  });
});
