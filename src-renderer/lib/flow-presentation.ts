import type {
  FailoverInfo,
  FlowSourceStatus,
  FlowState,
  FlowStatus,
  HealthGrade,
  SourceRole,
} from '../../shared/domain/flow';

/**
 * How the SRT input reads on screen: every state in words as well as colour, and "no data" never
 * shown as a zero. Tones: ok (green), warn (amber), bad (magenta, the console's error colour: red
 * stays the on-air tally), idle (grey: nothing known).
 */
export type FlowTone = 'ok' | 'warn' | 'bad' | 'idle';

export interface GradePresentation {
  label: string;
  tone: FlowTone;
}

const GRADES: Record<HealthGrade, GradePresentation> = {
  healthy: { label: 'CONNECTED', tone: 'ok' },
  degraded: { label: 'DEGRADED', tone: 'warn' },
  lost: { label: 'LOST', tone: 'bad' },
  'no-data': { label: 'NO DATA', tone: 'idle' },
};

export function presentGrade(source: Pick<FlowSourceStatus, 'grade'>): GradePresentation {
  return GRADES[source.grade];
}

const STATUS_TONES: Record<FlowStatus, FlowTone> = {
  ACTIVE: 'ok',
  STANDBY: 'idle',
  UPDATING: 'warn',
  STARTING: 'warn',
  STOPPING: 'warn',
  DELETING: 'bad',
  ERROR: 'bad',
  UNKNOWN: 'idle',
  MISSING: 'bad',
};

export function flowStatusTone(status: FlowStatus): FlowTone {
  return STATUS_TONES[status];
}

export const roleLabel = (role: SourceRole) => (role === 'main' ? 'MAIN' : 'BACKUP');

/**
 * "FEEDING" for the source that feeds the flow (see `feeding.signal` for how that is known), else STANDBY. Not
 * "ON AIR" and not red: red is the destinations' on-air tally, and a source feeds even when nothing is live.
 */
export function feedingWord(flow: FlowState, role: SourceRole): { label: string; feeding: boolean } {
  if (flow.feeding.role === role) return { label: 'FEEDING', feeding: true };
  // MERGE mode with MergeActive 1: every source feeds the merged stream.
  if (!flow.feeding.inferred && flow.feeding.role === null && flow.failover?.mode === 'MERGE')
    return { label: 'MERGED', feeding: true };
  // A lost source is not waiting on standby: it could not feed if asked.
  if (flow.sources.find((s) => s.role === role)?.grade === 'lost') return { label: 'NOT FEEDING', feeding: false };
  if (flow.feeding.role === null) return { label: 'NOT FEEDING', feeding: false };
  return { label: 'STANDBY', feeding: false };
}

/** The status bar's one-line summary, like the sketch: "MAIN healthy", "BACKUP degraded", "no source". */
export function inputSummary(flow: FlowState | null): { text: string; tone: FlowTone } {
  if (!flow) return { text: 'not read yet', tone: 'idle' };
  const summary = summarise(flow);
  // The last confirmed view while AWS does not answer: marked, never at full confidence.
  return flow.unconfirmed ? { text: `${summary.text}?`, tone: summary.tone === 'bad' ? 'bad' : 'idle' } : summary;
}

function summarise(flow: FlowState): { text: string; tone: FlowTone } {
  const role = flow.feeding.role;
  const source = role ? flow.sources.find((s) => s.role === role) : undefined;
  if (!source) {
    if (flow.status === 'MISSING') return { text: 'no flow', tone: 'bad' };
    const anyData = flow.sources.some((s) => s.grade !== 'no-data');
    return anyData ? { text: 'NO SOURCE feeding', tone: 'bad' } : { text: 'no data', tone: 'idle' };
  }
  const words: Record<HealthGrade, string> = {
    healthy: 'healthy',
    degraded: 'degraded',
    lost: 'lost',
    'no-data': 'no data',
  };
  const summary = { text: `${roleLabel(source.role)} ${words[source.grade]}`, tone: GRADES[source.grade].tone };
  // On the backup because main failed: the show is safe, but the operator must know main is down.
  const main = flow.sources.find((s) => s.role === 'main');
  if (source.role === 'backup' && main && (main.grade === 'lost' || main.grade === 'degraded')) {
    // Main first: where the summary must be cut short, the fault is what stays on screen.
    return { text: `MAIN ${words[main.grade]} · on BACKUP`, tone: source.grade === 'healthy' ? 'warn' : summary.tone };
  }
  return summary;
}

/** Endpoint without the scheme, for the confirmation ("198.51.100.20:9999"). */
export function endpointAddress(source: Pick<FlowSourceStatus, 'ingestEndpoint'>): string | null {
  return source.ingestEndpoint ? source.ingestEndpoint.replace(/^srt:\/\//, '') : null;
}

/** A figure, or "—" when CloudWatch gave nothing (never 0). */
export function figure(value: number | null, format: (v: number) => string): string {
  return value === null || !Number.isFinite(value) ? '—' : format(value);
}

export const fmtMbps = (bps: number) =>
  bps === 0 ? '0' : bps >= 1_000_000 ? (bps / 1e6).toFixed(1) : (bps / 1e6).toFixed(2);
export const fmtPercent = (p: number) => (p === 0 ? '0' : p < 0.01 ? '<0.01' : p < 10 ? p.toFixed(2) : p.toFixed(1));
export const fmtCount = (n: number) => (n >= 100_000 ? `${Math.round(n / 1000)}k` : String(Math.round(n)));
export const fmtMs = (ms: number) => String(Math.round(ms));

/** "1h02", "4 min", "12 s": how long a source has been connected (short: it sits in a figure cell). */
export function formatSince(since: number | null, now: number): string {
  if (since === null) return '—';
  const s = Math.max(0, Math.floor((now - since) / 1000));
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} min`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}`;
}

/** The short "which signal" line of a feeding card; the full one is in its title and the flow details. */
export function signalWord(feeding: FlowState['feeding']): string {
  return feeding.inferred ? 'feeding: inferred' : 'feeding: from metric';
}

/** Recovery window as AWS states it (ms), in words. */
function formatWindow(ms: number | null): string {
  if (ms === null) return '—';
  return ms >= 1000 ? `${(ms / 1000).toFixed(ms % 1000 === 0 ? 0 : 1)} s` : `${ms} ms`;
}

/**
 * The failover configuration in words. The recovery window is MERGE's buffer ("This setting only applies when
 * Failover Mode is set to MERGE", AWS::MediaConnect::Flow FailoverConfig, https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-mediaconnect-flow-failoverconfig.html);
 * in FAILOVER mode an SRT flow switches to the other source after 500 ms without data ("AWS Elemental MediaConnect
 * supports SRT failover", https://aws.amazon.com/about-aws/whats-new/2023/05/aws-elemental-mediaconnect-srt-failover),
 * so a window configured there is not shown as if it applied.
 */
export function describeFailover(failover: FailoverInfo): string {
  const head = `${failover.state ?? 'state unknown'} · mode ${failover.mode ?? 'unknown'}`;
  if (failover.mode === 'MERGE') return `${head} · recovery window ${formatWindow(failover.recoveryWindowMs)}`;
  if (failover.mode === 'FAILOVER') return `${head} · switches source after about 500 ms without data`;
  return head;
}

/** "1920x1080 30 fps h264" from the metadata's first video stream. */
export function describeVideo(video: {
  codec: string | null;
  width: number | null;
  height: number | null;
  frameRate: string | null;
}): string {
  const size = video.width !== null && video.height !== null ? `${video.width}x${video.height}` : 'size unknown';
  const rate = video.frameRate ? `${video.frameRate} fps` : 'frame rate unknown';
  return `${video.codec ?? 'codec unknown'} · ${size} · ${rate}`;
}

export function describeAudio(audio: {
  codec: string | null;
  channels: number | null;
  sampleRateHz: number | null;
}): string {
  const channels =
    audio.channels === null
      ? 'channels unknown'
      : audio.channels === 1
        ? 'mono'
        : audio.channels === 2
          ? 'stereo'
          : `${audio.channels} ch`;
  const rate = audio.sampleRateHz === null ? 'rate unknown' : `${audio.sampleRateHz / 1000} kHz`;
  return `${audio.codec ?? 'codec unknown'} · ${channels} · ${rate}`;
}
