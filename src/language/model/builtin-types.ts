/**
 * Types every model may use without declaring them, and the identity-type rule:
 * an undeclared type whose name ends in `Id` (`OrderId`) identifies an entity.
 */
export const builtinTypes: ReadonlySet<string> = new Set([
  'Int', 'Long', 'Decimal', 'Double', 'Float', 'Number', 'String', 'Text', 'Boolean', 'Bool',
  'Date', 'Time', 'DateTime', 'Instant', 'Duration', 'UUID', 'Bytes', 'Json', 'Url', 'Email',
  'List', 'Set', 'Map', 'Optional',
]);

/** How many type arguments each generic built-in takes. */
export const genericArity: Readonly<Record<string, number>> = { List: 1, Set: 1, Map: 2, Optional: 1 };

export function isBuiltinType(name: string): boolean {
  return builtinTypes.has(name);
}

export function isIdentityTypeName(name: string): boolean {
  return /^[A-Z][A-Za-z0-9_]*Id$/.test(name) || name === 'UUID';
}
