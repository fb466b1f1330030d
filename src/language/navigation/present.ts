/**
 * The elements of a list the parser built, without holes: when error recovery
 * abandons a rule, the list it was to join may hold `undefined` (seen for fields
 * whose type is cut off, `items: List<`). Navigation runs on half-typed text all
 * the time, so it reads the model's lists through this.
 */
export function present<T>(list: readonly (T | null | undefined)[] | null | undefined): T[] {
  if (!list) return [];
  for (const item of list) if (item === undefined || item === null) return list.filter((entry): entry is T => entry !== undefined && entry !== null);
  return list as T[];
}
