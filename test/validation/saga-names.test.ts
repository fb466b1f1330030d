/**
 * saga-unknown-name: a step, compensation or reply that its participant does not
 * declare, once the participant declares its commands (or events).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkWorkspace } from '../../src/language/index';
import { fixContext, fixesFor } from '../../src/language/fixes/index';
import { check, checkFiles, readWorkspace, sketchBlocks } from '../helpers';

/** A small lending library: two contexts that declare their commands and events. */
const library = readFileSync(new URL('../fixtures/validation/library.ddd', import.meta.url), 'utf8').trimEnd();

const saga = (steps: string) => `${library}\nsaga Lending orchestrated by Loans {\n${steps}\n}\n`;

describe('a step naming a command its participant does not declare', () => {
  it('warns with "did you mean" the participant\'s closest command', () => {
    const result = check(saga('  step ReserveCopyy on Catalogue compensate ReleaseCopy\n  step LendBook on Loans'));
    const findings = result.of('saga-unknown-name');
    expect(findings).toEqual([
      expect.objectContaining({ severity: 'warning', line: 11, message: 'ReserveCopyy is not declared: the step should name a command of Catalogue. Did you mean ReserveCopy? If not, declare the command in Catalogue.' }),
    ]);
  });

  it('a compensation gets the same treatment', () => {
    const findings = check(saga('  step ReserveCopy on Catalogue compensate ReleseCopy\n  step LendBook on Loans')).of('saga-unknown-name');
    expect(findings.map((f) => f.message)).toEqual(['ReleseCopy is not declared: the compensation should name a command of Catalogue. Did you mean ReleaseCopy? If not, declare the command in Catalogue.']);
  });

  it('a reply to a command that declares no emits: the participant\'s events', () => {
    const findings = check(saga('  step ReleaseCopy on Catalogue reply CopyReservd\n  step LendBook on Loans')).of('saga-unknown-name');
    expect(findings.map((f) => f.message)).toEqual(['CopyReservd is not declared: the reply should name an event of Catalogue. Did you mean CopyReserved? If not, declare the event in Catalogue.']);
  });

  it('a reply to a command that declares its emits is saga-reply-mismatch\'s, not reported twice', () => {
    const result = check(saga('  step ReserveCopy on Catalogue reply CopyReservd compensate ReleaseCopy\n  step LendBook on Loans'));
    expect(result.of('saga-unknown-name')).toEqual([]);
    expect(result.of('saga-reply-mismatch')).toHaveLength(1);
  });

  it('a name close to none declared is a new one: nothing to say (as the language sketch\'s `step CheckStock on Inventory`)', () => {
    expect(check(saga('  step ShelveBook on Catalogue compensate UndoShelveBook\n  step LendBook on Loans')).of('saga-unknown-name')).toEqual([]);
  });

  it('a participant that declares no commands yet is modeled later: nothing to say', () => {
    const result = check('context Loans\ncontext Catalogue\nsaga Lending orchestrated by Loans {\n  step ReserveCopy on Catalogue compensate ReleaseCopy reply CopyReserved\n  step LendBook on Loans\n}\n');
    expect(result.of('saga-unknown-name')).toEqual([]);
  });

  it('the quick fix replaces the name; it is a guess, so not applied by `ddd check --fix`', () => {
    const text = saga('  step ReserveCopyy on Catalogue compensate ReleaseCopy\n  step LendBook on Loans');
    const result = checkWorkspace([{ uri: 'file:///main.ddd', text }]);
    const finding = result.diagnostics.find((d) => d.code === 'saga-unknown-name')!;
    const fixes = fixesFor(fixContext(result.model, result.diagnostics), finding);
    expect(fixes[0]).toMatchObject({ title: 'Change ReserveCopyy to ReserveCopy', safe: false, preferred: true });
    const edit = fixes[0]!.edits[0]!;
    expect(text.slice(0, edit.range.start) + edit.newText + text.slice(edit.range.end)).toContain('step ReserveCopy on Catalogue');
    expect(fixes.every((fix) => !fix.safe)).toBe(true);
  });

  it('the example and the language sketch (each section, and all in one file) get no saga-unknown-name', () => {
    expect(checkFiles(readWorkspace('examples/order-saga')).of('saga-unknown-name')).toEqual([]);
    for (const block of sketchBlocks()) expect(check(block.text).of('saga-unknown-name')).toEqual([]);
    expect(check(sketchBlocks().map((block) => block.text).join('\n')).of('saga-unknown-name')).toEqual([]);
  });
});

describe('a step whose reply is not written', () => {
  it('`reply -> BOOK_LENT` gives one syntax error, nothing with blank names', () => {
    const result = check(saga('  step ReserveCopy on Catalogue compensate ReleaseCopy\n  step LendBook on Loans reply -> BOOK_LENT'));
    expect(result.findings.map((f) => f.code)).toEqual(['syntax-error']);
  });

  it.each([
    '  step on Loans reply BookLent\n  step on Loans\n  step LendBook on Loans',
    '  step LendBook on Catalogue compensate -> X\n  step LendBook on Loans',
    '  step ReserveCopy on Catalogue compensate\n  step LendBook on Loans compensate',
  ])('%s: no message with a blank name', (steps) => {
    const result = check(saga(steps));
    for (const finding of result.findings) expect(finding.message).not.toMatch(/(^|\s)(,|:|\.)|\s{2}|^ /);
  });
});

describe('a choreographed reaction with a name not written', () => {
  it.each([
    'Loans on LendBook emits BookLent\n  Catalogue on BookLent or emits CopyReserved',
    'Loans on emits BookLent\n  Catalogue on BookLent emits',
    'Loans on LendBook emits BookLent else\n  Catalogue on BookLent emits CopyReserved',
  ])('%s: the syntax error, and no message with a blank name', (reactions) => {
    const result = check(`${library}\nsaga Lending choreographed {\n  ${reactions}\n}\n`);
    expect(result.of('syntax-error').length).toBeGreaterThan(0);
    for (const finding of result.findings) expect(finding.message).not.toMatch(/(^|\s)(,|:|\.)|\s{2}|^ |emits ,/);
  });
});

describe('at scale', () => {
  it('many misspelt steps compare each name only with names near it, not with every command', async () => {
    const { similarNameWork } = await import('../../src/language/util/similar-names');
    const contexts = Array.from({ length: 200 }, (_, c) => `context C${c} {\n${Array.from({ length: 20 }, (_, k) => `  command Reserve${c}x${k}Copy`).join('\n')}\n}`).join('\n');
    // two sagas of 200 steps (a saga past MAX_ANALYSED_SAGA_SIZE is summarised, not checked step by step)
    const steps = (k: number) => Array.from({ length: 200 }, (_, i) => `  step Reserve${i}x${k}Cpy on C${i} compensate none`).join('\n');
    const before = similarNameWork.comparisons;
    const result = check(`${contexts}\nsaga Big0 orchestrated by C0 {\n${steps(0)}\n}\nsaga Big1 orchestrated by C0 {\n${steps(1)}\n}\n`);
    const comparisons = similarNameWork.comparisons - before;
    expect(result.of('saga-unknown-name')).toHaveLength(400);
    // 400 look-ups among 4,000 commands: a handful of comparisons each, not 4,000
    expect(comparisons).toBeLessThan(400 * 40);
  });
});
