/**
 * Lists in messages, bounded: whatever a workspace holds, a message names at
 * most a few items and says how many it leaves out ("Sales.Order,
 * Billing.Order and 397 more"). Every list a finding's message (or its related
 * locations) shows goes through here, so that no message grows with the model.
 * docs/limits.md describes the caps.
 */
import { thousands } from './thousands';

/** The most items a message names; the rest are counted ("and 12 more"). */
export const MESSAGE_LIST_LIMIT = 5;

/** The most related locations a finding carries (each is a location the editor lists under the message). */
export const RELATED_LIMIT = 10;

export interface ListWording {
  /** Between items: `, ` unless given (` → ` for a cycle). */
  separator?: string;
  /** Between the last two items when all are shown: ` and `, ` or `; the separator unless given. */
  last?: string;
  /** The most items shown; MESSAGE_LIST_LIMIT unless given. */
  limit?: number;
  /** Keep repeated items (a cycle ends where it starts); each distinct item once unless set. */
  repeats?: boolean;
}

/** The distinct items, in first-seen order. */
export function distinct<T>(items: Iterable<T>): T[] {
  return [...new Set(items)];
}

/**
 * Items as words for a message, each once, at most `limit` of them:
 * `A, B or C`, or `A, B, C, D, E and 7 more` past the limit.
 */
export function boundedList(items: Iterable<string>, wording: ListWording = {}): string {
  const { separator = ', ', last = separator, limit = MESSAGE_LIST_LIMIT, repeats = false } = wording;
  const all = repeats ? [...items] : distinct(items);
  const shown = Math.max(1, limit);
  if (all.length <= shown) {
    if (all.length <= 1) return all[0] ?? '';
    return all.slice(0, -1).join(separator) + last + all[all.length - 1];
  }
  return `${all.slice(0, shown).join(separator)} and ${thousands(all.length - shown)} more`;
}

/** At most `limit` of a finding's related locations or data items (RELATED_LIMIT unless given). */
export function boundedItems<T>(items: readonly T[], limit = RELATED_LIMIT): T[] {
  return items.length <= limit ? [...items] : items.slice(0, limit);
}
