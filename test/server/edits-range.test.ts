/**
 * Edits whose range lies outside the document. vscode-languageserver-textdocument
 * grows its line table to the line number it is given: an edit at line 1e9 that
 * inserts a line break leaves a table of a billion entries, and the next edit
 * walks it (the server hung at 100 % CPU). The server clamps every range to the
 * document first (src/server/document-edits.ts); an edit past the end applies
 * at the end. Work is bounded by counting lines, not by a clock.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { DidChangeTextDocumentNotification, DocumentSymbolRequest, HoverRequest, type DocumentSymbol } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { clampedTextDocuments, clampRange } from '../../src/server/document-edits';
import { startSession, tempWorkspace, type Session } from './lsp-harness';

const text = 'context Sales {\n  aggregate Order {\n    root entity Order { id: OrderId }\n  }\n}\n';
const farAway = { start: { line: 1e9, character: 0 }, end: { line: 1e9 + 1, character: 0 } };

describe('the text-document library, with and without the clamp', () => {
  it('unguarded, one edit past the end grows the line table to the line number (the hazard)', () => {
    const document = TextDocument.create('file:///a.ddd', 'ddd', 1, text);
    TextDocument.update(document, [{ range: farAway, text: '\n' }], 2);
    expect(document.lineCount).toBeGreaterThan(1e9);
  });

  it('clamped, the same edit applies at the end and the line table matches the text', () => {
    const document = clampedTextDocuments.create('file:///a.ddd', 'ddd', 1, text);
    const updated = clampedTextDocuments.update(document, [{ range: farAway, text: '\n' }, { range: farAway, text: '// end' }], 2);
    expect(updated.getText()).toBe(`${text}\n// end`);
    expect(updated.lineCount).toBe(updated.getText().split('\n').length);
  });

  it('clamps negative, fractional, non-numeric and reversed positions, and characters past a line', () => {
    const document = TextDocument.create('file:///a.ddd', 'ddd', 1, 'ab\ncd');
    expect(clampRange(document, { start: { line: -5, character: -1 }, end: { line: 0, character: 99 } })).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 2 } });
    expect(clampRange(document, { start: { line: 1.7, character: Number.NaN }, end: { line: 'x', character: null } })).toEqual({ start: { line: 1, character: 0 }, end: { line: 0, character: 0 } });
    expect(clampRange(document, { start: { line: Infinity, character: 0 } })).toEqual({ start: { line: 1, character: 2 }, end: { line: 1, character: 2 } });
    expect(clampRange(document, null)).toEqual({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
    const updated = clampedTextDocuments.update(document, [{ range: { start: { line: 1, character: 2 }, end: { line: 0, character: 1 } }, text: 'X' }], 2);
    expect(updated.getText()).toBe('aX');
  });
});

describe('the language server, sent edits outside the document', () => {
  let session: Session | undefined;
  afterEach(async () => {
    await session?.dispose();
    session = undefined;
  });

  it('applies them at the end and keeps answering', async () => {
    session = await startSession(tempWorkspace());
    const uri = session.uri('sales.ddd');
    session.open(uri, text, 1);
    const far = [
      { range: farAway, text: '\n' },
      { range: { start: { line: 1e9, character: 5 }, end: { line: 1e9, character: 5 } }, text: 'context Billing {}\n' },
    ];
    await session.client.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: far });
    await session.client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 3 },
      contentChanges: [{ range: { start: { line: 2e9, character: 0 }, end: { line: 0, character: 0 } }, text: '' }],
    });
    const symbols = (await session.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(symbols.map((symbol) => symbol.name)).toEqual([]);
    await session.client.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 4 },
      contentChanges: [{ range: { start: { line: 7e9, character: 0 }, end: { line: 7e9, character: 0 } }, text: text + 'context Billing {}\n' }],
    });
    const after = (await session.client.sendRequest(DocumentSymbolRequest.type, { textDocument: { uri } })) as DocumentSymbol[];
    expect(after.map((symbol) => symbol.name)).toEqual(['Sales', 'Billing']);
    expect(session.server.document(uri)?.lines.lineCount).toBe(7);
    const hover = await session.client.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 9 } });
    expect(hover).not.toBeNull();
  });
});
