import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseDocument } from '../../src/language/syntax/parse-document';

const doc = readFileSync(new URL('../../docs/language.md', import.meta.url), 'utf8');
const blocks = [...doc.matchAll(/```ddd\n([\s\S]*?)```/g)].map((match) => match[1]!);

describe('docs/language.md', () => {
  it('has an example for every construct', () => {
    const all = blocks.join('\n');
    for (const keyword of ['domain', 'subdomain', 'context', 'glossary', 'contextmap', 'aggregate', 'root entity', 'value', 'enum', 'command', 'event', 'repository', 'service', 'eventsourced', 'applies', 'stream', 'expect', 'readmodel', 'orchestrated', 'choreographed', 'compensate', 'storming', 'hotspot', 'policy']) {
      expect(all, keyword).toContain(keyword);
    }
  });
  it.each(blocks.map((block, index) => [index, block] as const))('example %i parses without syntax errors', (_, block) => {
    expect(parseDocument('file:///doc.ddd', block).diagnostics).toEqual([]);
  });
});
