import { describe, expect, it } from 'vitest';
import type { Alarm, DestinationStatus } from '../../../shared/domain/destination';
import { createNotifier } from '../notifications/notifier';
import { ChannelAlertEvents, type AlertTiles, type ChannelAlert } from './alert-events';

const tile = (alarm: Alarm | null = null): DestinationStatus => ({
  id: 'youtube',
  platform: 'youtube',
  name: 'YouTube',
  channelId: '1234',
  state: 'RUNNING',
  stateSince: 0,
  runningSince: 0,
  unconfirmed: null,
  alarm,
  presetSummary: null,
  problem: null,
  lastError: null,
  pending: null,
  bitrateBps: null,
  startedBy: null,
});

function setup(initial: DestinationStatus = tile()) {
  let status = initial;
  const tiles: AlertTiles = {
    updateChannelTiles(channelId, change) {
      if (channelId !== '1234') return 'unknown-channel';
      const next = change(status);
      if (!next) return 'same';
      status = next;
      return 'applied';
    },
  };
  const notes: { title: string; level: string; kind: string }[] = [];
  const notifier = createNotifier((n) => notes.push(n));
  let t = 1_000;
  const alerts = new ChannelAlertEvents(tiles, notifier, () => (t += 1_000));
  return { alerts, notes, status: () => status };
}

const alert = (state: string, alarmId = 'a1'): ChannelAlert => ({
  state,
  alarmId,
  alertType: 'Failed to Create Output File or Socket',
  message: 'unable to open output',
  pipeline: '0',
});

describe('MediaLive alerts on the tile', () => {
  it('SET latches an aws-alert alarm and notifies once; a second SET of the same alert changes nothing', () => {
    const t = setup();
    expect(t.alerts.apply('1234', alert('SET'))).toBe('applied');
    expect(t.status().alarm).toMatchObject({ kind: 'aws-alert', recoveredAt: null, onAirFor: null });
    expect(t.status().alarm?.message).toBe(
      'MediaLive reports on YouTube (pipeline 0): Failed to Create Output File or Socket: unable to open output',
    );
    expect(t.alerts.apply('1234', alert('SET'))).toBe('same');
    expect(t.notes).toEqual([expect.objectContaining({ title: 'YouTube: MediaLive alert', kind: 'alert' })]);
  });

  it('CLEARED marks it cleared only when no alert of the channel is still set; the latch stays', () => {
    const t = setup();
    t.alerts.apply('1234', alert('SET', 'a1'));
    t.alerts.apply('1234', alert('SET', 'a2'));
    expect(t.alerts.apply('1234', alert('CLEARED', 'a1'))).toBe('applied');
    expect(t.status().alarm?.recoveredAt).toBeNull();
    t.alerts.apply('1234', alert('CLEARED', 'a2'));
    expect(t.status().alarm).toMatchObject({ kind: 'aws-alert', recoveredAt: expect.any(Number) });
    expect(t.notes.filter((n) => n.title === 'YouTube: MediaLive alert cleared')).toHaveLength(2);
  });

  it('a CLEARED of an alert never seen set, an unknown alarm state, an unknown channel: nothing', () => {
    const t = setup();
    expect(t.alerts.apply('1234', alert('CLEARED'))).toBe('same');
    expect(t.alerts.apply('1234', alert('PANICKING'))).toBe('unknown-state');
    expect(t.alerts.apply('9999', alert('SET'))).toBe('unknown-channel');
    expect(t.status().alarm).toBeNull();
    expect(t.notes).toEqual([]);
  });

  it('a dropped-off-air alarm latched on the tile stays: the alert is still told, in the tray and the log', () => {
    const dropped: Alarm = { kind: 'dropped', at: 500, message: 'went off air', onAirFor: 60_000, recoveredAt: null };
    const t = setup(tile(dropped));
    expect(t.alerts.apply('1234', alert('SET'))).toBe('applied');
    expect(t.status().alarm).toEqual(dropped);
    expect(t.notes).toHaveLength(1);
  });
});
