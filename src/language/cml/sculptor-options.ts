/**
 * Sculptor's generator options in CML (`hint = "…"`, `gap`, `!changeable`,
 * `databaseTable = "T"`, `subscribe to …`, `publish to …`): read as CmlOptions,
 * so that nothing valid is refused, for the importer to report as dropped.
 */
import type { CmlOption } from './ast';
import type { Cursor } from './cursor';

/** Options a domain object's header may hold (before its attributes). */
export const objectOptions = new Set([
  'package', 'optimisticLocking', 'auditable', 'cache', 'gap', 'nogap', 'scaffold', 'hint', 'databaseTable', 'discriminatorValue',
  'discriminatorColumn', 'discriminatorType', 'discriminatorLength', 'inheritanceType', 'validate', 'immutable', 'persistent',
  'aggregateRoot', 'belongsTo',
]);
/** Modifiers after an attribute's or reference's name. */
export const attributeOptions = new Set([
  'key', 'changeable', 'required', 'unique', 'nullable', 'index', 'assertFalse', 'assertTrue', 'hint', 'creditCardNumber', 'digits',
  'email', 'future', 'past', 'max', 'min', 'decimalMax', 'decimalMin', 'notEmpty', 'notBlank', 'pattern', 'range', 'size', 'length',
  'scriptAssert', 'url', 'validate', 'transient', 'databaseColumn', 'databaseType', 'cascade', 'fetch', 'cache', 'inverse',
  'databaseJoinTable', 'databaseJoinColumn', 'valid', 'orderby', 'orderColumn', 'opposite',
]);
/** Options of operations (service, repository, resource operations). */
export const operationOptions = new Set([
  'hint', 'cache', 'gap', 'nogap', 'query', 'condition', 'select', 'groupBy', 'orderBy', 'construct', 'build', 'map', 'path', 'return',
  'GET', 'POST', 'PUT', 'DELETE',
]);
export const serviceOptions = new Set(['gap', 'nogap', 'hint', 'webservice', 'scaffold', 'path']);

function isNot(c: Cursor): boolean {
  return c.isSymbol('!') || c.isKeyword('not');
}

/** `[!]word [= value]`, `belongsTo @X`, `opposite X`, `publish …`, `subscribe to …`. */
function option(c: Cursor, allowed: ReadonlySet<string>): CmlOption | undefined {
  const start = c.position;
  const at = c.here();
  const negated = isNot(c);
  if (negated) c.next();
  const token = c.peek();
  const opposite = token.kind === 'symbol' && token.text === '<->' && allowed.has('opposite');
  if (!opposite && !(token.kind === 'keyword' && allowed.has(token.text))) {
    c.reset(start);
    return undefined;
  }
  c.next();
  const name = opposite ? 'opposite' : token.text;
  if (name === 'belongsTo' || name === 'opposite') {
    c.acceptSymbol('@');
    return { name, negated, value: c.name(`a name after ${name}`), ...at };
  }
  if (c.acceptSymbol('=')) {
    const value = c.peek();
    if (value.kind === 'string' || value.kind === 'keyword' || value.kind === 'int') return { name, negated, value: c.next().text, ...at };
    return { name, negated, value: c.dottedName(`a value after ${name} =`), ...at };
  }
  return { name, negated, ...at };
}

export function options(c: Cursor, allowed: ReadonlySet<string>): CmlOption[] {
  const found: CmlOption[] = [];
  for (;;) {
    if (c.isKeyword('subscribe')) found.push(subscribe(c));
    else if (c.isKeyword('publish')) found.push(publish(c));
    else {
      const next = option(c, allowed);
      if (!next) return found;
      found.push(next);
    }
  }
}

export function channel(c: Cursor): string {
  let text = c.name('a channel name');
  while ((c.isSymbol('.') || c.isSymbol('/') || c.isSymbol(':')) && c.isName(1)) text += c.next().text + c.next().text;
  return text;
}

export function subscribe(c: Cursor): CmlOption {
  const at = c.here();
  c.keyword('subscribe');
  c.keyword('to');
  const value = channel(c);
  if (c.acceptKeyword('eventBus')) {
    c.symbol('=');
    c.name();
  }
  return { name: 'subscribe', negated: false, value, ...at };
}

function publish(c: Cursor): CmlOption {
  const at = c.here();
  c.keyword('publish');
  if (!c.isKeyword('to')) {
    c.acceptSymbol('@');
    c.name('an event after publish');
  }
  c.keyword('to');
  const value = channel(c);
  if (c.acceptKeyword('eventBus')) {
    c.symbol('=');
    c.name();
  }
  return { name: 'publish', negated: false, value, ...at };
}
