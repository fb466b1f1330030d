/**
 * What the C4 exports (Structurizr DSL, mermaid C4) draw: every bounded context
 * as a software system (external contexts as external systems, contexts named
 * in a context map but declared nowhere too), grouped by the domain of the
 * first subdomain they implement, and every context-map relationship between
 * two of them with its pattern and roles as its description. How teams depend
 * on each other (an organisational map) is no relationship between systems: left out.
 */
import type { BoundedContext } from '../model/elements';
import type { DddModel } from '../model/model';
import { allRelationships, relationshipLabel, type RelationshipView } from './context-relations';

export interface ArchitectureSystem {
  name: string;
  context?: BoundedContext;
  external: boolean;
  description: string;
  /** The domain it is grouped in (the domain of its first subdomain). */
  domain?: string;
  tags: string[];
}

export interface ArchitectureLink {
  from: string;
  to: string;
  label: string;
  symmetric: boolean;
  view: RelationshipView;
}

export interface ArchitectureModel {
  systems: ArchitectureSystem[];
  links: ArchitectureLink[];
}

export function architectureOf(model: DddModel): ArchitectureModel {
  const systems = new Map<string, ArchitectureSystem>();
  for (const context of model.contexts.values()) {
    const subdomain = context.subdomains[0];
    systems.set(context.name, {
      name: context.name,
      context,
      external: context.external,
      description: context.description ?? (context.external ? 'External system' : `Bounded context${subdomain ? ` of ${subdomain.domain.name}.${subdomain.name}` : ''}`),
      ...(subdomain ? { domain: subdomain.domain.name } : {}),
      tags: [context.external ? 'External' : 'Bounded Context', ...context.subdomains.flatMap((s) => (s.type ? [`${s.type} subdomain`] : []))],
    });
  }
  const links: ArchitectureLink[] = [];
  for (const view of allRelationships(model)) {
    if (view.first.name === '?' || view.second.name === '?' || view.first.team || view.second.team) continue;
    for (const name of [view.first.name, view.second.name]) {
      if (!systems.has(name)) systems.set(name, { name, external: false, description: 'Named in a context map, declared nowhere', tags: ['Undeclared'] });
    }
    links.push({ from: view.first.name, to: view.second.name, label: relationshipLabel(view), symmetric: view.symmetric, view });
  }
  return { systems: [...systems.values()], links };
}
