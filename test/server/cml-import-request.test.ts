/**
 * `ddd/importCml`, the request behind "DDD: Import Context Mapper Model…": its
 * parameters are checked, and it answers the .ddd text with what was dropped,
 * or where the CML could not be read.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import { checkRequestParams } from '../../src/protocol/index';
import { customRequestHandlers } from '../../src/server/custom-requests';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), '../fixtures/cml');
const handlers = customRequestHandlers({ model: () => checkWorkspace([]).model });

describe('ddd/importCml', () => {
  it('answers the .ddd text and the dropped constructs, naming an unnamed map after the file', () => {
    const result = handlers['ddd/importCml']({ text: readFileSync(join(fixtures, 'sculptor-hints.cml'), 'utf8'), fileName: 'shipping.cml' });
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.text).toContain('root entity Parcel {');
    expect(result.dropped[0]).toEqual({ line: 1, reason: 'import "./other-model.cml": the imported file is not read; import it on its own' });
    const unnamed = handlers['ddd/importCml']({ text: 'ContextMap { A -> B }\nBoundedContext A\nBoundedContext B', fileName: 'my-landscape.cml' });
    expect(unnamed.ok && unnamed.text).toContain('contextmap MyLandscapeMap {');
  });

  it('answers where a file cannot be read', () => {
    const result = handlers['ddd/importCml']({ text: readFileSync(join(fixtures, 'malformed/unclosed-block.cml'), 'utf8'), fileName: 'x.cml' });
    expect(result).toEqual({ ok: false, problems: [{ line: 5, column: 1, message: "expected '}', found the end of the file" }] });
  });

  it('checks its parameters', () => {
    expect(checkRequestParams('ddd/importCml', { text: 'BoundedContext A', fileName: 'a.cml' }).ok).toBe(true);
    expect(checkRequestParams('ddd/importCml', { text: 'BoundedContext A\n\tDomain D', fileName: 'a.cml' }).ok).toBe(true);
    expect(checkRequestParams('ddd/importCml', { text: 42, fileName: 'a.cml' })).toMatchObject({ ok: false });
    expect(checkRequestParams('ddd/importCml', { text: '', fileName: 'a\nb.cml' })).toMatchObject({ ok: false });
  });
});
