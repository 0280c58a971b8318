import { BoothError, type ErrorCode } from '../../shared/domain/errors';

interface AwsLikeError {
  name?: string;
  message?: string;
  code?: string;
  $metadata?: { httpStatusCode?: number; requestId?: string };
  $fault?: 'client' | 'server';
  /** The region the request went to (set by the clients of clients.ts). */
  $lunoraRegion?: string;
  validationErrors?: Array<{ elementPath?: string; errorMessage?: string }>;
}

const THROTTLING = new Set([
  'TooManyRequestsException',
  'ThrottlingException',
  'Throttling',
  'RequestLimitExceeded',
  'ProvisionedThroughputExceededException',
  'RequestThrottled',
  'SlowDown',
]);
const EXPIRED = new Set([
  'ExpiredToken',
  'ExpiredTokenException',
  'TokenRefreshRequired',
  'InvalidClientTokenId',
  'UnrecognizedClientException',
  'InvalidGrantException',
]);
const DENIED = new Set([
  'ForbiddenException',
  'AccessDenied',
  'AccessDeniedException',
  'UnauthorizedException',
  'UnauthorizedOperation',
]);
const NOT_FOUND = new Set(['NotFoundException', 'ResourceNotFoundException', 'NoSuchEntity']);
const CONFLICT = new Set(['ConflictException', 'ConditionalCheckFailedException', 'TransactionConflictException']);
const NETWORK = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EPIPE',
  'EHOSTUNREACH',
  'ENETUNREACH',
]);
const TIMEOUT = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'ETIMEDOUT', 'AbortError']);

function classify(error: AwsLikeError): ErrorCode {
  const name = error.name ?? '';
  const code = error.code ?? '';
  const status = error.$metadata?.httpStatusCode;
  const message = error.message ?? '';
  if (THROTTLING.has(name) || status === 429) return 'throttled';
  if (EXPIRED.has(name) || /token (has )?expired|session (has )?expired|sso session .*expired/i.test(message))
    return 'expired-credentials';
  if (name === 'CredentialsProviderError' || /could not load credentials|credential.*not found/i.test(message))
    return 'expired-credentials';
  if (DENIED.has(name) || status === 403) return 'access-denied';
  if (NOT_FOUND.has(name) || status === 404 || (name === 'ValidationError' && /does not exist/i.test(message)))
    return 'not-found';
  if (CONFLICT.has(name) || status === 409) return 'conflict';
  if (
    name === 'UnprocessableEntityException' ||
    status === 422 ||
    name === 'ValidationError' ||
    name === 'ValidationException'
  )
    return 'validation';
  if (TIMEOUT.has(name) || TIMEOUT.has(code)) return 'timeout';
  if (NETWORK.has(code) || NETWORK.has(name) || /ECONNREFUSED|ECONNRESET|ENOTFOUND|socket hang up/.test(message))
    return 'network';
  if (error.$fault === 'server' || (status !== undefined && status >= 500)) return 'unavailable';
  if (name === 'BadRequestException' || status === 400) return 'invalid-state';
  return 'internal';
}

const ADVICE: Record<ErrorCode, string> = {
  throttled: 'AWS is limiting the request rate. If it persists, wait a few seconds and try again.',
  'expired-credentials':
    'The AWS credentials have expired or could not be loaded. Press Sign in (or run aws sso login), then retry; running channels are not affected.',
  'access-denied':
    'These credentials are not allowed to do this. Ask an admin for the operator or admin policy of the stack.',
  'not-found': 'AWS does not know this resource. Check the stack configuration (readiness check).',
  conflict: 'AWS refused because the resource is not in a state that allows it.',
  validation: 'AWS rejected the settings.',
  timeout: 'AWS did not answer in time; the outcome is unknown until the next status read.',
  network: 'AWS could not be reached. Check the network connection.',
  unavailable: 'AWS had an internal error. If it persists, check the AWS Health Dashboard.',
  'invalid-state': 'AWS refused the request in the current state.',
  internal: 'Unexpected error from AWS.',
  'unknown-channel': '',
  forbidden: '',
  'invalid-input': '',
};

/** Marks an SDK error with the region its request went to; the first mark wins. */
export function tagErrorRegion(error: unknown, region: string): void {
  if (typeof error === 'object' && error !== null && !('$lunoraRegion' in error))
    Object.defineProperty(error, '$lunoraRegion', { value: region, enumerable: false });
}

/** True for the failures that are safe to retry blindly: the request was not acted on. */
function isRetryableCode(code: ErrorCode): boolean {
  return code === 'throttled' || code === 'unavailable';
}

/**
 * The SDK could not read the answer as the service's protocol (an HTML page from a proxy, a captive portal, an empty
 * 5xx with no error shape): it throws the parser's own error ("SyntaxError: Unexpected token '<'", "XML parse error")
 * with a hint about the hidden `$response` field, or an "Unknown"/"UnknownError" error without any AWS error code.
 * See aws/aws-sdk-js-v3#4592 (the `$response` hint) and smithy-lang/smithy-typescript#555 (unexpected responses).
 */
function isForeignAnswer(error: AwsLikeError): boolean {
  const message = error.message ?? '';
  if (/Deserialization error|\$response/i.test(message)) return true;
  if (error.$metadata?.httpStatusCode === undefined) return false;
  return error.name === 'SyntaxError' || (error.name === 'Unknown' && /^Unknown(Error)?$/.test(message));
}

/** ARNs and account ids out of text meant for the log: they identify the account, not the problem. */
function redactArns(text: string): string {
  return text.replace(/arn:aws[a-z-]*:[^\s"',)]+/g, 'arn:…');
}

/** The errors made from answers that were not AWS's (a proxy's web page, say): their retries end in those words too. */
const foreignAnswers = new WeakSet<BoothError>();

export function isMappedForeignAnswer(error: BoothError): boolean {
  return foreignAnswers.has(error);
}

function foreignAnswer(aws: AwsLikeError, action: string, error: unknown): BoothError {
  const status = aws.$metadata?.httpStatusCode;
  const serverSide = status !== undefined && status >= 500;
  const code: ErrorCode = serverSide ? 'unavailable' : 'internal';
  const statusText = status !== undefined ? `HTTP ${status}` : 'no HTTP status';
  const message =
    `${action} failed: AWS (or the endpoint) sent an unexpected answer (${statusText}), not an AWS response. ` +
    'A proxy, firewall or wrong endpoint setting may be answering instead of AWS; check the network and the endpoint.';
  const mapped = new BoothError(code, message, {
    retryable: serverSide,
    ...(status !== undefined ? { httpStatus: status } : {}),
    ...(aws.$metadata?.requestId ? { requestId: aws.$metadata.requestId } : {}),
    detail: `${aws.name ?? 'Error'}: ${(aws.message ?? '').replace(/\s+/g, ' ').trim().slice(0, 300)}`,
    cause: error,
  });
  foreignAnswers.add(mapped);
  return mapped;
}

/**
 * Turns an SDK error into a BoothError whose message says what was attempted and what to do, in words: no exception
 * name and no ARN in it. What AWS said goes to `detail` (and `awsCode`) for the log. `action` is the operator's words
 * for the attempt, e.g. "Start YouTube". MediaLive's field-level validation errors stay in the message: they name
 * the setting to fix.
 */
export function mapAwsError(error: unknown, action: string): BoothError {
  if (error instanceof BoothError) return error;
  const aws: AwsLikeError = typeof error === 'object' && error !== null ? error : { message: String(error) };
  if (isForeignAnswer(aws)) return foreignAnswer(aws, action, error);
  const code = classify(aws);
  const awsName = aws.name && aws.name !== 'Error' ? aws.name : aws.code;
  const awsReason = aws.message ? redactArns(aws.message.replace(/\s+/g, ' ').trim().slice(0, 300)) : '';
  const fields = aws.validationErrors
    ?.map((v) => [v.elementPath, v.errorMessage].filter(Boolean).join(': '))
    .filter(Boolean)
    .slice(0, 5)
    .join('; ');
  const detail = [awsName, awsReason, fields].filter(Boolean).join(': ');
  const advice =
    code === 'not-found' && aws.$lunoraRegion
      ? ADVICE[code].replace('this resource.', `this resource in ${aws.$lunoraRegion}.`)
      : ADVICE[code];
  const message = `${action} failed: ${advice}${fields ? ` ${redactArns(fields)}` : ''}`;
  return new BoothError(code, message, {
    retryable: isRetryableCode(code),
    ...(awsName ? { awsCode: awsName } : {}),
    ...(aws.$metadata?.httpStatusCode !== undefined ? { httpStatus: aws.$metadata.httpStatusCode } : {}),
    ...(aws.$metadata?.requestId ? { requestId: aws.$metadata.requestId } : {}),
    ...(detail ? { detail } : {}),
    cause: error,
  });
}
