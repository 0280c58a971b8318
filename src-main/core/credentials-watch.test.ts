import { describe, expect, it } from 'vitest';
import type { Notification } from '../../shared/domain/notification';
import { watchCredentialExpiry } from './credentials-watch';
import { createNotifier } from './notifications/notifier';

describe('credential expiry watch', () => {
  it('warns at one hour, fifteen and five minutes, once each, and when expired', async () => {
    let now = 0;
    const expiresAt = 2 * 60 * 60_000;
    const seen: Notification[] = [];
    const watch = watchCredentialExpiry(
      async () => expiresAt,
      createNotifier(
        (n) => seen.push(n),
        () => now,
      ),
      { now: () => now, checkEveryMs: 1e9 },
    );
    for (const minutesLeft of [90, 61, 59, 58, 14, 14, 4, 0]) {
      now = expiresAt - minutesLeft * 60_000;
      await watch.check();
    }
    watch.stop();
    expect(seen.map((n) => n.title)).toEqual([
      'AWS session expires in 59 min',
      'AWS session expires in 14 min',
      'AWS session expires in 4 min',
      'AWS session expired',
    ]);
    expect(seen.map((n) => n.level)).toEqual(['warning', 'warning', 'error', 'error']);
    expect(seen.every((n) => n.kind === 'credentials')).toBe(true);
  });

  it('says nothing for credentials without an expiry (keys, simulation)', async () => {
    const seen: Notification[] = [];
    const watch = watchCredentialExpiry(
      async () => null,
      createNotifier((n) => seen.push(n)),
      { checkEveryMs: 1e9 },
    );
    await watch.check();
    watch.stop();
    expect(seen).toEqual([]);
  });
});
