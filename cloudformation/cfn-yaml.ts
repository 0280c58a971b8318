/**
 * CloudFormation YAML in and out.
 *
 * Reading: the short intrinsic tags (!Ref, !Sub, !GetAtt, ...) become the long form
 * ({ Ref: X }, { 'Fn::Sub': ... }), so the checks look at one shape whatever the author wrote.
 * Writing: long-form intrinsics go back out as short tags, which is what a person reads best.
 *
 * The library is js-yaml (its schema API takes CloudFormation's short-form tags); everything YAML-specific
 * lives in this file, so switching library is a one-file change.
 */
import yaml from 'js-yaml';

export type Doc = Record<string, unknown>;

/** Tags whose value is the function's argument as written (scalar, sequence or mapping). */
const FN_TAGS = [
  'Sub',
  'Join',
  'Select',
  'Split',
  'If',
  'Equals',
  'Not',
  'And',
  'Or',
  'FindInMap',
  'Base64',
  'Cidr',
  'ImportValue',
  'GetAZs',
  'ToJsonString',
  'Length',
] as const;
const KINDS = ['scalar', 'sequence', 'mapping'] as const;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** `{ 'Fn::X': v }` or `{ Ref: v }`: exactly one key, and it names an intrinsic. */
function intrinsicKey(value: unknown): string | undefined {
  if (!isPlainObject(value)) return undefined;
  const keys = Object.keys(value);
  if (keys.length !== 1) return undefined;
  const key = keys[0]!;
  return key === 'Ref' || key.startsWith('Fn::') ? key : undefined;
}

function kindOf(value: unknown): (typeof KINDS)[number] {
  if (Array.isArray(value)) return 'sequence';
  if (isPlainObject(value)) return 'mapping';
  return 'scalar';
}

function buildTypes(): yaml.Type[] {
  const types: yaml.Type[] = [
    new yaml.Type('!Ref', {
      kind: 'scalar',
      construct: (data: unknown) => ({ Ref: data }),
      predicate: (data: unknown) => intrinsicKey(data) === 'Ref',
      represent: (data: object) => (data as { Ref: string }).Ref,
    }),
    new yaml.Type('!Condition', { kind: 'scalar', construct: (data: unknown) => ({ Condition: data }) }),
    // !GetAtt Resource.Attribute (scalar) or !GetAtt [Resource, Attribute] (sequence); written as the dotted form.
    new yaml.Type('!GetAtt', {
      kind: 'scalar',
      construct: (data: string) => {
        const dot = data.indexOf('.');
        return { 'Fn::GetAtt': [data.slice(0, dot), data.slice(dot + 1)] };
      },
      predicate: (data: unknown) => intrinsicKey(data) === 'Fn::GetAtt',
      represent: (data: object) => (data as { 'Fn::GetAtt': string[] })['Fn::GetAtt'].join('.'),
    }),
    new yaml.Type('!GetAtt', { kind: 'sequence', construct: (data: unknown) => ({ 'Fn::GetAtt': data }) }),
  ];
  for (const name of FN_TAGS) {
    for (const kind of KINDS) {
      const key = `Fn::${name}`;
      types.push(
        new yaml.Type(`!${name}`, {
          kind,
          construct: (data: unknown) => ({ [key]: data ?? (kind === 'sequence' ? [] : kind === 'mapping' ? {} : '') }),
          // Written in the kind that matches the argument, so !Sub 'x' stays scalar and !Sub [x, {}] a sequence.
          predicate: (data: unknown) =>
            intrinsicKey(data) === key && kindOf((data as Record<string, unknown>)[key]) === kind,
          represent: (data: object) => (data as Record<string, unknown>)[key] as object,
        }),
      );
    }
  }
  return types;
}

const CFN_SCHEMA = yaml.DEFAULT_SCHEMA.extend(buildTypes());

export function parseCfn(text: string): Doc {
  const doc = yaml.load(text, { schema: CFN_SCHEMA });
  if (!isPlainObject(doc)) throw new Error('a CloudFormation template is a YAML mapping');
  return doc;
}

export function dumpCfn(doc: Doc): string {
  // noRefs: never emit anchors/aliases (CloudFormation does not accept them);
  // lineWidth -1: no folding, so a diff shows whole values.
  return yaml.dump(doc, { schema: CFN_SCHEMA, noRefs: true, lineWidth: -1, sortKeys: false, quotingType: "'" });
}

/** Plain YAML (the destinations list): no CloudFormation tags. */
export function parsePlain(text: string): unknown {
  return yaml.load(text);
}
