/**
 * The walk over the model (model/element-tree.ts) visits every declaration the
 * parser made, and merging contexts keeps every member: both checked against a
 * count taken without them, by reflection over everything the parsed documents
 * hold, on the example workspace and every fixture.
 */
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import type { ContextDeclaration } from '../../src/language/model/elements';
import { forEachElement, type ModelElement } from '../../src/language/model/element-tree';
import { navIndex } from '../../src/language/navigation/nav-index';
import { contextMemberKeys } from '../../src/language/syntax/constructs';
import { readWorkspace } from '../helpers';

const root = resolve(__dirname, '../..');
const fixtureFolders = readdirSync(join(root, 'test/fixtures'), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => `test/fixtures/${entry.name}`);
const workspaces = ['examples/order-saga', ...fixtureFolders];

/**
 * Every named element reachable from the documents' declarations (anything with a
 * `kind`, a `name` and a `nameRange`), found by following every property: it
 * knows nothing of which properties hold children. Bounded contexts aside (the
 * walk visits the merged context, the documents hold its blocks).
 */
function reachableDeclarations(roots: readonly object[]): Set<object> {
  const found = new Set<object>();
  const seen = new Set<object>();
  const stack: unknown[] = [...roots];
  while (stack.length > 0) {
    const value = stack.pop();
    if (typeof value !== 'object' || value === null || seen.has(value)) continue;
    seen.add(value);
    const record = value as Record<string, unknown>;
    if (typeof record.kind === 'string' && typeof record.name === 'string' && typeof record.nameRange === 'object' && record.kind !== 'context' && record.kind !== 'contextDeclaration') {
      found.add(value);
    }
    for (const child of Object.values(record)) if (typeof child === 'object' && child !== null) stack.push(child);
  }
  return found;
}

describe.each(workspaces)('%s', (folder) => {
  const files = readWorkspace(folder);
  const { model } = checkWorkspace(files);

  test('forEachElement visits every declaration once, each after its parent', () => {
    const visited: ModelElement[] = [];
    const seen = new Set<ModelElement>();
    forEachElement(model, (element, parent) => {
      if (parent) expect(seen.has(parent)).toBe(true);
      seen.add(element);
      visited.push(element);
    });
    expect(visited.length).toBe(seen.size);
    const walked = new Set<object>(visited.filter((element) => element.kind !== 'context'));
    const expected = reachableDeclarations(model.documents.flatMap((document) => document.declarations));
    expect(expected.size).toBeGreaterThan(0);
    expect([...expected].filter((element) => !walked.has(element))).toEqual([]);
    expect(walked.size).toBe(expected.size);
    expect(visited.filter((element) => element.kind === 'context').length).toBe(model.contexts.size);
  });

  test('the navigation index holds what the walk visits', () => {
    let count = 0;
    forEachElement(model, () => void count++);
    expect(navIndex(model).declarations.length).toBe(count);
  });

  test('a merged context holds every member of each of its blocks', () => {
    for (const context of model.contexts.values()) {
      for (const key of contextMemberKeys) {
        const fromBlocks = context.declarations.flatMap((block: ContextDeclaration) => block[key] as object[]);
        expect(context[key] as object[], `${context.name}.${key}`).toEqual(fromBlocks);
      }
    }
  });
});
