import type { ApiModel, ApiShape } from './api-model';
import type { TypeRef } from './enum-index';

export interface ValidateOptions {
  /** Scalars arrive as text (query-protocol XML and form parameters): check that the text parses as the type. */
  textScalars?: boolean;
  /** Top-level members bound to headers or the status code are not in the body: skip them (responses). */
  skipHeaderMembers?: boolean;
}

/** The key a member has on this model's wire: JSON 1.0 uses member names, rest-json and query XML `locationName`. */
function wireKey(model: ApiModel, name: string, member: ApiShape): string {
  return model.protocol === 'json' ? name : (member.locationName ?? name);
}

/**
 * Checks a value as it was on the wire against a model shape: required members present, no member the model does not
 * define, enum values legal, scalar types right. `typeName` is the v3 interface name of the structure (for enums).
 * Returns one line per problem, each starting with the path of the offending value.
 */
export function validateShape(
  model: ApiModel,
  value: unknown,
  shape: ApiShape,
  typeName: string | undefined,
  options: ValidateOptions = {},
): string[] {
  const issues: string[] = [];
  const typeRef: TypeRef = typeName ? { kind: 'struct', name: typeName } : { kind: 'other' };
  check(model, value, shape, typeRef, '$', issues, options, true);
  return issues;
}

function check(
  model: ApiModel,
  value: unknown,
  ref: ApiShape,
  typeRef: TypeRef,
  path: string,
  issues: string[],
  options: ValidateOptions,
  topLevel = false,
): void {
  const shape = model.resolve(ref);
  const type = shape.type ?? 'string';
  const text = options.textScalars === true;
  const wrong = (expected: string) => issues.push(`${path}: expected ${expected}, got ${JSON.stringify(value)}`);
  switch (type) {
    case 'structure': {
      if (!isPlainObject(value)) return void wrong('an object');
      const members = shape.members ?? {};
      const byKey = new Map<string, string>();
      for (const [name, member] of Object.entries(members)) {
        const resolved = model.resolve(member);
        const inBody = !(
          topLevel &&
          options.skipHeaderMembers &&
          (resolved.location === 'header' || resolved.location === 'headers' || resolved.location === 'statusCode')
        );
        if (inBody) byKey.set(wireKey(model, name, member), name);
      }
      for (const name of shape.required ?? []) {
        const member = members[name];
        if (!member) continue;
        const key = wireKey(model, name, member);
        if (byKey.has(key) && (value[key] === undefined || value[key] === null))
          issues.push(`${path}: missing required member ${key}`);
      }
      const structName = typeRef.kind === 'struct' ? typeRef.name : undefined;
      for (const [key, v] of Object.entries(value)) {
        const name = byKey.get(key);
        if (name === undefined) {
          issues.push(`${path}: unknown member ${key} (the model defines ${[...byKey.keys()].join(', ') || 'none'})`);
          continue;
        }
        if (v === undefined || v === null) continue;
        const member = members[name] as ApiShape;
        const memberType = structName ? model.enums.memberType(structName, name) : ({ kind: 'other' } as const);
        check(model, v, member, memberType, `${path}.${key}`, issues, options);
      }
      return;
    }
    case 'list': {
      if (!Array.isArray(value)) return void wrong('a list');
      const of = typeRef.kind === 'list' ? typeRef.of : ({ kind: 'other' } as const);
      value.forEach((v, i) => check(model, v, shape.member ?? {}, of, `${path}[${i}]`, issues, options));
      return;
    }
    case 'map': {
      if (!isPlainObject(value)) return void wrong('a map');
      const of = typeRef.kind === 'map' ? typeRef.of : ({ kind: 'other' } as const);
      for (const [k, v] of Object.entries(value))
        check(model, v, shape.value ?? {}, of, `${path}.${k}`, issues, options);
      return;
    }
    case 'integer':
    case 'long':
      if (text ? !/^-?\d+$/.test(String(value)) : !Number.isInteger(value)) wrong(`an ${type}`);
      return;
    case 'double':
    case 'float':
      if (text ? !Number.isFinite(Number(value)) || value === '' : typeof value !== 'number' || !Number.isFinite(value))
        wrong('a number');
      return;
    case 'boolean':
      if (text ? value !== 'true' && value !== 'false' : typeof value !== 'boolean') wrong('a boolean');
      return;
    case 'timestamp':
      if (!((typeof value === 'number' && !text) || (typeof value === 'string' && Number.isFinite(Date.parse(value)))))
        wrong('a timestamp');
      return;
    default:
      if (typeof value !== 'string') return void wrong('a string');
      if (typeRef.kind === 'enum' && !typeRef.values.includes(value))
        issues.push(`${path}: ${JSON.stringify(value)} is not a ${typeRef.name} (${typeRef.values.join(', ')})`);
  }
}

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}
