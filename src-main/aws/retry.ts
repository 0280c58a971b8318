import pRetry, { AbortError } from 'p-retry';
import { mapAwsError } from './errors';

export interface RetryPolicy {
  /** Retries after the first attempt. */
  retries: number;
  minTimeoutMs: number;
  maxTimeoutMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { retries: 4, minTimeoutMs: 250, maxTimeoutMs: 4_000 };

/**
 * Calls AWS, retrying with exponential backoff and full jitter on throttling and 5xx only;
 * every other failure goes straight back as a BoothError with the AWS reason.
 * `onRetry` lets the caller show "retrying" while it happens.
 */
export async function callAws<T>(
  action: string,
  call: () => Promise<T>,
  options: { policy?: RetryPolicy; onRetry?: (attempt: number, reason: string) => void } = {},
): Promise<T> {
  const policy = options.policy ?? DEFAULT_RETRY;
  return pRetry(
    async () => {
      try {
        return await call();
      } catch (error) {
        const mapped = mapAwsError(error, action);
        if (!mapped.retryable) throw new AbortError(mapped);
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
    throw mapAwsError(error, action);
  });
}
