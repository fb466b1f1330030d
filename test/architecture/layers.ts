/**
 * The layers of the product and what each may import: the README's
 * architecture table as data, the reader of a source file's imports, and the
 * check of the one against the other.
 */
import { builtinModules } from 'node:module';
import { posix } from 'node:path';
import { parseTypeScript, stringValue, walk, type SyntaxNode } from './typescript-syntax';

/**
 * What an import rule names: a package (`chevrotain`, `@vscode-elements/elements`;
 * its subpaths too), a folder of the repository (ends with `/`), or `NODE`: every
 * Node built-in, with or without the `node:` prefix.
 */
export const NODE = 'Node built-ins';

export interface Layer {
  /** As the README's table names it (the text before `:` or `(`). */
  part: string;
  /** The folder of the repository that holds it. */
  where: string;
  /** When given, the only things it may import besides its own files. */
  may?: readonly string[];
  /** Things it must not import. */
  mayNot?: readonly string[];
  /** Things it may name in `import type` only (erased at build time: nothing of them runs in this layer). */
  mayTypes?: readonly string[];
}

/** The README's architecture table ("| part | where | may import |"), as rules. */
export const layers: readonly Layer[] = [
  { part: 'language core', where: 'src/language/', may: ['chevrotain', 'yaml'] },
  { part: 'language server', where: 'src/server/', mayNot: ['vscode', 'src/extension/', 'webview/'] },
  { part: 'extension client', where: 'src/extension/', mayNot: ['src/language/', 'src/server/'] },
  { part: 'command line', where: 'src/cli/', mayNot: ['vscode', 'src/server/'] },
  // runs in the extension host (desktop or web) on the Markdown preview's markdown-it, which VS Code hands it
  { part: 'Markdown preview plugin', where: 'src/markdown/', may: ['src/language/', 'src/protocol/'], mayTypes: ['markdown-it'] },
  { part: 'benchmark', where: 'src/bench/', mayNot: ['vscode'] },
  { part: 'webview', where: 'webview/', may: ['src/protocol/', 'mermaid', '@vscode-elements/elements', 'dompurify'] },
  // the protocol mirrors only what changes form on the wire; the core's plain-data results it imports as types
  { part: 'shared contract', where: 'src/protocol/', may: [], mayTypes: ['src/language/'] },
];

export interface Import {
  /** As written: `./model`, `node:fs`, `vscode`, … */
  specifier: string;
  line: number;
  typeOnly: boolean;
}

/**
 * Every module a TypeScript file names: `import` (also `import type` and
 * side-effect imports), `export … from`, `import x = require()`, dynamic
 * `import()`, `require()`, `import('x').T` in types and `/// <reference types>`.
 */
export function importsOf(fileName: string, text: string): Import[] {
  const tree = parseTypeScript(fileName, text);
  const found: Import[] = [];
  const add = (node: SyntaxNode, specifier: unknown, typeOnly: boolean) => {
    const name = stringValue(specifier);
    if (name !== undefined) found.push({ specifier: name, line: tree.lineOf(node.start), typeOnly });
  };
  walk(tree.program, (node) => {
    switch (node.type) {
      case 'ImportDeclaration':
        add(node, node['source'], node['importKind'] === 'type');
        break;
      case 'ExportNamedDeclaration':
      case 'ExportAllDeclaration':
        add(node, node['source'], node['exportKind'] === 'type');
        break;
      case 'TSImportEqualsDeclaration': {
        const reference = node['moduleReference'] as SyntaxNode;
        if (reference.type === 'TSExternalModuleReference') add(node, reference['expression'], node['importKind'] === 'type');
        break;
      }
      case 'ImportExpression':
        add(node, node['source'], false);
        break;
      case 'CallExpression': {
        const callee = node['callee'] as SyntaxNode;
        if (callee.type === 'Identifier' && callee['name'] === 'require') add(node, (node['arguments'] as unknown[])[0], false);
        break;
      }
      case 'TSImportType':
        add(node, node['source'] ?? (node['argument'] as SyntaxNode | undefined)?.['literal'], true);
        break;
      default:
        break;
    }
  });
  // `/// <reference types="…" />`, before the first statement
  for (const comment of tree.comments) {
    const reference = comment.type === 'Line' ? /^\/\s*<reference\s+types\s*=\s*["']([^"']+)["']/.exec(comment.value) : null;
    if (reference && (tree.program['body'] as SyntaxNode[]).every((statement) => statement.start >= comment.end)) {
      found.push({ specifier: reference[1]!, line: tree.lineOf(comment.start), typeOnly: true });
    }
  }
  return found;
}

const builtins = new Set(builtinModules);

/** What an import reaches: a repository path (for relative imports), `NODE`, or a package name. */
export function importTarget(file: string, specifier: string): { kind: 'path' | 'node' | 'package'; name: string } {
  if (specifier.startsWith('.')) return { kind: 'path', name: posix.join(posix.dirname(file), specifier) };
  if (specifier.startsWith('node:') || builtins.has(specifier) || builtins.has(specifier.split('/')[0]!)) return { kind: 'node', name: NODE };
  const parts = specifier.split('/');
  return { kind: 'package', name: specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0]! };
}

function matches(rule: string, target: ReturnType<typeof importTarget>): boolean {
  if (rule === NODE) return target.kind === 'node';
  if (rule.endsWith('/')) return target.kind === 'path' && (target.name + '/').startsWith(rule);
  return target.kind === 'package' && target.name === rule;
}

export function layerOf(file: string, table: readonly Layer[] = layers): Layer | undefined {
  return table.find((layer) => file.startsWith(layer.where));
}

export interface SourceImports {
  /** Repository-relative, with `/`. */
  file: string;
  imports: Import[];
}

/** One broken rule, in words: `src/language/a.ts:3 imports vscode: the language core may import only chevrotain and its own files`. */
export function layerViolations(files: readonly SourceImports[], table: readonly Layer[] = layers): string[] {
  const problems: string[] = [];
  for (const { file, imports } of files) {
    const layer = layerOf(file, table);
    if (!layer) {
      problems.push(`${file} belongs to no layer of the architecture table`);
      continue;
    }
    for (const { specifier, line, typeOnly } of imports) {
      const target = importTarget(file, specifier);
      const own = matches(layer.where, target) || (typeOnly && !!layer.mayTypes?.some((rule) => matches(rule, target)));
      const where = `${file}:${line} imports ${specifier}`;
      if (layer.may && !own && !layer.may.some((rule) => matches(rule, target))) {
        problems.push(`${where}: the ${layer.part} may import only ${[...layer.may, 'its own files'].join(', ')}`);
      }
      const denied = layer.mayNot?.find((rule) => matches(rule, target));
      if (denied) problems.push(`${where}: the ${layer.part} must not import ${denied}`);
    }
  }
  return problems;
}

/** The rows of the README's architecture table: part (the words before `:` or `(`) and folder. */
export function readmeLayers(readme: string): { part: string; where: string }[] {
  const start = readme.indexOf('| part | where | may import |');
  if (start < 0) return [];
  const rows: { part: string; where: string }[] = [];
  for (const line of readme.slice(start).split('\n').slice(2)) {
    if (!line.startsWith('|')) break;
    const [part, where] = line.split('|').slice(1).map((cell) => cell.trim());
    rows.push({ part: part!.split(/[:(]/)[0]!.trim(), where: where!.replace(/`/g, '') });
  }
  return rows;
}
