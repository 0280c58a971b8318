import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../shared/domain/connection';
import { destinationStatus } from '../../shared/domain/test-support/destination-status';
import { expiryTone } from './presentation';
import { signInNeed } from './sign-in-presentation';

const NOW = new Date(2026, 11, 1, 22, 0, 0).getTime();

const info = (edit: Partial<ConnectionInfo> = {}): ConnectionInfo => ({
  mode: 'aws',
  profile: 'booth-sso',
  region: 'eu-west-1',
  regionSource: 'from profile booth-sso',
  accountId: '123456789012',
  stackName: 'lunora-booth',
  customEndpoint: false,
  endpointSources: [],
  credentialsExpireAt: NOW + 3_600_000,
  deadline: {
    endsAt: NOW + 3_600_000,
    bound: 'portal-session',
    startedAt: NOW,
    startSource: 'console-sign-in',
    sessionMinutes: 480,
  },
  canSignIn: true,
  status: 'connected',
  problem: null,
  ...edit,
});

describe('the operator window asks to sign in', () => {
  it('not while the session lasts', () => {
    expect(signInNeed(info(), [], NOW)).toBeNull();
  });

  it('when the session has ended, saying when', () => {
    const ended = info({ deadline: { ...info().deadline!, endsAt: NOW - 60_000 } });
    expect(signInNeed(ended, [], NOW)?.title).toBe('The AWS sign-in ended at 21:59:00: sign in again to keep control.');
  });

  it('when the tiles cannot be confirmed for expired credentials, or the connection wants a sign-in', () => {
    const tile = destinationStatus('a', 'RUNNING', {
      unconfirmed: { since: NOW, lastConfirmedAt: NOW, code: 'expired-credentials', reason: 'expired' },
    });
    expect(signInNeed(info(), [tile], NOW)?.title).toMatch(/credentials have expired/);
    const failed = info({ status: 'failed', problem: { kind: 'sign-in', message: 'm', fix: 'f' } });
    expect(signInNeed(failed, [], NOW)?.title).toMatch(/Not signed in/);
  });

  it('never for credentials the console cannot sign in itself', () => {
    expect(signInNeed(info({ canSignIn: false, deadline: null, credentialsExpireAt: NOW - 1 }), [], NOW)).toBeNull();
  });
});

describe('the deadline cell warns at 60, 15 and 5 minutes', () => {
  it.each([
    [61, 'calm'],
    [60, 'hour'],
    [15, 'quarter'],
    [5, 'last'],
    [0, 'ended'],
  ] as const)('%i min left: %s', (minutes, tone) => {
    expect(expiryTone(NOW + minutes * 60_000, NOW)).toBe(tone);
  });
});
