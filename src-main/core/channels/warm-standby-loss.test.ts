import { describe, expect, it } from 'vitest';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { destinationStatus } from '../../../shared/domain/test-support/destination-status';
import type { WarmStatus } from '../../../shared/domain/warm-standby';
import { IncidentLog } from '../incidents/incident-log';
import { WarmInputLoss } from './warm-standby-loss';
import { warmStatus } from '../../../shared/domain/test-support/warm-status';

const warm = (phase: WarmStatus['phase'], inputLossSlate = true): WarmStatus =>
  warmStatus({
    slateAttachment: 'youtube-slate',
    activeAttachment: phase === 'ON_AIR' ? 'live' : 'youtube-slate',
    activeReadAt: 1_000,
    phase,
    standbyPerHour: 0.6,
    inputLossSlate,
  });

const tile = (id: string, w: WarmStatus | undefined, state: DestinationStatus['state'] = 'RUNNING') =>
  destinationStatus(id, state, { name: id.toUpperCase(), ...(w ? { warm: w } : {}) });

function rig() {
  let t = 10_000;
  const log = new IncidentLog(
    () => undefined,
    () => t,
  );
  const loss = new WarmInputLoss(log, () => t);
  return { log, loss, at: (ms: number) => (t = ms) };
}

const OUTAGE = { since: 9_000, reason: 'Nothing feeds the flow: main and backup are lost.' };

describe('warm input loss in the incident log', () => {
  it('opens nothing for a destination in standby, a cold one, or one without the outage', () => {
    const { log, loss } = rig();
    loss.observeInput(null, [tile('youtube', warm('ON_AIR'))]);
    loss.observeInput(OUTAGE, [tile('youtube', warm('STANDBY')), tile('twitch', undefined)]);
    expect(log.list()).toEqual([]);
  });

  it('one entry per destination however often the flow is read, and says when there is no slate to show', () => {
    const { log, loss } = rig();
    const tiles = [tile('youtube', warm('ON_AIR')), tile('twitch', warm('ON_AIR', false))];
    loss.observeInput(OUTAGE, tiles);
    loss.observeInput(OUTAGE, tiles);
    loss.review(tiles);
    expect(log.list().map((e) => [e.title, e.level, e.at])).toEqual([
      ['YOUTUBE: live input lost, viewers see the slate', 'warning', 9_000],
      ['TWITCH: live input lost, the channel has no slate for it', 'error', 9_000],
    ]);
  });

  it('a channel stopped or sent back to slate during the outage ends its entry with no "picture back"', () => {
    const { log, loss, at } = rig();
    loss.observeInput(OUTAGE, [tile('youtube', warm('ON_AIR'))]);
    at(20_000);
    loss.review([tile('youtube', warm('STANDBY'))]);
    loss.observeInput(null, [tile('youtube', warm('STANDBY'))]);
    expect(log.list()).toEqual([expect.objectContaining({ endedAt: 20_000, durationMs: 11_000 })]);
  });

  it('the live picture back: the entry ends and one more says how long the slate was shown', () => {
    const { log, loss, at } = rig();
    loss.observeInput(OUTAGE, [tile('youtube', warm('ON_AIR'))]);
    at(54_000);
    loss.observeInput(null, [tile('youtube', warm('ON_AIR'))]);
    expect(log.list().map((e) => [e.title, e.endedAt])).toEqual([
      ['YOUTUBE: live input lost, viewers see the slate', 54_000],
      ['YOUTUBE: live picture back', null],
    ]);
    expect(log.list()[1]?.detail).toMatch(/shown for 45 s\.$/);
  });
});
