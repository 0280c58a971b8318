import type { SimRequest } from '../../types';
import type { ApiModel, ApiShape } from './api-model';

/**
 * Turns what crossed the socket back into values keyed as the model names them on the wire, so that validate.ts can
 * hold them against the model: a request's body plus its path labels, query string and headers; a response's JSON
 * body or its query-protocol XML result. Problems found on the way (an unknown query parameter, an XML element the
 * model does not define) are returned beside the value.
 */
export interface WireValue {
  value: Record<string, unknown>;
  issues: string[];
}

export function requestToWire(model: ApiModel, operation: string, req: SimRequest): WireValue {
  const op = model.operation(operation);
  const input = model.resolve(op.input ?? { type: 'structure', members: {} });
  const issues: string[] = [];
  if (model.protocol === 'query') return formToWire(req, input, issues);
  const value: Record<string, unknown> =
    req.body.trim() === '' ? {} : (JSON.parse(req.body) as Record<string, unknown>);
  if (model.protocol === 'json') return { value, issues };
  const labels = matchUri(op.http?.requestUri ?? '/', req.path);
  if (!labels) issues.push(`path ${req.path} does not match ${op.http?.requestUri ?? '?'}`);
  const queryNames = new Set<string>();
  for (const [name, ref] of Object.entries(input.members ?? {})) {
    const member = model.resolve(ref);
    const key = member.locationName ?? name;
    if (member.location === 'uri' && labels?.[key] !== undefined) value[key] = labels[key];
    if (member.location === 'querystring') {
      queryNames.add(key);
      const raw = req.query.get(key);
      if (raw !== null) value[key] = member.type === 'integer' || member.type === 'long' ? Number(raw) : raw;
    }
    if (member.location === 'header') {
      const raw = req.headers[key.toLowerCase()];
      if (typeof raw === 'string') value[key] = raw;
    }
  }
  for (const key of req.query.keys()) if (!queryNames.has(key)) issues.push(`unknown query parameter ${key}`);
  return { value, issues };
}

/** `{channelId}` and `{flowArn+}` labels of a requestUri template, decoded, or null when the path does not match. */
function matchUri(template: string, path: string): Record<string, string> | null {
  const names: string[] = [];
  const pattern = template
    .split('?')[0]!
    .replace(/[.*^$()|[\]\\]/g, '\\$&')
    .replace(/\{(\w+)(\+?)\}/g, (_m, name: string, greedy: string) => {
      names.push(name);
      return greedy ? '(.+)' : '([^/]+)';
    });
  const m = new RegExp(`^${pattern}$`).exec(path);
  if (!m) return null;
  return Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1] ?? '')]));
}

function formToWire(req: SimRequest, input: ApiShape, issues: string[]): WireValue {
  const value: Record<string, unknown> = {};
  const members = input.members ?? {};
  for (const [key, raw] of new URLSearchParams(req.body)) {
    if (key === 'Action' || key === 'Version') continue;
    const top = key.split('.')[0] ?? key;
    if (!(top in members)) {
      issues.push(`unknown form parameter ${key}`);
      continue;
    }
    if (key === top) value[top] = raw;
    else ((value[top] ??= []) as unknown[]).push(raw);
  }
  return { value, issues };
}

export function responseToWire(model: ApiModel, operation: string, body: string): WireValue {
  const op = model.operation(operation);
  const output = model.resolve(op.output ?? { type: 'structure', members: {} });
  if (model.protocol !== 'query') {
    const parsed: unknown = body.trim() === '' ? {} : JSON.parse(body);
    const value = (output.payload ? { [payloadKey(model, output)]: parsed } : parsed) as Record<string, unknown>;
    return { value, issues: [] };
  }
  const issues: string[] = [];
  const root = parseXml(body);
  if (root.name !== `${operation}Response`) issues.push(`root element ${root.name}, expected ${operation}Response`);
  const wrapper = output.resultWrapper ?? `${operation}Result`;
  const result = root.children.find((c) => c.name === wrapper);
  for (const c of root.children)
    if (c.name !== wrapper && c.name !== 'ResponseMetadata') issues.push(`unknown element ${c.name} in ${root.name}`);
  if (!result) return { value: {}, issues: [...issues, `no ${wrapper} element`] };
  return { value: xmlStruct(model, result, output, '$', issues), issues };
}

function payloadKey(model: ApiModel, output: ApiShape): string {
  const name = output.payload ?? '';
  const member = output.members?.[name] ?? {};
  return member.locationName ?? name;
}

interface XmlNode {
  name: string;
  children: XmlNode[];
  text: string;
}

/** The XML the query protocol answers with: elements, text and entities; attributes (xmlns) are ignored. */
export function parseXml(xml: string): XmlNode {
  const root: XmlNode = { name: '#document', children: [], text: '' };
  const stack: XmlNode[] = [root];
  const decode = (s: string) =>
    s.replace(
      /&(lt|gt|amp|apos|quot);/g,
      (_m, e: string) => ({ lt: '<', gt: '>', amp: '&', apos: "'", quot: '"' })[e] ?? '',
    );
  for (const m of xml.matchAll(/<(\/?)([\w:.-]+)[^>]*?(\/?)>|([^<]+)/g)) {
    const top = stack[stack.length - 1]!;
    if (m[4] !== undefined) {
      top.text += decode(m[4]);
      continue;
    }
    if (m[2]?.startsWith('?')) continue;
    if (m[1] === '/') {
      stack.pop();
      continue;
    }
    const node: XmlNode = { name: m[2] ?? '', children: [], text: '' };
    top.children.push(node);
    if (m[3] !== '/') stack.push(node);
  }
  const first = root.children[0];
  if (!first) throw new Error('empty XML document');
  return first;
}

/** An XML element as the wire value of a structure: child elements by member locationName, lists as arrays. */
function xmlStruct(
  model: ApiModel,
  node: XmlNode,
  shape: ApiShape,
  path: string,
  issues: string[],
): Record<string, unknown> {
  const members = Object.entries(model.resolve(shape).members ?? {});
  const out: Record<string, unknown> = {};
  for (const child of node.children) {
    const entry = members.find(([name, m]) => (model.resolve(m).locationName ?? name) === child.name);
    if (!entry) {
      out[child.name] = child.text;
      continue;
    }
    out[child.name] = xmlValue(model, child, entry[1], `${path}.${child.name}`, issues);
  }
  return out;
}

function xmlValue(model: ApiModel, node: XmlNode, ref: ApiShape, path: string, issues: string[]): unknown {
  const shape = model.resolve(ref);
  if (shape.type === 'structure') return xmlStruct(model, node, shape, path, issues);
  if (shape.type === 'list') {
    const itemName = model.resolve(shape.member ?? {}).locationName ?? 'member';
    return node.children.map((c, i) => {
      if (c.name !== itemName) issues.push(`${path}[${i}]: element ${c.name}, expected ${itemName}`);
      return xmlValue(model, c, shape.member ?? {}, `${path}[${i}]`, issues);
    });
  }
  return node.text;
}
