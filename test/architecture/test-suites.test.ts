/**
 * The two vitest suites hold what they say: `vitest run` (vitest.config.mts) the tests that run in Node,
 * `npm run test:browser` (vitest.browser.mts) the browser tests, named `*.browser.test.ts`. A test file
 * drives a headless Chromium when it reaches, through the test helpers it imports, the shared browser
 * (test/chromium.ts) or playwright itself: such a file must be a browser test (a browser in the suite
 * that runs in Node would make its loop slow again), and a browser test must drive a browser.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, importTarget } from './layers';

const root = join(__dirname, '../..');
/** The shared browser of the tests, and the package that drives one. */
const SHARED_BROWSER = 'test/chromium.ts';
const PLAYWRIGHT = 'playwright-core';

/** The file of test/ a relative import's path (`test/chromium`) names, as a repository path (`test/chromium.ts`). */
function testModule(path: string, exists: (path: string) => boolean): string | undefined {
  if (!path.startsWith('test/')) return undefined;
  const base = path.replace(/\.(m?js)$/, '');
  return [`${base}.ts`, `${base}.mts`, `${base}/index.ts`, path].find(exists);
}

/**
 * Which of SHARED_BROWSER and PLAYWRIGHT each file reaches through the helpers of test/ it imports (type-only imports
 * aside: they load nothing), by file.
 */
export function browserReach(files: ReadonlyMap<string, string>): Map<string, string[]> {
  const direct = new Map<string, { helpers: string[]; packages: string[] }>();
  for (const [file, text] of files) {
    const helpers: string[] = [];
    const packages: string[] = [];
    for (const { specifier, typeOnly } of importsOf(file, text)) {
      if (typeOnly) continue;
      const target = importTarget(file, specifier);
      if (target.kind === 'package') packages.push(target.name);
      const helper = target.kind === 'path' ? testModule(target.name, (path) => files.has(path)) : undefined;
      if (helper) helpers.push(helper);
    }
    direct.set(file, { helpers, packages });
  }
  const reach = new Map<string, string[]>();
  for (const file of files.keys()) {
    const seen = new Set<string>([file]);
    const found = new Set<string>();
    for (const next = [file]; next.length > 0; ) {
      const current = next.pop()!;
      if (current === SHARED_BROWSER && current !== file) found.add(current);
      const imports = direct.get(current);
      if (!imports) continue;
      for (const name of imports.packages) if (name === PLAYWRIGHT) found.add(name);
      for (const helper of imports.helpers) {
        if (seen.has(helper)) continue;
        seen.add(helper);
        next.push(helper);
      }
    }
    reach.set(file, [...found].sort());
  }
  return reach;
}

function testFiles(): Map<string, string> {
  const files = new Map<string, string>();
  for (const name of readdirSync(join(root, 'test'), { recursive: true, encoding: 'utf8' })) {
    const file = `test/${name.split(sep).join('/')}`;
    if (!/\.m?ts$/.test(file) || file.startsWith('test/e2e/')) continue;
    files.set(file, readFileSync(join(root, file), 'utf8'));
  }
  return files;
}

describe('the two test suites', () => {
  const files = testFiles();
  const reach = browserReach(files);
  const tests = [...files.keys()].filter((file) => file.endsWith('.test.ts'));
  const browserTests = tests.filter((file) => file.endsWith('.browser.test.ts'));

  it('runs no browser in the suite that runs in Node', () => {
    expect(tests.length).toBeGreaterThan(100);
    const misplaced = tests.filter((file) => !file.endsWith('.browser.test.ts') && reach.get(file)!.length > 0).map((file) => `${file} reaches ${reach.get(file)!.join(', ')}: name it *.browser.test.ts`);
    expect(misplaced).toEqual([]);
  });

  it('holds in the browser suite only tests that drive a browser', () => {
    expect(browserTests.length).toBeGreaterThanOrEqual(8);
    expect(browserTests.filter((file) => reach.get(file)!.length === 0)).toEqual([]);
  });

  it('gives each suite its own files, and npm test runs both', () => {
    const unit = readFileSync(join(root, 'vitest.config.mts'), 'utf8');
    const browser = readFileSync(join(root, 'vitest.browser.mts'), 'utf8');
    expect(unit).toContain("export const browserTests = 'test/**/*.browser.test.ts';");
    expect(unit).toMatch(/exclude: \[[^\]]*browserTests\]/);
    expect(browser).toMatch(/include: \[browserTests\]/);
    const scripts = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts;
    expect(scripts['test:browser']).toBe('vitest run --config vitest.browser.mts');
    expect(scripts['test']).toMatch(/vitest run && npm run test:browser/);
  });

  it('would see a browser reached through a helper, and not through a type', () => {
    const seen = browserReach(
      new Map([
        ['test/x/plain.test.ts', "import { helper } from '../y/helper';\nimport type { Page } from 'playwright-core';"],
        ['test/y/helper.ts', "import { sharedPage } from '../chromium';"],
        ['test/chromium.ts', "import { chromium } from 'playwright-core';"],
        ['test/x/typed.test.ts', "import type { Browser } from 'playwright-core';\nimport { expect } from 'vitest';"],
        ['test/x/direct.browser.test.ts', "import { chromium } from 'playwright-core';"],
      ]),
    );
    expect(seen.get('test/x/plain.test.ts')).toEqual(['playwright-core', 'test/chromium.ts']);
    expect(seen.get('test/x/typed.test.ts')).toEqual([]);
    expect(seen.get('test/x/direct.browser.test.ts')).toEqual(['playwright-core']);
  });
});
