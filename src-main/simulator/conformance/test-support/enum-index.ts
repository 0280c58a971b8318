import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { ServiceId } from '../../types';

/**
 * Member types as the v3 clients declare them (`dist-types/models/*.d.ts`): which members are enums, and their values
 * from the clients' exported enum objects (`ChannelClass = { SINGLE_PIPELINE, STANDARD }`). The v2 minified models
 * carry no enum lists, so this is where the legal values come from; the structure itself comes from the v2 model.
 */
export type TypeRef =
  | { kind: 'enum'; name: string; values: readonly string[] }
  | { kind: 'struct'; name: string }
  | { kind: 'list'; of: TypeRef }
  | { kind: 'map'; of: TypeRef }
  | { kind: 'other' };

export interface EnumIndex {
  /** The v3 interface names of an operation's input and output (`GetMetricDataInput`, `StartChannelResponse`). */
  operationTypes(operation: string): { input: string; output: string } | undefined;
  memberType(structName: string, member: string): TypeRef;
}

const CLIENTS: Record<ServiceId, string> = {
  medialive: '@aws-sdk/client-medialive',
  mediaconnect: '@aws-sdk/client-mediaconnect',
  cloudwatch: '@aws-sdk/client-cloudwatch',
  sts: '@aws-sdk/client-sts',
  cloudformation: '@aws-sdk/client-cloudformation',
  sqs: '@aws-sdk/client-sqs',
  eventbridge: '@aws-sdk/client-eventbridge',
  'sso-oidc': '@aws-sdk/client-sso-oidc',
  sso: '@aws-sdk/client-sso',
  scheduler: '@aws-sdk/client-scheduler',
  pricing: '@aws-sdk/client-pricing',
  s3: '@aws-sdk/client-s3',
};

const require = createRequire(import.meta.url);

export function enumIndexFor(service: ServiceId): EnumIndex {
  const pkg = CLIENTS[service];
  const root = path.dirname(require.resolve(`${pkg}/package.json`));
  const exported = require(pkg) as Record<string, unknown>;
  const structs = new Map<string, Map<string, string>>();
  const modelsDir = path.join(root, 'dist-types', 'models');
  for (const file of readdirSync(modelsDir).filter((f) => f.endsWith('.d.ts'))) {
    let current: Map<string, string> | null = null;
    for (const line of readFileSync(path.join(modelsDir, file), 'utf8').split('\n')) {
      const open = /^export interface (\w+) \{/.exec(line);
      if (open?.[1]) {
        current = new Map();
        structs.set(open[1], current);
        continue;
      }
      if (line.startsWith('}')) current = null;
      const member = current ? /^ {4}(\w+)\??: (.+);$/.exec(line) : null;
      if (current && member?.[1] && member[2]) current.set(member[1], member[2]);
    }
  }

  const isEnum = (name: string): readonly string[] | null => {
    const v = exported[name];
    if (!v || typeof v !== 'object') return null;
    const values = Object.values(v as Record<string, unknown>);
    return values.length > 0 && values.every((x) => typeof x === 'string') ? values : null;
  };
  const parse = (text: string): TypeRef => {
    const t = text.replace(/\s*\|\s*undefined$/, '').trim();
    if (t.endsWith('[]')) return { kind: 'list', of: parse(t.slice(0, -2).replace(/^\((.*)\)$/, '$1')) };
    const record = /^Record<string, (.+)>$/.exec(t);
    if (record?.[1]) return { kind: 'map', of: parse(record[1]) };
    const values = isEnum(t);
    if (values) return { kind: 'enum', name: t, values };
    if (structs.has(t)) return { kind: 'struct', name: t };
    return { kind: 'other' };
  };

  return {
    operationTypes(operation) {
      let text: string;
      try {
        text = readFileSync(path.join(root, 'dist-types', 'commands', `${operation}Command.d.ts`), 'utf8');
      } catch {
        return undefined;
      }
      const input = new RegExp(`interface ${operation}CommandInput extends (\\w+)`).exec(text)?.[1];
      const output = new RegExp(`interface ${operation}CommandOutput extends (\\w+)`).exec(text)?.[1];
      return input && output ? { input, output } : undefined;
    },
    memberType(structName, member) {
      const text = structs.get(structName)?.get(member);
      return text ? parse(text) : { kind: 'other' };
    },
  };
}
