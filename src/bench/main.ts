/**
 * `npm run bench`: runs the benchmark sections in order and prints a report.
 * A new section (server, render, simulate, …) is a file exporting a
 * BenchSection, added to `sections`.
 *
 *   node dist/bench.js              every section
 *   node dist/bench.js cli          only the named sections
 *   node dist/bench.js --quick      fewer runs
 */
import { cpus, loadavg } from 'node:os';
import { cliSection } from './cli';
import { diagramsSection } from './diagrams';
import { diffSection } from './diff';
import { extensionSection } from './extension';
import { languageSection } from './language';
import { peerSection } from './peer';
import type { BenchContext, BenchSection } from './report';
import { renderSection } from './render';
import { serverSection } from './server';
import { simulationSection } from './simulation';

export const sections: readonly BenchSection[] = [languageSection, cliSection, serverSection, peerSection, diagramsSection, renderSection, simulationSection, diffSection, extensionSection];

async function main(argv: string[]): Promise<number> {
  const quick = argv.includes('--quick');
  const names = argv.filter((arg) => !arg.startsWith('-'));
  const unknown = names.filter((name) => !sections.some((section) => section.name === name));
  if (unknown.length) {
    process.stderr.write(`bench: unknown section ${unknown.join(', ')}; sections: ${sections.map((section) => section.name).join(', ')}\n`);
    return 2;
  }
  const chosen = names.length ? sections.filter((section) => names.includes(section.name)) : sections;
  const context: BenchContext = { distDir: __dirname, quick, log: (line = '') => console.log(line) };
  const cpu = cpus();
  console.log(`DDD Modeler benchmarks: Node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'CPU'}${quick ? ' (quick)' : ''}`);
  const load = loadavg()[0] ?? 0;
  if (load > cpu.length / 2) {
    console.log(`Load average ${load.toFixed(1)} on ${cpu.length} CPUs: other work is running, the figures below are slower and noisier than on an idle machine.`);
  }
  for (const section of chosen) {
    console.log();
    console.log(section.title);
    console.log();
    const started = performance.now();
    await section.run(context);
    console.log(`  (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  }
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
