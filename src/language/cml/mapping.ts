/**
 * How CML's words become .ddd's and back: built-in types and the enumerated
 * attribute values (`CUSTOM_BUILT` → `custom`). The importer reads these
 * tables one way, the exporter the other.
 */
import type { CmlType } from './ast';

/** CML built-in type → .ddd type (docs/design/context-mapper-syntax.md, "CML → .ddd quick map"). */
export const cmlTypeToDdd: Readonly<Record<string, string>> = {
  int: 'Int',
  Integer: 'Int',
  long: 'Int',
  BigInteger: 'Int',
  double: 'Decimal',
  float: 'Decimal',
  BigDecimal: 'Decimal',
  boolean: 'Boolean',
  Date: 'DateTime',
  Timestamp: 'DateTime',
  Object: 'Any',
  Blob: 'Binary',
  Clob: 'String',
  Collection: 'List',
};

/** .ddd type → the CML type written for it on export (a name missing here, such as UUID, is written as it is: a Java type name for CML). */
export const dddTypeToCml: Readonly<Record<string, string>> = {
  Int: 'int',
  Decimal: 'BigDecimal',
  Number: 'BigDecimal',
  Bool: 'boolean',
  Boolean: 'boolean',
  Text: 'String',
  Instant: 'Timestamp',
  Time: 'DateTime',
  Any: 'Object',
  Binary: 'Blob',
  Bytes: 'Blob',
  Json: 'String',
  Url: 'String',
  Email: 'String',
  Duration: 'long',
};

/** A CML type in .ddd spelling: `List<Customer>`, `Map<String, Address>`, `Int`. */
export function dddTypeText(type: CmlType): string {
  if (type.name === 'Object[]') return 'List<Any>';
  const name = cmlTypeToDdd[type.name] ?? type.name;
  return type.args.length ? `${name}<${type.args.map(dddTypeText).join(', ')}>` : name;
}

/** CML enum literals whose .ddd word is not simply the literal in lower case without underscores. */
const wordExceptions: Readonly<Record<string, string>> = {
  CORE_DOMAIN: 'core',
  SUPPORTING_DOMAIN: 'supporting',
  GENERIC_SUBDOMAIN: 'generic',
  CUSTOM_BUILT: 'custom',
  SYSTEM_LANDSCAPE: 'landscape',
  ORGANIZATIONAL: 'organisational',
};

/** `VETO_RIGHT` → `vetoright`, `TO_BE` → `tobe`, `CUSTOM_BUILT` → `custom`; `UNDEFINED` → undefined (nothing to write). */
export function dddWord(literal: string): string | undefined {
  if (literal === 'UNDEFINED') return undefined;
  return wordExceptions[literal] ?? literal.toLowerCase().replace(/_/g, '');
}

/** The CML literal of a .ddd word, among the literals a CML attribute allows. */
export function cmlLiteral(word: string, literals: readonly string[]): string | undefined {
  return literals.find((literal) => dddWord(literal) === word);
}
