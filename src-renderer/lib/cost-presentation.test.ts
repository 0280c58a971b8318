import { describe, expect, it } from 'vitest';
import type { CostSnapshot } from '../../shared/domain/cost';
import { costCells, costRows, costTitle, formatUsdFine } from './cost-presentation';

const snapshot: CostSnapshot = {
  at: 3_600_000,
  sessionStartedAt: 0,
  destinations: [{ id: 'youtube', usd: 0.59, billedMinutes: 60, idleUsd: 0, usdPerHour: 0.59 }],
  flowUsd: 0.835,
  split: { channelsUsd: 0.59, flowHoursUsd: 0.16, flowDataUsd: 0.675, idleUsd: 0.08, monitoringUsd: 0.0144 },
  flow: { activeMs: 3_600_000, dataGb: 13.5, channelInputs: 5, dataBps: 30_000_000, basis: 'presets' },
  metricsRequested: 1440,
  totalUsd: 1.5194,
  usdPerHour: 1.52,
  monthToDateUsd: 120,
  projectedMonthUsd: 380,
  budgetUsd: 400,
  rateSource: 'Default rate card',
};

describe('cost presentation', () => {
  it('lists the split as AWS bills it: channels, flow hours, flow data, idle, monitoring', () => {
    const rows = costRows(snapshot);
    expect(rows.map((r) => [r.label, r.usd])).toEqual([
      ['Channels', 0.59],
      ['Flow hours', 0.16],
      ['Flow data', 0.675],
      ['Idle', 0.08],
      ['Monitoring', 0.0144],
    ]);
    expect(rows[1]!.detail).toBe('MediaConnect flow ACTIVE 1 h 00 min');
    expect(rows[2]!.detail).toBe('13.5 GB to 5 channel inputs, running or not (preset bitrates, 6.0 Mbps on average)');
    expect(rows[4]!.detail).toBe('1,440 metrics read with CloudWatch GetMetricData');
  });

  it('says what the flow data estimate uses', () => {
    const measured = { ...snapshot, flow: { ...snapshot.flow, basis: 'measured' as const } };
    expect(costRows(measured)[2]!.detail).toMatch(/\(6\.0 Mbps each, the measured SRT source bitrate\)/);
  });

  it('shows cents under a dollar to the tenth of a cent, so monitoring is not shown as $0.00', () => {
    expect(formatUsdFine(0.0144)).toBe('$0.014');
    expect(formatUsdFine(0)).toBe('$0.00');
    expect(formatUsdFine(12.5)).toBe('$12.50');
    expect(costTitle(snapshot)).toContain('monitoring $0.014');
  });

  it('words the status bar cells: the session, the rate now, the month against the budget', () => {
    expect(
      costCells({ ...snapshot, totalUsd: 0.81, usdPerHour: 3.2, monthToDateUsd: 2.4, budgetUsd: 400 }),
    ).toMatchObject({
      session: '$0.81',
      rate: '$3.20/h',
      month: '$2 of $400 budget',
      monthTone: '',
    });
    expect(costCells({ ...snapshot, monthToDateUsd: 4_321, budgetUsd: 4_000 })).toMatchObject({
      month: '$4,321 of $4,000 budget',
      monthTone: 'over',
    });
    const heading = costCells({ ...snapshot, monthToDateUsd: 300, projectedMonthUsd: 450, budgetUsd: 400 });
    expect(heading.monthTone).toBe('warn');
    expect(heading.monthTitle).toMatch(/projected \$450 .* budget of \$400: heading over budget\.$/);
    expect(costCells({ ...snapshot, budgetUsd: 0 }).month).toBe('$120, no budget');
  });
});
