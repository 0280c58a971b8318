/**
 * MediaLive and MediaConnect put every member on the wire under a jsonName that is the member
 * name with a lower-case first letter (verified over all 2 691 MediaLive members of the installed
 * SDK schemas). The simulator keeps its world in wire form; seeds are written in SDK (PascalCase)
 * form, type-checked against the SDK's own types, and converted here.
 */
export type JsonObject = { [key: string]: unknown };

/** Members whose value is a map: their keys are data, not member names. */
const MAP_MEMBERS = new Set(['Tags']);

export function toWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toWire);
  if (value === null || typeof value !== 'object') return value;
  const out: JsonObject = {};
  for (const [k, v] of Object.entries(value as JsonObject)) {
    if (v === undefined) continue;
    const key = k.charAt(0).toLowerCase() + k.slice(1);
    out[key] = MAP_MEMBERS.has(k) ? { ...(v as JsonObject) } : toWire(v);
  }
  return out;
}

export function isObject(v: unknown): v is JsonObject {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

export function asArray(v: unknown): unknown[] {
  return Array.isArray(v) ? v : [];
}

export function str(v: unknown): string | undefined {
  return typeof v === 'string' ? v : undefined;
}

export function clone<T>(v: T): T {
  return structuredClone(v);
}
