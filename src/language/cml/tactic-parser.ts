/**
 * CML's tactic DDD part (the Sculptor-derived grammar): domain objects, enums,
 * services, repositories, operations, attributes and types. Sculptor's
 * generator options are read as CmlOptions (so nothing valid is refused) and
 * left for the importer to report.
 */
import type { CmlAttribute, CmlDomainObject, CmlEnumValue, CmlObjectKind, CmlOperation, CmlOption, CmlParameter, CmlRef, CmlService, CmlStateTransition, CmlType, Located } from './ast';
import type { Cursor } from './cursor';
import { attributeOptions, channel, objectOptions, operationOptions, options, serviceOptions, subscribe } from './sculptor-options';

export const typeKeywords = [
  'String', 'int', 'Integer', 'long', 'Long', 'boolean', 'Boolean', 'Date', 'DateTime', 'Timestamp', 'BigDecimal', 'BigInteger',
  'double', 'Double', 'float', 'Float', 'Key', 'PagingParameter', 'PagedResult', 'Blob', 'Clob', 'Object[]',
] as const;
export const collectionKeywords = ['List', 'Set', 'Bag', 'Collection'] as const;
const visibilities = ['public', 'protected', 'private', 'package'] as const;

/** The keyword that starts a domain object, and its kind. */
export const objectKeywords: Readonly<Record<string, CmlObjectKind>> = {
  Entity: 'Entity',
  ValueObject: 'ValueObject',
  DomainEvent: 'DomainEvent',
  Event: 'DomainEvent',
  CommandEvent: 'CommandEvent',
  Command: 'CommandEvent',
  DataTransferObject: 'DataTransferObject',
  BasicType: 'BasicType',
  Trait: 'Trait',
  enum: 'Enum',
};

/** Sculptor's `Type`: a built-in type keyword or a (dotted) name. */
function typeName(c: Cursor): string {
  const word = c.acceptKeyword(...typeKeywords);
  return word ?? c.dottedName('a type');
}

function isTypeStart(c: Cursor, ahead = 0): boolean {
  const token = c.peek(ahead);
  return token.kind === 'name' || (token.kind === 'keyword' && ((typeKeywords as readonly string[]).includes(token.text) || (collectionKeywords as readonly string[]).includes(token.text) || token.text === 'Map'));
}

/** `@X`, a type, or a type with one `<@X>` argument. */
function elementType(c: Cursor): CmlType {
  if (c.acceptSymbol('@')) return { name: c.name('a domain object after @'), args: [] };
  const name = typeName(c);
  if (c.acceptSymbol('<')) {
    c.symbol('@');
    const arg = c.name('a domain object after @');
    c.symbol('>');
    return { name, args: [{ name: arg, args: [] }] };
  }
  return { name, args: [] };
}

/** Sculptor's `ComplexType` (operation parameters and return types). */
export function complexType(c: Cursor): CmlType {
  const collection = c.acceptKeyword(...collectionKeywords);
  if (collection) {
    c.symbol('<');
    const element = elementType(c);
    c.symbol('>');
    return { name: collection, args: [element] };
  }
  if (c.acceptKeyword('Map')) {
    c.symbol('<');
    const key = c.acceptSymbol('@') ? { name: c.name('a domain object after @'), args: [] } : { name: typeName(c), args: [] };
    c.symbol(',');
    const value = elementType(c);
    c.symbol('>');
    return { name: 'Map', args: [key, value] };
  }
  return elementType(c);
}

/** An attribute's type: `Type` or `Collection<Type>`. */
function attributeType(c: Cursor): CmlType {
  const collection = c.acceptKeyword(...collectionKeywords);
  if (collection) {
    c.symbol('<');
    const element = typeName(c);
    c.symbol('>');
    return { name: collection, args: [{ name: element, args: [] }] };
  }
  return { name: typeName(c), args: [] };
}

function referenceType(c: Cursor): CmlType {
  const collection = c.acceptKeyword(...collectionKeywords);
  if (collection) {
    c.symbol('<');
    c.acceptSymbol('@');
    const element = c.name('a domain object');
    c.symbol('>');
    return { name: collection, args: [{ name: element, args: [] }] };
  }
  c.acceptSymbol('@');
  return { name: c.name('a domain object'), args: [] };
}

function attribute(c: Cursor, doc: string | undefined, reference: boolean): CmlAttribute {
  const at = c.here();
  if (reference) c.next();
  const visibility = c.acceptKeyword(...visibilities);
  const type = reference ? referenceType(c) : attributeType(c);
  const name = c.name('an attribute name');
  const modifiers = options(c, attributeOptions);
  if (reference && (c.isSymbol('--') || c.isKeyword('association'))) {
    c.next();
    c.string('an association label');
  }
  c.acceptSymbol(';');
  const key = modifiers.some((modifier) => modifier.name === 'key');
  const nullable = modifiers.some((modifier) => modifier.name === 'nullable' && !modifier.negated);
  const rest = modifiers.filter((modifier) => modifier.name !== 'key' && !(modifier.name === 'nullable' && !modifier.negated && modifier.value === undefined));
  return { ...(doc !== undefined ? { doc } : {}), ...(visibility ? { visibility } : {}), reference, type, name, key, nullable, options: rest, ...at };
}

export function stateTransition(c: Cursor): CmlStateTransition {
  const at = c.here();
  const from = c.isSymbol('->') ? [] : c.refList('a state');
  c.symbol('->');
  const to: CmlStateTransition['to'] = [];
  do {
    const state = c.ref('a target state');
    to.push({ ...state, end: c.acceptSymbol('*') });
  } while (c.acceptKeyword('X', 'x'));
  return { from, to, ...at };
}

function parameters(c: Cursor): CmlParameter[] {
  const found: CmlParameter[] = [];
  c.symbol('(');
  if (!c.isSymbol(')')) {
    do {
      const at = c.here();
      c.optionalString();
      const type = complexType(c);
      found.push({ type, name: c.name('a parameter name'), ...at });
    } while (c.acceptSymbol(','));
  }
  c.symbol(')');
  return found;
}

/** Any of Sculptor's operations: `def`/`*` ones on domain objects, service, repository and resource operations. */
export function operation(c: Cursor, doc: string | undefined, onObject: boolean): CmlOperation {
  const at = c.here();
  if (onObject && !c.acceptSymbol('*')) c.keyword('def');
  const abstract = onObject && c.acceptKeyword('abstract') !== undefined;
  const visibility = c.acceptKeyword(...visibilities);
  let returns: CmlType | undefined;
  let name: string;
  if (c.acceptKeyword('void')) {
    returns = { name: 'void', args: [] };
    name = c.name('an operation name');
  } else {
    const nameToken = c.peek();
    const start = c.position;
    const type = complexType(c);
    if (c.isName()) {
      returns = type;
      name = c.name();
    } else {
      c.reset(start);
      if (nameToken.kind !== 'name') c.fail('an operation name');
      name = c.name();
    }
  }
  const params = c.isSymbol('(') ? parameters(c) : [];
  const throws: string[] = [];
  const found: CmlOption[] = [];
  for (;;) {
    if (c.acceptKeyword('throws')) {
      do throws.push(c.dottedName('an exception name'));
      while (c.acceptSymbol(','));
    } else {
      const more = options(c, operationOptions);
      if (more.length === 0) break;
      found.push(...more);
    }
  }
  if (c.isSymbol('=>') || c.isKeyword('delegates to')) {
    const delegateAt = c.here();
    c.next();
    c.acceptSymbol('@');
    let target = c.name('what the operation delegates to');
    if (c.acceptSymbol('.')) target += '.' + c.name('an operation name');
    found.push({ name: 'delegate', negated: false, value: target, ...delegateAt });
  } else if (c.isKeyword('AccessObject')) c.fail("'=>' before AccessObject");
  let access: CmlOperation['access'];
  let transition: CmlStateTransition | undefined;
  if (c.acceptSymbol(':')) {
    if (c.acceptKeyword('read-only')) access = 'read-only';
    else {
      c.keyword('write');
      access = 'write';
      if (c.acceptSymbol('[')) {
        transition = stateTransition(c);
        c.symbol(']');
      }
    }
  }
  c.symbol(';');
  return {
    ...(doc !== undefined ? { doc } : {}),
    ...(visibility ? { visibility } : {}),
    abstract,
    ...(returns ? { returns } : {}),
    name,
    parameters: params,
    throws,
    options: found,
    ...(access ? { access } : {}),
    ...(transition ? { transition } : {}),
    ...at,
  };
}

function dependency(c: Cursor): CmlRef | undefined {
  if (!(c.isSymbol('>') || c.isKeyword('inject'))) return undefined;
  const at = c.here();
  c.next();
  c.acceptSymbol('@');
  return { name: c.name('a dependency'), ...at };
}

function association(c: Cursor): Located & { name: string } {
  const at = c.here();
  c.next();
  c.optionalString();
  c.acceptSymbol('@');
  const name = c.name('the associated domain object');
  c.acceptSymbol(';');
  return { name, ...at };
}

/** `Service`, `Repository` and `Resource` (a keyword, a name and an optional body of operations). */
export function service(c: Cursor, doc: string | undefined, keyword: 'Service' | 'Repository' | 'Resource'): CmlService {
  const at = c.here();
  c.keyword(keyword);
  const name = c.name(`a ${keyword.toLowerCase()} name`);
  const result: CmlService = { ...(doc !== undefined ? { doc } : {}), name, options: [], dependencies: [], operations: [], ...at, end: c.lastEnd() };
  if (!c.acceptSymbol('{')) return result;
  result.options = options(c, keyword === 'Repository' ? new Set(['gap', 'nogap', 'hint']) : serviceOptions);
  for (let found = dependency(c); found !== undefined; found = dependency(c)) result.dependencies.push(found);
  while (!c.isSymbol('}')) {
    if (c.isSymbol('--') || c.isKeyword('association')) {
      association(c);
      continue;
    }
    const memberDoc = c.optionalString();
    result.operations.push(operation(c, memberDoc, false));
  }
  c.symbol('}');
  result.end = c.lastEnd();
  return result;
}

/** `Consumer` (Sculptor's message consumer): read and kept only as a name. */
export function consumer(c: Cursor): Located & { what: string; name: string } {
  const at = c.here();
  c.keyword('Consumer');
  const name = c.name('a consumer name');
  c.symbol('{');
  options(c, new Set(['hint']));
  while (dependency(c) !== undefined);
  if (c.acceptKeyword('unmarshall to')) {
    c.acceptSymbol('@');
    c.name();
  }
  for (;;) {
    if (c.acceptKeyword('queueName', 'topicName')) {
      c.symbol('=');
      channel(c);
    } else if (c.isKeyword('subscribe')) subscribe(c);
    else break;
  }
  c.symbol('}');
  return { what: 'Consumer', name, ...at };
}

function enumBody(c: Cursor, object: CmlDomainObject): void {
  object.options = options(c, new Set(['package', 'hint', 'aggregateLifecycle', 'ordinal']));
  // attributes: `Type name [key] [;]`, before the values
  while (c.isString() || (isTypeStart(c) && (c.peek().kind === 'keyword' || c.isName(1) || c.isSymbol('.', 1)))) {
    const at = c.here();
    const doc = c.optionalString();
    const type = { name: typeName(c), args: [] };
    const name = c.name('an enum attribute name');
    const key = c.acceptKeyword('key') !== undefined;
    c.acceptSymbol(';');
    object.enumAttributes.push({ ...(doc !== undefined ? { doc } : {}), reference: false, type, name, key, nullable: false, options: [], ...at });
  }
  do {
    const at = c.here();
    c.optionalString();
    const value: CmlEnumValue = { name: c.name('an enum value'), parameters: [], ...at };
    if (c.acceptSymbol('(')) {
      do {
        const token = c.peek();
        if (token.kind !== 'string' && token.kind !== 'int') c.fail('a string or a number');
        value.parameters.push(token.kind === 'string' ? JSON.stringify(c.next().text) : c.next().text);
      } while (c.acceptSymbol(','));
      c.symbol(')');
    }
    object.values.push(value);
  } while (c.acceptSymbol(','));
  c.acceptSymbol(';');
}

/** Entity, ValueObject, DomainEvent/Event, CommandEvent/Command, DataTransferObject, BasicType, Trait, enum. */
export function domainObject(c: Cursor, doc: string | undefined): CmlDomainObject {
  const at = c.here();
  const abstract = c.acceptKeyword('abstract') !== undefined;
  const keyword = c.keyword(...Object.keys(objectKeywords));
  const kind = objectKeywords[keyword]!;
  if (abstract && (kind === 'BasicType' || kind === 'Trait' || kind === 'Enum')) c.fail(`'${keyword}' without abstract`);
  const object: CmlDomainObject = {
    kind,
    keyword,
    ...(doc !== undefined ? { doc } : {}),
    abstract,
    name: c.name(`a name after ${keyword}`),
    traits: [],
    options: [],
    attributes: [],
    operations: [],
    associations: [],
    enumAttributes: [],
    values: [],
    hasBody: false,
    ...at,
    end: 0,
  };
  if (kind === 'Enum') {
    c.symbol('{');
    object.hasBody = true;
    enumBody(c, object);
    c.symbol('}');
    object.end = c.lastEnd();
    return object;
  }
  if (kind !== 'BasicType' && kind !== 'Trait' && c.acceptKeyword('extends')) object.extends = c.acceptSymbol('@') ? c.name('a name after @') : c.dottedName('a name after extends');
  while (kind !== 'Trait' && kind !== 'DataTransferObject' && c.acceptKeyword('with')) {
    c.acceptSymbol('@');
    object.traits.push(c.ref('a trait'));
  }
  if (c.acceptSymbol('{')) {
    object.hasBody = true;
    object.options = options(c, objectOptions);
    while (!c.isSymbol('}')) {
      if (c.isSymbol('--') || c.isKeyword('association')) {
        const found = association(c);
        object.associations.push(found);
        continue;
      }
      const memberDoc = c.optionalString();
      if (c.isSymbol('-') || c.isKeyword('reference')) object.attributes.push(attribute(c, memberDoc, true));
      else if (c.isSymbol('*') || c.isKeyword('def')) object.operations.push(operation(c, memberDoc, true));
      else if (c.isKeyword('Repository')) object.repository = service(c, memberDoc, 'Repository');
      else if (c.peek().kind === 'eof') c.fail("'}'");
      else object.attributes.push(attribute(c, memberDoc, false));
    }
    c.symbol('}');
  }
  object.end = c.lastEnd();
  return object;
}

/** Whether the next tokens start a domain object (after an optional doc string). */
export function startsDomainObject(c: Cursor, ahead = 0): boolean {
  const token = c.peek(ahead);
  if (token.kind !== 'keyword') return false;
  if (token.text === 'abstract') return c.peek(ahead + 1).kind === 'keyword' && c.peek(ahead + 1).text in objectKeywords;
  return token.text in objectKeywords;
}
