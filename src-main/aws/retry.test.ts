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
