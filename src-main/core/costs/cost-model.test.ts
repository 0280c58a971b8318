import { describe, expect, it } from 'vitest';
import { DEFAULT_RATE_CARD } from '../../../shared/domain/cost';
import { billedMinutes, channelRatePerHour, monthOutlook, outputRatePerHour, runCost } from './cost-model';

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

  it('costs one hour of a 1080p30 6 Mbps push as input + output + data transfer', () => {
    const transferGb = (6_128_000 * 3600) / 8 / 1e9;
    const expected = 0.1404 + 0.4212 + transferGb * 0.09;
    expect(runCost(rates, hd1080p30, 3_600_000)).toBeCloseTo(expected, 6);
    expect(channelRatePerHour(rates, hd1080p30)).toBeCloseTo(expected, 6);
    expect(runCost(rates, { ...hd1080p30, pushesToInternet: false }, 3_600_000)).toBeCloseTo(0.5616, 6);
  });

  it('projects the month: flow around the clock plus shows at the pace so far', () => {
    const now = new Date(2026, 10, 16, 0, 0, 0); // November has 30 days: half the month has passed
    const outlook = monthOutlook(100, now, rates);
    expect(outlook.monthToDateUsd).toBeCloseTo(100 + 0.16 * 24 * 15, 1);
    expect(outlook.projectedMonthUsd).toBeCloseTo(200 + 0.16 * 24 * 30, 0);
  });
});
