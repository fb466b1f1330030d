/**
 * `ddd import`'s core: a CML file in, the .ddd text that says the same (in the
 * syntax of docs/design/context-mapper-syntax.md) and the list of what could not
 * be carried over, each with its CML line and the reason. Top-level parts are
 * written in the order of the CML file, with their comments before them.
 */
import type { CmlModel } from './ast';
import { DddWriter, type CmlDropped } from './ddd-writer';
import { stakeholdersBlock, useCaseBlock, userStoryBlock, valueRegisterBlock } from './import-requirements';
import { contextBlock, contextMapBlock, domainBlock } from './import-strategic';
import { parseCml, type CmlProblem } from './parse';

export type { CmlDropped } from './ddd-writer';

export type CmlImportResult = { ok: true; text: string; dropped: CmlDropped[] } | { ok: false; problems: CmlProblem[] };

export interface CmlImportOptions {
  /** The name of a context map that CML leaves unnamed (default `ContextMap`). */
  mapName?: string;
}

type Part = { at: number; write: (out: DddWriter) => void };

/** The .ddd text of a parsed CML model. */
export function cmlModelToDdd(model: CmlModel, options: CmlImportOptions = {}): { text: string; dropped: CmlDropped[] } {
  const out = new DddWriter(model.comments);
  for (const imported of model.imports) out.drop(imported, `import "${imported.uri}": the imported file is not read; import it on its own`);
  const domainNames = new Set(model.domains.map((domain) => domain.name));
  const parts: Part[] = [
    ...model.domains.map((domain) => ({ at: domain.at, write: (o: DddWriter) => domainBlock(o, domain) })),
    ...(model.map ? [{ at: model.map.at, write: (o: DddWriter) => contextMapBlock(o, model.map!, options.mapName ?? 'ContextMap') }] : []),
    ...model.contexts.map((context) => ({ at: context.at, write: (o: DddWriter) => contextBlock(o, context, domainNames) })),
    ...model.requirements.map((requirement) => ({
      at: requirement.at,
      write: (o: DddWriter) => (requirement.kind === 'UseCase' ? useCaseBlock(o, requirement) : userStoryBlock(o, requirement)),
    })),
    ...model.stakeholders.map((stakeholders) => ({ at: stakeholders.at, write: (o: DddWriter) => stakeholdersBlock(o, stakeholders) })),
    ...model.valueRegisters.map((register) => ({ at: register.at, write: (o: DddWriter) => valueRegisterBlock(o, register) })),
  ];
  // in the order of the CML file, so that comments stay next to what they describe
  parts.sort((a, b) => a.at - b.at);
  for (const part of parts) {
    out.blank();
    part.write(out);
  }
  const text = out.text();
  out.dropped.sort((a, b) => a.line - b.line);
  return { text, dropped: out.dropped };
}

/** `models/Insurance-Example_Stage-1.cml` → `InsuranceExampleStage1Map`: the name of a context map CML leaves unnamed. */
export function cmlMapName(fileName: string): string {
  const base = fileName.split(/[\\/]/).pop()!.replace(/\.[^.]*$/, '');
  const name = base
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean)
    .map((word) => word[0]!.toUpperCase() + word.slice(1))
    .join('');
  return /^[A-Za-z_]/.test(name) ? `${name}Map` : 'ContextMap';
}

/** Parses CML text and writes it as .ddd. */
export function importCml(text: string, options: CmlImportOptions = {}): CmlImportResult {
  const parsed = parseCml(text);
  if (!parsed.ok) return parsed;
  return { ok: true, ...cmlModelToDdd(parsed.model, options) };
}
