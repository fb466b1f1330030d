/**
 * The language core on generated models of 1k, 10k and 50k lines: parsing,
 * then linking and validating, cold (first run) and warm (median of several).
 */
import type { Severity } from '../language/diagnostics';
import { checkDocuments, parseDocument, type SourceFile } from '../language/index';
import { generateModel } from './model-generator';
import { median, ms, quantile, table, target, thousands, time, type BenchSection } from './report';

interface Size {
  lines: number;
  runs: number;
  /** The warm parse + link + validate target, in ms. */
  target?: number | undefined;
  /** Runs before the measured ones, so that the JIT has settled. */
  warmup: number;
}

/**
 * Warm means after the JIT has settled, as in a language server that has been
 * running for a while: `warmup` runs are discarded before the measured ones.
 */
const sizes: Size[] = [
  { lines: 1_000, runs: 30, warmup: 20 },
  { lines: 10_000, runs: 25, warmup: 15 },
  { lines: 50_000, runs: 11, warmup: 5 },
].map((size, index) => ({ ...size, target: [undefined, 30, 150][index] }));

function checkOnce(files: readonly SourceFile[]) {
  const parse = time(() => files.map((file) => parseDocument(file.uri, file.text)));
  const link = time(() => checkDocuments(parse.result));
  return { parse: parse.ms, link: link.ms, total: parse.ms + link.ms, diagnostics: link.result.diagnostics };
}

export const languageSection: BenchSection = {
  name: 'language',
  title: 'Language core: parse, link + validate (generated models, ~500-line files)',
  run({ log, quick }) {
    // the common declarations are read without chevrotain (syntax/direct-reader.ts): a vision line is the grammar's,
    // and the first declaration that needs the grammar builds its parser
    const first = time(() => parseDocument('file:///bench/first.ddd', 'context Sales { vision "Selling" }'));
    const rows: string[][] = [];
    const notes: string[] = [];
    for (const size of sizes) {
      const model = generateModel({ lines: size.lines });
      const files: SourceFile[] = model.files.map((file) => ({ uri: `file:///bench/${size.lines}/${file.name}`, text: file.text }));
      const cold = checkOnce(files);
      const runs = quick ? Math.min(3, size.runs) : size.runs;
      for (let i = 0; i < (quick ? 1 : size.warmup); i++) checkOnce(files);
      const warm = Array.from({ length: runs }, () => checkOnce(files));
      const totals = warm.map((run) => run.total);
      const total = median(totals);
      const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0, hint: 0 };
      for (const diagnostic of cold.diagnostics) counts[diagnostic.severity]++;
      rows.push([
        thousands(model.lines),
        String(model.files.length),
        ms(cold.total),
        ms(median(warm.map((run) => run.parse))),
        ms(median(warm.map((run) => run.link))),
        ms(total),
        `${ms(quantile(totals, 0.25)).replace(' ms', '')}–${ms(quantile(totals, 0.75))}`,
        thousands(model.lines / (total / 1000)) + '/s',
        target(total, size.target),
        `${counts.error}/${counts.warning}/${counts.info}/${counts.hint}`,
      ]);
      notes.push(`${thousands(model.lines)} lines: ${model.contexts} contexts, ${model.aggregates} aggregates; warm = median of ${runs} runs after ${quick ? 1 : size.warmup} discarded`);
    }
    log(table(['lines', 'files', 'cold total', 'parse', 'link+validate', 'total', 'middle half', 'lines/s', 'target (warm total)', 'findings e/w/i/h'], rows));
    log();
    log(`  first parse in the process that needs the grammar's parser (builds it; the generated models need none): ${ms(first.ms)}; the cold column is the first run of each size.`);
    log('  parse, link+validate and total are medians of the warm runs; "middle half" is the range of the middle half of the totals');
    log('  (a garbage collection of the old generation lands in some runs and not others).');
    for (const note of notes) log(`  ${note}`);
  },
};
