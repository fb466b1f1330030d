/**
 * `ddd export --format cml`: the model as a Context Mapper (CML) file that
 * Context Mapper's grammar accepts, so teams can keep using its generators.
 * Written in the grammar's order of parts (the one context map, the bounded
 * contexts and teams, the domains, the use cases and user stories, the
 * stakeholders, the value registers), names that are CML keywords escaped with
 * `^`. The writers are split by job: export-strategic.ts, export-context.ts,
 * export-tactic.ts, export-application.ts, export-requirements.ts. What CML
 * cannot say (sagas, storming boards, glossaries, streams, read models,
 * invariants, a command's `emits`, …) is listed in `notes`, one line per kind.
 */
import type { DddModel } from '../model/model';
import { requirementsBlocks } from './export-requirements';
import { contextBlock, contextMapBlock, domainBlock, teamBlock } from './export-strategic';
import { CmlWriter, Notes } from './export-writer';

export { cmlName } from './export-writer';

export interface CmlExport {
  text: string;
  /** What was not exported, one sentence per kind of thing. */
  notes: string[];
}

/** The model as CML text, and what could not be said in CML. */
export function exportCml(model: DddModel): CmlExport {
  const notes = new Notes();
  const out = new CmlWriter(notes);
  out.line('/* Exported from DDD Modeler (ddd export --format cml) */');
  contextMapBlock(out, model);
  for (const context of model.contexts.values()) contextBlock(out, context);
  for (const team of model.teams) teamBlock(out, team);
  for (const domain of model.domains) domainBlock(out, domain);
  requirementsBlocks(out, model);
  notes.add('saga (CML has no sagas; its Application flows are the nearest)', model.sagas.length);
  notes.add('storming board (CML has no event storming boards)', model.boards.length);
  return { text: out.lines.join('\n') + '\n', notes: notes.list() };
}
