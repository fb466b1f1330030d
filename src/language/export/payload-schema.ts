/**
 * Fields as JSON Schema, for message payloads (AsyncAPI, EventCatalog): built-in
 * types as JSON types and formats, identity types (`OrderId`) as strings that
 * say what they identify, `List<T>`/`Set<T>` as arrays, `Map<K, V>` as objects,
 * optional fields (`Money?`, `Optional<Money>`) left out of `required`, and the
 * value objects, entities and enums a payload uses as named schemas that the
 * payload refers to (`$ref`), each written once. What extends a base carries the
 * base's fields after its own.
 */
import { isBuiltinType, isIdentityTypeName } from '../model/builtin-types';
import type { DeclaredType, Field, TypeReference } from '../model/elements';
import { inheritedFields } from '../model/inheritance';
import { qualifiedName } from '../model/model';
import { simpleName } from '../model/qualified-names';
import { KeyRegistry } from './keys';

export type JsonSchema = Record<string, unknown>;

const builtinSchemas: Readonly<Record<string, JsonSchema>> = {
  Int: { type: 'integer' },
  Long: { type: 'integer', format: 'int64' },
  Decimal: { type: 'number' },
  Double: { type: 'number', format: 'double' },
  Float: { type: 'number', format: 'float' },
  Number: { type: 'number' },
  String: { type: 'string' },
  Text: { type: 'string' },
  Boolean: { type: 'boolean' },
  Bool: { type: 'boolean' },
  Date: { type: 'string', format: 'date' },
  Time: { type: 'string', format: 'time' },
  DateTime: { type: 'string', format: 'date-time' },
  Instant: { type: 'string', format: 'date-time' },
  Duration: { type: 'string', format: 'duration' },
  UUID: { type: 'string', format: 'uuid' },
  Bytes: { type: 'string', contentEncoding: 'base64' },
  Json: {},
  Url: { type: 'string', format: 'uri' },
  Email: { type: 'string', format: 'email' },
};

/**
 * The named schemas of one document: `refPrefix` is where they live
 * (`#/components/schemas/` in AsyncAPI, `#/$defs/` in a standalone schema).
 */
export class SchemaCollector {
  readonly schemas = new Map<string, JsonSchema>();
  private readonly keys = new KeyRegistry();
  private readonly building = new Set<DeclaredType>();

  constructor(private readonly refPrefix: string) {}

  /** `{ type: object, properties, required }` for a list of fields. */
  objectOf(fields: readonly Field[], description?: string): JsonSchema {
    const properties: Record<string, JsonSchema> = {};
    const required: string[] = [];
    for (const field of fields) {
      if (!field || Object.prototype.hasOwnProperty.call(properties, field.name)) continue;
      const { schema, optional } = this.typeSchema(field.type);
      properties[field.name] = field.description !== undefined ? { ...schema, description: field.description } : schema;
      if (!optional) required.push(field.name);
    }
    return {
      type: 'object',
      ...(description !== undefined ? { description } : {}),
      properties,
      ...(required.length ? { required } : {}),
    };
  }

  /** The schema of a field's type, and whether the field may be left out. */
  typeSchema(type: TypeReference | undefined): { schema: JsonSchema; optional: boolean } {
    if (!type) return { schema: {}, optional: true };
    const name = simpleName(type.name.text);
    if (name === 'Optional') return { schema: this.typeSchema(type.args[0]).schema, optional: true };
    return { schema: this.nonOptional(type, name), optional: type.optional };
  }

  private nonOptional(type: TypeReference, name: string): JsonSchema {
    if (name === 'List' || name === 'Set') {
      return { type: 'array', items: this.typeSchema(type.args[0]).schema, ...(name === 'Set' ? { uniqueItems: true } : {}) };
    }
    if (name === 'Map') return { type: 'object', additionalProperties: this.typeSchema(type.args[1]).schema };
    const target = type.name.target;
    if (target?.kind === 'value' || target?.kind === 'entity' || target?.kind === 'enum') return { $ref: this.refTo(target) };
    const builtin = builtinSchemas[name];
    if (builtin && isBuiltinType(name)) return { ...builtin };
    if (isIdentityTypeName(name)) return { type: 'string', description: `identity: ${type.name.text}` };
    return { description: `${type.text}: not declared in the model` };
  }

  /** A `$ref` to the named schema of a declared type, building it on first use. */
  refTo(declared: DeclaredType): string {
    const known = this.keys.get(declared);
    const key = known ?? this.keys.key(declared, declared.name);
    if (known === undefined && !this.building.has(declared)) {
      this.building.add(declared);
      this.schemas.set(key, {}); // placeholder: keeps the order of first use, and recursion ends here
      this.schemas.set(key, this.declaredSchema(declared));
      this.building.delete(declared);
    }
    return `${this.refPrefix}${key}`;
  }

  private declaredSchema(declared: DeclaredType): JsonSchema {
    const title = qualifiedName(declared);
    if (declared.kind === 'enum') {
      return { title, type: 'string', enum: declared.values.filter(Boolean).map((value) => value.name), ...(declared.description ? { description: declared.description } : {}) };
    }
    return { title, ...this.objectOf(inheritedFields(declared), declared.description) };
  }

  /** The named schemas, as a plain object (key → schema). */
  toObject(): Record<string, JsonSchema> {
    return Object.fromEntries(this.schemas);
  }
}
