/**
 * A .ddd model as lines a round-trip test can compare: per context, its
 * aggregates and their building blocks (kind, name, fields with types,
 * operations), services and repositories; the domains with their subdomains;
 * the relationships of the context maps, upstream first.
 */
import { normaliseRelationship } from '../../src/language/context-map/relationships';
import type { Field, Operation } from '../../src/language/model/elements';
import type { DddModel } from '../../src/language/model/model';

const fields = (list: readonly Field[]) => list.map((field) => `${field.name}: ${field.type?.text ?? '?'}`).join(', ');
const operations = (list: readonly Operation[]) =>
  list.map((operation) => `${operation.name}(${fields(operation.parameters)})${operation.returns ? ': ' + operation.returns.text : ''}`).join(', ');

export function modelSummary(model: DddModel): string[] {
  const lines: string[] = [];
  for (const domain of model.domains) {
    lines.push(`domain ${domain.name} ${domain.description ?? ''}`);
    for (const subdomain of domain.subdomains) lines.push(`  ${subdomain.type ?? '-'} subdomain ${subdomain.name} ${subdomain.description ?? ''}`);
  }
  for (const context of model.contexts.values()) {
    lines.push(`context ${context.name} implements ${context.subdomains.map((subdomain) => subdomain.name).join(', ')}`);
    for (const aggregate of context.aggregates) {
      lines.push(`  aggregate ${aggregate.name} ${aggregate.description ?? ''}`);
      for (const entity of aggregate.entities) lines.push(`    ${entity.root ? 'root ' : ''}entity ${entity.name} { ${fields(entity.fields)} } ops ${operations(entity.operations)}`);
      for (const value of aggregate.values) lines.push(`    value ${value.name} { ${fields(value.fields)} } ops ${operations(value.operations)}`);
      for (const type of aggregate.enums) lines.push(`    enum ${type.name} { ${type.values.map((value) => value.name).join(' ')} }`);
      for (const command of aggregate.commands) lines.push(`    command ${command.name} { ${fields(command.fields)} }`);
      for (const event of aggregate.events) lines.push(`    event ${event.name} { ${fields(event.fields)} }`);
    }
    for (const service of context.services) lines.push(`  service ${service.name} ${operations(service.operations)}`);
    for (const repository of context.repositories) lines.push(`  repository ${repository.name} for ${repository.aggregate?.text} ${operations(repository.operations)}`);
  }
  for (const map of model.contextMaps) {
    for (const relationship of map.relationships) {
      const normalised = normaliseRelationship(relationship);
      const roles = (side: { known: readonly { name: { text: string } }[] }) => side.known.map((role) => role.name.text).sort().join(',');
      if (normalised.symmetric) {
        const [a, b] = normalised.sides.map((side) => `${side.side.context?.text}[${roles(side)}]`).sort();
        lines.push(`  ${a} <-> ${b}`);
      } else lines.push(`  ${normalised.upstream?.side.context?.text}[${roles(normalised.upstream!)}] -> ${normalised.downstream?.side.context?.text}[${roles(normalised.downstream!)}]`);
    }
  }
  return lines;
}
