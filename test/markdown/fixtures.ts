/**
 * The Markdown documents the preview tests render (test/markdown/fixtures/):
 * kept apart from test/fixtures/, whose folders hold models.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export function markdownFixture(name: 'shop-notes.md' | 'fence-problems.md'): string {
  return readFileSync(join(__dirname, 'fixtures', name), 'utf8');
}
