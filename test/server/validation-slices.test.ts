import { describe, expect, it } from 'vitest';
import { pastedWorkspace } from '../../src/bench/scale-workspaces';
import { compareDiagnostics, type Diagnostic } from '../../src/language/diagnostics';
import { buildModel, parseDocument, reparseDocument, type SourceFile } from '../../src/language/index';
import { documentRuleSet, toDiagnostic, type RuleSet } from '../../src/language/validation/rule';
import { ruleSets } from '../../src/language/validation/rule-sets';
import { DOCUMENTS_PER_STEP, documentCheckWork, fileFindingsWork, MAX_FINDINGS_PER_FILE, startValidation, validateModel } from '../../src/language/validation/validate';
import { Workspace } from '../../src/server/workspace';
import { breachCheckWork } from '../../src/language/simulation/diagnostics';
import { namingRules } from '../../src/language/validation/rules/naming';
import { readWorkspace } from '../helpers';

const fixtureFolders = ['test/fixtures/validation', 'test/fixtures/sagas', 'test/fixtures/simulation', 'test/fixtures/diagrams', 'examples'];

/** The steps of a validation of at most DOCUMENTS_PER_STEP documents: one per rule set, and one more for a set with a model part and a document part. */
const stepsPerValidation = ruleSets.reduce((steps, set) => steps + (set.checkDocument && set.checkModel ? 2 : 1), 0);
/** The rule sets with a document part: what an edit re-checks in the edited document. */
const documentSets = ruleSets.filter((set) => set.checkDocument).length;

function modelOf(files: readonly SourceFile[]) {
  return buildModel(files.map((file) => parseDocument(file.uri, file.text)));
}

/** The findings by definition: the syntax errors, then every rule set's whole-model check, sorted (for models under the per-file cap). */
function oracle(files: readonly SourceFile[]): Diagnostic[] {
  const model = modelOf(files);
  const found: Diagnostic[] = model.documents.flatMap((document) => document.diagnostics);
  for (const set of ruleSets) set.check(model, (rule, finding) => found.push(toDiagnostic(rule, finding)));
  return found.sort(compareDiagnostics);
}

/** Steps a validation to its end, running `between` after each step; returns the findings and the number of steps. */
function stepped(files: readonly SourceFile[], between: () => void = () => undefined) {
  const validation = startValidation(modelOf(files));
  let steps = 1;
  while (!validation.step()) {
    between();
    steps++;
  }
  return { findings: validation.findings(), steps };
}

describe('validation a step at a time', () => {
  it.each(fixtureFolders)('finds in %s exactly what validateModel finds in one go, and what every rule set finds by definition', (folder) => {
    const files = readWorkspace(folder);
    expect(files.length).toBeGreaterThan(0);
    const { findings, steps } = stepped(files);
    expect(steps).toBe(stepsPerValidation);
    expect(findings).toEqual(validateModel(modelOf(files)));
    expect(findings).toEqual(oracle(files));
  });

  it('with hints left out (ddd check without --hints), finds every other finding, and words no hint', () => {
    for (const folder of fixtureFolders) {
      const files = readWorkspace(folder);
      expect(validateModel(modelOf(files), ruleSets, { least: 'info' })).toEqual(validateModel(modelOf(files)).filter((finding) => finding.severity !== 'hint'));
    }
    // the naming rules ask before wording a hint: a lower-case name gets one only when hints are wanted
    const document = parseDocument('file:///lower.ddd', 'context lower_case {\n  event order_placed\n}\n');
    const codes = (wants: boolean) => {
      const found: string[] = [];
      namingRules.checkDocument!(document, Object.assign((rule: { code: string }) => void found.push(rule.code), { wants: (rule: { severity: string }) => wants || rule.severity !== 'hint' }));
      return found;
    };
    expect(codes(true)).toEqual(['name-pascal-case', 'name-pascal-case']);
    expect(codes(false)).toEqual([]);
  });

  it('with hints left out, does not run a rule set whose rules are all hints', () => {
    const model = modelOf([{ uri: 'file:///a.ddd', text: 'context Sales {\n  event OrderPlaced\n}\n' }]);
    let runs = 0;
    const hintsOnly: RuleSet = {
      concern: 'hints only',
      summary: 'a set of hints',
      rules: [{ code: 'a-hint', severity: 'hint', title: 'a hint', explanation: '', example: '' }],
      check(_model, accept) {
        runs++;
        accept(this.rules[0]!, { uri: 'file:///a.ddd', range: { start: 0, end: 1 }, message: 'a hint' });
      },
    };
    expect(validateModel(model, [hintsOnly]).map((finding) => finding.code)).toEqual(['a-hint']);
    expect(runs).toBe(1);
    expect(validateModel(model, [hintsOnly], { least: 'info' })).toEqual([]);
    expect(runs).toBe(1);
    expect(validateModel(model, [hintsOnly], { least: 'hint' }).map((finding) => finding.code)).toEqual(['a-hint']);
    expect(runs).toBe(2);
  });

  it('gives a paste of 40 copies (over the per-file cap) the same capped findings whether sliced or in one go', () => {
    const files = pastedWorkspace(40);
    const { findings } = stepped(files);
    expect(findings).toEqual(validateModel(modelOf(files)));
    expect(findings.filter((finding) => finding.uri === files[0]!.uri)).toHaveLength(MAX_FINDINGS_PER_FILE + 1);
  });

  it('is pure: other work between two steps (another validation, a re-link) changes nothing', () => {
    const files = readWorkspace('test/fixtures/sagas');
    const { findings } = stepped(files, () => {
      modelOf(files);
      validateModel(modelOf(readWorkspace('test/fixtures/validation')));
    });
    expect(findings).toEqual(validateModel(modelOf(files)));
  });

  it('hands a document-level rule set a bounded chunk of documents per step, and reuses the findings of unchanged documents', () => {
    const rule = { code: 'test-context', severity: 'hint' as const, title: 'a context', explanation: 'for the test' };
    const perDocument: RuleSet = documentRuleSet({
      concern: 'test',
      summary: 'A finding on every document.',
      rules: [rule],
      checkDeclaration: (declaration, accept) => accept(rule, { uri: declaration.uri, range: { start: 0, end: 1 }, message: 'a context' }),
    });
    const documents = Array.from({ length: DOCUMENTS_PER_STEP * 2 + 1 }, (_, i) => parseDocument(`file:///d${i}.ddd`, `context C${i} {}\n`));
    const before = { ...documentCheckWork };
    const validation = startValidation(buildModel(documents), [perDocument]);
    let steps = 1;
    while (!validation.step()) steps++;
    expect(steps).toBe(3);
    expect(validation.findings()).toHaveLength(documents.length);
    expect(documentCheckWork.checked - before.checked).toBe(documents.length);
    // one document edited: only it is checked again, sliced or in one go
    const edited = [...documents];
    edited[5] = parseDocument('file:///d5.ddd', 'context Edited {}\n');
    const again = { ...documentCheckWork };
    expect(validateModel(buildModel(edited), [perDocument])).toEqual(validation.findings());
    expect(documentCheckWork.checked - again.checked).toBe(1);
    expect(documentCheckWork.reused - again.reused).toBe(documents.length - 1);
  });

  it('re-checks, in the edited document, only the declarations parsed again: those before the edit keep their findings', () => {
    // 40 contexts whose names are not PascalCase (a naming hint each), and their fields twice (a duplicate each)
    const context = (i: number) => `context Shop_${i} {\n  value Money_${i} { cents: Int  cents: Int }\n}\n`;
    const text = Array.from({ length: 40 }, (_, i) => context(i)).join('');
    const document = parseDocument('file:///shops.ddd', text);
    validateModel(buildModel([document]));
    // a keystroke in the 31st context: the 30 before it are kept by the re-parse
    const at = text.indexOf('Money_30') + 'Money_30'.length;
    const edited = reparseDocument(document, `${text.slice(0, at)}x${text.slice(at)}`);
    const before = { ...documentCheckWork };
    const findings = validateModel(buildModel([edited]));
    // each document-level rule set re-checks the 10 declarations from the edited one on, and reuses the 30 before
    const sets = ruleSets.filter((set) => set.checkDeclaration).length;
    expect(sets).toBeGreaterThanOrEqual(3);
    expect(documentCheckWork.declarationsChecked - before.declarationsChecked).toBe(10 * sets);
    expect(documentCheckWork.declarationsReused - before.declarationsReused).toBe(30 * sets);
    // and finds what the edited text, parsed and checked afresh, gives
    expect(findings.some((finding) => finding.message.includes('Money_30x'))).toBe(true);
    expect(findings.filter((finding) => finding.code === 'duplicate-member')).toHaveLength(40);
    expect(findings).toEqual(validateModel(buildModel([parseDocument(edited.uri, edited.text)])));
  });

  it('caps and sorts again only the findings of the files whose findings changed, and finds what a fresh validation finds', () => {
    // each file over the per-file cap: names that are not PascalCase are hints, one per declaration
    const text = (i: number, extra = '') => `context Shop_${i} {\n${Array.from({ length: MAX_FINDINGS_PER_FILE + 20 }, (_, k) => `  value Money_${k} { cents: Int }`).join('\n')}\n${extra}}\n`;
    const documents = Array.from({ length: 4 }, (_, i) => parseDocument(`file:///shop${i}.ddd`, text(i)));
    const first = startValidation(buildModel(documents));
    while (!first.step());
    const edited = [...documents];
    edited[2] = parseDocument('file:///shop2.ddd', text(2, '  value Extra_one { cents: Int }\n'));
    const before = { ...fileFindingsWork };
    const second = startValidation(buildModel(edited));
    while (!second.step());
    expect(fileFindingsWork.sorted - before.sorted).toBe(1);
    expect(fileFindingsWork.reused - before.reused).toBe(3);
    expect(second.findingsByFile().get('file:///shop0.ddd')).toBe(first.findingsByFile().get('file:///shop0.ddd'));
    expect(second.findingsByFile().get('file:///shop2.ddd')).not.toEqual(first.findingsByFile().get('file:///shop2.ddd'));
    // what a validation of fresh documents finds, in the same order
    const fresh = edited.map((document) => parseDocument(document.uri, document.text));
    expect(second.findings()).toEqual(validateModel(buildModel(fresh)));
    expect(second.findings().filter((finding) => finding.code === 'too-many-findings')).toHaveLength(4);
  });

  it('still reports a broken rule set once, and the findings of the others', () => {
    const broken: RuleSet = { concern: 'broken', summary: '', rules: [], check: () => { throw new Error('boom'); } };
    const files = readWorkspace('test/fixtures/validation');
    const validation = startValidation(modelOf(files), [broken, ...ruleSets]);
    while (!validation.step());
    expect(validation.findings().filter((finding) => finding.code === 'internal-error').map((finding) => finding.message)).toEqual(['The broken checks failed (boom). Please report it.']);
    expect(validation.findings().filter((finding) => finding.code !== 'internal-error')).toEqual(validateModel(modelOf(files)));
  });
});

describe("the server's workspace validates a slice at a time", () => {
  it('re-links in one slice, then validates one step per slice, with the findings of one go', () => {
    const workspace = new Workspace();
    for (const file of readWorkspace('test/fixtures/sagas')) workspace.setOpenText(file.uri, file.text, 1);
    let slices = 1;
    while (!workspace.validateSlice()) slices++;
    expect(slices).toBe(1 + stepsPerValidation);
    expect([...workspace.diagnostics().values()].flat().sort(compareDiagnostics)).toEqual(validateModel(workspace.model()));
    expect(workspace.validateSlice()).toBe(true);
  });

  it('drops a validation whose model an edit superseded, and validates the new text from the start', () => {
    const workspace = new Workspace();
    const [file] = readWorkspace('test/fixtures/sagas');
    workspace.setOpenText(file!.uri, file!.text, 1);
    workspace.validateSlice();
    workspace.validateSlice();
    const first = workspace.model();
    workspace.setOpenText(file!.uri, `${file!.text}\ncontext Added {}\n`, 2);
    let slices = 1;
    while (!workspace.validateSlice()) slices++;
    expect(workspace.model()).not.toBe(first);
    expect(slices).toBe(1 + stepsPerValidation);
    expect(workspace.diagnostics().get(file!.uri)).toEqual(validateModel(workspace.model()));
  });

  it('finishes a validation under way when the findings are asked for at once (a storming board), without starting over', () => {
    const workspace = new Workspace();
    for (const file of readWorkspace('test/fixtures/validation')) workspace.setOpenText(file.uri, file.text, 1);
    workspace.validateSlice();
    workspace.validateSlice();
    const findings = [...workspace.diagnostics().values()].flat().sort(compareDiagnostics);
    expect(findings).toEqual(validateModel(workspace.model()));
    expect(workspace.validatedNow).toBe(true);
  });
  it('after an edit, checks again only what the edit can change: the edited document\'s names, and no saga of another document', () => {
    const workspace = new Workspace();
    const files = readWorkspace('test/fixtures/simulation');
    for (const file of files) workspace.setOpenText(file.uri, file.text, 1);
    workspace.diagnostics();
    const edited = files.find((file) => file.uri.endsWith('shop.ddd'))!;
    const checked = documentCheckWork.checked;
    const explored = breachCheckWork.explored;
    const reused = breachCheckWork.reused;
    // a misspelt name in shop.ddd, which holds no saga
    workspace.setOpenText(edited.uri, `${edited.text}\ncontext Added { event ship_parcel }\n`, 2);
    const findings = [...workspace.diagnostics().values()].flat().sort(compareDiagnostics);
    expect(findings.filter((finding) => finding.code === 'name-pascal-case' && finding.message.includes('ship_parcel'))).toHaveLength(1);
    expect(documentSets).toBeGreaterThanOrEqual(2);
    expect(documentCheckWork.checked - checked).toBe(documentSets);
    expect(breachCheckWork.explored - explored).toBe(0);
    expect(breachCheckWork.reused - reused).toBeGreaterThan(0);
    expect(findings.some((finding) => finding.code === 'simulation-breach')).toBe(true);
    // and the findings are those of a fresh check
    expect(findings).toEqual(oracle(files.map((file) => (file === edited ? { ...file, text: `${edited.text}\ncontext Added { event ship_parcel }\n` } : file))));
  });
});
