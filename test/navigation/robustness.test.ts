/**
 * Every navigation query on damaged text, at every position: nothing throws.
 * (Editors ask these questions on half-typed text all the time.)
 */
import { expect, test } from 'vitest';
import {
  completionsAt,
  definitionOf,
  documentSymbols,
  elementAt,
  foldingRanges,
  formatEdits,
  hoverAt,
  prepareRename,
  referencesTo,
  renameAt,
  semanticTokens,
  workspaceSymbols,
} from '../../src/language/navigation/index';
import { checkWorkspace, parseDocument } from '../../src/language/index';
import { readWorkspace, sketchBlocks } from '../helpers';

function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sources = [...readWorkspace('examples/order-saga').map((file) => file.text), ...sketchBlocks().map((block) => block.text)];
const fragments = ['{', '}', '[', ']', '<', '>', '->', '<->', ':', ',', '.', '"', '(', ')', 'step', 'on', 'emits', 'List<', 'Sales.', 'context', '\n', '//', '/*', '?', '=', '-'];

function damage(text: string, next: () => number): string {
  let result = text;
  const edits = 1 + Math.floor(next() * 4);
  for (let i = 0; i < edits; i++) {
    const at = Math.floor(next() * result.length);
    const kind = next();
    if (kind < 0.4) result = result.slice(0, at) + fragments[Math.floor(next() * fragments.length)] + result.slice(at);
    else if (kind < 0.8) result = result.slice(0, at) + result.slice(at + 1 + Math.floor(next() * 12));
    else result = result.slice(0, at);
  }
  return result;
}

test('no query throws on damaged text, at any position', () => {
  const next = random(2024);
  for (let round = 0; round < 60; round++) {
    const text = damage(sources[Math.floor(next() * sources.length)]!, next);
    const others = readWorkspace('examples/order-saga').slice(0, 4);
    const uri = 'file:///damaged.ddd';
    const { model } = checkWorkspace([...others, { uri, text }]);
    expect(() => {
      documentSymbols(model, uri);
      semanticTokens(model, uri);
      foldingRanges(parseDocument(uri, text));
      formatEdits(parseDocument(uri, text));
      workspaceSymbols(model, 'ord');
      for (let offset = 0; offset <= text.length; offset += 1 + Math.floor(next() * 4)) {
        completionsAt(model, uri, offset);
        hoverAt(model, uri, offset);
        definitionOf(model, uri, offset);
        prepareRename(model, uri, offset);
        const element = elementAt(model, uri, offset);
        if (element?.symbol && next() < 0.2) {
          referencesTo(model, element.symbol);
          renameAt(model, uri, offset, 'Renamed');
        }
      }
    }, `round ${round}: ${JSON.stringify(text.slice(0, 200))}`).not.toThrow();
  }
});
