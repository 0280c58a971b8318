import { describe, expect, it } from 'vitest';
import type { DestinationState } from '../../shared/domain/channel';
import type { DestinationStatus } from '../../shared/domain/destination';
import { destinationStatus } from '../../shared/domain/test-support/destination-status';
import { planFor } from './go-live/arming';
import { presentState } from './presentation';
import {
  airTally,
  alarmHeadline,
  alarmTone,
  lastConfirmedText,
  LINK_DOWN_CODE,
  liveSummary,
  outboundSummary,
  unconfirmedBanner,
  withLinkState,
  CORE_RESTARTED_CODE,
} from './tally';

/** Local times, so the expected clock text does not depend on the machine's time zone. */
const at = (h: number, m: number, s: number) => new Date(2026, 11, 1, h, m, s).getTime();

const outage = (code = 'expired-credentials', lastConfirmedAt: number | null = at(11, 1, 33)) => ({
  since: at(11, 1, 40),
  lastConfirmedAt,
  code,
  reason: 'Read channel states failed: The AWS credentials have expired or could not be loaded.',
});

const tile = (id: string, state: DestinationState, extra: Partial<DestinationStatus> = {}) =>
  destinationStatus(id, state, { name: id, bitrateBps: 6_000_000, ...extra });

describe('unconfirmed tiles', () => {
  it('say when they were last confirmed, or that they never were', () => {
    expect(lastConfirmedText(outage())).toBe('last confirmed 11:01:33');
    expect(lastConfirmedText(outage('throttled', null))).toBe('never confirmed');
  });

  it('LIVE counts the unconfirmed channels last seen billing as "≥n", never 0 while channels may be live', () => {
    const list = [
      tile('a', 'RUNNING', { unconfirmed: outage() }),
      tile('b', 'RUNNING', { unconfirmed: outage() }),
      tile('c', 'IDLE', { unconfirmed: outage() }),
      tile('d', 'IDLE'),
    ];
    expect(liveSummary(list)).toEqual({ confirmed: 0, unconfirmed: 2, total: 4, text: '≥2/4' });
    expect(liveSummary([tile('a', 'RUNNING'), tile('b', 'RECOVERING'), tile('c', 'IDLE')]).text).toBe('2/3');
    expect(outboundSummary(list)).toEqual({ bps: 12_000_000, estimated: true });
    expect(outboundSummary([tile('a', 'RUNNING')])).toEqual({ bps: 6_000_000, estimated: false });
  });

  it('the banner says what is wrong, what to do, and that ending stays possible', () => {
    const banner = unconfirmedBanner([tile('a', 'RUNNING', { unconfirmed: outage() }), tile('b', 'IDLE')]);
    expect(banner).toMatchObject({ count: 1, onAir: 1, linkDown: false });
    expect(banner?.title).toBe(
      'Channel states unconfirmed since 11:01:40: 1 tile shows its last confirmed state “?”, 1 last seen on air',
    );
    expect(banner?.endingShort).toBe('ENDING STAYS POSSIBLE');
    expect(banner?.reason).toMatch(/credentials have expired/);
    expect(banner?.advice).toMatch(/Press Sign in/);
    expect(banner?.ending).toMatch(/Ending stays possible/);
    expect(unconfirmedBanner([tile('a', 'RUNNING', { unconfirmed: outage('throttled') })])?.advice).toMatch(
      /retrying, backing off/,
    );
    expect(unconfirmedBanner([tile('a', 'RUNNING')])).toBeNull();
  });

  it('a lost link to the core makes every tile with a channel unconfirmed since then; nothing can be armed', () => {
    const down = at(11, 5, 0);
    const list = withLinkState(
      [tile('a', 'RUNNING'), tile('b', 'IDLE'), tile('c', 'MISSING', { channelId: null })],
      down,
    );
    expect(list.map((d) => d.unconfirmed?.code ?? null)).toEqual([LINK_DOWN_CODE, LINK_DOWN_CODE, null]);
    expect(list[0]?.unconfirmed).toMatchObject({ since: down, lastConfirmedAt: down });
    expect(list[0]?.state).toBe('RUNNING');
    expect(planFor(list[0]!)).toEqual({
      ok: false,
      reason: "the console's link to its core is down",
      short: 'console link down',
    });
    expect(planFor(list[1]!)).toEqual({
      ok: false,
      reason: "the console's link to its core is down",
      short: 'console link down',
    });
    const banner = unconfirmedBanner(list);
    expect(banner).toMatchObject({ linkDown: true, count: 2 });
    expect(banner?.title).toMatch(/^Link to the console core lost since 11:05:00/);
    expect(banner?.ending).toMatch(/Nothing can be sent until the link is back/);
    expect(banner?.endingShort).toBe('NOTHING CAN BE SENT');
    expect(withLinkState(list, null)).toBe(list);
  });

  it('a window whose core restarted: every tile unconfirmed, the banner says where to go, nothing can be armed', () => {
    const down = at(11, 5, 0);
    const list = withLinkState([tile('a', 'RUNNING', { runningSince: at(10, 0, 0) }), tile('b', 'IDLE')], down, true);
    expect(list.map((d) => d.unconfirmed?.code)).toEqual([CORE_RESTARTED_CODE, CORE_RESTARTED_CODE]);
    expect(planFor(list[0]!)).toMatchObject({ ok: false, reason: expect.stringContaining('core restarted') });
    const banner = unconfirmedBanner(list);
    expect(banner).toMatchObject({ linkDown: true, count: 2, onAir: 1, endingShort: 'NOTHING CAN BE SENT' });
    expect(banner?.title).toMatch(/^The console core restarted since 11:05:00/);
    expect(banner?.advice).toMatch(/Open the new operator address npm run web printed/);
    expect(liveSummary(list)).toMatchObject({ confirmed: 0, unconfirmed: 1 });
  });

  it('arming: END allowed for a tile last confirmed on air, GO LIVE refused with the reason while unconfirmed', () => {
    expect(planFor(tile('a', 'RUNNING', { unconfirmed: outage() }))).toEqual({ ok: true, action: 'stop' });
    expect(planFor(tile('a', 'STARTING', { unconfirmed: outage() }))).toEqual({ ok: true, action: 'stop' });
    const refused = planFor(tile('a', 'IDLE', { unconfirmed: outage() }));
    expect(refused).toEqual({
      ok: false,
      reason: expect.stringMatching(/^its state cannot be confirmed \(last confirmed 11:01:33\): .*credentials/),
      short: 'state unconfirmed — waiting for AWS',
    });
    expect(planFor(tile('a', 'IDLE'))).toEqual({ ok: true, action: 'start' });
  });
});

describe('alarms on a tile', () => {
  it('headline in words with the time and the time on air', () => {
    const base = { at: at(11, 2, 38), message: 'x', recoveredAt: null };
    expect(alarmHeadline({ ...base, kind: 'dropped', onAirFor: (41 * 60 + 6) * 1_000 })).toBe(
      'DROPPED 11:02:38 after 00:41:06',
    );
    expect(alarmHeadline({ ...base, kind: 'recovering', onAirFor: 1_000 })).toBe('RECOVERING since 11:02:38');
    expect(alarmHeadline({ ...base, kind: 'recovering', onAirFor: 1_000, recoveredAt: at(11, 3, 1) })).toBe(
      'RECOVERED 11:03:01 (recovering from 11:02:38)',
    );
    expect(alarmHeadline({ ...base, kind: 'started-elsewhere', onAirFor: null })).toBe('STARTED ELSEWHERE 11:02:38');
    expect(alarmHeadline({ ...base, kind: 'aws-alert', onAirFor: null })).toBe('AWS ALERT 11:02:38');
    expect(alarmHeadline({ ...base, kind: 'aws-alert', onAirFor: null, recoveredAt: at(11, 3, 1) })).toBe(
      'AWS ALERT 11:02:38, cleared 11:03:01',
    );
    expect(alarmTone({ ...base, kind: 'aws-alert', onAirFor: null })).toBe('warn');
    expect(alarmTone({ ...base, kind: 'recovering', onAirFor: null })).toBe('warn');
    expect(alarmTone({ ...base, kind: 'dropped', onAirFor: null })).toBe('error');
  });

  it('RECOVERING keeps the red on-air tally', () => {
    expect(presentState('RECOVERING').tone).toBe('live');
  });
});

describe("the admin window's live tally", () => {
  it('lists what is on air, starting or ending, and every unconfirmed state as last confirmed with its time', () => {
    const entries = airTally([
      tile('youtube', 'RUNNING'),
      tile('twitch', 'IDLE'),
      tile('hls', 'STARTING'),
      tile('linkedin', 'STOPPING'),
      tile('custom', 'IDLE', { unconfirmed: outage() }),
      tile('extra', 'RUNNING', { unconfirmed: outage() }),
    ]);
    expect(entries.map((e) => [e.id, e.word, e.tone, e.note])).toEqual([
      ['youtube', 'ON AIR', 'live', null],
      ['hls', 'STARTING', 'transition', null],
      ['linkedin', 'STOPPING', 'transition', null],
      // Never IDLE at full confidence: the last confirmed state, marked, with its time.
      ['custom', 'IDLE?', 'unconfirmed', 'last confirmed 11:01:33'],
      ['extra', 'ON AIR?', 'unconfirmed', 'last confirmed 11:01:33'],
    ]);
    expect(airTally([tile('twitch', 'IDLE')])).toEqual([]);
  });
});
