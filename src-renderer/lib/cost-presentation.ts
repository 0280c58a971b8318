import type { CostSnapshot, CostSplit } from '../../shared/domain/cost';
import { formatMbps, formatUsd } from './presentation';

export interface CostRow {
  key: keyof CostSplit;
  label: string;
  /** What the figure is made of, in words. */
  detail: string;
  usd: number;
}

/** Dollars with cents, and with a tenth of a cent for amounts under a dollar (monitoring is a few cents a day). */
export function formatUsdFine(usd: number): string {
  if (!Number.isFinite(usd)) return '$—';
  return usd > 0 && usd < 1 ? `$${usd.toFixed(3)}` : formatUsd(usd);
}

function formatHours(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  return `${Math.floor(minutes / 60)} h ${String(minutes % 60).padStart(2, '0')} min`;
}

/** The session's cost split as AWS bills it, in the order the cost view lists it. */
export function costRows(costs: CostSnapshot): CostRow[] {
  const { split, flow } = costs;
  const running = costs.destinations.filter((d) => d.usdPerHour > 0).length;
  const minutes = costs.destinations.reduce((sum, d) => sum + d.billedMinutes, 0);
  const perInput = flow.channelInputs > 0 ? flow.dataBps / flow.channelInputs : 0;
  const rate =
    flow.basis === 'measured'
      ? `${formatMbps(perInput)} each, the measured SRT source bitrate`
      : `preset bitrates, ${formatMbps(perInput)} on average`;
  return [
    {
      key: 'channelsUsd',
      label: 'Channels',
      detail: `MediaLive inputs and outputs, ${minutes} billed min${running > 0 ? `, ${running} running` : ''}; data out to the platforms`,
      usd: split.channelsUsd,
    },
    {
      key: 'flowHoursUsd',
      label: 'Flow hours',
      detail: `MediaConnect flow ACTIVE ${formatHours(flow.activeMs)}`,
      usd: split.flowHoursUsd,
    },
    {
      key: 'flowDataUsd',
      label: 'Flow data',
      detail:
        `${flow.dataGb.toFixed(1)} GB to ${flow.channelInputs} channel inputs, running or not` +
        (flow.dataBps > 0 ? ` (${rate})` : ''),
      usd: split.flowDataUsd,
    },
    {
      key: 'idleUsd',
      label: 'Idle',
      detail: 'Channels not running and their push inputs',
      usd: split.idleUsd,
    },
    {
      key: 'monitoringUsd',
      label: 'Monitoring',
      detail: `${costs.metricsRequested.toLocaleString('en-US')} metrics read with CloudWatch GetMetricData`,
      usd: split.monitoringUsd,
    },
  ];
}

/** The cost box's tooltip: the total, its split, the month. */
export function costTitle(costs: CostSnapshot | null): string {
  if (!costs) return 'Costs not available yet';
  const split = costRows(costs)
    .map((row) => `${row.label.toLowerCase()} ${formatUsdFine(row.usd)}`)
    .join(', ');
  return (
    `Session ${formatUsd(costs.totalUsd)} (${split}), spending ${formatUsd(costs.usdPerHour)}/h. ` +
    `Month to date ${formatUsd(costs.monthToDateUsd)}, projected ${formatUsd(costs.projectedMonthUsd)} against a budget of ${formatUsd(costs.budgetUsd)}. ` +
    `Estimated from the rate card (admin window, Costs): ${costs.rateSource}. Click for the details.`
  );
}

/** Whole dollars, for the month against the budget ("$2", "$4,321"). */
function wholeUsd(usd: number): string {
  return Number.isFinite(usd) ? `$${Math.round(usd).toLocaleString('en-US')}` : '$—';
}

export type MonthTone = '' | 'warn' | 'over';

/** The status bar's three cost cells, each in words: the session, what it costs per hour now, the month. */
export function costCells(costs: CostSnapshot): {
  session: string;
  rate: string;
  month: string;
  monthTone: MonthTone;
  monthTitle: string;
} {
  const over = costs.budgetUsd > 0 && costs.monthToDateUsd >= costs.budgetUsd;
  const heading = costs.budgetUsd > 0 && costs.projectedMonthUsd > costs.budgetUsd;
  return {
    session: formatUsd(costs.totalUsd),
    rate: `${formatUsd(costs.usdPerHour)}/h`,
    month:
      costs.budgetUsd > 0
        ? `${wholeUsd(costs.monthToDateUsd)} of ${wholeUsd(costs.budgetUsd)} budget`
        : `${wholeUsd(costs.monthToDateUsd)}, no budget`,
    monthTone: over ? 'over' : heading ? 'warn' : '',
    monthTitle:
      `Month to date ${formatUsd(costs.monthToDateUsd)}, projected ${formatUsd(costs.projectedMonthUsd)} by the month's end` +
      (costs.budgetUsd > 0
        ? `, against a budget of ${formatUsd(costs.budgetUsd)}${over ? ': over budget' : heading ? ': heading over budget' : ''}.`
        : '; no monthly budget is set (admin window, Costs).'),
  };
}
