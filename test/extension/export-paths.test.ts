/**
 * Where the editor writes an exported file: only plain relative paths, inside
 * the folder the user chose.
 */
import { describe, expect, it } from 'vitest';
import { exportPathSegments, fileCount } from '../../src/extension/export-paths';

describe('exportPathSegments', () => {
  it('splits a plain relative path', () => {
    expect(exportPathSegments('events/OrderPlaced/schema.json')).toEqual(['events', 'OrderPlaced', 'schema.json']);
    expect(exportPathSegments('Sales.asyncapi.yaml')).toEqual(['Sales.asyncapi.yaml']);
  });

  it.each(['../x', 'a/../../x', '/etc/passwd', 'C:/x', 'a\\b', 'a//b', './a', 'a/', '', 'a\nb'])('refuses %j', (path) => {
    expect(exportPathSegments(path)).toBeUndefined();
  });

  it('counts files in words', () => {
    expect([fileCount(1), fileCount(2), fileCount(1200)]).toEqual(['1 file', '2 files', '1,200 files']);
  });
});
