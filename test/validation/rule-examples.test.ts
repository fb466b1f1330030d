/**
 * Every rule's example (docs/rules.md shows it under the rule) triggers that
 * rule on its own: checked as the only file of a workspace, with nothing around it.
 */
import { describe, expect, it } from 'vitest';
import type { Diagnostic } from '../../src/language/diagnostics';
import type { DddModel } from '../../src/language/model/model';
import { breachesAsDiagnostics } from '../../src/language/simulation/diagnostics';
import { allRules } from '../../src/language/validation/rule-sets';
import { MAX_ANALYSED_SAGA_SIZE } from '../../src/language/sagas/saga-size';
import { check } from '../helpers';

/**
 * Rules that `checkWorkspace` does not report, each with the reason and the
 * call that does report it. Every other rule must fire from `check` alone.
 */
const reportedElsewhere: Record<string, { reason: string; findings(model: DddModel): Diagnostic[] }> = {
  'saga-resend-risk': {
    reason: 'a hint of the simulator (`ddd simulate`, the simulator panel), asked for with `risks: true`; `ddd check` and the editor leave it out',
    findings: (model) => breachesAsDiagnostics(model, { risks: true }),
  },
  'saga-too-large': {
    reason: `it fires past ${MAX_ANALYSED_SAGA_SIZE} steps, which no example in docs/rules.md should show; here the example's saga is grown to one step more`,
    findings: () => {
      const steps = Array.from({ length: MAX_ANALYSED_SAGA_SIZE + 1 }, (_, i) => `  step Do${i} on Sales`).join('\n');
      return check(`context Sales\nsaga Onboarding orchestrated by Sales {\n${steps}\n}`).diagnostics;
    },
  },
};

describe('the example of every rule', () => {
  it.each(allRules().map((rule) => [rule.code, rule] as const))('%s: its example triggers it, on its own', (code, rule) => {
    expect(rule.example?.trim(), `${code} has no example`).toBeTruthy();
    const checked = check(rule.example!);
    const elsewhere = reportedElsewhere[code];
    const codes = elsewhere ? elsewhere.findings(checked.model).map((diagnostic) => diagnostic.code) : checked.findings.map((finding) => finding.code);
    expect(codes, `the example of ${code}:\n${rule.example}`).toContain(code);
  });

  it('names as exceptions only rules that exist and that the workspace check does not report', () => {
    const codes = new Set(allRules().map((rule) => rule.code));
    for (const [code, { reason }] of Object.entries(reportedElsewhere)) {
      expect(codes.has(code), `${code} is not a rule`).toBe(true);
      expect(reason.length).toBeGreaterThan(20);
      const rule = allRules().find((candidate) => candidate.code === code)!;
      expect(check(rule.example!).of(code), `${code} is reported by the workspace check: remove the exception`).toEqual([]);
    }
  });
});
