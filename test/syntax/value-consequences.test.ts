/**
 * A value's consequences for a stakeholder (value-sensitive design, as Context
 * Mapper's value registers have them): `good`, `bad` and `neutral` lines, each
 * with what to do about it; read into the model, hovered, checked and written
 * back to CML.
 */
import { describe, expect, it } from 'vitest';
import { exportCml } from '../../src/language/cml/export-cml';
import { importCml } from '../../src/language/cml/import';
import { checkWorkspace } from '../../src/language/index';
import { hoverAt } from '../../src/language/navigation/index';

const uri = 'file:///values.ddd';
const text = `stakeholders { stakeholder Drivers }
values Delivery {
  value Freedom {
    stakeholder Drivers {
      priority high  impact medium
      bad "Less sleep" action "Cap the shifts" act
      good "More pay"
      neutral "New habits" action "Ask them in a year" monitor
      good "Flexible hours" action "Let them choose" "within the week"
    }
  }
}
`;

describe("a value's consequences for a stakeholder", () => {
  const result = checkWorkspace([{ uri, text }]);
  const entry = result.model.valueRegisters[0]!.values[0]!.stakeholders[0]!;

  it('are read with their kind, text and action, and raise nothing', () => {
    expect(result.diagnostics.filter((finding) => finding.severity === 'error' || finding.severity === 'warning')).toEqual([]);
    expect(entry.consequences?.map(({ kind, text, action }) => ({ kind, text, action }))).toEqual([
      { kind: 'bad', text: 'Less sleep', action: { text: 'Cap the shifts', type: 'act' } },
      { kind: 'good', text: 'More pay', action: undefined },
      { kind: 'neutral', text: 'New habits', action: { text: 'Ask them in a year', type: 'monitor' } },
      { kind: 'good', text: 'Flexible hours', action: { text: 'Let them choose', type: 'within the week' } },
    ]);
    expect(entry.attributes.map((setting) => setting.value.text)).toEqual(['high', 'medium']);
  });

  it('are shown by the hover of the value', () => {
    const shown = hoverAt(result.model, uri, text.indexOf('Freedom'))?.markdown ?? '';
    expect(shown).toContain('`Drivers`, bad: Less sleep (action, act: Cap the shifts)');
    expect(shown).toContain('`Drivers`, good: More pay');
  });

  it('an action of another word is an error that says what an action is', () => {
    const broken = checkWorkspace([{ uri, text: text.replace('"Cap the shifts" act', '"Cap the shifts" actt') }]);
    expect(broken.diagnostics.filter((finding) => finding.severity === 'error').map((finding) => finding.message)).toEqual([
      'An action is act or monitor (or what to do, as a string), not actt.',
    ]);
  });

  it('go to CML and come back the same', () => {
    const cml = exportCml(result.model).text;
    expect(cml).toContain('bad "Less sleep" action "Cap the shifts" ACT');
    expect(cml).toContain('neutral "New habits" action "Ask them in a year" MONITOR');
    const back = importCml(cml);
    if (!back.ok) expect.fail(back.problems.map((problem) => problem.message).join('; '));
    expect(back.dropped).toEqual([]);
    const again = checkWorkspace([{ uri, text: back.text }]).model.valueRegisters[0]!.values[0]!.stakeholders[0]!;
    expect(again.consequences?.map(({ kind, text, action }) => ({ kind, text, action }))).toEqual(entry.consequences?.map(({ kind, text, action }) => ({ kind, text, action })));
  });
});
