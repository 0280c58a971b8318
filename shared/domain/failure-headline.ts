import type { ErrorCode } from './errors';

/** What the operator asked for: go live (start) or end (stop). */
export type TakeAction = 'start' | 'stop';

/**
 * Codes of failures the window itself sees (the answer never came, or the take was not sent): the IPC codes of
 * `ErrorCode` cover what main answers.
 */
export type WindowFailureCode = 'link-down' | 'not-sent';

/** The short reason of a headline, in an operator's words: never an exception name, an ARN or a status number. */
const REASONS: Record<ErrorCode | WindowFailureCode, string> = {
  throttled: 'AWS throttling',
  'access-denied': 'permission denied',
  'expired-credentials': 'sign-in expired',
  'not-found': 'channel not found',
  conflict: 'refused in this state',
  'invalid-state': 'refused in this state',
  validation: 'settings rejected',
  timeout: 'AWS did not answer',
  network: 'AWS unreachable',
  unavailable: 'AWS service error',
  internal: 'unexpected error',
  'unknown-channel': 'console error',
  forbidden: 'not allowed in this window',
  'invalid-input': 'console error',
  'link-down': 'console link lost',
  'not-sent': 'not sent, the state changed',
};

/** Outcomes the console cannot know: the request may have reached AWS, so the headline never says "did not". */
const OUTCOME_UNKNOWN: ReadonlySet<string> = new Set(['timeout', 'link-down']);

export function failureReason(code: string): string {
  return (REASONS as Record<string, string | undefined>)[code] ?? 'error';
}

/**
 * One line for a failed take: "DID NOT GO LIVE — AWS service error", "DID NOT STOP — permission denied". When the
 * outcome is unknown (no answer) it says so ("GO LIVE NOT CONFIRMED — AWS did not answer"): the tile's state, read
 * from AWS, tells what happened.
 */
export function failureHeadline(action: TakeAction, code: string): string {
  const reason = failureReason(code);
  if (OUTCOME_UNKNOWN.has(code)) return `${action === 'start' ? 'GO LIVE' : 'STOP'} NOT CONFIRMED — ${reason}`;
  return `${action === 'start' ? 'DID NOT GO LIVE' : 'DID NOT STOP'} — ${reason}`;
}
