/**
 * `ddd check --fix` on every model of the repository (the examples and the
 * test fixtures, as workspaces and file by file): the safe fixes never add an
 * error, never add findings, and a second run has nothing left to do.
 */
import { describe, expect, test } from 'vitest';
import { fixWorkspace } from '../../src/language/fixes/index';
import { checkWorkspace, type Diagnostic } from '../../src/language/index';
import { readWorkspace } from '../helpers';

const folders = ['examples/order-saga', 'test/fixtures/diagrams', 'test/fixtures/sagas', 'test/fixtures/simulation', 'test/fixtures/validation'];

const errors = (diagnostics: readonly Diagnostic[]) => diagnostics.filter((diagnostic) => diagnostic.severity === 'error').length;

describe.each(folders)('the safe fixes of %s', (folder) => {
  const all = readWorkspace(folder);
  const workspaces = [all, ...all.map((file) => [file])];

  test('make no finding worse, and leave nothing for a second run', () => {
    expect(all.length).toBeGreaterThan(0);
    for (const files of workspaces) {
      const before = checkWorkspace(files).diagnostics;
      const run = fixWorkspace(files);
      const where = files.length === 1 ? files[0]!.uri : folder;
      expect(errors(run.result.diagnostics), where).toBeLessThanOrEqual(errors(before));
      // each fix repairs its finding and brings no new one
      expect(run.result.diagnostics.length, where).toBeLessThanOrEqual(before.length - run.applied.length);
      expect(run.skipped, where).toEqual([]);
      const again = fixWorkspace(files.map((file) => ({ uri: file.uri, text: run.changed.get(file.uri) ?? file.text })));
      expect(again.applied, where).toEqual([]);
    }
  });
});

test('the fixtures have safe fixes to apply (the property above is not empty)', () => {
  expect(fixWorkspace(readWorkspace('test/fixtures/validation')).applied.length).toBeGreaterThan(5);
});
