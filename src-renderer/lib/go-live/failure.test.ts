import { describe, expect, it } from 'vitest';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';
import type { Activity } from './arming';
import { tileFailure } from './failure';

const recorded = {
  code: 'unavailable',
  message: 'Start YouTube failed: AWS kept answering 503 (service unavailable); gave up after 5 tries at 18:40:07.',
  at: 1_000,
  action: 'start' as const,
};
const windowFailure = (code: string, ok = false): Activity => ({
  phase: 'done',
  action: 'stop',
  at: 2_000,
  ok,
  message: 'End failed',
  code,
});

describe('tileFailure', () => {
  it('shows the failure main recorded as one headline, with its time', () => {
    const failure = tileFailure(destinationStatus('youtube', 'IDLE', { lastError: recorded }), null, false);
    expect(failure).toMatchObject({
      headline: 'DID NOT GO LIVE — AWS service error',
      at: 1_000,
      action: 'start',
      recorded: true,
    });
    expect(failure?.headline).not.toMatch(/Exception|arn:|503/);
  });

  it("prefers main's record over the window's copy of the same answer", () => {
    const failure = tileFailure(
      destinationStatus('youtube', 'IDLE', { lastError: recorded }),
      windowFailure('unavailable'),
      false,
    );
    expect(failure?.recorded).toBe(true);
  });

  it('shows the window\'s own failures: a lost link is an unknown outcome, never "did not"', () => {
    const live = destinationStatus('youtube', 'RUNNING');
    expect(tileFailure(live, windowFailure('network'), false)?.headline).toBe('STOP NOT CONFIRMED — console link lost');
    expect(tileFailure(live, windowFailure('not-sent'), false)?.headline).toBe(
      'DID NOT STOP — not sent, the state changed',
    );
  });

  it('is hidden while the tile is armed again or a request is on its way, and absent for a poll error', () => {
    const failed = destinationStatus('youtube', 'IDLE', { lastError: recorded });
    expect(tileFailure(failed, null, true)).toBeNull();
    expect(tileFailure(failed, { phase: 'sending', action: 'start', since: 3_000 }, false)).toBeNull();
    expect(
      tileFailure({ ...failed, pending: { action: 'start', since: 3_000, attempt: 2, note: null } }, null, false),
    ).toBeNull();
    const pollError = destinationStatus('youtube', 'IDLE', {
      lastError: { code: 'throttled', message: 'x', at: 1 },
    });
    expect(tileFailure(pollError, null, false)).toBeNull();
    expect(tileFailure(destinationStatus('youtube'), windowFailure('x', true), false)).toBeNull();
  });
});
