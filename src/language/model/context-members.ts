/** What a bounded context holds, empty (for a `context` block as parsed, and for the merged context). */
import { contextMemberKeys } from '../syntax/constructs';
import type { ContextMembers } from './elements';

/** One empty list per member list of the constructs table. */
export function emptyContextMembers(): ContextMembers {
  const members: Partial<Record<keyof ContextMembers, unknown[]>> = {};
  for (const key of contextMemberKeys) members[key] = [];
  return members as ContextMembers;
}
