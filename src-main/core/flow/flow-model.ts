import type {
  DescribeFlowSourceMetadataCommandOutput,
  FailoverConfig,
  Flow,
  Source,
} from '@aws-sdk/client-mediaconnect';
import type { FailoverInfo, FeedingSource, SourceMetadata, SourceRole } from '../../../shared/domain/flow';

/** A flow source as the console uses it: its ARN stays in the main process (metrics dimensions). */
export interface KnownSource {
  name: string;
  role: SourceRole;
  sourceArn: string;
  ingestEndpoint: string | null;
  whitelistCidr: string | null;
  minLatencyMs: number | null;
}

/** Which source names play main and backup; the stack names them "main" and "backup". */
export interface SourceNaming {
  main: string;
  backup: string;
}

export const DEFAULT_SOURCE_NAMING: SourceNaming = { main: 'main', backup: 'backup' };

/**
 * Picks main and backup among the flow's sources: by name first, else by order (the first
 * source is main). Sources beyond two are ignored (FAILOVER has two). Decryption is never read.
 */
export function knownSources(flow: Flow, naming: SourceNaming): KnownSource[] {
  const sources = (flow.Sources && flow.Sources.length > 0 ? flow.Sources : flow.Source ? [flow.Source] : []).filter(
    (s): s is Source & { Name: string; SourceArn: string } =>
      typeof s.Name === 'string' && typeof s.SourceArn === 'string',
  );
  const main = sources.find((s) => s.Name === naming.main) ?? sources.find((s) => s.Name !== naming.backup);
  const backup = sources.find((s) => s.Name === naming.backup) ?? sources.find((s) => s !== main);
  const out: KnownSource[] = [];
  if (main) out.push(toKnown(main, 'main'));
  if (backup && backup !== main) out.push(toKnown(backup, 'backup'));
  return out;
}

function toKnown(s: Source & { Name: string; SourceArn: string }, role: SourceRole): KnownSource {
  return {
    name: s.Name,
    role,
    sourceArn: s.SourceArn,
    ingestEndpoint: s.IngestIp && s.IngestPort !== undefined ? `srt://${s.IngestIp}:${s.IngestPort}` : null,
    whitelistCidr: s.WhitelistCidr ?? null,
    minLatencyMs: s.Transport?.MinLatency ?? null,
  };
}

export function failoverInfo(config: FailoverConfig | undefined): FailoverInfo | null {
  if (!config) return null;
  return {
    state: config.State ?? null,
    mode: config.FailoverMode ?? null,
    recoveryWindowMs: config.RecoveryWindow ?? null,
    primarySource: config.SourcePriority?.PrimarySource ?? null,
  };
}

const FROM_CONNECTIVITY = 'inferred from SourceConnected and the primary source';

/**
 * Which source feeds the flow. In MERGE mode the flow-level MergeActive metric says whether every source is merged
 * (1) or at least one is not (0) ("AWS Elemental MediaConnect metrics to monitor flow health",
 * https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-cloudwatch-metrics-flow-health.html). No AWS
 * document names a metric for the source a FAILOVER flow has selected, so there it is inferred: the primary when it is
 * connected, else the other connected one. Unknown connectivity is said as unknown. `mergeActive` is the latest
 * MergeActive value, or null when there is none.
 */
export function inferFeeding(
  failover: FailoverInfo | null,
  sources: ReadonlyArray<{ name: string; role: SourceRole; connected: boolean | null }>,
  running: boolean,
  mergeActive: number | null = null,
): FeedingSource {
  const result = (
    source: { name: string; role: SourceRole } | null,
    reason: string,
    signal = FROM_CONNECTIVITY,
  ): FeedingSource => ({
    source: source?.name ?? null,
    role: source?.role ?? null,
    inferred: true,
    reason,
    signal,
  });
  if (!running) return result(null, 'The flow is not active: no source feeds it.', 'from the flow status');
  if (sources.length === 0) return result(null, 'The flow has no sources.', 'from DescribeFlow');
  if (!failover || failover.state !== 'ENABLED') {
    const only = sources[0]!;
    const signal = 'inferred from SourceConnected (failover off)';
    if (only.connected === false) return result(null, `Failover is off and ${only.name} is not connected.`, signal);
    return result(only, `Failover is off: ${only.name} is the flow's source.`, signal);
  }
  if (failover.mode === 'MERGE') {
    if (mergeActive === 1)
      return {
        source: null,
        role: null,
        inferred: false,
        reason: 'MERGE mode: every source is merged into the flow.',
        signal: 'from the MergeActive metric',
      };
    const connected = sources.filter((s) => s.connected === true);
    const signal =
      mergeActive === 0
        ? 'inferred from SourceConnected (MergeActive metric: not every source merged)'
        : 'inferred from SourceConnected (no MergeActive data)';
    if (connected.length === 1)
      return result(connected[0]!, `MERGE mode: only ${connected[0]!.name} is connected.`, signal);
    if (mergeActive === 0) return result(null, 'MERGE mode: not every source is merged.', signal);
    return result(null, 'MERGE mode: MediaConnect merges packets from every connected source.', signal);
  }
  const primary = sources.find((s) => s.name === failover.primarySource) ?? sources[0]!;
  const other = sources.find((s) => s !== primary);
  if (primary.connected === true) return result(primary, `${primary.name} is the primary source and is connected.`);
  if (primary.connected === null)
    return result(null, `Unknown: no recent SourceConnected data for the primary source ${primary.name}.`);
  if (other?.connected === true)
    return result(
      other,
      `The primary source ${primary.name} is not connected; failover moves the flow to ${other.name}.`,
    );
  if (other?.connected === null)
    return result(null, `${primary.name} is not connected and there is no recent data for ${other.name}.`);
  return result(null, 'No source is connected: the flow carries nothing.');
}

/** What the details panel shows of DescribeFlowSourceMetadata: programs' video and audio streams. */
export function toSourceMetadata(out: DescribeFlowSourceMetadataCommandOutput, source: string | null): SourceMetadata {
  const video: SourceMetadata['video'] = [];
  const audio: SourceMetadata['audio'] = [];
  for (const program of out.TransportMediaInfo?.Programs ?? []) {
    for (const stream of program.Streams ?? []) {
      const type = `${stream.StreamType ?? ''} ${stream.Codec ?? ''}`.toLowerCase();
      if (stream.FrameResolution || stream.FrameRate || /video|h26|hevc|avc|mpeg-?2/.test(type)) {
        video.push({
          codec: stream.Codec ?? null,
          width: stream.FrameResolution?.FrameWidth ?? null,
          height: stream.FrameResolution?.FrameHeight ?? null,
          frameRate: stream.FrameRate ?? null,
        });
      } else if (
        stream.SampleRate !== undefined ||
        stream.Channels !== undefined ||
        /audio|aac|ac-?3|mp2|opus/.test(type)
      ) {
        audio.push({
          codec: stream.Codec ?? null,
          channels: stream.Channels ?? null,
          sampleRateHz: stream.SampleRate ?? null,
        });
      }
    }
  }
  return {
    at: out.Timestamp instanceof Date ? out.Timestamp.getTime() : null,
    source,
    video,
    audio,
    messages: (out.Messages ?? []).map((m) => ({ code: m.Code ?? 'UNKNOWN', message: m.Message ?? '' })),
  };
}
