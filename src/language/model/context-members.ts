/** What a bounded context holds, empty (for a `context` block as parsed, and for the merged context). */
import type { ContextMembers } from './elements';

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
