/**
 * Feedback while typing, as the editor sees it over real JSON-RPC (issue 12): a
 * typo in a saga step, a step whose reply is not written, a role on the wrong
 * side of a relationship, a subdomain named like one elsewhere, and what
 * completion ranks first. The workspace is a temporary copy of examples/order-saga.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  CodeActionRequest,
  CompletionRequest,
  type CodeAction,
  type CompletionItem,
  type Diagnostic,
  type PublishDiagnosticsParams,
  type TextEdit,
  type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { LineIndex } from '../../src/language/syntax/line-index';
import { readWorkspace } from '../helpers';
import { startSession, tempWorkspace, waitForAll, type Session } from './lsp-harness';

const exampleRoot = new URL('../../examples/order-saga', import.meta.url).pathname;
let session: Session;

beforeAll(async () => {
  const root = tempWorkspace(exampleRoot);
  session = await startSession(root);
  const files = readWorkspace('examples/order-saga').map((file) => session.uri(relative(exampleRoot, new URL(file.uri).pathname)));
  await waitForAll(session, files);
});

afterAll(async () => {
  expect(session.logs.filter((log) => /failed/.test(log))).toEqual([]);
  await session.dispose();
});

/** A small lending library: two contexts that declare their commands and events (ends with a newline). */
const library = readFileSync(new URL('../fixtures/validation/library.ddd', import.meta.url), 'utf8');

/** Opens a new file and waits for its first diagnostics. */
async function open(name: string, text: string): Promise<{ uri: string; diagnostics: Diagnostic[] }> {
  const uri = session.uri(name);
  const published = session.nextDiagnostics(uri, (params: PublishDiagnosticsParams) => params.version === 1);
  session.open(uri, text, 1);
  return { uri, diagnostics: (await published).diagnostics };
}

function positionAt(text: string, needle: string, delta = 0) {
  const at = text.indexOf(needle);
  if (at < 0) throw new Error(`${needle} not found`);
  return new LineIndex(text).positionAt(at + delta);
}

function applyTextEdits(source: string, edits: TextEdit[]): string {
  const lines = new LineIndex(source);
  const sorted = edits.map((edit) => ({ start: lines.offsetAt(edit.range.start), end: lines.offsetAt(edit.range.end), text: edit.newText })).sort((a, b) => b.start - a.start);
  let result = source;
  for (const edit of sorted) result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  return result;
}

async function quickFixes(uri: string, diagnostic: Diagnostic): Promise<CodeAction[]> {
  return (await session.client.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
}

async function completions(uri: string, text: string, needle: string, delta: number): Promise<CompletionItem[]> {
  return (await session.client.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: positionAt(text, needle, delta) })) as CompletionItem[];
}

describe('a typo in a saga step', () => {
  test('`step ReserveCopyy on Catalogue` warns "Did you mean ReserveCopy?", and the quick fix corrects it', async () => {
    const text = `${library}saga Lending orchestrated by Loans {\n  step ReserveCopyy on Catalogue compensate ReleaseCopy\n  step LendBook on Loans\n}\n`;
    const { uri, diagnostics } = await open('scratch/typo.ddd', text);
    const typo = diagnostics.filter((diagnostic) => diagnostic.code === 'saga-unknown-name');
    expect(typo).toHaveLength(1);
    expect(typo[0]).toMatchObject({ severity: 2, range: { start: positionAt(text, 'ReserveCopyy'), end: positionAt(text, 'ReserveCopyy', 12) } });
    expect(typo[0]!.message).toMatch(/Did you mean ReserveCopy\?/);
    const actions = await quickFixes(uri, typo[0]!);
    expect(actions[0]).toMatchObject({ title: 'Change ReserveCopyy to ReserveCopy', kind: 'quickfix', isPreferred: true });
    expect(applyTextEdits(text, (actions[0]!.edit as WorkspaceEdit).changes![uri]!)).toContain('step ReserveCopy on Catalogue');
  });

  test('`reply -> BOOK_LENT` gives one syntax error and nothing with blank names', async () => {
    const text = `${library}saga Lending orchestrated by Loans {\n  step ReserveCopy on Catalogue compensate ReleaseCopy\n  step LendBook on Loans reply -> BOOK_LENT\n}\n`;
    const { diagnostics } = await open('scratch/reply.ddd', text);
    // the saga's findings (the contexts above are declared in the other scratch files too)
    const inSaga = diagnostics.filter((diagnostic) => diagnostic.range.start.line >= positionAt(text, 'saga').line);
    expect(inSaga.map((diagnostic) => diagnostic.code)).toEqual(['syntax-error']);
    expect(inSaga[0]!.message).toBe("Expected a name in a saga step but found '->'.");
  });
});

describe('a role on the wrong side of a relationship', () => {
  test('`Loans [CF] -> Notifications`: the quick fix moves CF downstream', async () => {
    const text = 'context Loans\ncontext Notifications\ncontextmap Library {\n  Loans [CF] -> Notifications\n}\n';
    const { uri, diagnostics } = await open('scratch/map.ddd', text);
    const side = diagnostics.find((diagnostic) => diagnostic.code === 'map-role-side')!;
    expect(side.message).toMatch(/put it on the downstream side, Notifications/);
    const actions = await quickFixes(uri, side);
    expect(actions[0]).toMatchObject({ title: 'Move CF to Notifications', kind: 'quickfix', isPreferred: true });
    expect(applyTextEdits(text, (actions[0]!.edit as WorkspaceEdit).changes![uri]!)).toContain('  Loans -> Notifications [CF]\n');
  });
});

describe('completion ranks what is near first', () => {
  const text = `${library}saga Lending orchestrated by Loans {\n  step ReserveCopy on Catalogue reply CopyReserved compensate ReleaseCopy\n  step LendBook on Loans reply BookLent\n}\n`;
  let uri: string;
  beforeAll(async () => {
    uri = (await open('scratch/ranking.ddd', text)).uri;
  });
  const ordered = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText! < b.sortText! ? -1 : a.sortText! > b.sortText! ? 1 : 0)).map((item) => item.label);

  test('after `step ReserveCopy on`: Catalogue, which declares it, first', async () => {
    const list = ordered(await completions(uri, text, 'on Catalogue', 3));
    expect(list[0]).toBe('Catalogue');
    expect(list[1]).toBe('Loans');
    expect(list.indexOf('Sales')).toBeGreaterThan(1);
  });

  test('after `reply`: the event the command emits first', async () => {
    const list = ordered(await completions(uri, text, 'reply BookLent', 6));
    expect(list[0]).toBe('BookLent');
    expect(list.indexOf('OrderPlaced')).toBeGreaterThan(list.indexOf('CopyReserved'));
  });

  test('a keyword sorts after the snippet it shares its label with (VS Code sorts extension snippets as `z-<prefix>`)', async () => {
    const snippets = JSON.parse(readFileSync(new URL('../../snippets/ddd.json', import.meta.url), 'utf8')) as Record<string, { prefix: string | string[] }>;
    const prefixes = new Set(Object.values(snippets).flatMap((snippet) => (Array.isArray(snippet.prefix) ? snippet.prefix : [snippet.prefix])));
    const top = await completions(uri, text, 'saga Lending', 0);
    const keywords = top.filter((item) => prefixes.has(item.label));
    expect(keywords.map((item) => item.label).sort()).toEqual(['context', 'contextmap', 'domain', 'saga', 'storming']);
    for (const item of keywords) expect(item.sortText! > `z-${item.label}`).toBe(true);
    // and the server's own order is kept
    expect(ordered(top)).toEqual(top.map((item) => item.label));
  });
});

describe('one name, one story', () => {
  test('a new domain with a subdomain named like the example\'s: nothing to rename in the new file; the ambiguity is where the bare name is, with both candidates', async () => {
    const billing = session.uri('contexts/billing.ddd');
    const ambiguous = session.nextDiagnostics(billing, (params) => params.diagnostics.some((diagnostic) => diagnostic.code === 'ambiguous-reference'));
    const { diagnostics } = await open('scratch/library-domain.ddd', 'domain Library { generic subdomain Payments }\ncontext Loans implements Library.Payments\n');
    expect(diagnostics.filter((diagnostic) => diagnostic.severity === 1 || diagnostic.severity === 2)).toEqual([]);
    const finding = (await ambiguous).diagnostics.find((diagnostic) => diagnostic.code === 'ambiguous-reference')!;
    expect(finding.message).toBe('Payments is ambiguous: it could be Shop.Payments, Library.Payments. Qualify it with its domain.');
    expect(finding.relatedInformation?.map((related) => related.message)).toEqual(['Shop.Payments', 'Library.Payments']);
  });
});
