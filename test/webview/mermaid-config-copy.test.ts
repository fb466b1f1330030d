/**
 * The preview's copy of mermaid's configuration (src/protocol/mermaid-config-copy.ts) is the
 * copy mermaid makes itself (`assignWithDepth({}, config)`, from mermaid's own module): the
 * same keys in the same order, the same values, new objects where mermaid makes new ones and
 * the very same objects where it shares them. On mermaid's configuration with each theme the
 * preview uses, and on generated objects. And the build plugin that puts it in place changes
 * mermaid's getConfig and nothing else, or fails.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { Window } from 'happy-dom';
import { describe, expect, it } from 'vitest';
import { patchMermaidConfig } from '../../scripts/mermaid-fast-config.mjs';
import { withFastMermaidConfig } from '../../src/cli/mermaid-page';
import { copyMermaidConfig } from '../../src/protocol/mermaid-config-copy';
import { mermaidTheme } from '../../webview/shared/theme';
import { withDomGlobals } from '../dom-globals';

const chunks = join(__dirname, '../../node_modules/mermaid/dist/chunks/mermaid.core');
/** mermaid's module that holds its configuration (its file name changes with each mermaid version). */
const configChunk = readdirSync(chunks)
  .map((name) => join(chunks, name))
  .find((path) => path.endsWith('.mjs') && readFileSync(path, 'utf8').includes('var currentConfig = assignWithDepth_default('))!;

interface MermaidConfigModule {
  assignWithDepth_default: (target: object, source: unknown) => Record<string, unknown>;
  setSiteConfig: (config: object) => unknown;
  getConfig: () => Record<string, unknown>;
}
/** The preview's mermaid theme (it reads VS Code's CSS variables: from a happy-dom page here, which has none). */
function previewTheme(theme: 'dark' | 'light' | 'high-contrast'): Promise<ReturnType<typeof mermaidTheme>> {
  const page = new Window();
  return withDomGlobals({ document: page.document, getComputedStyle: page.getComputedStyle.bind(page) }, () => mermaidTheme(theme));
}

const mermaidConfig = (): Promise<MermaidConfigModule> => import(pathToFileURL(configChunk).href) as Promise<MermaidConfigModule>;

/**
 * What a copy is, to compare two: its keys in order (symbols too), each value as it is, and each
 * object or function below the levels mermaid copies by its identity (the same in both copies).
 */
function shape(value: unknown, level: number, ids: Map<unknown, number>): unknown {
  if (typeof value === 'function' || (typeof value === 'object' && value !== null && level > 2)) {
    if (!ids.has(value)) ids.set(value, ids.size);
    return { shared: ids.get(value) };
  }
  if (typeof value !== 'object' || value === null) return value === undefined ? { undefined: true } : value;
  const keys = Reflect.ownKeys(value);
  return {
    prototype: shape(Object.getPrototypeOf(value), 3, ids),
    entries: keys.map((key) => [String(key), shape((value as Record<PropertyKey, unknown>)[key], Array.isArray(value) ? 3 : level + 1, ids)]),
  };
}

/** What a copy gives: the copy, or the error it throws (a key that makes a copy throw, as mermaid's does). */
function outcome<T>(copy: () => T): { copy: T } | { threw: string } {
  try {
    return { copy: copy() };
  } catch (error) {
    return { threw: error instanceof Error ? error.constructor.name : typeof error };
  }
}

function expectSameCopy(source: Record<string, unknown>, reference: (target: object, source: unknown) => unknown): void {
  const ids = new Map<unknown, number>();
  const theirs = outcome(() => reference({}, source));
  const result = outcome(() => copyMermaidConfig(source));
  if ('threw' in theirs || 'threw' in result) {
    expect(result).toEqual(theirs);
    return;
  }
  const ours = result.copy;
  expect(shape(ours, 0, ids)).toEqual(shape(theirs.copy, 0, ids));
  // a copy: changing it leaves the configuration as it was
  expect(ours).not.toBe(source);
  for (const key of Object.keys(source)) {
    const value = source[key];
    if (typeof value === 'object' && value !== null && key !== '__proto__') expect(ours[key], key).not.toBe(value);
  }
}

describe("the preview's copy of mermaid's configuration", () => {
  it("is mermaid's own copy of its configuration, with each theme the preview uses", async () => {
    const mermaid = await mermaidConfig();
    for (const theme of ['dark', 'light', 'high-contrast'] as const) {
      const { theme: name, themeVariables } = await previewTheme(theme);
      mermaid.setSiteConfig({ theme: name, themeVariables, flowchart: { useMaxWidth: false }, class: { useMaxWidth: false } });
      const config = mermaid.getConfig();
      expect(Object.keys(config).length).toBeGreaterThan(20);
      expect(Object.keys(config['themeVariables'] as object).length).toBeGreaterThan(50);
      expectSameCopy(config, mermaid.assignWithDepth_default);
    }
  });

  it("is mermaid's own copy of any object: nulls, lists with repeats, nested objects, dates, maps, odd keys", async () => {
    const mermaid = await mermaidConfig();
    const key = fc.oneof(fc.string({ maxLength: 4 }), fc.constantFrom('__proto__', 'constructor', '0', '7', 'toString'));
    const leaf = fc.oneof(fc.integer(), fc.string({ maxLength: 3 }), fc.boolean(), fc.constant(null), fc.constant(undefined), fc.constant(Number.NaN), fc.func(fc.integer()));
    const value = fc.letrec((tie) => ({
      value: fc.oneof({ depthSize: 'small', maxDepth: 4 }, leaf, tie('list'), tie('object'), fc.date(), fc.constant(new Map([[1, 2]]))),
      list: fc.array(fc.oneof(leaf, fc.constantFrom(1, 2, 'a')), { maxLength: 5 }),
      object: fc.dictionary(key, tie('value'), { maxKeys: 5 }),
    }));
    fc.assert(
      fc.property(fc.dictionary(key, value.value, { maxKeys: 6 }), (source) => {
        expectSameCopy(source as Record<string, unknown>, mermaid.assignWithDepth_default);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('the build plugin', () => {
  it("replaces mermaid's getConfig, and only it", () => {
    const source = readFileSync(configChunk, 'utf8');
    const { source: patched, patched: changed } = patchMermaidConfig(source, configChunk);
    expect(changed).toBe(true);
    expect(patched).toContain('return copyMermaidConfig(currentConfig);');
    expect(patched).not.toContain('return assignWithDepth_default({}, currentConfig);');
    // the rest of the module as it was: one import added, one line changed
    const before = source.split('\n');
    const after = patched.split('\n');
    expect(after).toHaveLength(before.length + 1);
    expect(after.slice(1).filter((line, i) => line !== before[i])).toEqual(['  return copyMermaidConfig(currentConfig);']);
  });

  it('leaves the other modules of mermaid alone, and fails on a getConfig it does not know', () => {
    expect(patchMermaidConfig('export const x = 1;\n')).toEqual({ source: 'export const x = 1;\n', patched: false });
    const changedUpstream = 'var currentConfig = assignWithDepth_default({}, defaultConfig);\nvar getConfig = () => structuredClone(currentConfig);\n';
    expect(() => patchMermaidConfig(changedUpstream, 'chunk.mjs')).toThrow(/chunk\.mjs holds mermaid's configuration, but not the getConfig/);
  });
});

describe('the page of `ddd export --format svg`', () => {
  it("loads the installed mermaid with its getConfig replaced by the same copy", () => {
    const script = readFileSync(join(__dirname, '../../node_modules/mermaid/dist/mermaid.min.js'), 'utf8');
    const { script: patched, patched: changed } = withFastMermaidConfig(script);
    expect(changed).toBe(true);
    const helper = `globalThis.dddCopyMermaidConfig = ${copyMermaidConfig.toString()};\n`;
    expect(patched.startsWith(helper)).toBe(true);
    expect(patched).toMatch(/=[\w$]+\(\(\)=>globalThis\.dddCopyMermaidConfig\([\w$]+\),"getConfig"\)/);
    // the helper is self-contained: its text alone makes the same copy
    const inPage = new Function(`${helper} return globalThis.dddCopyMermaidConfig;`)() as typeof copyMermaidConfig;
    const source = { a: { b: { c: 1 }, d: [1, 1, 2] }, e: null, f: 'x' };
    expect(inPage(source)).toEqual(copyMermaidConfig(source));
    delete (globalThis as Record<string, unknown>)['dddCopyMermaidConfig'];
  });

  it('leaves a mermaid written otherwise as it is', () => {
    expect(withFastMermaidConfig('var a=1;')).toEqual({ script: 'var a=1;', patched: false });
    const twice = 'Lt=s(()=>ii({},$x),"getConfig");Mt=s(()=>ii({},$y),"getConfig")';
    expect(withFastMermaidConfig(twice)).toEqual({ script: twice, patched: false });
  });
});
