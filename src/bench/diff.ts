/**
 * The semantic diff (`ddd diff`, "DDD: Compare with…") of two 10,000-line
 * models: the generated model, and the same model with events renamed, field
 * types changed, fields removed and a saga step's compensation taken away
 * throughout. Timed: the diff of the two linked models (both compared, paired,
 * classified, the changed sagas explored); parsing and linking are the
 * language section's figures.
 */
import { diffModels } from '../language/diff/index';
import { buildModel, parseDocument, type SourceFile } from '../language/index';
import { generateModel } from './model-generator';
import { median, ms, quantile, table, target, thousands, time, type BenchSection } from './report';

/** The warm diff target, in ms (issue 16). */
const TARGET_MS = 100;

/** The new version: every `every`-th event renamed, field type changed and field removed; every third compensation dropped (a few sagas change). */
function edited(text: string, every: number, seen: { events: number; types: number; fields: number; compensations: number }): string {
  return text
    .replace(/\bevent (\w+) \{/g, (match, name: string) => (++seen.events % every === 0 ? `event ${name}Changed {` : match))
    .replace(/: String\b/g, (match) => (++seen.types % every === 0 ? ': Int' : match))
    .replace(/ (\w+): Decimal\b/g, (match) => (++seen.fields % every === 0 ? '' : match))
    .replace(/\n\s*compensate \w+[^\n]*/g, (match) => (++seen.compensations % 3 === 0 ? '' : match));
}

function modelOf(files: readonly SourceFile[]) {
  return buildModel(files.map((file) => parseDocument(file.uri, file.text)));
}

export const diffSection: BenchSection = {
  name: 'diff',
  title: 'Semantic diff of two 10,000-line models (ddd diff, DDD: Compare with…)',
  run({ log, quick }) {
    const generated = generateModel({ lines: 10_000 });
    const oldFiles = generated.files.map((file) => ({ uri: `file:///old/${file.name}`, text: file.text }));
    // counted across the files, so that every file's share of the edits is the same
    const seen = { events: 0, types: 0, fields: 0, compensations: 0 };
    const newFiles = generated.files.map((file) => ({ uri: `file:///new/${file.name}`, text: edited(file.text, 10, seen) }));
    const before = modelOf(oldFiles);
    const after = modelOf(newFiles);
    const cold = time(() => diffModels(before, after));
    const runs = quick ? 3 : 15;
    for (let i = 0; i < (quick ? 1 : 5); i++) diffModels(before, after);
    const cpu: number[] = [];
    const warm = Array.from({ length: runs }, () => {
      const start = process.cpuUsage();
      const took = time(() => diffModels(before, after)).ms;
      cpu.push(process.cpuUsage(start).user / 1000);
      return took;
    });
    const without = Array.from({ length: runs }, () => time(() => diffModels(before, after, { exploreSagas: false })).ms);
    const { counts } = cold.result;
    const explored = cold.result.changes.filter((change) => change.outcomes?.explored).length;
    log(
      table(
        ['lines', 'changes b/r/s', 'sagas explored', 'cold', 'warm', 'middle half', 'warm CPU', 'warm, no simulation', 'target (warm)'],
        [
          [
            thousands(generated.lines),
            `${counts.breaking}/${counts.risky}/${counts.safe}`,
            String(explored),
            ms(cold.ms),
            ms(median(warm)),
            `${ms(quantile(warm, 0.25)).replace(' ms', '')}–${ms(quantile(warm, 0.75))}`,
            ms(median(cpu)),
            ms(median(without)),
            target(median(warm), TARGET_MS),
          ],
        ],
      ),
    );
    log();
    log(`  the new version renames every 10th event, changes every 10th String field, removes every 10th Decimal field and every third compensation;`);
    log('  warm CPU is the process\'s user time for the same runs: on a busy machine it stays near the idle figure while the wall clock does not.');
    log(`  warm = median of ${runs} runs after ${quick ? 1 : 5} discarded; the diff of two linked models (parsing and linking are the language section's).`);
  },
};
