import pRetry, { AbortError } from 'p-retry';
import { BoothError } from '../../shared/domain/errors';
import { clockTime } from '../../shared/domain/time-format';
import { isMappedForeignAnswer, mapAwsError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, minTimeoutMs: 250, maxTimeoutMs: 4_000 };

/**
 * HTTP status words for the answers that are retried. Throttling and the 5xx statuses as the AWS API common errors list
 * them (ThrottlingException 400, InternalFailure 500, ServiceUnavailable 503: "AWS API Common Errors",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html); MediaLive's own shapes add 429
 * TooManyRequestsException, 502 BadGatewayException and 504 GatewayTimeoutException (MediaLive API Reference, "Errors"
 * of each resource, e.g. https://docs.aws.amazon.com/medialive/latest/apireference/channels-channelid-start.html).
 */
const STATUS_WORDS: Record<number, string> = {
  429: 'too many requests',
  500: 'internal error',
  502: 'bad gateway',
  503: 'service unavailable',
  504: 'gateway timeout',
};

function answered(statuses: number[]): string {
  if (statuses.length === 0) return 'AWS kept failing';
  const [only] = statuses;
  if (statuses.length === 1 && only !== undefined && STATUS_WORDS[only])
    return `AWS kept answering ${only} (${STATUS_WORDS[only]})`;
  return `AWS kept answering ${statuses.join(', ')}`;
}

/**
 * The final word after the retries stopped: what AWS kept answering, how many tries, when the console gave up, and
 * what to do; never "retrying", which is over. The last answer's AWS text and request id stay in `detail`/`requestId`.
 */
function gaveUp(
  action: string,
  last: BoothError,
  tries: { attempts: number; statuses: number[]; at: number },
): BoothError {
  const foreign = isMappedForeignAnswer(last);
  const what = foreign
    ? `AWS (or the endpoint) sent an unexpected answer (HTTP ${tries.statuses.join(', ') || 'none'}), not an AWS response, each time`
    : last.code === 'throttled'
      ? `AWS kept limiting the request rate${tries.statuses.length > 0 ? ` (HTTP ${tries.statuses.join(', ')})` : ''}`
      : answered(tries.statuses);
  const advice = foreign
    ? 'A proxy, firewall or wrong endpoint setting may be answering instead of AWS; check the network and the endpoint.'
    : last.code === 'throttled'
      ? 'Wait a few seconds and try again.'
      : 'Try again; if it persists, check the AWS Health Dashboard.';
  const message = `${action} failed: ${what}; gave up after ${tries.attempts} tries at ${clockTime(tries.at)}. ${advice}`;
  return new BoothError(last.code, message, {
    retryable: last.retryable,
    attempts: tries.attempts,
    ...(last.awsCode ? { awsCode: last.awsCode } : {}),
    ...(last.httpStatus !== undefined ? { httpStatus: last.httpStatus } : {}),
    ...(last.detail ? { detail: last.detail } : {}),
    ...(last.requestId ? { requestId: last.requestId } : {}),
    cause: last,
  });
}

/**
 * Calls AWS, retrying with exponential backoff and full jitter on throttling and 5xx only;
 * every other failure goes straight back as a BoothError with the AWS reason.
 * `onRetry` lets the caller show "retrying" while it happens. When the retries run out, the error says so
 * (what AWS kept answering, how many tries, when it gave up).
 */
export async function callAws<T>(
  action: string,
  call: () => Promise<T>,
  options: { policy?: RetryPolicy; onRetry?: (attempt: number, reason: string) => void; now?: () => number } = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  const now = options.now ?? Date.now;
  let attempts = 0;
  const statuses: number[] = [];
  return pRetry(
    async () => {
      attempts += 1;
      try {
        return await call();
      } catch (error) {
        const mapped = mapAwsError(error, action);
        if (!mapped.retryable) throw new AbortError(mapped);
        if (mapped.httpStatus !== undefined && !statuses.includes(mapped.httpStatus)) statuses.push(mapped.httpStatus);
        throw mapped;
      }
    },
    {
      retries: policy.retries,
      minTimeout: policy.minTimeoutMs,
      maxTimeout: policy.maxTimeoutMs,
      factor: 2,
      randomize: true,
      onFailedAttempt: ({ error, attemptNumber, retriesLeft }) => {
        if (retriesLeft > 0) options.onRetry?.(attemptNumber, error.message);
      },
    },
  ).catch((error: unknown) => {
    const mapped = mapAwsError(error, action);
    if (!mapped.retryable || attempts < 2) throw mapped;
    throw gaveUp(action, mapped, { attempts, statuses, at: now() });
  });
}
