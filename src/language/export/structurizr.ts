/**
 * A Structurizr DSL workspace: the bounded contexts as software systems
 * (external contexts tagged `External`, grouped by domain), the context-map
 * relationships between them with their pattern and roles as descriptions,
 * and a system landscape view of them all.
 *
 * Strings are quoted, one line each, with `\` and `"` escaped; identifiers
 * come from an IdRegistry, never from model text.
 */
import { IdRegistry } from '../diagrams/escape';
import type { DddModel } from '../model/model';
import { architectureOf, type ArchitectureSystem } from './architecture-elements';
import { oneLine } from './keys';
import type { ModelExportResult } from './types';

/** Model text as a quoted Structurizr DSL string. */
export function dslString(text: string): string {
  // `${NAME}` would be replaced by a constant: the `$` before a brace is written as a full-width dollar sign
  return `"${oneLine(text).replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\$\{/g, '\uff04{')}"`;
}

export function structurizrExport(model: DddModel, title = 'Domain model'): ModelExportResult {
  return { files: [{ path: 'workspace.dsl', text: structurizrWorkspace(model, title) }], warnings: [] };
}

export function structurizrWorkspace(model: DddModel, title = 'Domain model'): string {
  const { systems, links } = architectureOf(model);
  const ids = new IdRegistry('c');
  const lines = [`workspace ${dslString(title)} ${dslString('Bounded contexts and their relationships, exported from the .ddd model')} {`, '', '  model {'];
  const system = (entry: ArchitectureSystem, indent: string) => {
    lines.push(`${indent}${ids.id(entry.name, entry.name)} = softwareSystem ${dslString(entry.name)} ${dslString(entry.description)} {`);
    lines.push(`${indent}  tags ${entry.tags.map(dslString).join(' ')}`);
    if (entry.context?.owner) lines.push(`${indent}  properties {`, `${indent}    "owner" ${dslString(entry.context.owner.text)}`, `${indent}  }`);
    lines.push(`${indent}}`);
  };
  const domains = [...new Set(systems.flatMap((entry) => (entry.domain !== undefined ? [entry.domain] : [])))];
  for (const domain of domains) {
    lines.push(`    group ${dslString(domain)} {`);
    for (const entry of systems) if (entry.domain === domain) system(entry, '      ');
    lines.push('    }');
  }
  for (const entry of systems) if (entry.domain === undefined) system(entry, '    ');
  lines.push('');
  const seen = new Set<string>();
  for (const link of links) {
    const from = ids.id(link.from, link.from);
    const to = ids.id(link.to, link.to);
    // Structurizr refuses two relationships with the same description between the same elements
    const key = `${from}\u0000${to}\u0000${link.label}`;
    if (from === to || seen.has(key)) continue;
    seen.add(key);
    lines.push(`    ${from} -> ${to} ${dslString(link.label)} "" {`);
    lines.push(`      tags ${dslString(link.symmetric ? 'Symmetric' : 'Upstream-Downstream')} ${link.view.patterns.map(dslString).join(' ')}`.trimEnd());
    lines.push('    }');
  }
  lines.push('  }', '', '  views {');
  lines.push(`    systemLandscape ${dslString('ContextMap')} ${dslString('The bounded contexts and their relationships')} {`, '      include *', '      autoLayout lr', '    }');
  lines.push('    styles {');
  lines.push('      element "Bounded Context" {', '        shape RoundedBox', '        background #1168bd', '        color #ffffff', '      }');
  lines.push('      element "External" {', '        background #999999', '        color #ffffff', '      }');
  lines.push('      relationship "Symmetric" {', '        dashed false', '      }');
  lines.push('    }', '  }', '}', '');
  return lines.join('\n');
}
