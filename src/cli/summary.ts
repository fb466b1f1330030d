/**
 * `ddd summary`: what the model contains, in a few lines — domains and their
 * subdomains, bounded contexts, context maps, sagas and storming boards; with
 * `--format json`, the count and names of every kind of element, for scripts.
 */
import { stickyStyles } from '../language/diagrams/theme';
import { elementCensus, type ElementCensus } from '../language/model/element-census';
import type { StickyType } from '../language/model/elements';
import type { DddModel } from '../language/model/model';
import { stickyTypes } from '../language/syntax/constructs';
import { pluralOf } from '../language/util/plural';
import { checkInputs } from './check';
import { exitCodes, UsageError, type CliCommand } from './command';
import { countSeverities, formatCounts, table, type SeverityCounts } from './format';

function pluralWord(count: number, word: string): string {
  return `${count} ${count === 1 ? word : pluralOf(word)}`;
}

function quote(text: string | undefined): string {
  if (!text) return '';
  const short = text.length > 60 ? text.slice(0, 59) + '…' : text;
  return `"${short}"`;
}

/** The summary as text; `findings` is the line about the findings. */
export function renderSummary(model: DddModel, fileCount: number, findings: string): string {
  const contexts = [...model.contexts.values()];
  const external = contexts.filter((context) => context.external).length;
  const lines: string[] = [];
  const headline = [
    pluralWord(fileCount, 'file'),
    pluralWord(model.domains.length, 'domain'),
    pluralWord(contexts.length, 'bounded context') + (external ? ` (${external} external)` : ''),
    pluralWord(model.contextMaps.length, 'context map'),
    pluralWord(model.sagas.length, 'saga'),
    pluralWord(model.boards.length, 'storming board'),
  ];
  lines.push(`Model: ${headline.join(', ')}`);

  if (model.domains.length) {
    lines.push('', 'Domains');
    for (const domain of model.domains) {
      lines.push(`  ${domain.name}${domain.description ? '  ' + quote(domain.description) : ''}`);
      const rows = domain.subdomains.map((subdomain) => [
        subdomain.type ?? '',
        subdomain.name,
        subdomain.implementedBy.length ? '→ ' + subdomain.implementedBy.map((context) => context.name).join(', ') : '(no context implements it)',
      ]);
      if (rows.length) lines.push(table(rows, '    '));
    }
  }

  if (contexts.length) {
    lines.push('', 'Bounded contexts');
    const rows = contexts.map((context) => {
      const parts: string[] = [];
      if (context.external) parts.push('external');
      if (context.subdomains.length) parts.push('implements ' + context.subdomains.map((subdomain) => subdomain.name).join(', '));
      if (context.owner) parts.push(`owner ${quote(context.owner.text)}`);
      const files = new Set(context.declarations.map((declaration) => declaration.uri)).size;
      if (files > 1) parts.push(`in ${files} files`);
      const aggregates = context.external && context.aggregates.length === 0 ? '' : pluralWord(context.aggregates.length, 'aggregate');
      return [context.name, aggregates, parts.join(', ')];
    });
    lines.push(table(rows));
  }

  if (model.contextMaps.length) {
    lines.push('', 'Context maps');
    lines.push(table(model.contextMaps.map((map) => [map.name, pluralWord(map.relationships.length, 'relationship')])));
  }

  if (model.sagas.length) {
    lines.push('', 'Sagas');
    const rows = model.sagas.map((saga) => {
      if (saga.style === 'orchestrated') {
        return [saga.name, `orchestrated${saga.orchestrator ? ' by ' + saga.orchestrator.text : ''}`, pluralWord(saga.steps.length, 'step')];
      }
      const participants = new Set(saga.reactions.map((reaction) => reaction.participant?.text).filter(Boolean)).size;
      return [saga.name, 'choreographed', `${pluralWord(saga.reactions.length, 'step')}, ${pluralWord(participants, 'participant')}`];
    });
    lines.push(table(rows));
  }

  if (model.boards.length) {
    lines.push('', 'Storming boards');
    const rows = model.boards.map((board) => {
      const counts = new Map<StickyType, number>();
      for (const sticky of board.stickies) counts.set(sticky.type, (counts.get(sticky.type) ?? 0) + 1);
      const detail = stickyTypes.filter((type) => counts.get(type)).map((type) => pluralWord(counts.get(type)!, stickyStyles[type].label));
      return [board.name, pluralWord(board.stickies.length, 'sticky') + (detail.length ? ': ' + detail.join(', ') : '')];
    });
    lines.push(table(rows));
  }

  lines.push('', findings);
  return lines.join('\n') + '\n';
}

/** What `ddd summary --format json` prints. */
export interface SummaryJson {
  files: number;
  /** Every kind of element (the model's kind names, in a fixed order), with its count and its declarations' names. */
  elements: ElementCensus;
  findings: SeverityCounts;
}

export function summaryJson(model: DddModel, fileCount: number, findings: SeverityCounts): SummaryJson {
  return { files: fileCount, elements: elementCensus(model), findings };
}

export const summaryCommand: CliCommand = {
  name: 'summary',
  summary: 'Summarise the model: domains, contexts, context maps, sagas, storming boards',
  usage: 'ddd summary [--format text|json] [files or folders…]',
  description: [
    'Reads the given .ddd files and folders (default: the current folder) as one workspace and summarises the model.',
    'Run `ddd check` for the findings themselves.',
    '',
    'With --format json it prints { files, elements, findings }: `elements` has every kind of element, always in the same order',
    '(domain, subdomain, context, contextmap, relationship, aggregate, entity, …), each as { count, names }, names sorted and written',
    'as paths (Sales.Order.OrderItem); relationships, saga steps and reactions and stickies have no names of their own.',
    '`findings` counts them by severity. It prints this JSON even when a path is wrong (then with the problem on stderr and exit code 2).',
  ].join('\n'),
  options: {
    format: { type: 'string', value: '<text|json>', description: 'text (default), or json: the count and names of every kind of element, for scripts' },
  },
  run({ args, options, cwd, out }) {
    const format = (options['format'] as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json') throw new UsageError(`--format must be text or json, not '${format}'`);
    const { files, problems, result, findings } = checkInputs(args, cwd, out);
    if (format === 'json') {
      out.stdout(JSON.stringify(summaryJson(result.model, files.length, countSeverities(findings)), null, 2) + '\n');
    } else if (files.length > 0) {
      const counts = countSeverities(findings);
      const line = `Findings: ${formatCounts(counts)}${counts.error + counts.warning + counts.info ? ' (run ddd check for details)' : ''}`;
      out.stdout(renderSummary(result.model, files.length, line));
    }
    return problems.length ? exitCodes.usage : exitCodes.ok;
  },
};
