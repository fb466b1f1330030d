/**
 * Offsets and line/character positions: every line ending (\n, \r\n, a lone \r)
 * starts a line, and the two conversions invert each other.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LineIndex } from '../../src/language/syntax/line-index';

/** The positions by definition: walking the text a character at a time. */
function positions(text: string): { line: number; character: number }[] {
  const found: { line: number; character: number }[] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i <= text.length; i++) {
    found.push({ line, character });
    const c = text[i];
    if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) {
      line++;
      character = 0;
    } else character++;
  }
  return found;
}

describe('the line index', () => {
  it('finds the lines of \\n, \\r\\n and lone \\r endings', () => {
    expect(new LineIndex('a\nb\r\nc\rd').lineCount).toBe(4);
    expect(new LineIndex('a\nb\r\nc\rd').positionAt(7)).toEqual({ line: 3, character: 0 });
    expect(new LineIndex('').lineCount).toBe(1);
    expect(new LineIndex('\n\n').positionAt(2)).toEqual({ line: 2, character: 0 });
  });

  it('gives every offset the position a walk over the text gives, and back', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', '\n', '\r', '\r\n', ' ', 'é'), { maxLength: 60 }), (parts) => {
        const text = parts.join('');
        const lines = new LineIndex(text);
        positions(text).forEach((position, offset) => {
          // the offset between \r and \n is not a position of its own: it reads as the end of the line
          if (text[offset - 1] === '\r' && text[offset] === '\n') return;
          expect(lines.positionAt(offset)).toEqual(position);
          expect(lines.offsetAt(position)).toBe(offset);
        });
      }),
      { numRuns: 300 },
    );
  });
});
