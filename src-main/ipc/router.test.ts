import { describe, expect, it, vi } from 'vitest';
import { INVOKE_CHANNELS, INVOKE_ROLES, EVENT_CHANNELS } from '../../shared/ipc/channels';
import { BoothError } from '../../shared/domain/errors';
import { silentLogger } from '../core/logger';
import { createRouter, type InvokeHandlers } from './router';
import { FAKE_TILE, fakeHandlers } from './test-support/fake-handlers';

const tile = FAKE_TILE;
const handlers = fakeHandlers;

/** For each channel, payloads that its schema must refuse. */
const MALFORMED: unknown[] = [
  'text',
  42,
  [],
  { unexpected: true },
  { destinationId: 7 },
  { destinationId: '../etc' },
  { destinationId: 'x'.repeat(500) },
  { platform: 'myspace' },
];

describe('router boundary', () => {
  it('refuses a channel that is not in the contract', async () => {
    const router = createRouter(handlers(), silentLogger);
    for (const channel of ['shell.openExternal', '__proto__', 'constructor', 42, null]) {
      const result = await router.invoke(channel, {}, { role: 'admin' });
      expect(result).toMatchObject({ ok: false, code: 'unknown-channel' });
    }
  });

  it('refuses a sender the transport could not vouch for, before calling anything', async () => {
    const start = vi.fn(handlers()['channels.start']);
    const router = createRouter(handlers({ 'channels.start': start }), silentLogger);
    const result = await router.invoke('channels.start', { destinationId: 'youtube' }, null);
    expect(result).toMatchObject({ ok: false, code: 'forbidden' });
    expect(start).not.toHaveBeenCalled();
  });

  it('refuses every channel a role is not allowed to use', async () => {
    const router = createRouter(handlers(), silentLogger);
    for (const channel of INVOKE_CHANNELS) {
      for (const role of ['operator', 'admin'] as const) {
        const allowed = (INVOKE_ROLES[channel] as readonly string[]).includes(role);
        const result = await router.invoke(
          channel,
          channel === 'channels.endAll'
            ? { confirm: true }
            : channel.startsWith('channels.')
              ? { destinationId: 'youtube' }
              : {},
          { role },
        );
        // Allowed channels may still refuse this generic payload, but never as forbidden.
        const forbidden = !result.ok && result.code === 'forbidden';
        expect(forbidden, `${role} -> ${channel}`).toBe(!allowed);
      }
    }
  });

  it('refuses an invalid field in the words of its form, naming the field, never in zod words nor with the channel', async () => {
    const router = createRouter(handlers(), silentLogger);
    const result = await router.invoke('settings.updateCosts', { monthlyBudgetUsd: -3 }, { role: 'admin' });
    const message = 'Monthly budget: enter an amount from 0 to 1,000,000 (US dollars a month).';
    expect(result).toEqual({
      ok: false,
      code: 'invalid-input',
      message,
      fields: [{ field: 'monthlyBudgetUsd', message }],
    });
  });

  it('rejects malformed payloads on every channel with invalid-input, never calling the service', async () => {
    const calls: string[] = [];
    const spied = Object.fromEntries(
      Object.entries(handlers()).map(([name, fn]) => [
        name,
        async (...args: unknown[]) => {
          calls.push(name);
          return (fn as (...a: unknown[]) => unknown)(...args);
        },
      ]),
    ) as unknown as InvokeHandlers;
    const router = createRouter(spied, silentLogger);
    for (const channel of INVOKE_CHANNELS) {
      const role = (INVOKE_ROLES[channel] as readonly ('operator' | 'admin')[])[0]!;
      for (const payload of MALFORMED) {
        const result = await router.invoke(channel, payload, { role });
        expect(result, `${channel} ${JSON.stringify(payload).slice(0, 40)}`).toMatchObject({
          ok: false,
          code: 'invalid-input',
        });
      }
    }
    expect(calls).toEqual([]);
  });

  it('passes domain errors through as typed failures and hides unexpected ones', async () => {
    const router = createRouter(
      handlers({
        'channels.start': async () => {
          throw new BoothError('throttled', 'Start YouTube failed: AWS is limiting the request rate.');
        },
        'channels.stop': async () => {
          throw new Error('socket exploded with secret sk_live_123');
        },
      }),
      silentLogger,
    );
    expect(await router.invoke('channels.start', { destinationId: 'youtube' }, { role: 'operator' })).toEqual({
      ok: false,
      code: 'throttled',
      message: 'Start YouTube failed: AWS is limiting the request rate.',
    });
    const hidden = await router.invoke('channels.stop', { destinationId: 'youtube' }, { role: 'operator' });
    expect(hidden).toMatchObject({ ok: false, code: 'internal' });
    expect(JSON.stringify(hidden)).not.toContain('sk_live_123');
  });

  it('fails a call whose output carries a field outside the contract, so nothing extra can leak', async () => {
    const router = createRouter(
      handlers({
        'destinations.snapshot': async () =>
          ({ kind: 'snapshot', seq: 1, at: 1, destinations: [{ ...tile, streamKey: 'live_abc' }] }) as never,
      }),
      silentLogger,
    );
    const result = await router.invoke('destinations.snapshot', {}, { role: 'operator' });
    expect(result).toMatchObject({ ok: false, code: 'internal' });
    expect(JSON.stringify(result)).not.toContain('live_abc');
  });

  it('delivers events only to attached sinks whose role may receive them, and only valid payloads', () => {
    const router = createRouter(handlers(), silentLogger);
    const operator = vi.fn();
    const admin = vi.fn();
    const detach = router.attach('operator', operator);
    router.attach('admin', admin);
    router.publish('destinations.feed', { kind: 'delta', seq: 2, at: 2, changed: [tile], removed: [] });
    expect(operator).toHaveBeenCalledWith('destinations.feed', expect.objectContaining({ seq: 2 }));
    expect(admin).toHaveBeenCalledTimes(1);
    router.publish('destinations.feed', {
      kind: 'delta',
      seq: 3,
      at: 3,
      changed: [{ ...tile, state: 'NOPE' as never }],
      removed: [],
    });
    expect(operator).toHaveBeenCalledTimes(1);
    detach();
    router.publish('destinations.feed', { kind: 'delta', seq: 4, at: 4, changed: [], removed: [] });
    expect(operator).toHaveBeenCalledTimes(1);
    expect(admin).toHaveBeenCalledTimes(2);
    expect(EVENT_CHANNELS).toContain('destinations.feed');
  });
});

describe('contract', () => {
  it('has a schema for exactly the channels that have roles, and the reverse', async () => {
    const { INVOKE_CONTRACT, EVENT_CONTRACT } = await import('../../shared/ipc/contract');
    expect(Object.keys(INVOKE_CONTRACT).sort()).toEqual([...INVOKE_CHANNELS].sort());
    expect(Object.keys(EVENT_CONTRACT).sort()).toEqual([...EVENT_CHANNELS].sort());
  });
});
