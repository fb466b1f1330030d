/**
 * A small checker for data that crosses a trust boundary (webview → extension,
 * client → server): each `Check` returns the value, typed, or throws `Invalid`
 * with the path of what is wrong. Objects are checked strictly: a property the
 * shape does not name is an error.
 */

export class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly problem: string,
  ) {
    super(`${path || 'message'}: ${problem}`);
  }
}

export type Check<T> = (value: unknown, path: string) => T;

/** A field that may be absent (undefined counts as absent). */
export interface Optional<T> {
  optional: Check<T>;
}

export function optional<T>(check: Check<T>): Optional<T> {
  return { optional: check };
}

type Field = Check<unknown> | Optional<unknown>;
type Shape = Record<string, Field>;
type Required<S extends Shape> = { [K in keyof S as S[K] extends Optional<unknown> ? never : K]: S[K] extends Check<infer T> ? T : never };
type Optionals<S extends Shape> = { [K in keyof S as S[K] extends Optional<unknown> ? K : never]?: S[K] extends Optional<infer T> ? T : never };
export type ShapeOf<S extends Shape> = Required<S> & Optionals<S>;

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** An object with exactly these properties (optional ones may be missing). */
export function object<S extends Shape>(shape: S): Check<ShapeOf<S>> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new Invalid(path, 'not an object');
    for (const key of Object.keys(value)) {
      if (!Object.prototype.hasOwnProperty.call(shape, key)) throw new Invalid(path, `unexpected property ${JSON.stringify(key.slice(0, 40))}`);
    }
    const out: Record<string, unknown> = {};
    for (const [key, field] of Object.entries(shape)) {
      const item = value[key];
      if (typeof field === 'function') out[key] = field(item, `${path}.${key}`);
      else if (item !== undefined) out[key] = field.optional(item, `${path}.${key}`);
    }
    return out as ShapeOf<S>;
  };
}

const controlCharacters = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

export interface StringRules {
  max: number;
  min?: number;
  pattern?: RegExp;
  /** Allow tabs and line breaks (never other control characters). Default false. */
  multiline?: boolean;
  /** Allow any character (for documents: SVG text, data URLs). Default false. */
  raw?: boolean;
}

export function string(rules: StringRules): Check<string> {
  return (value, path) => {
    if (typeof value !== 'string') throw new Invalid(path, 'not a string');
    if (value.length > rules.max) throw new Invalid(path, `longer than ${rules.max} characters`);
    if (value.length < (rules.min ?? 0)) throw new Invalid(path, rules.min === 1 ? 'empty' : `shorter than ${rules.min} characters`);
    if (!rules.raw) {
      if (controlCharacters.test(value)) throw new Invalid(path, 'contains control characters');
      if (!rules.multiline && /[\t\n\r]/.test(value)) throw new Invalid(path, 'contains a line break or tab');
    }
    if (rules.pattern && !rules.pattern.test(value)) throw new Invalid(path, 'has an unexpected form');
    return value;
  };
}

export function oneOf<const T extends readonly string[]>(values: T): Check<T[number]> {
  return (value, path) => {
    if (typeof value !== 'string' || !values.includes(value)) throw new Invalid(path, `not one of ${values.join(', ')}`);
    return value as T[number];
  };
}

export function literal<const T extends string>(expected: T): Check<T> {
  return (value, path) => {
    if (value !== expected) throw new Invalid(path, `not ${JSON.stringify(expected)}`);
    return expected;
  };
}

/** A whole number within [min, max]. */
export function integer(min: number, max: number): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isSafeInteger(value)) throw new Invalid(path, 'not a whole number');
    if (value < min || value > max) throw new Invalid(path, `not between ${min} and ${max}`);
    return value;
  };
}

/** A finite number within [min, max]. */
export function number(min: number, max: number): Check<number> {
  return (value, path) => {
    if (typeof value !== 'number' || !Number.isFinite(value)) throw new Invalid(path, 'not a finite number');
    if (value < min || value > max) throw new Invalid(path, `not between ${min} and ${max}`);
    return value;
  };
}

export function boolean(): Check<boolean> {
  return (value, path) => {
    if (typeof value !== 'boolean') throw new Invalid(path, 'not true or false');
    return value;
  };
}

export function array<T>(item: Check<T>, max: number): Check<T[]> {
  return (value, path) => {
    if (!Array.isArray(value)) throw new Invalid(path, 'not a list');
    if (value.length > max) throw new Invalid(path, `more than ${max} entries`);
    return value.map((entry, index) => item(entry, `${path}[${index}]`));
  };
}

/** The first check that accepts the value. */
export function either<A, B>(a: Check<A>, b: Check<B>): Check<A | B> {
  return (value, path) => {
    try {
      return a(value, path);
    } catch (first) {
      try {
        return b(value, path);
      } catch {
        throw first;
      }
    }
  };
}

/** An object told apart by one property (`type`, `action`): the check for its value. */
export function tagged<T>(tag: string, checks: Record<string, Check<T>>): Check<T> {
  return (value, path) => {
    if (!isPlainObject(value)) throw new Invalid(path, 'not an object');
    const kind = value[tag];
    if (typeof kind !== 'string' || !Object.prototype.hasOwnProperty.call(checks, kind)) throw new Invalid(`${path}.${tag}`, 'unknown');
    return checks[kind]!(value, path);
  };
}

/** Runs a check: the value, or undefined with the reason. */
export function attempt<T>(check: Check<T>, value: unknown, path = ''): { ok: true; value: T } | { ok: false; reason: string } {
  try {
    return { ok: true, value: check(value, path) };
  } catch (error) {
    if (error instanceof Invalid) return { ok: false, reason: error.message };
    // a getter that throws, a proxy: not data
    return { ok: false, reason: 'not plain data' };
  }
}
