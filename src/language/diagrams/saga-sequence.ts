/**
 * An orchestrated saga as a mermaid sequence diagram: the orchestrator and the
 * participants, each step's command as a message and its reply as a dashed
 * return, the state persisted after each step as a note, and for each step that
 * can fail an `alt` block whose `else` shows the failure path with its
 * compensations; steps after the pivot are retried in a `loop`.
 *
 * A failure late in a long saga undoes every step before it: drawn in full, the
 * diagram would grow with the square of the steps. Each failure path draws its
 * first COMPENSATIONS_DRAWN compensations and sums up the rest in one note, so
 * the diagram stays linear in the saga.
 */
import type { Saga } from '../model/elements';
import { orchestrationOf, type Orchestration, type OrchestrationStep } from '../sagas/orchestration';
import { DiagramWriter, type MermaidDiagram } from './diagram';
import { IdRegistry, mermaidText } from './escape';

/** The compensations drawn as messages on one failure path; the rest are summed up in a note. */
export const COMPENSATIONS_DRAWN = 3;

export function sagaSequenceDiagram(saga: Saga, orchestration: Orchestration = orchestrationOf(saga)): MermaidDiagram {
  const writer = new DiagramWriter('sequenceDiagram');
  const title = `${saga.name}: sequence`;
  if (saga.style !== 'orchestrated') writer.warnings.push(`${saga.name} is choreographed: it has no orchestrator to draw a sequence for (see its event flow).`);
  const ids = new IdRegistry('p');
  const orchestrator = 'orchestrator';
  ids.reserve(orchestrator);
  const orchestratorName = orchestration.orchestrator ? `${saga.name} orchestrator (${orchestration.orchestrator})` : `${saga.name} orchestrator`;
  writer.line(`participant ${orchestrator} as ${mermaidText(orchestratorName)}`);
  writer.node({ id: orchestrator, name: saga.name, kind: 'saga', uri: saga.uri, range: { start: saga.nameRange.start, end: saga.nameRange.end } });
  const participantOf = (step: OrchestrationStep): string => (step.participant === undefined ? orchestrator : ids.get(step.participant)!);
  for (const step of orchestration.steps) {
    if (step.participant === undefined || ids.get(step.participant)) continue;
    const id = ids.id(step.participant, step.participant);
    writer.line(`participant ${id} as ${mermaidText(step.participant)}`);
    const target = step.source.participant?.target;
    writer.node({ id, name: step.participant, kind: 'context', ...(target ? { uri: target.uri, range: { start: target.nameRange.start, end: target.nameRange.end } } : {}) });
  }
  const note = (text: string, indent: number) => writer.line(`Note over ${orchestrator}: ${mermaidText(text)}`, indent);
  const send = (to: string, command: string, indent: number) => writer.edge(`${orchestrator}->>${to}: ${mermaidText(command || '(no command)')}`, indent);
  const reply = (from: string, text: string, indent: number) => writer.edge(`${from}-->>${orchestrator}: ${mermaidText(text)}`, indent);

  note(orchestration.start, 1);
  for (const step of orchestration.steps) {
    const participant = participantOf(step);
    const path = step.onFailure;
    const replyText = step.reply ?? `${step.command} done`;
    if (step.index === orchestration.pivot) {
      writer.line(`Note over ${orchestrator},${participant}: ${mermaidText(`pivot: ${step.command} cannot be compensated; the steps after it are retried until they succeed`)}`);
    }
    if (path.mode === 'retry') {
      writer.line(`loop ${mermaidText(`until ${step.command} succeeds (retried, never compensated)`)}`);
      send(participant, step.command, 2);
      writer.line('end');
      reply(participant, replyText, 1);
      note(step.successState, 1);
      continue;
    }
    send(participant, step.command, 1);
    writer.line(`alt ${mermaidText(`${step.command} succeeds`)}`);
    reply(participant, replyText, 2);
    note(step.successState, 2);
    writer.line(`else ${mermaidText(`${step.command} fails`)}`);
    writer.edge(`${participant}--x${orchestrator}: ${mermaidText(`${step.command} failed`)}`, 2);
    if (path.failureState !== undefined) note(path.failureState, 2);
    for (const run of path.compensations.slice(0, COMPENSATIONS_DRAWN)) {
      const undone = orchestration.steps[run.step]!;
      send(participantOf(undone), run.command, 2);
      reply(participantOf(undone), `${run.command} done`, 2);
      note(run.to, 2);
    }
    const rest = path.compensations.slice(COMPENSATIONS_DRAWN);
    if (rest.length) {
      const last = rest[rest.length - 1]!;
      const commands = rest.length === 1 ? last.command : `${rest[0]!.command} … ${last.command}`;
      note(`then ${rest.length} more compensation${rest.length === 1 ? '' : 's'} in reverse step order (${commands}), ending in ${last.to}`, 2);
    }
    if (path.notUndone.length) {
      note(`not undone: ${path.notUndone.map((index) => orchestration.steps[index]!.command).join(', ')} (no compensation)`, 2);
    }
    if (path.compensations.length === 0 && path.failureState !== path.end) note(path.end, 2);
    writer.line('end');
  }
  return writer.finish('saga-sequence', title, saga.name);
}
