/**
 * What "DDD: Import Context Mapper Model…" writes and says, on the server's
 * real answers for the CML fixtures.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { dddFileName, droppedReport, maxListedDropped, unreadableMessage } from '../../src/extension/cml-import-messages';
import { checkWorkspace } from '../../src/language/index';
import { customRequestHandlers } from '../../src/server/custom-requests';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/cml');
const importCml = customRequestHandlers({ model: () => checkWorkspace([]).model })['ddd/importCml'];
const answer = (name: string) => importCml({ text: readFileSync(join(fixtures, name), 'utf8'), fileName: name });

describe('the Context Mapper import command', () => {
  it('writes x.ddd beside x.cml', () => {
    expect(dddFileName('insurance.cml')).toBe('insurance.ddd');
    expect(dddFileName('Insurance.CML')).toBe('Insurance.ddd');
  });

  it('says where a file could not be read, and that nothing was written', () => {
    const result = answer('malformed/keyword-as-name.cml');
    if (result.ok) expect.fail('the fixture is malformed');
    expect(unreadableMessage('keyword-as-name.cml', result.problems)).toBe(
      "keyword-as-name.cml is not a Context Mapper model this importer can read: line 5, column 11: expected an attribute name, found the keyword 'type' ('type' is a CML keyword: write ^type to use it as a name). Nothing was written.",
    );
  });

  it('lists what was dropped, file:line: reason, at most a bounded number of lines', () => {
    const result = answer('sculptor-hints.cml');
    if (!result.ok) expect.fail('the fixture parses');
    const report = droppedReport('sculptor-hints.cml', 'sculptor-hints.ddd', result.dropped);
    expect(report[0]).toBe(`sculptor-hints.cml → sculptor-hints.ddd: ${result.dropped.length} constructs not carried over`);
    expect(report[1]).toBe('sculptor-hints.cml:1: import "./other-model.cml": the imported file is not read; import it on its own');
    const many = Array.from({ length: maxListedDropped + 7 }, (_, i) => ({ line: i + 1, reason: 'x' }));
    const long = droppedReport('a.cml', 'a.ddd', many);
    expect(long).toHaveLength(maxListedDropped + 2);
    expect(long.at(-1)).toBe('… and 7 more');
  });
});
