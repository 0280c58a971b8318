import { GetMetricDataCommand, type CloudWatchClient, type MetricDataQuery } from '@aws-sdk/client-cloudwatch';
import type { OutputHealth } from '../../../shared/domain/confidence';
import { mapAwsError } from '../../aws/errors';

const NAMESPACE = 'AWS/MediaLive';
/** The AudioDescriptionName of the console's compiled audio encode. */
const AUDIO_DESCRIPTION = 'audio_1';

type Key = 'networkOutMbps' | 'activeAlerts' | 'fillMsec' | 'inputLossSeconds' | 'audioDbfs';

/**
 * The figures MediaLive publishes per channel and pipeline, and the statistic that answers the operator's question
 * for one period (MediaLive User Guide, https://docs.aws.amazon.com/medialive/latest/ug/eml-metrics-output-metrics.html,
 * eml-metrics-input-metrics.html and eml-metrics-global.html: NetworkOut "Recommended statistic: Average", FillMsec
 * "Maximum", UdpInputLossSeconds "Sum", ActiveAlerts "Max", OutputAudioLevelDbfs with the AudioDescriptionName
 * dimension, "Minimum or maximum"). DroppedFrames is left out: it is published per Pipeline and Region, not per
 * channel, so it cannot say which destination drops.
 */
const TABLE: ReadonlyArray<{ key: Key; metric: string; stat: 'Average' | 'Sum' | 'Maximum'; audio?: true }> = [
  { key: 'networkOutMbps', metric: 'NetworkOut', stat: 'Average' },
  { key: 'activeAlerts', metric: 'ActiveAlerts', stat: 'Maximum' },
  { key: 'fillMsec', metric: 'FillMsec', stat: 'Maximum' },
  { key: 'inputLossSeconds', metric: 'UdpInputLossSeconds', stat: 'Sum' },
  { key: 'audioDbfs', metric: 'OutputAudioLevelDbfs', stat: 'Maximum', audio: true },
];

/** Figures are read over the last minute at a 10 s period (high resolution: 1, 5, 10, 30 or 60 s are allowed). */
const PERIOD_S = 10;
const WINDOW_MS = 60_000;

function buildHealthQueries(channelIds: string[]): MetricDataQuery[] {
  return channelIds.flatMap((channelId, i) =>
    TABLE.map((row) => ({
      Id: `c${i}_${row.key}`,
      MetricStat: {
        Metric: {
          Namespace: NAMESPACE,
          MetricName: row.metric,
          Dimensions: [
            ...(row.audio ? [{ Name: 'AudioDescriptionName', Value: AUDIO_DESCRIPTION }] : []),
            { Name: 'ChannelId', Value: channelId },
            { Name: 'Pipeline', Value: '0' },
          ],
        },
        Period: PERIOD_S,
        Stat: row.stat,
      },
      ReturnData: true,
    })),
  );
}

/** All running channels' figures in ONE GetMetricData request (500 queries at most a request: 100 channels). */
export async function readOutputHealth(
  cloudwatch: Pick<CloudWatchClient, 'send'>,
  channelIds: string[],
  now: number,
): Promise<Map<string, OutputHealth>> {
  const out = new Map<string, OutputHealth>();
  if (channelIds.length === 0) return out;
  let results;
  try {
    const answer = await cloudwatch.send(
      new GetMetricDataCommand({
        StartTime: new Date(now - WINDOW_MS),
        EndTime: new Date(now),
        ScanBy: 'TimestampDescending',
        MetricDataQueries: buildHealthQueries(channelIds),
      }),
    );
    results = answer.MetricDataResults ?? [];
  } catch (error) {
    const mapped = mapAwsError(error, 'Read the output figures');
    const status = mapped.code === 'throttled' ? 'throttled' : 'unavailable';
    for (const id of channelIds) out.set(id, { ...emptyHealth(now, status), message: mapped.message });
    return out;
  }
  const byId = new Map(results.map((r) => [r.Id ?? '', r]));
  channelIds.forEach((channelId, i) => {
    const health = emptyHealth(now, 'no-data');
    let newest: number | null = null;
    for (const row of TABLE) {
      const r = byId.get(`c${i}_${row.key}`);
      const v = r?.Values?.[0];
      const t = r?.Timestamps?.[0]?.getTime();
      if (v === undefined || t === undefined) continue;
      health[row.key] = v;
      newest = newest === null ? t : Math.max(newest, t);
    }
    health.at = newest;
    if (newest !== null) health.status = 'ok';
    else health.message = 'MediaLive has published no figures for this channel yet.';
    out.set(channelId, health);
  });
  return out;
}

function emptyHealth(checkedAt: number, status: OutputHealth['status']): OutputHealth {
  return {
    status,
    at: null,
    checkedAt,
    networkOutMbps: null,
    activeAlerts: null,
    fillMsec: null,
    inputLossSeconds: null,
    audioDbfs: null,
    message: null,
  };
}
