/**
 * Names as written: a qualified name (`Sales.Order`) and its last segment.
 */

/** The last segment of a possibly qualified name: `Sales.OrderCreated` → `OrderCreated`. */
export function simpleName(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot < 0 ? name : name.slice(dot + 1);
}
