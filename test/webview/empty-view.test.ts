/**
 * An empty view names the snippets that fill it (webview/preview/empty-view.ts):
 * each name and prefix is one of snippets/ddd.json, the editor's list.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { viewKinds } from '../../src/protocol/index';
import { emptyHints, emptyText } from '../../webview/preview/empty-view';

const snippets = JSON.parse(readFileSync(new URL('../../snippets/ddd.json', import.meta.url), 'utf8')) as Record<string, { prefix: string | string[] }>;

describe('the empty views', () => {
  test('every view kind says what to write', () => {
    expect(Object.keys(emptyHints).sort()).toEqual([...viewKinds].sort());
    expect(emptyText('saga')).toBe(
      'No sagas yet. In a .ddd file, type saga (the snippet “Orchestrated saga”) or saga (the snippet “Choreographed saga”) and press Tab to fill its placeholders. Its state machine, sequence or event flow is drawn here.',
    );
  });

  test.each(viewKinds.flatMap((kind) => emptyHints[kind].snippets.map((snippet) => [kind, snippet.name, snippet.prefix] as const)))('%s names the snippet “%s” (%s) as snippets/ddd.json has it', (_, name, prefix) => {
    const snippet = snippets[name];
    expect(snippet, `snippets/ddd.json has no snippet named ${name}`).toBeDefined();
    expect([snippet!.prefix].flat()[0]).toBe(prefix);
  });
});
