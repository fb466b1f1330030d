/**
 * Types every model may use without declaring them, and the identity-type rule:
 * an undeclared type whose name ends in `Id` (`OrderId`) identifies an entity.
 */
export const builtinTypes: ReadonlySet<string> = new Set([
  'Int', 'Long', 'Decimal', 'Double', 'Float', 'Number', 'String', 'Text', 'Boolean', 'Bool',
  'Date', 'Time', 'DateTime', 'Instant', 'Duration', 'UUID', 'Bytes', 'Json', 'Url', 'Email',
  'List', 'Set', 'Map', 'Optional',
  // Context Mapper's Object, Blob and Bag<T>
  'Any', 'Binary', 'Bag',
]);

/** How many type arguments each generic built-in takes. */
export const genericArity: Readonly<Record<string, number>> = { List: 1, Set: 1, Bag: 1, Map: 2, Optional: 1 };

/** The built-in types by first character: a few string comparisons, where a set would hash every name it is asked about. */
const byFirstCharacter: string[][] = [];
for (const type of builtinTypes) (byFirstCharacter[type.charCodeAt(0)] ??= []).push(type);

export function isBuiltinType(name: string): boolean {
  const candidates = byFirstCharacter[name.charCodeAt(0)];
  if (candidates === undefined) return false;
  for (const type of candidates) if (type.length === name.length && type === name) return true;
  return false;
}

export function isIdentityTypeName(name: string): boolean {
  // most names do not end in `Id`: two character tests spare them the pattern
  const length = name.length;
  if (length > 2 && name.charCodeAt(length - 1) === 100 /* d */ && name.charCodeAt(length - 2) === 73 /* I */) return /^[A-Z][A-Za-z0-9_]*Id$/.test(name);
  return name === 'UUID';
}
