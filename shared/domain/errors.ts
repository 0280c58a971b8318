/**
 * Error codes that travel over IPC. Electron reduces a thrown error to its message,
 * so failures cross the boundary as data: `{ ok: false, code, message }`.
 */
export const ERROR_CODES = [
  // boundary
  'unknown-channel',
  'forbidden',
  'invalid-input',
  'internal',
  // AWS and domain
  'throttled',
  'access-denied',
  'not-found',
  'conflict',
  'invalid-state',
  'expired-credentials',
  'network',
  'timeout',
  'unavailable',
  'validation',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

/**
 * A failure the operator can act on: `message` is written for people (no exception names, no ARNs), `awsCode` keeps
 * AWS's own name and `detail` what AWS (or whatever answered) said, for the log and a "details" disclosure only.
 */
export class BoothError extends Error {
  readonly code: ErrorCode;
  readonly retryable: boolean;
  readonly awsCode: string | undefined;
  readonly httpStatus: number | undefined;
  readonly detail: string | undefined;
  /** The request id AWS gave its answer (the `x-amzn-RequestId` header), for AWS support; not for the headline. */
  readonly requestId: string | undefined;
  /** How many times the request was sent before the console gave up (1 when it was not retried). */
  readonly attempts: number;

  constructor(
    code: ErrorCode,
    message: string,
    details: {
      retryable?: boolean;
      awsCode?: string;
      httpStatus?: number;
      detail?: string;
      requestId?: string;
      attempts?: number;
      cause?: unknown;
    } = {},
  ) {
    super(message, details.cause === undefined ? undefined : { cause: details.cause });
    this.name = 'BoothError';
    this.code = code;
    this.retryable = details.retryable ?? false;
    this.awsCode = details.awsCode;
    this.httpStatus = details.httpStatus;
    this.detail = details.detail;
    this.requestId = details.requestId;
    this.attempts = details.attempts ?? 1;
  }
}

export function isBoothError(value: unknown): value is BoothError {
  return value instanceof BoothError;
}
