/**
 * A choreographed saga as a mermaid event flow, read from `choreographyOf`:
 * the triggering commands (blue), the events (orange), each participant's
 * reaction as a box (compensating reactions dashed and marked ↩), `or` and `and`
 * joins as small OR / AND nodes, `else` outcomes as dashed edges to failure
 * events, and reactions or joins that can never fire greyed out.
 */
import type { Saga } from '../model/elements';
import { choreographyOf, type Choreography } from '../sagas/choreography';
import { addTo, DiagramWriter, sourceOf, type MermaidDiagram } from './diagram';
import { IdRegistry, quoted, quotedLines, wrapName } from './escape';
import { stickyStyles } from './theme';

const flowStyles: Record<string, string> = {
  command: `fill:${stickyStyles.command.colour},stroke:#1864ab,color:#0b1f33`,
  event: `fill:${stickyStyles.event.colour},stroke:#d9480f,color:#212529`,
  failure: `fill:#ffe3e3,stroke:#e03131,stroke-width:2px,color:#c92a2a`,
  reaction: 'fill:#ffffff,stroke:#495057,color:#212529',
  compensation: 'fill:#f3f0ff,stroke:#7048e8,stroke-width:2px,stroke-dasharray:6 3,color:#212529',
  joinAnd: 'fill:#212529,stroke:#212529,color:#ffffff,font-size:11px',
  joinOr: 'fill:#ffffff,stroke:#212529,color:#212529,font-size:11px',
  dead: 'fill:#f8f9fa,stroke:#adb5bd,stroke-dasharray:3 3,color:#868e96',
};

export function sagaFlowDiagram(saga: Saga, choreography: Choreography = choreographyOf(saga)): MermaidDiagram {
  const writer = new DiagramWriter('flowchart LR');
  const title = `${saga.name}: event flow`;
  if (saga.style !== 'choreographed') writer.warnings.push(`${saga.name} is orchestrated: see its state machine and sequence.`);
  const names = new IdRegistry('e');
  const classes = new Map<string, string[]>();
  const triggers = new Set(choreography.triggers);
  const failureOnly = (name: string) => {
    const emissions = choreography.emitters.get(name);
    return !!emissions?.length && emissions.every((emission) => emission.outcome === 'failure');
  };

  // every name, in order of appearance: triggers, then what reactions listen to and emit
  const order: string[] = [...choreography.triggers];
  for (const reaction of choreography.reactions) order.push(...reaction.listensTo, ...reaction.emits, ...reaction.otherwise);
  for (const name of new Set(order)) {
    const id = names.id(name, name);
    const command = triggers.has(name);
    writer.line(command ? `${id}[${quotedLines(wrapName(name))}]` : `${id}(${quotedLines(wrapName(name))})`);
    const reference = choreography.saga.reactions.flatMap((r) => [...r.triggers, ...r.emits, ...r.otherwise]).find((ref) => ref.text === name);
    const target = reference?.target;
    writer.node({ id, name, kind: command ? 'command' : 'event', ...(target && 'nameRange' in target ? sourceOf({ uri: target.uri, range: target.nameRange }) : {}) });
    addTo(classes, command ? 'command' : failureOnly(name) ? 'failure' : 'event', id);
    if (!command && !choreography.flow.possible.has(name)) addTo(classes, 'dead', id);
  }

  for (const reaction of choreography.reactions) {
    const id = `r${reaction.index + 1}`;
    const participant = reaction.participant ?? '(no participant)';
    const lines = [reaction.compensates ? `↩ ${participant}` : participant];
    if (reaction.compensates) lines.push('compensates');
    writer.line(`${id}[${quotedLines(lines)}]`);
    writer.node({ id, name: participant, kind: 'reaction', ...sourceOf(reaction.source) });
    const canFire = choreography.flow.canFire[reaction.index] !== false;
    addTo(classes, !canFire ? 'dead' : reaction.compensates ? 'compensation' : 'reaction', id);

    const listened = [...new Set(reaction.listensTo)];
    if (listened.length > 1) {
      const join = `j${reaction.index + 1}`;
      const word = reaction.join === 'and' ? 'AND' : reaction.join === 'mixed' ? 'OR (mixed)' : 'OR';
      writer.line(`${join}((${quoted(word)}))`);
      writer.extraNodes++;
      addTo(classes, reaction.join === 'and' ? 'joinAnd' : 'joinOr', join);
      if (!canFire) addTo(classes, 'dead', join);
      for (const name of listened) writer.edge(`${names.get(name)} --> ${join}`);
      writer.edge(`${join} --> ${id}`);
    } else if (listened.length === 1) {
      writer.edge(`${names.get(listened[0])} --> ${id}`);
    }
    for (const name of reaction.emits) writer.edge(`${id} --> ${names.get(name)}`);
    for (const name of reaction.otherwise) writer.edge(`${id} -.->|"else"| ${names.get(name)}`);
  }
  // `dead` last: its grey wins over the other classes
  for (const [name, ids] of [...classes].sort(([a], [b]) => Number(a === 'dead') - Number(b === 'dead'))) {
    writer.line(`classDef ${name} ${flowStyles[name]}`);
    writer.line(`class ${ids.join(',')} ${name}`);
  }
  return writer.finish('saga-flow', title, saga.name);
}
