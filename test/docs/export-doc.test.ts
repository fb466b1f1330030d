/**
 * docs/export.md lists the model exports from the registry (src/language/export/formats.ts):
 * its table is the rendering of the registry, and each format has its section.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { modelExportFormats } from '../../src/language/export/index';
import { exportFormatsMarkdown, formatsDocEnd, formatsDocStart } from '../../src/language/export/formats-doc';

const doc = readFileSync(join(__dirname, '../../docs/export.md'), 'utf8');

describe('docs/export.md', () => {
  it('lists exactly the formats of the registry', () => {
    const start = doc.indexOf(formatsDocStart);
    const end = doc.indexOf(formatsDocEnd);
    expect(start).toBeGreaterThanOrEqual(0);
    expect(doc.slice(start, end + formatsDocEnd.length), `replace the list in docs/export.md with:\n${exportFormatsMarkdown()}`).toBe(exportFormatsMarkdown());
  });

  it.each(modelExportFormats.map((format) => format.id))('has a section for %s, with what is left out', (id) => {
    const section = doc.split(`<a id="${id}"></a>`)[1]?.split('<a id="')[0] ?? '';
    expect(section).toContain(`--format ${id}`);
    if (!['c4', 'json'].includes(id)) expect(section).toMatch(/Left out/);
  });
});
