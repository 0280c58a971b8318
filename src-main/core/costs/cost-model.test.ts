import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import { DEFAULT_PRESETS } from '../presets/default-presets';
import {
  billedMinutes,
  channelBilling,
  channelRatePerHour,
  gigabytes,
  monitoringCost,
  monthOutlook,
  outputRatePerHour,
  utcMonthBounds,
  runCost,
} from './cost-model';
import { encodingProfile } from './cost-wiring';

const rates = DEFAULT_RATE_CARD;
const hd1080p30 = { height: 1080, framerate: 30, totalBitrate: 6_128_000, pushesToInternet: true };

describe('cost model', () => {
  it('bills each run per started minute with a ten-minute minimum', () => {
    expect(billedMinutes(0)).toBe(0);
    expect(billedMinutes(1)).toBe(10);
    expect(billedMinutes(10 * 60_000)).toBe(10);
    expect(billedMinutes(10 * 60_000 + 1)).toBe(11);
  });

  it('prices outputs by resolution class', () => {
    expect(outputRatePerHour(rates, { ...hd1080p30, height: 480 })).toBe(rates.medialiveSdOutputPerHour);
    expect(outputRatePerHour(rates, hd1080p30)).toBe(rates.medialiveHdOutputPerHour);
    expect(outputRatePerHour({ ...rates, medialiveHdHighFpsOutputPerHour: 0.9 }, { ...hd1080p30, framerate: 60 })).toBe(
      0.9,
    );
  });

  it('prices the Twitch 1080p60 preset at the HD >30 fps tier, dearer than 1080p30 with the default card', () => {
    const twitch60 = DEFAULT_PRESETS.find((p) => p.preset_id === 'preset_twitch_1080p_60fps')!;
    const profile = encodingProfile(twitch60, 'twitch');
    expect(outputRatePerHour(rates, profile)).toBe(rates.medialiveHdHighFpsOutputPerHour);
    expect(rates.medialiveHdHighFpsOutputPerHour).toBeGreaterThan(rates.medialiveHdOutputPerHour);
    expect(channelRatePerHour(rates, profile)).toBeGreaterThan(
      channelRatePerHour(rates, { ...profile, framerate: 30 }),
    );
  });

  it('bills RECOVERING as a channel that is not running (idle), never as running', () => {
    expect(channelBilling('RECOVERING')).toBe('idle');
    expect(channelBilling('RUNNING')).toBe('running');
    expect(channelBilling('IDLE')).toBe('idle');
    expect(channelBilling('MISSING')).toBe('none');
    expect(channelBilling('UNKNOWN')).toBeNull();
  });

  it('costs one hour of a 1080p30 6 Mbps push as input + output + data transfer', () => {
    const transferGb = (6_128_000 * 3600) / 8 / 1e9;
    const expected = 0.1404 + 0.4212 + transferGb * 0.09;
    expect(runCost(rates, hd1080p30, 3_600_000)).toBeCloseTo(expected, 6);
    expect(channelRatePerHour(rates, hd1080p30)).toBeCloseTo(expected, 6);
    expect(runCost(rates, { ...hd1080p30, pushesToInternet: false }, 3_600_000)).toBeCloseTo(0.5616, 6);
  });

  it('counts five 6 Mbps flow outputs as 13.5 GB an hour', () => {
    expect(gigabytes(5 * 6_000_000, 3_600_000)).toBeCloseTo(13.5, 6);
  });

  it('prices GetMetricData per metric requested', () => {
    expect(monitoringCost(rates, 1000)).toBeCloseTo(0.01, 9);
    expect(monitoringCost({ ...rates, cloudwatchPerThousandMetrics: 0.02 }, 500)).toBeCloseTo(0.01, 9);
  });

  it('projects the month: standing charges around the clock plus usage at the pace so far', () => {
    const now = new Date(Date.UTC(2026, 10, 16, 0, 0, 0)); // November has 30 days: half the month has passed
    const outlook = monthOutlook(100, now, 0.5);
    expect(outlook.monthToDateUsd).toBeCloseTo(100 + 0.5 * 24 * 15, 1);
    expect(outlook.projectedMonthUsd).toBeCloseTo(200 + 0.5 * 24 * 30, 0);
  });

  it('counts the month in UTC, as AWS bills: 20:00 on 31 December in New York is already January', () => {
    const newYorkEvening = Date.parse('2026-12-31T20:00:00-05:00');
    expect(utcMonthBounds(newYorkEvening)).toEqual({ start: Date.UTC(2027, 0, 1), end: Date.UTC(2027, 1, 1) });
  });
});
