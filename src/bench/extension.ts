/**
 * The extension as users install it: the VSIX's size (packaged now, in
 * production mode), the time to load the client bundle, and the activation
 * time that VS Code measured in the last end-to-end run, when there is one.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { median, ms, table, target, type BenchSection } from './report';

const VSIX_LIMIT_MB = 5;

/** Loads dist/extension.js in a fresh Node with a stand-in for the `vscode` module; the load time in ms. */
function loadTime(bundle: string): number {
  const script = `
    const Module = require('module');
    const load = Module._load;
    Module._load = function (request, ...rest) {
      if (request === 'vscode') return new Proxy({}, { get: () => new Proxy(function () {}, { get: () => ({}) }) });
      return load.call(this, request, ...rest);
    };
    const started = performance.now();
    require(${JSON.stringify(bundle)});
    process.stdout.write(String(performance.now() - started));`;
  const result = spawnSync(process.execPath, ['-e', script], { encoding: 'utf8' });
  return Number(result.stdout);
}

/** "Activated in 6 ms (39 ms including loading the extension's code)" from the last e2e run's extension log. */
function lastActivation(root: string): { activate: number; withLoading: number; when: string } | undefined {
  const log = join(root, 'test-results/e2e/extension-output.log');
  if (!existsSync(log)) return undefined;
  const match = /^(\S+ \S+) \[info\] Activated in (\d+) ms \((\d+) ms including loading/m.exec(readFileSync(log, 'utf8'));
  return match ? { when: match[1]!, activate: Number(match[2]), withLoading: Number(match[3]) } : undefined;
}

export const extensionSection: BenchSection = {
  name: 'extension',
  title: 'The extension: VSIX size (production build), client bundle load, activation',
  run({ log, distDir, quick }) {
    const root = resolve(distDir, '..');
    const rows: string[][] = [];
    const out = mkdtempSync(join(tmpdir(), 'ddd-vsix-'));
    try {
      const vsix = join(out, 'ddd-modeler.vsix');
      const packaged = spawnSync(process.execPath, [join(root, 'scripts/package.mjs'), '--out', vsix, '--quiet'], { cwd: root, encoding: 'utf8' });
      if (packaged.status === 0 && existsSync(vsix)) {
        const size = statSync(vsix).size / (1024 * 1024);
        rows.push(['VSIX size (npm run package)', `${size.toFixed(2)} MB`, target(size, VSIX_LIMIT_MB).replace(' ms', ' MB')]);
      } else {
        rows.push(['VSIX size (npm run package)', '—', `packaging failed: ${(packaged.stderr || packaged.stdout).trim().split('\n').pop() ?? ''}`]);
      }
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
    const bundle = join(distDir, 'extension.js');
    const loads = Array.from({ length: quick ? 3 : 7 }, () => loadTime(bundle));
    rows.push(['load dist/extension.js (Node, median)', ms(median(loads)), '']);
    const activation = lastActivation(root);
    if (activation) {
      rows.push([`activate() in VS Code (e2e run ${activation.when})`, ms(activation.activate), '']);
      rows.push(['… including loading the code', ms(activation.withLoading), '']);
    } else {
      rows.push(['activation in VS Code', '—', 'run npm run test:e2e to measure it']);
    }
    log(table(['measure', 'value', 'target'], rows));
    log();
    log('  The VSIX is built in production mode (minified, no source maps); dist/ now holds the production bundles.');
  },
};
