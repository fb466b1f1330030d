/**
 * The layer rules of the README's architecture table, checked on the imports of
 * every source file: the core stays free of VS Code, LSP, Node and the protocol;
 * the webview of Node, VS Code and the core; and so on.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { importsOf, layers, layerViolations, NODE, readmeLayers, type SourceImports } from './layers';

const root = join(__dirname, '../..');

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|tsx|mts|cts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const files: SourceImports[] = ['src', 'webview'].flatMap(sourceFiles).map((file) => ({ file, imports: importsOf(file, readFileSync(join(root, file), 'utf8')) }));

describe('the layers of the architecture', () => {
  it('hold for every source file', () => {
    expect(files.length).toBeGreaterThan(100);
    expect(files.some(({ file }) => file.startsWith('src/language/'))).toBe(true);
    expect(layerViolations(files)).toEqual([]);
  });

  it('are the parts the README\'s architecture table lists', () => {
    const readme = readFileSync(join(root, 'README.md'), 'utf8');
    expect(readmeLayers(readme)).toEqual(layers.map(({ part, where }) => ({ part, where })));
  });
});

describe('the import reader', () => {
  it('finds every way a file names a module', () => {
    const text = [
      '/// <reference types="node" />',
      "import { a } from './a';",
      "import type { B } from 'vscode';",
      "import './side-effect.css';",
      "export { c } from '../c';",
      "export * from 'node:fs';",
      "import fs = require('fs');",
      "const lazy = () => import('vscode-languageserver/node');",
      "const old = require('path');",
      "type T = import('vscode-languageclient').LanguageClient;",
      "const notAnImport = 'vscode';",
    ].join('\n');
    expect(importsOf('src/language/x.ts', text).map(({ specifier, line, typeOnly }) => `${line} ${specifier}${typeOnly ? ' (type)' : ''}`).sort()).toEqual(
      ['1 node (type)', '2 ./a', '3 vscode (type)', '4 ./side-effect.css', '5 ../c', '6 node:fs', '7 fs', '8 vscode-languageserver/node', '9 path', '10 vscode-languageclient (type)'].sort(),
    );
  });
});

describe('the layer check', () => {
  const file = (path: string, ...specifiers: string[]): SourceImports => ({ file: path, imports: specifiers.map((specifier, index) => ({ specifier, line: index + 1, typeOnly: false })) });

  it('accepts what each layer may import', () => {
    expect(
      layerViolations([
        file('src/language/model/model.ts', 'chevrotain', './elements', '../syntax/tokens'),
        file('src/server/main.ts', 'vscode-languageserver/node', 'node:fs', '../language/index', '../protocol/diagrams'),
        file('src/extension/main.ts', 'vscode', 'vscode-languageclient/node', 'node:path', '../protocol/html'),
        file('src/cli/main.ts', 'node:fs', 'playwright-core', '../language/index', '../protocol/diagrams', '../../package.json'),
        file('webview/preview/toolbar.ts', '../../src/protocol/diagrams', 'mermaid', '@vscode-elements/elements/dist/vscode-tabs/index.js', '../shared/dom', '../styles.css'),
        file('src/protocol/simulation.ts', './diagrams'),
        { file: 'src/protocol/results.ts', imports: [{ specifier: '../language/simulation/types', line: 1, typeOnly: true }] },
      ]),
    ).toEqual([]);
  });

  it('lets the shared contract name the core only in `import type`', () => {
    const protocol = (typeOnly: boolean) => ({ file: 'src/protocol/results.ts', imports: [{ specifier: '../language/simulation/types', line: 1, typeOnly }] });
    expect(layerViolations([protocol(true)])).toEqual([]);
    expect(layerViolations([protocol(false)])).toEqual(['src/protocol/results.ts:1 imports ../language/simulation/types: the shared contract may import only its own files']);
  });

  it('names each import a layer must not make, and why', () => {
    expect(
      layerViolations([
        file('src/language/a.ts', 'vscode', 'vscode-languageserver', 'node:fs', 'path', '../protocol/diagrams', 'mermaid'),
        file('src/server/b.ts', 'vscode'),
        file('src/protocol/c.ts', '../language/model/elements', 'node:url'),
        file('webview/d.ts', 'node:fs', 'vscode', '../src/language/diagrams/views', '../src/protocol/diagrams'),
        file('src/extension/e.ts', '../language/index', '../server/main'),
        file('src/cli/f.ts', 'vscode', '../server/settings'),
        file('src/unknown/g.ts', 'chevrotain'),
      ]),
    ).toEqual([
      'src/language/a.ts:1 imports vscode: the language core may import only chevrotain, yaml, its own files',
      'src/language/a.ts:2 imports vscode-languageserver: the language core may import only chevrotain, yaml, its own files',
      'src/language/a.ts:3 imports node:fs: the language core may import only chevrotain, yaml, its own files',
      'src/language/a.ts:4 imports path: the language core may import only chevrotain, yaml, its own files',
      'src/language/a.ts:5 imports ../protocol/diagrams: the language core may import only chevrotain, yaml, its own files',
      'src/language/a.ts:6 imports mermaid: the language core may import only chevrotain, yaml, its own files',
      'src/server/b.ts:1 imports vscode: the language server must not import vscode',
      'src/protocol/c.ts:1 imports ../language/model/elements: the shared contract may import only its own files',
      'src/protocol/c.ts:2 imports node:url: the shared contract may import only its own files',
      'webview/d.ts:1 imports node:fs: the webview may import only src/protocol/, mermaid, @vscode-elements/elements, dompurify, its own files',
      'webview/d.ts:2 imports vscode: the webview may import only src/protocol/, mermaid, @vscode-elements/elements, dompurify, its own files',
      'webview/d.ts:3 imports ../src/language/diagrams/views: the webview may import only src/protocol/, mermaid, @vscode-elements/elements, dompurify, its own files',
      'src/extension/e.ts:1 imports ../language/index: the extension client must not import src/language/',
      'src/extension/e.ts:2 imports ../server/main: the extension client must not import src/server/',
      'src/cli/f.ts:1 imports vscode: the command line must not import vscode',
      'src/cli/f.ts:2 imports ../server/settings: the command line must not import src/server/',
      'src/unknown/g.ts belongs to no layer of the architecture table',
    ]);
  });

  it('takes Node built-ins by either name', () => {
    const core = layers.find((layer) => layer.where === 'src/language/')!;
    expect(core.may).not.toContain(NODE);
    expect(layerViolations([file('src/bench/x.ts', 'node:perf_hooks', 'fs/promises', 'vscode')])).toEqual(['src/bench/x.ts:3 imports vscode: the benchmark must not import vscode']);
  });
});

describe('the type-checking of each layer', () => {
  /** The libraries and ambient types a tsconfig gives its files, after `extends`. */
  function libsOf(project: string): { lib: string[]; types: string[] | undefined } {
    const path = join(root, project, 'tsconfig.json');
    const { config, error } = ts.readConfigFile(path, ts.sys.readFile);
    expect(error, `${project}/tsconfig.json`).toBeUndefined();
    const { options } = ts.parseJsonConfigFileContent(config, ts.sys, join(root, project), undefined, path);
    return { lib: (options.lib ?? []).map((lib) => lib.replace(/^lib\.|\.d\.ts$/g, '').toLowerCase()), types: options.types };
  }
  const typecheck: string = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).scripts.typecheck;

  it('gives the core neither the DOM nor Node types', () => {
    const core = libsOf('src/language');
    expect(core.lib).toEqual(['es2022']);
    expect(core.types).toEqual([]);
  });

  it('gives the webview and the shared contract the DOM but no Node types', () => {
    for (const project of ['webview', 'src/protocol']) {
      const { lib, types } = libsOf(project);
      expect(lib, project).toContain('dom');
      expect(types, project).toEqual([]);
    }
  });

  it('runs every layer\'s tsconfig in `npm run typecheck`', () => {
    for (const project of ['.', 'src/language', 'src/protocol', 'webview']) expect(typecheck).toContain(`tsc -p ${project} --noEmit`);
    const configs = ['src', 'webview'].flatMap((folder) =>
      readdirSync(join(root, folder), { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('tsconfig.json')).map((name) => `${folder}/${name}`.replace(/\/tsconfig\.json$/, '')),
    );
    expect(configs.sort()).toEqual(['src/language', 'src/protocol', 'webview']);
  });
});
