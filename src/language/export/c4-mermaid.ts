/**
 * A mermaid C4 context diagram (`C4Context`): the bounded contexts as systems
 * (external ones as `System_Ext`) in an `Enterprise_Boundary` per domain, and
 * the context-map relationships as `Rel` (upstream to downstream) or `BiRel`
 * (partnership, shared kernel) with their pattern and roles.
 */
import { IdRegistry, mermaidText } from '../diagrams/escape';
import type { DddModel } from '../model/model';
import { architectureOf, type ArchitectureSystem } from './architecture-elements';
import type { ModelExportResult } from './types';

function quotedC4(text: string): string {
  return `"${mermaidText(text, 'keep')}"`;
}

export function c4MermaidExport(model: DddModel): ModelExportResult {
  return { files: [{ path: 'c4-context.mmd', text: c4MermaidDiagram(model) }], warnings: [] };
}

export function c4MermaidDiagram(model: DddModel, title = 'Bounded contexts'): string {
  const { systems, links } = architectureOf(model);
  const ids = new IdRegistry('c');
  const boundaries = new IdRegistry('b');
  const lines = ['C4Context', `  title ${mermaidText(title)}`];
  const system = (entry: ArchitectureSystem, indent: string) =>
    lines.push(`${indent}${entry.external ? 'System_Ext' : 'System'}(${ids.id(entry.name, entry.name)}, ${quotedC4(entry.name)}, ${quotedC4(entry.description)})`);
  const domains = [...new Set(systems.flatMap((entry) => (entry.domain !== undefined ? [entry.domain] : [])))];
  for (const domain of domains) {
    lines.push(`  Enterprise_Boundary(${boundaries.id(domain, domain)}, ${quotedC4(domain)}) {`);
    for (const entry of systems) if (entry.domain === domain) system(entry, '    ');
    lines.push('  }');
  }
  for (const entry of systems) if (entry.domain === undefined) system(entry, '  ');
  for (const link of links) {
    lines.push(`  ${link.symmetric ? 'BiRel' : 'Rel'}(${ids.id(link.from, link.from)}, ${ids.id(link.to, link.to)}, ${quotedC4(link.label)})`);
  }
  return lines.join('\n') + '\n';
}
