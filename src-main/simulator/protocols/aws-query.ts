import type { ServerResponse } from 'node:http';
import type { AwsError } from '../errors';

/**
 * AWS query protocol (STS, CloudFormation): form-encoded POST with `Action` and `Version`;
 * XML answers `<{Action}Response><{Action}Result>...</{Action}Result><ResponseMetadata>`;
 * errors `<ErrorResponse><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
export function parseQueryBody(body: string, query: URLSearchParams): URLSearchParams {
  const params = new URLSearchParams(body);
  for (const [k, v] of query) if (!params.has(k)) params.set(k, v);
  return params;
}

function xmlEscape(value: string): string {
  return value.replace(
    /[<>&'"]/g,
    (c) => `&${{ '<': 'lt', '>': 'gt', '&': 'amp', "'": 'apos', '"': 'quot' }[c] ?? ''};`,
  );
}

/** Element with escaped text, or with raw (already built) children when `raw` is true. */
export function el(name: string, content: string | number | boolean | undefined, raw = false): string {
  if (content === undefined) return '';
  const text = raw ? String(content) : xmlEscape(String(content));
  return `<${name}>${text}</${name}>`;
}

export function writeQueryResult(
  res: ServerResponse,
  action: string,
  namespace: string,
  resultXml: string,
  requestId: string,
): void {
  const payload =
    `<${action}Response xmlns="${namespace}">` +
    `<${action}Result>${resultXml}</${action}Result>` +
    `<ResponseMetadata><RequestId>${requestId}</RequestId></ResponseMetadata>` +
    `</${action}Response>`;
  res.writeHead(200, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  res.end(payload);
}

export function writeQueryError(res: ServerResponse, err: AwsError, namespace: string, requestId: string): void {
  const payload =
    `<ErrorResponse xmlns="${namespace}">` +
    `<Error><Type>${err.faultType}</Type>${el('Code', err.code)}${el('Message', err.message)}</Error>` +
    `<RequestId>${requestId}</RequestId>` +
    `</ErrorResponse>`;
  res.writeHead(err.status, {
    'content-type': 'text/xml',
    'content-length': Buffer.byteLength(payload),
    'x-amzn-requestid': requestId,
  });
  res.end(payload);
}
