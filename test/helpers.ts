/**
 * Test helpers: .ddd text in, findings out, in the words the user sees.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { expect } from 'vitest';
import type { Diagnostic } from '../src/language/diagnostics';
import { checkWorkspace, type CheckResult, type SourceFile } from '../src/language/index';
import { LineIndex } from '../src/language/syntax/line-index';

export interface Finding {
  file: string;
  /** 1-based. */
  line: number;
  severity: Diagnostic['severity'];
  code: string;
  message: string;
}

export interface Checked extends CheckResult {
  findings: Finding[];
  /** Findings of one code. */
  of(code: string): Finding[];
  /** Errors and warnings only. */
  problems: Finding[];
}

/** Checks one text (as `main.ddd`) or several files given as name → text. */
export function check(source: string | Record<string, string>): Checked {
  const files: SourceFile[] =
    typeof source === 'string'
      ? [{ uri: 'file:///main.ddd', text: source }]
      : Object.entries(source).map(([name, text]) => ({ uri: `file:///${name}`, text }));
  return checkFiles(files);
}

export function checkFiles(files: SourceFile[]): Checked {
  const result = checkWorkspace(files);
  const texts = new Map(files.map((file) => [file.uri, new LineIndex(file.text)]));
  const findings = result.diagnostics.map((diagnostic) => ({
    file: diagnostic.uri.replace('file:///', ''),
    line: (texts.get(diagnostic.uri)?.positionAt(diagnostic.range.start).line ?? 0) + 1,
    severity: diagnostic.severity,
    code: diagnostic.code,
    message: diagnostic.message,
  }));
  return {
    ...result,
    findings,
    of: (code) => findings.filter((finding) => finding.code === code),
    problems: findings.filter((finding) => finding.severity === 'error' || finding.severity === 'warning'),
  };
}

// not `new URL(…, import.meta.url)`: happy-dom, the environment of the DOM tests, replaces URL
const root = resolve(__dirname, '..');

/** Reads every .ddd file under a folder of the repository (e.g. `examples/order-saga`). */
export function readWorkspace(folder: string): SourceFile[] {
  const files: SourceFile[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.name.endsWith('.ddd')) files.push({ uri: 'file://' + path, text: readFileSync(path, 'utf8') });
    }
  };
  walk(join(root, folder));
  return files.sort((a, b) => a.uri.localeCompare(b.uri));
}

export function fixture(name: string): string {
  return readFileSync(join(root, 'test/fixtures', name), 'utf8');
}

/** The fenced ddd blocks of the language sketch (a copy in test/fixtures: tests read nothing outside the repository), by section number (1–8). */
export function sketchBlocks(): { section: number; text: string }[] {
  const sketch = fixture('language-sketch.md');
  const blocks: { section: number; text: string }[] = [];
  let section = 0;
  const pattern = /^## (\d+)\.|```ddd\n([\s\S]*?)```/gm;
  for (const match of sketch.matchAll(pattern)) {
    if (match[1]) section = Number(match[1]);
    else blocks.push({ section, text: match[2]! });
  }
  return blocks;
}

/**
 * Expectations written in a fixture as trailing comments: `// error: …` or
 * `// warning: …` on the line that must carry that finding.
 */
export function expectedProblems(text: string, file = 'main.ddd'): { file: string; line: number; severity: string }[] {
  return text.split(/\r?\n/).flatMap((line, index) => {
    const match = /\/\/\s*(error|warning):/.exec(line);
    return match ? [{ file, line: index + 1, severity: match[1]! }] : [];
  });
}

/**
 * A parse as JSON text, each object written once (a subdomain and its domain, a module and its
 * members refer to each other): equal parses give equal texts, to the order of every property.
 */
export function parseAsText(parse: object): string {
  const seen = new WeakSet<object>();
  return JSON.stringify(parse, (_key, value: unknown) => {
    if (typeof value !== 'object' || value === null) return value;
    if (seen.has(value)) return '[written above]';
    seen.add(value);
    return value;
  });
}

/**
 * `expect(actual, message).toEqual(expected)` for large values compared many times (whole parsed
 * documents): Node's strict deep comparison first, which passes only values toEqual also finds equal,
 * at a fraction of its cost; when it fails, toEqual decides, and says where the two differ. A message
 * given as a function is worded only then.
 */
export function expectEqual<T>(actual: T, expected: T, message?: string | (() => string)): void {
  if (isDeepStrictEqual(actual, expected)) return;
  expect(actual, typeof message === 'function' ? message() : message).toEqual(expected);
}
