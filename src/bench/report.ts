/**
 * What every benchmark section shares: how it is run, how figures are printed.
 * A section is a file exporting a BenchSection; src/bench/main.ts lists them.
 */

export interface BenchContext {
  /** The folder of the built bundles (dist/), for sections that spawn them. */
  distDir: string;
  /** Fewer runs and smaller sizes (`--quick`), for a fast look. */
  quick: boolean;
  log(line?: string): void;
}

export interface BenchSection {
  /** Short name used to pick sections on the command line: `node dist/bench.js cli`. */
  name: string;
  title: string;
  run(context: BenchContext): void | Promise<void>;
}

export function median(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** The value below which a fraction `q` (0–1) of the values fall (nearest rank). */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

export function ms(value: number): string {
  if (!Number.isFinite(value)) return '—';
  return value >= 100 ? `${value.toFixed(0)} ms` : `${value.toFixed(1)} ms`;
}

/** 1234567 → "1,234,567". */
export { thousands } from '../language/util/thousands';

/** A target cell: `< 30 ms ✓` or `< 30 ms ✗ MISSED`. */
export function target(value: number, limit: number | undefined): string {
  if (limit === undefined) return '';
  return value <= limit ? `< ${limit} ms ✓` : `< ${limit} ms ✗ MISSED`;
}

/**
 * Aligned columns with a header rule; cells that look like numbers are aligned
 * right, the others left.
 */
export function table(header: readonly string[], rows: readonly (readonly string[])[], indent = '  '): string {
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((row) => (row[i] ?? '').length)));
  const numeric = header.map((_, i) => rows.length > 0 && rows.every((row) => /^[\d.,]+( ms| ms\/run|\/s| KB| MB)?$|^—$/.test(row[i] ?? '')));
  const render = (row: readonly string[]) =>
    indent +
    row
      .map((cell, i) => (numeric[i] ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [render(header), indent + widths.map((width) => '─'.repeat(width)).join('  '), ...rows.map(render)].join('\n');
}

/** Runs `work` once and returns how long it took, in milliseconds. */
export function time<T>(work: () => T): { ms: number; result: T } {
  const start = performance.now();
  const result = work();
  return { ms: performance.now() - start, result };
}
