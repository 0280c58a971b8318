import type { SimExchange } from '../../types';
import { loadApiModel } from './api-model';
import { parseWithSdk } from './sdk-replay';
import { validateShape } from './validate';
import { parseXml, requestToWire, responseToWire } from './wire';

/**
 * Holds one recorded exchange against AWS's model of its operation: the request the console sent (required members,
 * enums, no unknown members, types), the simulator's answer (only members the model defines, required ones present)
 * and what the real SDK makes of that answer (a parsed output, or the modeled error the answer names).
 * Returns the problems, each prefixed with the operation.
 */
export async function checkExchange(exchange: SimExchange): Promise<string[]> {
  const { service, operation, request, response } = exchange;
  const model = loadApiModel(service);
  const types = model.enums.operationTypes(operation);
  const text = model.protocol === 'query';
  const where = `${service}.${operation}`;
  const issues: string[] = [];
  const req = requestToWire(model, operation, request);
  issues.push(...req.issues.map((i) => `${where} request: ${i}`));
  const input = model.operation(operation).input ?? { type: 'structure', members: {} };
  for (const i of validateShape(model, req.value, input, types?.input, { textScalars: text }))
    issues.push(`${where} request ${i}`);

  const parsed = await parseWithSdk(model, exchange, req.value);
  if (response.status < 300) {
    const res = responseToWire(model, operation, response.body);
    issues.push(...res.issues.map((i) => `${where} response: ${i}`));
    const output = model.operation(operation).output ?? { type: 'structure', members: {} };
    for (const i of validateShape(model, res.value, output, types?.output, {
      textScalars: text,
      skipHeaderMembers: true,
    }))
      issues.push(`${where} response ${i}`);
    if ('error' in parsed) issues.push(`${where} response: the SDK failed to parse it (${parsed.error.name})`);
  } else {
    const code = errorCode(model.protocol, response);
    if (!('error' in parsed)) issues.push(`${where} error ${response.status}: the SDK parsed it as a success`);
    else if (parsed.error.name !== code || parsed.error.status !== response.status)
      issues.push(
        `${where} error: the SDK read ${parsed.error.name}/${parsed.error.status}, the answer said ${code}/${response.status}`,
      );
  }
  return issues;
}

function errorCode(protocol: string, response: SimExchange['response']): string {
  if (protocol === 'rest-json') return response.headers['x-amzn-errortype'] ?? '';
  if (protocol === 'json') {
    // awsQueryCompatible services (CloudWatch, SQS) carry the query code in a header; plain JSON 1.1 ones (the Price
    // List) only name the shape in the body's `__type`.
    const query = response.headers['x-amzn-query-error'];
    if (query) return query.split(';')[0] ?? '';
    try {
      const type = (JSON.parse(response.body) as { __type?: string }).__type ?? '';
      return type.split('#').at(-1) ?? '';
    } catch {
      return '';
    }
  }
  const error = parseXml(response.body).children.find((c) => c.name === 'Error');
  return error?.children.find((c) => c.name === 'Code')?.text ?? '';
}
