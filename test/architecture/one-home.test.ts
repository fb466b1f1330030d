/**
 * One home for the view names and the sticky types: read with a TypeScript
 * syntax tree (oxc-parser), no source file spells out the whole list again (an array of the
 * names, or an object keyed by them) outside its home (the core's view-names.ts;
 * the constructs table, which holds the sticky types as rows) and the protocol's
 * checked mirror. A table of data per name is fine when its key type is the
 * names' type (`Record<StickyType, …>`): the compiler then fails it when a name
 * is added, so it cannot drift.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { viewNames } from '../../src/language/diagrams/view-names';
import { stickyTypes } from '../../src/language/syntax/constructs';
import { parseTypeScript, stringValue, walk, type SyntaxNode, type SyntaxTree } from './typescript-syntax';

const root = join(__dirname, '../..');

/** The lists with one home, the files allowed to state them, and the types that name them. */
const facts = [
  { what: 'view names', names: viewNames as readonly string[], homes: ['src/language/diagrams/view-names.ts', 'src/protocol/diagrams.ts'], keyTypes: ['ViewName', 'ViewKind'] },
  { what: 'sticky types', names: stickyTypes as readonly string[], homes: ['src/protocol/diagrams.ts'], keyTypes: ['StickyType', 'StickyKind', "BoardNote['type']"] },
];

interface NameList {
  file: string;
  line: number;
  names: string[];
  /** The key type of the Record the object literal is declared or checked as, when there is one. */
  keyType?: string;
}

/** The type a literal is declared (`const x: T = …`) or checked (`… satisfies T`, `… as T`) as; `parentOf` gives each node's parent. */
function declaredType(node: SyntaxNode, parentOf: Map<SyntaxNode, SyntaxNode>): SyntaxNode | undefined {
  const parent = parentOf.get(node);
  if (!parent) return undefined;
  if (parent.type === 'TSSatisfiesExpression' || parent.type === 'TSAsExpression') {
    const type = parent['typeAnnotation'] as SyntaxNode;
    const name = type.type === 'TSTypeReference' ? (type['typeName'] as SyntaxNode) : undefined;
    return name?.type === 'Identifier' && name['name'] === 'const' ? declaredType(parent, parentOf) : type;
  }
  if (parent.type === 'VariableDeclarator') return ((parent['id'] as SyntaxNode)['typeAnnotation'] as SyntaxNode | null)?.['typeAnnotation'] as SyntaxNode | undefined;
  if (parent.type === 'PropertyDefinition') return (parent['typeAnnotation'] as SyntaxNode | null)?.['typeAnnotation'] as SyntaxNode | undefined;
  return undefined;
}

/** `Record<K, V>` or `Readonly<Record<K, V>>` or `Partial<…>` → the text of K. */
function recordKey(type: SyntaxNode | undefined, tree: SyntaxTree): string | undefined {
  if (!type || type.type !== 'TSTypeReference') return undefined;
  const name = tree.textOf(type['typeName'] as SyntaxNode);
  const first = ((type['typeArguments'] as SyntaxNode | null)?.['params'] as SyntaxNode[] | undefined)?.[0];
  if (name === 'Record') return first && tree.textOf(first);
  if ((name === 'Readonly' || name === 'Partial') && first) return recordKey(first, tree);
  return undefined;
}

/** A property's name as written (`a`, `'a'`), unless it is computed. */
function propertyName(property: SyntaxNode): string | undefined {
  if (property.type !== 'Property' || property['computed']) return undefined;
  const key = property['key'] as SyntaxNode;
  return key.type === 'Identifier' ? (key['name'] as string) : stringValue(key);
}

/** Every array of string literals and every object literal of a file, with the names it holds. */
export function nameLists(file: string, text: string): NameList[] {
  const tree = parseTypeScript(file, text);
  const parentOf = new Map<SyntaxNode, SyntaxNode>();
  const lists: NameList[] = [];
  walk(tree.program, (node, parent) => {
    if (parent) parentOf.set(node, parent);
    let names: string[] | undefined;
    if (node.type === 'ArrayExpression') names = (node['elements'] as unknown[]).flatMap((element) => stringValue(element) ?? []);
    if (node.type === 'ObjectExpression') names = (node['properties'] as SyntaxNode[]).flatMap((property) => propertyName(property) ?? []);
    if (names && names.length > 0) {
      const keyType = node.type === 'ObjectExpression' ? recordKey(declaredType(node, parentOf), tree) : undefined;
      lists.push({ file, line: tree.lineOf(node.start), names, ...(keyType ? { keyType } : {}) });
    }
  });
  return lists;
}

/** The lists that state `names` again (all of them, or all but one: a copy that missed a new name) where they have no home. */
export function secondLists(lists: readonly NameList[], fact: (typeof facts)[number]): string[] {
  return lists
    .filter((list) => fact.names.filter((name) => list.names.includes(name)).length >= fact.names.length - 1)
    .filter((list) => !fact.homes.includes(list.file) && !(list.keyType && fact.keyTypes.includes(list.keyType)))
    .map((list) => `${list.file}:${list.line}: ${list.names.join(', ')}${list.keyType ? ` (keyed by ${list.keyType})` : ''}`);
}

function sourceFiles(folder: string): string[] {
  return readdirSync(join(root, folder), { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.(ts|mts)$/.test(entry.name))
    .map((entry) => relative(root, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

describe('one home for the view names and the sticky types', () => {
  const lists = ['src', 'webview'].flatMap(sourceFiles).flatMap((file) => nameLists(file, readFileSync(join(root, file), 'utf8')));

  it.each(facts)('no second list of the $what', (fact) => {
    expect(fact.names.length).toBeGreaterThanOrEqual(5);
    // the homes do hold them (the reader finds lists at all)
    expect(lists.filter((list) => fact.homes.includes(list.file) && fact.names.every((name) => list.names.includes(name))).length).toBeGreaterThan(0);
    expect(secondLists(lists, fact)).toEqual([]);
  });

  it('finds a second list written as an array, as an object, or with a name missing; accepts a table keyed by the names\' type', () => {
    const [views, stickies] = facts as [(typeof facts)[number], (typeof facts)[number]];
    const text = [
      "const tabs = ['context-map', 'aggregates', 'saga', 'flows', 'storming', 'domains'];",
      "const titles = { 'context-map': 'Map', aggregates: 'A', saga: 'S', flows: 'F', storming: 'E' };",
      "const styles: Record<StickyType, string> = { event: '', command: '', actor: '', aggregate: '', policy: '', readmodel: '', external: '', hotspot: '' };",
      "const loose: Record<string, number> = { event: 1, command: 2, actor: 3, aggregate: 4, policy: 5, readmodel: 6, external: 7, hotspot: 8 };",
      "const other = ['saga', 'storming'];",
    ].join('\n');
    const found = nameLists('src/x.ts', text);
    expect(secondLists(found, views).map((line) => line.split(':')[1])).toEqual(['1', '2']);
    expect(secondLists(found, stickies).map((line) => line.split(':')[1])).toEqual(['4']);
  });
});
