/**
 * The problem space at a glance: subdomains grouped by type (core, supporting,
 * generic) in subgraphs, and the bounded contexts that implement them.
 */
import type { SubdomainType } from '../model/elements';
import type { DddModel } from '../model/model';
import { contextCategory } from './context-map-graph';
import { addTo, DiagramWriter, sourceOf, type MermaidDiagram } from './diagram';
import { IdRegistry, quoted, quotedLines, wrapName } from './escape';
import { contextCategories, contextClassDef } from './theme';

const groups: { type: SubdomainType | undefined; id: string; title: string }[] = [
  { type: 'core', id: 'core', title: 'Core subdomains' },
  { type: 'supporting', id: 'supporting', title: 'Supporting subdomains' },
  { type: 'generic', id: 'generic', title: 'Generic subdomains' },
  { type: undefined, id: 'untyped', title: 'Subdomains without a type' },
];

const subdomainStyles: Record<string, string> = {
  sdCore: contextClassDef('core'),
  sdSupporting: contextClassDef('supporting'),
  sdGeneric: contextClassDef('generic'),
  sdUntyped: contextClassDef('unclassified'),
};

/** Long descriptions are cut to keep boxes readable. */
function short(text: string, max = 160): string {
  const chars = [...text];
  return chars.length > max ? chars.slice(0, max - 1).join('') + '…' : text;
}

export function domainDiagram(model: DddModel): MermaidDiagram {
  const writer = new DiagramWriter('flowchart LR');
  const subdomainIds = new IdRegistry('s');
  const contextIds = new IdRegistry('c');
  const classes = new Map<string, string[]>();
  const qualify = model.domains.length > 1;

  for (const group of groups) {
    const members = model.subdomains.filter((subdomain) => subdomain.type === group.type);
    if (!members.length) continue;
    writer.line(`subgraph ${group.id}[${quoted(group.title)}]`);
    writer.line('direction TB', 2);
    writer.extraNodes++;
    for (const subdomain of members) {
      const id = subdomainIds.id(subdomain, subdomain.name);
      const name = qualify ? `${subdomain.domain.name}.${subdomain.name}` : subdomain.name;
      writer.line(`${id}[${quotedLines([...wrapName(name), short(subdomain.description ?? '')])}]`, 2);
      writer.node({ id, name: subdomain.name, kind: 'subdomain', ...sourceOf({ uri: subdomain.uri, range: subdomain.nameRange }) });
      addTo(classes, `sd${group.id[0]!.toUpperCase()}${group.id.slice(1)}`, id);
    }
    writer.line('end');
  }

  const contexts = [...model.contexts.values()];
  const place = (title: string, id: string, list: typeof contexts) => {
    if (!list.length) return;
    writer.line(`subgraph ${id}[${quoted(title)}]`);
    writer.line('direction TB', 2);
    writer.extraNodes++;
    for (const context of list) {
      const contextId = contextIds.id(context, context.name);
      const [open, close] = context.external ? ['{{', '}}'] : ['(', ')'];
      writer.line(`${contextId}${open}${quotedLines(wrapName(context.name))}${close}`, 2);
      writer.node({ id: contextId, name: context.name, kind: 'context', ...sourceOf({ uri: context.uri, range: context.nameRange }) });
      addTo(classes, contextCategory(context), contextId);
    }
    writer.line('end');
  };
  place('Bounded contexts', 'contexts', contexts.filter((context) => !context.external && context.subdomains.length > 0));
  place('Contexts not mapped to a subdomain', 'unmapped', contexts.filter((context) => !context.external && context.subdomains.length === 0));
  place('External systems', 'externals', contexts.filter((context) => context.external));

  for (const context of contexts) {
    for (const subdomain of context.subdomains) writer.edge(`${contextIds.get(context)} -->|"implements"| ${subdomainIds.get(subdomain)}`);
  }
  const styles: Record<string, string> = { ...subdomainStyles };
  for (const category of contextCategories) styles[category] = contextClassDef(category);
  for (const [name, ids] of classes) {
    writer.line(`classDef ${name} ${styles[name]}`);
    writer.line(`class ${ids.join(',')} ${name}`);
  }
  if (writer.nodes.length === 0) writer.warnings.push('The model declares no domains, subdomains or bounded contexts yet.');
  return writer.finish('domains', 'Domains and subdomains');
}
