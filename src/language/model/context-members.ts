/**
 * What a bounded context holds, empty: the same lists for one `context` block
 * (as parsed) and for the merged context (as linked).
 */
import type { BoundedContext } from './elements';

export type ContextMembers = Pick<
  BoundedContext,
  'glossary' | 'aggregates' | 'repositories' | 'services' | 'streams' | 'readModels' | 'entities' | 'values' | 'enums' | 'commands' | 'events'
>;

export function emptyContextMembers(): ContextMembers {
  return {
    glossary: [],
    aggregates: [],
    repositories: [],
    services: [],
    streams: [],
    readModels: [],
    entities: [],
    values: [],
    enums: [],
    commands: [],
    events: [],
  };
}
