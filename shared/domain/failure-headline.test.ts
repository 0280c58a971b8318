import { describe, expect, it } from 'vitest';
import { ERROR_CODES } from './errors';
import { failureHeadline, failureReason } from './failure-headline';

describe('failureHeadline', () => {
  it('says what did not happen and why, in words', () => {
    expect(failureHeadline('start', 'unavailable')).toBe('DID NOT GO LIVE — AWS service error');
    expect(failureHeadline('stop', 'access-denied')).toBe('DID NOT STOP — permission denied');
    expect(failureHeadline('start', 'throttled')).toBe('DID NOT GO LIVE — AWS throttling');
    expect(failureHeadline('start', 'expired-credentials')).toBe('DID NOT GO LIVE — sign-in expired');
    expect(failureHeadline('start', 'conflict')).toBe('DID NOT GO LIVE — refused in this state');
  });

  it('never claims "did not" when the outcome is unknown', () => {
    expect(failureHeadline('start', 'timeout')).toBe('GO LIVE NOT CONFIRMED — AWS did not answer');
    expect(failureHeadline('stop', 'link-down')).toBe('STOP NOT CONFIRMED — console link lost');
  });

  it('has words for every code main answers, and none of them is an exception name, an ARN or a number', () => {
    for (const code of ERROR_CODES) {
      const reason = failureReason(code);
      expect(reason, code).not.toBe('error');
      expect(reason).not.toMatch(/Exception|arn:|\d{3}|[A-Z][a-z]+[A-Z]/);
    }
    expect(failureReason('something-new')).toBe('error');
  });
});
