/**
 * The command line as a user gets it: `npm pack` of packages/cli (its prepack
 * step builds dist/cli.js), and what the tests need to run npm and the
 * installed `ddd` in a temporary folder without reaching the network.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { join } from 'node:path';

export const repositoryRoot = join(__dirname, '../..');
export const cliPackageFolder = join(repositoryRoot, 'packages/cli');

/** The environment without what `npm`/`npx` running the tests put in it (a parent's npm_config_* would steer the child's npm). */
export function cleanEnvironment(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [name, value] of Object.entries(process.env)) if (!/^npm_/i.test(name)) env[name] = value;
  return { ...env, NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', npm_config_audit: 'false', ...extra };
}

export function run(command: string, args: readonly string[], cwd: string, env: Record<string, string> = {}): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env: cleanEnvironment(env), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export interface PackedCli {
  /** The tarball's path. */
  tarball: string;
  filename: string;
  size: number;
  files: string[];
}

/** `npm pack` of packages/cli into `destination`. */
export function packCli(destination: string): PackedCli {
  const pack = run('npm', ['pack', '--json', '--pack-destination', destination], cliPackageFolder);
  if (pack.status !== 0) throw new Error(`npm pack failed:\n${pack.stdout}\n${pack.stderr}`);
  const [packed] = JSON.parse(pack.stdout.slice(pack.stdout.indexOf('['))) as { filename: string; size: number; files: { path: string }[] }[];
  return { tarball: join(destination, packed!.filename), filename: packed!.filename, size: packed!.size, files: packed!.files.map((file) => file.path) };
}
