/**
 * The language sketch's normative examples: sections 1–7 together give no error
 * or warning; section 8 added gives exactly the errors and warnings its
 * comments announce, on the lines that carry them (hints and infos are free).
 */
import { describe, expect, it } from 'vitest';
import { check, expectedProblems, sketchBlocks } from '../helpers';

const blocks = sketchBlocks();
const clean = blocks.filter((block) => block.section >= 1 && block.section <= 7);
const mistakes = blocks.filter((block) => block.section === 8);

function asFiles(list: typeof blocks) {
  return Object.fromEntries(list.map((block, index) => [`section${block.section}-${index}.ddd`, block.text]));
}

describe('the language sketch', () => {
  it('covers sections 1 to 8', () => {
    expect(new Set(blocks.map((block) => block.section))).toEqual(new Set([1, 2, 3, 4, 5, 6, 7, 8]));
    expect(mistakes).toHaveLength(1);
  });

  it('sections 1–7, one file each, give no error or warning', () => {
    expect(check(asFiles(clean)).problems).toEqual([]);
  });

  it('sections 1–7, all in one file, give no error or warning', () => {
    expect(check(clean.map((block) => block.text).join('\n')).problems).toEqual([]);
  });

  it('section 8 added gives exactly the errors and warnings its comments announce', () => {
    const files = { ...asFiles(clean), 'section8.ddd': mistakes[0]!.text };
    const actual = check(files)
      .problems.map(({ file, line, severity }) => ({ file, line, severity }))
      .sort((a, b) => a.line - b.line);
    expect(actual).toEqual(expectedProblems(mistakes[0]!.text, 'section8.ddd'));
  });
});
