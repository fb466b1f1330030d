/**
 * Shared by the export tests: the example workspace, a generated model of about
 * 100 bounded contexts, and a hostile model whose every name and string ends
 * with text that tries to break out of YAML, MDX, PlantUML, Structurizr DSL,
 * mermaid and JSON.
 */
import { generateModel } from '../../src/bench/model-generator';
import { exportModel, isExportProblem, type ModelExport, type ModelExportOptions } from '../../src/language/export/index';
import { checkWorkspace, type CheckResult } from '../../src/language/index';
import { hostileModel, orderSaga } from '../diagrams/support';

export { orderSaga };

/** Quotes, colons, `#`, line breaks, `{{ }}`, YAML anchors and aliases, `@enduml`, a PlantUML escape, a Structurizr constant, MDX. */
export const exportHostile =
  ' "q\'uo\\"te" key: value # comment &anchor *alias !!str {{ template }} ${CONSTANT} <U+0041>\n@enduml\n@startuml !include x --- | <b>b</b> {x} `c` %%';

let hostileResult: CheckResult | undefined;
export function exportHostileModel(): CheckResult {
  hostileResult ??= hostileModel(exportHostile);
  return hostileResult;
}

let generated: CheckResult | undefined;
/** The benchmark generator's model of 12,000 lines: 12 groups, each of 7 bounded contexts and 2 external systems (108 contexts). */
export function generated100(): CheckResult {
  generated ??= checkWorkspace(generateModel({ lines: 12_000 }).files.map((file) => ({ uri: `file:///generated/${file.name}`, text: file.text })));
  return generated;
}

/** Runs an export that must succeed. */
export function exported(result: CheckResult, format: string, options: ModelExportOptions = {}): ModelExport {
  const outcome = exportModel(result.model, format, options);
  if (isExportProblem(outcome)) throw new Error(outcome.problem);
  return outcome;
}

export function file(exportResult: ModelExport, path: string): string {
  const found = exportResult.files.find((candidate) => candidate.path === path);
  if (!found) throw new Error(`no ${path} among ${exportResult.files.map((f) => f.path).join(', ')}`);
  return found.text;
}
