import { describe, expect, it, vi } from 'vitest';
import { callAws } from './retry';

const fast = { retries: 3, minTimeoutMs: 1, maxTimeoutMs: 5 };
const throttled = () =>
  Object.assign(new Error('Rate exceeded'), { name: 'TooManyRequestsException', $metadata: { httpStatusCode: 429 } });
const conflict = () =>
  Object.assign(new Error('Channel is running'), { name: 'ConflictException', $metadata: { httpStatusCode: 409 } });

describe('callAws', () => {
  it('retries throttling and then succeeds, telling the caller each retry', async () => {
    const call = vi.fn().mockRejectedValueOnce(throttled()).mockRejectedValueOnce(throttled()).mockResolvedValue('ok');
    const onRetry = vi.fn();
    await expect(callAws('Start YouTube', call, { policy: fast, onRetry })).resolves.toBe('ok');
    expect(call).toHaveBeenCalledTimes(3);
    expect(onRetry).toHaveBeenCalledTimes(2);
  });

  it('gives up after the bounded number of retries with the typed error', async () => {
    const call = vi.fn().mockRejectedValue(throttled());
    await expect(callAws('Start YouTube', call, { policy: fast })).rejects.toMatchObject({ code: 'throttled' });
    expect(call).toHaveBeenCalledTimes(4);
  });

  it('never retries a refusal', async () => {
    const call = vi.fn().mockRejectedValue(conflict());
    await expect(callAws('Start YouTube', call, { policy: fast })).rejects.toMatchObject({
      code: 'conflict',
      awsCode: 'ConflictException',
    });
    expect(call).toHaveBeenCalledTimes(1);
  });
});

describe('callAws, once the retries stop', () => {
  const unavailable = () =>
    Object.assign(new Error('Service is unavailable, try again later'), {
      name: 'ServiceUnavailableException',
      $fault: 'server',
      $metadata: { httpStatusCode: 503, requestId: 'req-503-a' },
    });
  // 18:40:07 local time today.
  const at = new Date(2026, 11, 1, 18, 40, 7).getTime();

  it('says what AWS kept answering, how many tries and when it gave up; never that it retries', async () => {
    const call = vi.fn().mockRejectedValue(unavailable());
    const failure = await callAws('Start YouTube', call, { policy: fast, now: () => at }).catch((e: unknown) => e);
    expect(failure).toMatchObject({ code: 'unavailable', attempts: 4, requestId: 'req-503-a', httpStatus: 503 });
    const message = (failure as Error).message;
    expect(message).toBe(
      'Start YouTube failed: AWS kept answering 503 (service unavailable); gave up after 4 tries at 18:40:07. ' +
        'Try again; if it persists, check the AWS Health Dashboard.',
    );
    expect(message).not.toMatch(/retries|retrying|backoff|ServiceUnavailableException/i);
    // AWS's own words stay in the detail, for the tray and the log.
    expect((failure as { detail?: string }).detail).toContain('ServiceUnavailableException');
  });

  it('names each status when they differ, and says throttling in words', async () => {
    const bad = Object.assign(new Error('Bad gateway'), {
      name: 'BadGatewayException',
      $metadata: { httpStatusCode: 502 },
    });
    const mixed = vi.fn().mockRejectedValueOnce(bad).mockRejectedValue(unavailable());
    await expect(callAws('Stop Twitch', mixed, { policy: fast, now: () => at })).rejects.toThrow(
      /^Stop Twitch failed: AWS kept answering 502, 503; gave up after 4 tries at 18:40:07\./,
    );
    const limited = vi.fn().mockRejectedValue(throttled());
    await expect(callAws('Start YouTube', limited, { policy: fast, now: () => at })).rejects.toThrow(
      'Start YouTube failed: AWS kept limiting the request rate (HTTP 429); gave up after 4 tries at 18:40:07. ' +
        'Wait a few seconds and try again.',
    );
  });

  it('a single answer with no retries left keeps the plain message (nothing was retried)', async () => {
    const call = vi.fn().mockRejectedValue(unavailable());
    const failure = await callAws('Start YouTube', call, { policy: { ...fast, retries: 0 } }).catch((e: unknown) => e);
    expect((failure as Error).message).toBe(
      'Start YouTube failed: AWS had an internal error. If it persists, check the AWS Health Dashboard.',
    );
    expect(failure).toMatchObject({ attempts: 1 });
  });
});
