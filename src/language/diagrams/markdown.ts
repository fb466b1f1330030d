/**
 * The model as one Markdown document with a ```mermaid block per view, which
 * GitHub and most Markdown viewers draw: domains, the context map (with its
 * relationships as a table), each bounded context (owner, glossary, aggregates,
 * its domain events with what emits and what hears them),
 * each saga and each storming board.
 */
import type { Diagnostic } from '../diagnostics';
import { normaliseRelationship, patternNames } from '../context-map/relationships';
import type { BoundedContext } from '../model/elements';
import { eventFlowOf, partyWords, type FlowParty } from '../model/event-flow';
import type { DddModel } from '../model/model';
import { aggregateDiagram, contextsWithAggregates } from './aggregates';
import { processDiagram } from './application-flows';
import { contextMapDiagram } from './context-map';
import type { MermaidDiagram } from './diagram';
import { domainDiagram } from './domains';
import { markdownText, mermaidFence } from './escape';
import { sagaDiagrams } from './sagas';
import { stormingDiagram } from './storming-diagram';
import { isViewName, viewNames, type ViewName } from './view-names';
import { findView, isViewProblem, unknownViewProblem, type ViewSubject } from './views';

export interface MarkdownOptions {
  /** The document's heading (default `Domain model`). */
  title?: string;
  /** The views to include, in this order (default: all, domains first). */
  views?: readonly ViewName[];
  /** Narrows the views as in `viewDiagrams` (a context map or context, a saga, a board). */
  name?: string;
  /** Findings to show as hotspots on storming boards. */
  diagnostics?: readonly Diagnostic[];
}

function block(diagram: MermaidDiagram): string[] {
  const out: string[] = [];
  if (diagram.tooLarge) {
    out.push(
      `> This diagram is large (${diagram.size.nodes} nodes, ${diagram.size.edges} edges): Markdown viewers may draw it slowly or refuse it. ` +
        '`ddd export --view context-map --format svg` draws big context maps without mermaid.',
      '',
    );
  }
  for (const warning of diagram.warnings) out.push(`> ${markdownText(warning)}`, '');
  out.push(mermaidFence(diagram.text), '');
  return out;
}

function table(header: string[], rows: string[][]): string[] {
  return [`| ${header.join(' | ')} |`, `| ${header.map(() => '---').join(' | ')} |`, ...rows.map((row) => `| ${row.join(' | ')} |`), ''];
}

/** A context's domain events with what emits them and what hears them, as an event catalogue lists them. */
function eventCatalogue(model: DddModel, context: BoundedContext): string[] {
  const events = [...context.events, ...context.aggregates.flatMap((aggregate) => aggregate.events)];
  if (!events.length) return [];
  const words = (parties: readonly FlowParty[]) => parties.map((party) => partyWords(party, markdownText)).join('; ') || '—';
  const rows = events.map((event) => {
    const flow = eventFlowOf(model, event);
    return [`**${markdownText(event.name)}**`, words(flow.causes), words(flow.listeners)];
  });
  return ['**Domain events**', '', ...table(['Event', 'Emitted by', 'Heard by'], rows)];
}

/** The document's order: the problem space (domains), then the solution space from the outside in (the views' own order). */
const documentOrder: readonly ViewName[] = ['domains', ...viewNames.filter((view) => view !== 'domains')];

/**
 * Why a document of these views cannot be written: a view that does not exist,
 * or a `name` that no view knows (for one view, in findView's words, as the
 * CLI and the preview say it); undefined when the document can be written.
 */
export function markdownProblem(model: DddModel, options: { views?: readonly string[]; name?: string }): string | undefined {
  const unknown = options.views?.find((view) => !isViewName(view));
  if (unknown !== undefined) return unknownViewProblem(unknown);
  if (options.name === undefined) return undefined;
  const views = (options.views ?? documentOrder).filter((view) => view !== 'domains');
  const problems: string[] = [];
  for (const view of views) {
    const found = findView(model, view, options.name);
    if (!isViewProblem(found)) return undefined;
    problems.push(found.problem);
  }
  return problems.length === 1 ? problems[0] : `There is no context map, bounded context, saga or storming board named ${options.name}`;
}

export function toMarkdown(model: DddModel, options: MarkdownOptions = {}): string {
  const views = options.views ?? documentOrder;
  const name = options.name;
  const out: string[] = [`# ${markdownText(options.title ?? 'Domain model')}`, ''];
  // what the name means to each view, as findView decides it for the CLI and the preview: a view that does not know it is left out
  const subject = (view: ViewName): ViewSubject | undefined => {
    const found = findView(model, view, name, options.diagnostics);
    return isViewProblem(found) ? undefined : found;
  };
  const section = (view: ViewName) => {
    switch (view) {
      case 'domains':
        if (!model.domains.length && !model.contexts.size) return;
        out.push('## Domains and subdomains', '', ...block(domainDiagram(model)));
        return;
      case 'context-map': {
        const found = subject(view);
        if (!model.contextMaps.length || found?.view !== 'context-map') return;
        out.push('## Context map', '');
        const { focus, map: mapName } = found;
        let diagrams = [contextMapDiagram(model, focus !== undefined ? { focus } : mapName !== undefined ? { map: mapName } : {})];
        // too big as one: one diagram per context map
        if (diagrams[0]!.tooLarge && focus === undefined && mapName === undefined && model.contextMaps.length > 1) {
          diagrams = model.contextMaps.map((map) => contextMapDiagram(model, { map: map.name }));
        }
        for (const diagram of diagrams) {
          if (diagrams.length > 1) out.push(`### ${markdownText(diagram.title)}`, '');
          out.push(...block(diagram));
        }
        const rows: string[][] = [];
        for (const map of model.contextMaps) {
          if (mapName !== undefined && map.name !== mapName) continue;
          for (const relationship of map.relationships) {
            const normalised = normaliseRelationship(relationship);
            const names = normalised.sides.map((side) => side.side.context?.text ?? '?');
            if (focus !== undefined && !names.includes(focus)) continue;
            const side = (index: 0 | 1) => {
              const s = normalised.sides[index];
              return markdownText(s.side.context?.text ?? '?') + (s.roles.length ? ` \\[${s.roles.map((role) => markdownText(role.name.text)).join(', ')}\\]` : '');
            };
            const patterns = normalised.patterns.map((pattern) => patternNames[pattern]).join(', ');
            const shared = relationship.shared.map((reference) => markdownText(reference.text)).join(', ');
            rows.push([markdownText(map.name), side(0), `\`${relationship.arrow ?? '?'}\``, side(1), markdownText(patterns) + (shared ? ` (shares ${shared})` : '')]);
          }
        }
        if (rows.length) out.push(...table(['Map', 'Left', '', 'Right', 'Patterns'], rows));
        return;
      }
      case 'aggregates': {
        const found = subject(view);
        if (found?.view !== 'aggregates') return;
        // every context the model declares (not only those with aggregates), or the one named
        const contexts = [...model.contexts.entries()].filter(([key, context]) => (name === undefined ? !context.external : found.contexts.includes(key)));
        if (!contexts.length) return;
        const drawable = new Set(contextsWithAggregates(model));
        out.push('## Bounded contexts', '');
        for (const [key, context] of contexts) {
          out.push(`### ${markdownText(context.name)}${context.external ? ' (external system)' : ''}`, '');
          const facts: string[] = [];
          if (context.description) facts.push(markdownText(context.description));
          if (context.owner) facts.push(`Owner: ${markdownText(context.owner.text)}`);
          if (context.subdomains.length) facts.push(`Implements: ${context.subdomains.map((s) => `${markdownText(s.name)}${s.type ? ` (${s.type})` : ''}`).join(', ')}`);
          if (facts.length) out.push(...facts.map((fact) => `${fact}  `), '');
          if (context.glossary.length) {
            out.push(...table(['Term', 'Meaning'], context.glossary.map((term) => [`**${markdownText(term.name)}**`, markdownText(term.definition)])));
          }
          if (drawable.has(key)) out.push(...block(aggregateDiagram(model, key)));
          out.push(...eventCatalogue(model, context));
        }
        return;
      }
      case 'saga': {
        const found = subject(view);
        if (found?.view !== 'saga' || !found.sagas.length) return;
        const sagas = found.sagas;
        out.push('## Sagas', '');
        for (const saga of sagas) {
          const how = saga.style === 'orchestrated' ? `orchestrated${saga.orchestrator ? ` by ${markdownText(saga.orchestrator.text)}` : ''}` : 'choreographed';
          out.push(`### ${markdownText(saga.name)} (${how})`, '');
          if (saga.description) out.push(markdownText(saga.description), '');
          for (const diagram of sagaDiagrams(saga)) {
            out.push(`**${markdownText(diagram.title.slice(saga.name.length + 2))}**`, '', ...block(diagram));
          }
        }
        return;
      }
      case 'flows': {
        const found = subject(view);
        if (found?.view !== 'flows' || !found.drawings.length) return;
        out.push('## Flows, coordinations and lifecycles', '');
        for (const drawing of found.drawings) {
          const diagram = processDiagram(model, drawing);
          out.push(`### ${markdownText(diagram.title)}`, '', ...block(diagram));
        }
        return;
      }
      case 'storming': {
        if (!model.boards.length && name === undefined) return;
        const found = subject(view);
        if (found?.view !== 'storming' || !found.boards.length) return;
        const views = found.boards;
        out.push('## Event storming', '');
        for (const view of views) {
          out.push(`### ${markdownText(view.name)}`, '');
          out.push(view.legend.map((entry) => `${markdownText(entry.label)} (${entry.colour})`).join(' · '), '');
          out.push(...block(stormingDiagram(view)));
        }
        return;
      }
    }
  };
  for (const view of views) section(view);
  return out.join('\n').replace(/\n{3,}/g, '\n\n').trimEnd() + '\n';
}
