/**
 * `ddd diff --format github` on a removal: the removed element has no line in
 * the new version, so its annotation goes on what held it there (a file and a
 * line of the new version, where a pull request can show it), and says where
 * the element was.
 */
import { describe, expect, it } from 'vitest';
import { cliDiff, formatGithub } from '../../src/cli/diff-format';
import type { DiffSide } from '../../src/cli/diff-sources';
import { diffModels } from '../../src/language/diff/index';
import { fixtureModel } from '../diff/fixtures';

function side(label: string, folder: 'old' | 'new'): DiffSide {
  const views = new Map(['inventory', 'order-saga', 'sales', 'shipping', 'billing', 'map'].map((name) => [`file:///${folder}/${name}.ddd`, { display: `${label}:models/${name}.ddd`, revision: label, repositoryPath: `models/${name}.ddd` }]));
  return { label, files: [], views, problems: [] };
}

describe('ddd diff --format github on a removal', () => {
  it('annotates the declaration that held the removed command in the new version, and says where it was', () => {
    const diff = diffModels(fixtureModel('command-removed-sent', 'old'), fixtureModel('command-removed-sent', 'new'), { exploreSagas: false });
    const out = formatGithub(cliDiff(diff, side('v1', 'old'), side('v2', 'new')));
    const [annotation] = out.split('\n').filter((line) => line.startsWith('::'));
    // the holder: line 2 of the new inventory.ddd (0-based line 1 in the core), not the old file's line
    expect(annotation).toMatch(/^::error file=models\/inventory\.ddd,line=2,/);
    expect(annotation).toContain('removed command ReleaseInventory');
    expect(annotation).toMatch(/it was declared at v1:models\/inventory\.ddd:\d+:\d+ in the old version/);
  });
});
