/**
 * Every context-map rule whose message says what to write has a fix that writes
 * it: the finding, the fix, the text once applied, and the finding gone.
 */
import { describe, expect, test } from 'vitest';
import { fixableCodes, fixContext, fixesFor } from '../../src/language/fixes/index';
import { checkWorkspace } from '../../src/language/index';
import { applyEdits } from '../../src/language/navigation/index';
import { contextMapRules } from '../../src/language/validation/rules/context-map';

const uri = 'file:///map.ddd';
const contexts = 'context Loans\ncontext Notifications\ncontext Payments external\n';

function fixed(relationship: string, code: string, fixTitle?: string) {
  const text = `${contexts}contextmap Library {\n  ${relationship}\n}\n`;
  const { model, diagnostics } = checkWorkspace([{ uri, text }]);
  const finding = diagnostics.find((diagnostic) => diagnostic.code === code);
  if (!finding) throw new Error(`no ${code} in ${relationship}: ${diagnostics.map((d) => d.code).join(', ')}`);
  const fixes = fixesFor(fixContext(model, diagnostics), finding);
  const fix = fixTitle === undefined ? fixes[0] : fixes.find((candidate) => candidate.title === fixTitle);
  if (!fix) throw new Error(`no fix ${fixTitle ?? ''} for ${code}: ${fixes.map((f) => f.title).join(', ')}`);
  const after = applyEdits(text, fix.edits);
  const line = after.split('\n')[4]!.trim();
  return { fix, fixes, line, codes: checkWorkspace([{ uri, text: after }]).diagnostics.map((d) => d.code).filter((c) => c.startsWith('map-')) };
}

describe('context-map fixes', () => {
  test('a role on the wrong side moves to the side it belongs on (`Loans [CF] -> Notifications`)', () => {
    const { fix, line, codes } = fixed('Loans [CF] -> Notifications', 'map-role-side');
    expect(fix).toMatchObject({ title: 'Move CF to Notifications', safe: true, preferred: true });
    expect(line).toBe('Loans -> Notifications [CF]');
    expect(codes).toEqual([]);
  });

  test('a role moves next to the roles already there', () => {
    const { line, codes } = fixed('Loans [OHS] -> Notifications [ACL, PL]', 'map-role-side');
    expect(line).toBe('Loans [OHS, PL] -> Notifications [ACL]');
    expect(codes).toEqual([]);
  });

  test.each([
    ['Loans [ACL] -> Notifications [OHS]', 'map-role-side', 'Loans [ACL] <- Notifications [OHS]'],
    ['Loans <-> Notifications [ACL]', 'map-symmetric', 'Loans -> Notifications [ACL]'],
    ['Loans [SK] <-> Notifications', 'map-symmetric', 'Loans [SK] <-> Notifications [SK]'],
    ['Loans [SK] -> Notifications', 'map-symmetric', 'Loans [SK] <-> Notifications [SK]'],
    ['Loans [SK] <-> Notifications [SK, ACL]', 'map-role-side', 'Loans [SK] <-> Notifications [SK]'],
    ['Loans [S] -> Notifications', 'map-customer-supplier', 'Loans [S] -> Notifications [C]'],
    ['Loans [OHS, OHS] -> Notifications', 'map-repeated-role', 'Loans [OHS] -> Notifications'],
    ['Loans -> Payments [ACL]', 'map-external-role', 'Loans [ACL] -> Payments'],
    ['Loans [OHS] -> Notifications { Money }', 'map-shared-kernel-content', 'Loans [OHS] -> Notifications'],
    ['Loans -> Loans', 'map-self-relationship', '}'],
  ])('%s (%s) → %s', (relationship, code, expected) => {
    const { line, codes } = fixed(relationship, code);
    expect(line).toBe(expected);
    expect(codes).not.toContain(code);
  });

  test('two roles that conflict: keep either, a choice never applied unattended', () => {
    const { fixes, line } = fixed('Loans -> Notifications [ACL, CF]', 'map-conflicting-roles', 'Keep CF, remove ACL');
    expect(line).toBe('Loans -> Notifications [CF]');
    expect(fixes.map((f) => [f.title, f.safe])).toEqual([
      ['Keep ACL, remove CF', false],
      ['Keep CF, remove ACL', false],
    ]);
  });

  test('a shared kernel and a partnership at once: keep one', () => {
    const { line, codes } = fixed('Loans [SK, P] <-> Notifications [SK, P]', 'map-symmetric', 'Keep SK, remove P');
    expect(line).toBe('Loans [SK] <-> Notifications [SK]');
    expect(codes).not.toContain('map-symmetric');
  });

  test('every context-map rule has fixes, but the cycle and the duplicate relationship (no single edit to name)', () => {
    const fixable = new Set(fixableCodes());
    const without = contextMapRules.rules.map((rule) => rule.code).filter((code) => !fixable.has(code));
    expect(without.sort()).toEqual(['map-cycle', 'map-duplicate-relationship']);
  });
});
