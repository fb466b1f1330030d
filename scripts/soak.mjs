// `npm run soak`: bundles src/bench/soak.ts (as scripts/build.mjs bundles the bench) and
// runs it beside the built CLI. Arguments pass through: npm run soak -- --files 500 --copies 100
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';

await build({
  entryPoints: ['src/bench/soak.ts'],
  outfile: 'dist/soak.js',
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: 'linked',
  logLevel: 'warning',
  define: { 'globalThis.DDD_GRAMMAR_CHECKS': 'false' },
});
const run = spawnSync(process.execPath, ['--expose-gc', 'dist/soak.js', ...process.argv.slice(2)], { stdio: 'inherit' });
process.exitCode = run.status ?? 1;
