import type { TimerRegistry } from '../timers';
import type { SimTimings } from '../timings';
import type { EventBus } from './events';
import type { SignalWorld } from './signal';
import type { SourceMetric } from './signal';

/** One of the stack's alarms on a flow source's figure (the stack's events template declares them). */
export interface SourceAlarmSpec {
  name: string;
  /** The flow source it watches (`SourceARN` dimension). */
  source: string;
  metric: SourceMetric;
  statistic: 'Average' | 'Minimum' | 'Maximum';
  comparison: 'GreaterThanOrEqualToThreshold' | 'LessThanThreshold';
  threshold: number;
}

type AlarmStateValue = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

/**
 * CloudWatch evaluating the stack's source alarms on the simulated figures: every period (`alarmPeriodMs`, 60 s by
 * default, one datapoint to alarm) the statistic of the period's samples against the threshold; a period without
 * samples is not breaching (`notBreaching`: "Missing data points are treated as being within the threshold", AWS CDK
 * CloudWatch reference, TreatMissingData, https://docs.aws.amazon.com/cdk/api/v2/docs/aws-cdk-lib.aws_cloudwatch.TreatMissingData.html).
 * An alarm starts in INSUFFICIENT_DATA; each change of state is sent to EventBridge as "CloudWatch Alarm State Change"
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html), none when the
 * state stays.
 */
export class SourceAlarmWorld {
  private readonly states = new Map<string, AlarmStateValue>();

  constructor(
    private readonly deps: {
      alarms: readonly SourceAlarmSpec[];
      signal: SignalWorld;
      events: EventBus;
      timers: TimerRegistry;
      timings: () => SimTimings;
      now: () => number;
    },
  ) {
    for (const a of deps.alarms) this.states.set(a.name, 'INSUFFICIENT_DATA');
    this.schedule();
  }

  /** Evaluates every alarm over the period that just ended (the timer calls it; tests may too). */
  evaluate(): void {
    const now = this.deps.now();
    const periodMs = this.deps.timings().alarmPeriodMs;
    for (const alarm of this.deps.alarms) {
      const samples = this.deps.signal.ringFor(alarm.source)?.range(now - periodMs, now) ?? [];
      const values = samples.map((s) => s.values[alarm.metric]).filter((v): v is number => typeof v === 'number');
      const stat = values.length === 0 ? null : statistic(alarm.statistic, values);
      const breaching =
        stat !== null && (alarm.comparison === 'LessThanThreshold' ? stat < alarm.threshold : stat >= alarm.threshold);
      const next: AlarmStateValue = breaching ? 'ALARM' : 'OK';
      const previous = this.states.get(alarm.name) ?? 'INSUFFICIENT_DATA';
      if (next === previous) continue;
      this.states.set(alarm.name, next);
      const reason =
        stat === null
          ? `Threshold Crossed: no datapoints were received for 1 period and 1 missing datapoint was treated as [NonBreaching].`
          : `Threshold Crossed: 1 datapoint [${stat}] was ${breaching ? '' : 'not '}${alarm.comparison === 'LessThanThreshold' ? 'less than' : 'greater than or equal to'} the threshold (${alarm.threshold}).`;
      this.deps.events.alarmStateChange(alarm.name, {
        previous,
        current: next,
        reason,
        sourceArn: this.deps.signal.sourceArn(alarm.source) ?? '',
        metric: alarm.metric,
        statistic: alarm.statistic,
        periodSec: Math.round(periodMs / 1000),
      });
    }
  }

  private schedule(): void {
    this.deps.timers.setTimeout(() => {
      this.evaluate();
      this.schedule();
    }, this.deps.timings().alarmPeriodMs);
  }
}

function statistic(kind: SourceAlarmSpec['statistic'], values: number[]): number {
  if (kind === 'Minimum') return Math.min(...values);
  if (kind === 'Maximum') return Math.max(...values);
  return values.reduce((a, b) => a + b, 0) / values.length;
}
