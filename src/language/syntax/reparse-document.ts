/**
 * Re-parsing after an edit: the result equals `parseDocument(uri, text)`, but
 * the declarations wholly before the edit are kept as they are (the same
 * objects) and only the rest of the document is lexed and parsed again.
 *
 * Why keeping them is exact: a whole-file parse cuts the token stream at each
 * declaration keyword and parses each piece on its own (parse-document.ts), so
 * a declaration's elements, references and findings depend on its own tokens
 * only. Its tokens are unchanged when the text is unchanged up to two
 * characters past its end (the lexer decides where a token ends by looking
 * at most two characters past it: `a.b`, `1.5`; a block comment that is never
 * closed looks further but is a lexing error, and then this falls back), and the
 * cut before the first re-parsed declaration is checked on the new tokens.
 */
import type { Diagnostic } from '../diagnostics';
import {
  capDiagnostics,
  collectDiagnostics,
  emptyDocument,
  isDeclarationStart,
  parseDocument,
  parseRecordOf,
  parseSegments,
  recordParse,
  type ParseRecord,
  type ParsedDocument,
  type SegmentRecord,
} from './parse-document';
import { lex } from './lexer';

/** Below this many characters a whole parse is as cheap as working out what to keep. */
const SMALL_DOCUMENT = 200;

/**
 * How far a change can reach back: a token ending up to this many characters
 * before the first changed character may have been decided by looking at it.
 */
const LOOK_AHEAD = 2;

/** How many declarations before the change are tried as the place to start again. */
const RESTART_TRIES = 3;

/** What `reparseDocument` did, for tests that count work (never time). */
export interface ReparseCount {
  /** Declarations kept from the previous parse. */
  kept: number;
  /** Declarations parsed again. */
  parsed: number;
  /** Whether the whole document was parsed. */
  whole: boolean;
}

let lastCount: ReparseCount = { kept: 0, parsed: 0, whole: true };

/** What the last `reparseDocument` call did. */
export function lastReparse(): ReparseCount {
  return lastCount;
}

/** The document `previous` becomes with `text`: equal to `parseDocument(previous.uri, text)`. */
export function reparseDocument(previous: ParsedDocument, text: string): ParsedDocument {
  const record = parseRecordOf(previous);
  if (record?.reusable && text.length >= SMALL_DOCUMENT && previous.text.length >= SMALL_DOCUMENT) {
    try {
      const document = reparseAfter(previous, record, text);
      if (document) return document;
    } catch {
      // whatever went wrong, the whole parse below gives the answer (and reports a parser bug)
    }
  }
  const document = parseDocument(previous.uri, text);
  lastCount = { kept: 0, parsed: parseRecordOf(document)?.segments.length ?? 0, whole: true };
  return document;
}

function reparseAfter(previous: ParsedDocument, record: ParseRecord, text: string): ParsedDocument | undefined {
  const unchanged = commonPrefix(previous.text, text);
  const segments = record.segments;
  // the last declaration that starts far enough before the change
  let last = segments.length - 1;
  while (last >= 0 && segments[last]!.start + LOOK_AHEAD > unchanged) last--;
  for (let tries = 0; tries < RESTART_TRIES && last >= 0; tries++, last--) {
    const document = reparseFrom(previous, record, text, last);
    if (document) return document;
  }
  return undefined;
}

/**
 * Keeps the declarations before segment `first` and parses the text from its start
 * again; undefined when the new text does not start a declaration there, or has
 * lexing errors there (then the whole parse reports them).
 */
function reparseFrom(previous: ParsedDocument, record: ParseRecord, text: string, first: number): ParsedDocument | undefined {
  const kept = record.segments[first]!;
  const from = kept.start;
  const lexed = lex(text, from);
  if (lexed.errors.length > 0) return undefined;
  if (lexed.count === 0 || lexed.starts[0] !== from) return undefined;
  // The token before `from` is unchanged and, as it was before a declaration, is neither '.' nor 'kind':
  // whether a declaration starts here depends on this token and the next one only.
  if (!isDeclarationStart(lexed, 0)) return undefined;

  const document = emptyDocument(previous.uri, text);
  document.declarations = previous.declarations.slice(0, kept.declarations);
  document.references = previous.references.slice(0, kept.references);
  const segments: SegmentRecord[] = record.segments.slice(0, first);
  // the declaration being edited: when it had a mistake before, it is most likely still being typed
  parseSegments(document, lexed, 0, segments, kept.findings.length > 0);
  const next: ParseRecord = { reusable: true, headStrings: record.headStrings, stray: record.stray, segments };
  const noLexingErrors: Diagnostic[] = [];
  collectDiagnostics(document, noLexingErrors, next);
  if (capDiagnostics(document)) next.reusable = false;
  recordParse(document, next);
  lastCount = { kept: first, parsed: segments.length - first, whole: false };
  return document;
}

function commonPrefix(a: string, b: string): number {
  const length = Math.min(a.length, b.length);
  let i = 0;
  while (i < length && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}
