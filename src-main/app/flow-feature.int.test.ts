import { describe, expect, it } from 'vitest';
import type { FlowAlert, FlowSnapshot } from '../../shared/domain/flow';
import type { Notification } from '../../shared/domain/notification';
import type { BoothCore } from './booth-core';
import { useBoothCore } from './test-support/booth-core-rig';

const startCore = useBoothCore();

async function start(): Promise<BoothCore> {
  return startCore({
    simulator: { timings: { metricSampleMs: 100, failoverMs: 100, flowUpdateMs: 100 } },
    flow: { steadyIntervalMs: 200, fastIntervalMs: 100, periodSec: 1 },
  });
}

function collect<T>(booth: BoothCore, channel: string): T[] {
  const items: T[] = [];
  booth.router.attach('operator', (c, payload) => c === channel && items.push(payload as T));
  return items;
}

/** The monitor polls every 100-200 ms here; allow for a loaded machine. */
const POLL = { timeout: 8_000, interval: 25 } as const;

describe('flow feature through the router', () => {
  it('serves the flow snapshot without secrets', async () => {
    const booth = await start();
    const result = await booth.router.invoke('flow.snapshot', {}, { role: 'admin' });
    expect(result.ok).toBe(true);
    const snapshot = (result as { data: FlowSnapshot }).data;
    expect(snapshot.flow.status).toBe('ACTIVE');
    expect(snapshot.flow.sources.map((s) => s.role).sort()).toEqual(['backup', 'main']);
    expect(JSON.stringify(snapshot)).not.toMatch(/secret|SecretArn|RoleArn/i);
  });

  it('alerts when main is lost (as a flow alert and an operator notification), and switches to backup on request', async () => {
    const booth = await start();
    const alerts = collect<FlowAlert>(booth, 'flow.alert');
    const notes = collect<Notification>(booth, 'notifications.feed');
    booth.simulator!.control.loseSource('main');
    await expect.poll(() => alerts.filter((a) => a.state === 'raised').map((a) => a.kind), POLL).toContain('main-lost');
    expect(notes.some((n) => n.kind === 'alert' && n.title === 'Main SRT source lost')).toBe(true);
    const refusedForOperatorOnly = await booth.router.invoke(
      'flow.switchSource',
      { target: 'backup' },
      { role: 'admin' },
    );
    expect(refusedForOperatorOnly).toMatchObject({ ok: false, code: 'forbidden' });
    const switched = await booth.router.invoke('flow.switchSource', { target: 'backup' }, { role: 'operator' });
    expect(switched).toMatchObject({ ok: true });
    await expect.poll(() => booth.simulator!.control.state().flow.failover.primarySource, POLL).toBe('backup');
  });

  it('refuses switching to a disconnected backup unless forced', async () => {
    const booth = await start();
    booth.simulator!.control.loseSource('backup');
    const backupConnected = async () => {
      const result = await booth.router.invoke('flow.snapshot', {}, { role: 'operator' });
      return result.ok ? (result.data as FlowSnapshot).flow.sources.find((s) => s.role === 'backup')?.connected : null;
    };
    await expect.poll(backupConnected, POLL).toBe(false);
    const refused = await booth.router.invoke('flow.switchSource', { target: 'backup' }, { role: 'operator' });
    expect(refused).toMatchObject({ ok: false, code: 'invalid-state' });
    if (!refused.ok) expect(refused.message).toMatch(/backup/i);
    const malformed = await booth.router.invoke('flow.switchSource', { target: 'tertiary' }, { role: 'operator' });
    expect(malformed).toMatchObject({ ok: false, code: 'invalid-input' });
  });
});
