/**
 * The `ddd` command where users run it, all from one `npm pack` of
 * packages/cli (one file, so two packs never race on its build):
 *
 * - the GitHub Actions workflow of docs/ci.md: its `run:` lines, read from the
 *   page, run in order in a project as the runner would (bash -e, `if:
 *   always()` honoured, CI and GITHUB_ACTIONS set), on a clean and a broken
 *   model: `npm install` of the tarball, `npx ddd check`, `npx ddd export`
 *   (the Markdown read back with markdown-it, its diagrams with mermaid's own parser);
 * - the package: a small tarball holding only what `ddd` needs, nothing
 *   installed beside it (in the clean workflow's project), its `ddd` command there;
 * - the pre-commit hook of .pre-commit-hooks.yaml: its `entry`, run as
 *   pre-commit runs it when a staged file matches its `files`.
 *
 * Nothing is fetched: npm runs with `--offline` (npm_config_offline), which a
 * real runner leaves out.
 */
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse as parseYaml } from 'yaml';
import { parseMermaid } from '../diagrams/parse';
import { cliPackageFolder, packCli, repositoryRoot, run, type PackedCli } from './packed-cli';

const MAX_TARBALL_BYTES = 3 * 1024 * 1024;
const BROKEN = 'context Warehouse {\n  aggregate Parcel { root entity Parcel { id: ParcelId  owner: Nobody } }\n}\n';

let scratch: string;
let packed: PackedCli;

beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'ddd-installed-cli-'));
  packed = packCli(scratch);
}, 120_000);

afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A fresh project folder holding the example model under `folder`. */
function project(name: string, folder = 'model'): string {
  const path = join(scratch, name);
  cpSync(join(repositoryRoot, 'examples/order-saga'), join(path, folder), { recursive: true });
  return path;
}

async function expectMarkdownModel(file: string): Promise<void> {
  const markdown = readFileSync(file, 'utf8');
  const diagrams = new MarkdownIt().parse(markdown, {}).filter((token) => token.type === 'fence' && token.info.trim() === 'mermaid');
  expect(diagrams.length).toBeGreaterThanOrEqual(5);
  for (const diagram of diagrams) await expect(parseMermaid(diagram.content), diagram.content).resolves.toBeTruthy();
}

interface WorkflowStep {
  name?: string;
  if?: string;
  run?: string;
  uses?: string;
  with?: Record<string, string | number>;
}

/** The workflow of docs/ci.md: the YAML block that has jobs. */
function documentedWorkflow(): { env: Record<string, string>; steps: WorkflowStep[] } {
  const page = readFileSync(join(repositoryRoot, 'docs/ci.md'), 'utf8');
  const blocks = new MarkdownIt().parse(page, {}).filter((token) => token.type === 'fence' && token.info.trim() === 'yaml').map((token) => parseYaml(token.content) as Record<string, unknown>);
  const workflows = blocks.filter((block) => typeof block['jobs'] === 'object');
  expect(workflows).toHaveLength(1);
  const workflow = workflows[0]! as { env?: Record<string, string>; jobs: Record<string, { 'runs-on': string; steps: WorkflowStep[] }> };
  const jobs = Object.values(workflow.jobs);
  expect(jobs).toHaveLength(1);
  return { env: workflow.env ?? {}, steps: jobs[0]!.steps };
}

interface StepRun {
  step: WorkflowStep;
  status: number | null | 'skipped';
  stdout: string;
  stderr: string;
}

/** Runs the workflow's steps in `folder` as a runner would: `run` with bash -e, a step after a failure only with `if: always()`. */
function runWorkflow(folder: string, steps: readonly WorkflowStep[], env: Record<string, string>): StepRun[] {
  const runs: StepRun[] = [];
  let failed = false;
  for (const step of steps) {
    if ((failed && step.if !== 'always()') || step.run === undefined) {
      runs.push({ step, status: step.run === undefined ? 0 : 'skipped', stdout: '', stderr: '' });
      continue;
    }
    const result = run('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], folder, { ...env, CI: 'true', GITHUB_ACTIONS: 'true', npm_config_offline: 'true' });
    runs.push({ step, status: result.status, stdout: result.stdout, stderr: result.stderr });
    if (result.status !== 0) failed = true;
  }
  return runs;
}

let cleanRun: { folder: string; runs: StepRun[] } | undefined;

/** The documented workflow run once on a clean copy of the example (its install step installs the tarball). */
function cleanWorkflow(): { folder: string; runs: StepRun[] } {
  if (!cleanRun) {
    const { env, steps } = documentedWorkflow();
    const folder = project('workflow-clean', 'models');
    cleanRun = { folder, runs: runWorkflow(folder, steps, { ...env, DDD_CLI: packed.tarball }) };
  }
  return cleanRun;
}

describe('the ddd package, packed and installed from its tarball', () => {
  // installed by the documented workflow's own step (below), as a CI runner installs it
  const installed = () => cleanWorkflow().folder;
  const installedBin = () => join(installed(), 'node_modules', '.bin', 'ddd');

  it('is a tarball of the command line only, under 3 MB', () => {
    expect(packed.filename).toMatch(/^ddd-modeler-cli-\d+\.\d+\.\d+\.tgz$/);
    expect([...packed.files].sort()).toEqual(['LICENSE', 'README.md', 'dist/cli-main.js', 'dist/cli.js', 'package.json']);
    expect(statSync(packed.tarball).size).toBe(packed.size);
    expect(packed.size).toBeLessThan(MAX_TARBALL_BYTES);
  });

  it('has the version of the extension, and nothing to install beside it', () => {
    const cli = JSON.parse(readFileSync(join(cliPackageFolder, 'package.json'), 'utf8')) as { version: string; bin: Record<string, string>; dependencies?: unknown };
    const extension = JSON.parse(readFileSync(join(repositoryRoot, 'package.json'), 'utf8')) as { version: string };
    expect(cli.version).toBe(extension.version);
    expect(cli.bin).toEqual({ ddd: 'dist/cli.js' });
    expect(cli.dependencies).toBeUndefined();
    expect(readdirSync(join(installed(), 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['ddd-modeler-cli']);
    expect(run(installedBin(), ['--version'], installed()).stdout.trim()).toBe(extension.version);
  });

  // the command npm linked for the package's `bin`, run as it is (npx finds this one: the workflow's steps
  // and the pre-commit hook below run it through `npx --no ddd`)
  it('installs a `ddd` command that checks a model', () => {
    const clean = run(installedBin(), ['check', 'models'], installed());
    expect(clean.stderr).toBe('');
    expect(clean.stdout).toMatch(/^\d+ files, 0 errors, /m);
    expect(clean.status).toBe(0);
  });
});

describe('the GitHub Actions workflow of docs/ci.md', () => {
  const { env, steps } = documentedWorkflow();
  const named = (runs: StepRun[], name: string) => runs.find((entry) => entry.step.name === name)!;
  const upload = steps.find((step) => step.uses?.startsWith('actions/upload-artifact@'))!;

  it('checks with GitHub annotations and keeps the Markdown export as an artifact', () => {
    expect(steps.map((step) => step.name ?? step.uses)).toEqual(['actions/checkout@v4', 'actions/setup-node@v4', 'Install the ddd command', 'Check the model', 'Export the model as Markdown', 'Keep the Markdown model']);
    expect(steps.find((step) => step.name === 'Check the model')!.run).toContain('ddd check --format github');
    const exported = steps.find((step) => step.name === 'Export the model as Markdown')!;
    expect(exported.run).toContain('ddd export --format markdown');
    expect(exported.if).toBe('always()');
    expect(upload.if).toBe('always()');
    // the artifact is the folder the export writes
    expect(`${exported.run!.match(/--out (\S+)/)?.[1]}/`).toBe(upload.with?.['path']);
  });

  it('passes on a clean model: annotations none, the Markdown model (`npx ddd export`) in the artifact\'s folder, its diagrams readable by mermaid', async () => {
    const { folder, runs } = cleanWorkflow();
    for (const entry of runs) expect(entry.status, `${entry.step.name ?? entry.step.uses}: ${entry.stdout}${entry.stderr}`).toBe(0);
    expect(named(runs, 'Check the model').stdout).not.toContain('::');
    const artifact = join(folder, String(upload.with!['path']));
    const files = readdirSync(artifact);
    expect(files).toEqual([expect.stringMatching(/\.md$/)]);
    await expectMarkdownModel(join(artifact, files[0]!));
  }, 120_000);

  it('fails on a broken model with an annotation on the line, and still exports the model', () => {
    const folder = project('workflow-broken', 'models');
    writeFileSync(join(folder, 'models', 'broken.ddd'), BROKEN);
    const runs = runWorkflow(folder, steps, { ...env, DDD_CLI: packed.tarball });
    const check = named(runs, 'Check the model');
    expect(check.status).toBe(1);
    expect(check.stdout).toMatch(/^::error file=models\/broken\.ddd,line=2,endLine=2,col=\d+,endColumn=\d+,title=ddd unknown-reference::Unknown type Nobody/m);
    expect(named(runs, 'Export the model as Markdown').status).toBe(0);
    expect(readdirSync(join(folder, String(upload.with!['path'])))).toHaveLength(1);
  }, 120_000);
});

interface PreCommitHook {
  id: string;
  name: string;
  entry: string;
  language: string;
  files?: string;
  pass_filenames?: boolean;
}

describe('the pre-commit hook of .pre-commit-hooks.yaml', () => {
  const hooks = parseYaml(readFileSync(join(repositoryRoot, '.pre-commit-hooks.yaml'), 'utf8')) as PreCommitHook[];

  it('is a hook definition pre-commit accepts, the one docs/ci.md names', () => {
    expect(hooks.map((hook) => hook.id)).toEqual(['ddd-check']);
    const [hook] = hooks;
    // pre-commit's manifest: id, name, entry and language are required; `system` runs what the project installed
    for (const key of ['id', 'name', 'entry', 'language'] as const) expect(typeof hook![key], key).toBe('string');
    expect(hook!.language).toBe('system');
    // the whole model is checked: names resolve across files
    expect(hook!.pass_filenames).toBe(false);
    const docs = readFileSync(join(repositoryRoot, 'docs/ci.md'), 'utf8');
    expect(docs).toContain(`- id: ${hook!.id}`);
  });

  it('runs `ddd check` on the model when a .ddd file is staged, and fails the commit on errors', () => {
    const [hook] = hooks;
    const files = new RegExp(hook!.files ?? '');
    expect(files.test('contexts/sales.ddd')).toBe(true);
    expect(files.test('README.md')).toBe(false);
    const folder = project('pre-commit');
    const install = run('npm', ['install', '--offline', '--no-audit', '--no-fund', '--save-dev', packed.tarball], folder);
    expect(install.status, install.stderr).toBe(0);
    // pre-commit splits the entry into words (shlex) and runs it from the repository's root
    const [command, ...args] = hook!.entry.split(/\s+/);
    const clean = run(command!, args, folder);
    expect(clean.stdout).toMatch(/^\d+ files, 0 errors, /m);
    expect(clean.status).toBe(0);
    writeFileSync(join(folder, 'model', 'broken.ddd'), BROKEN);
    const broken = run(command!, args, folder);
    expect(broken.stdout).toMatch(/^model\/broken\.ddd:2:\d+ error unknown-reference Unknown type Nobody/m);
    expect(broken.status).toBe(1);
  });
});
