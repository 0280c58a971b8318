import {
  HEALTH_STALE_MS,
  healthProblems,
  THUMBNAIL_STALE_MS,
  type OutputHealth,
  type Thumbnail,
} from '../../shared/domain/confidence';

/** "2 s ago", "3 min ago": how old a picture is, whole seconds (a clock behind AWS's reads as "now"). */
export function ageText(capturedAt: number, now: number): string {
  const s = Math.max(0, Math.floor((now - capturedAt) / 1000));
  if (s < 1) return 'now';
  if (s < 120) return `${s} s ago`;
  if (s < 7200) return `${Math.floor(s / 60)} min ago`;
  return `${Math.floor(s / 3600)} h ago`;
}

/** Why there is no (current) picture, in two or three words for the tile; the title has the full sentence. */
const SHORT: Record<Exclude<Thumbnail['status'], 'ok'>, string> = {
  disabled: 'THUMBNAILS OFF',
  'no-picture': 'NO PICTURE',
  throttled: 'AWS BUSY',
  unavailable: 'NO PICTURE',
  corrupt: 'BAD PICTURE',
  oversize: 'TOO LARGE',
};

export interface ThumbView {
  /** The picture to draw (the last good one), or null for a placeholder in words. */
  src: string | null;
  /** When AWS made that picture (epoch ms), or null. */
  capturedAt: number | null;
  /** Older than the limit: drawn dimmed, marked STALE, never as the current picture. */
  stale: boolean;
  /** "2 s ago", "STALE 14 s", "NO PICTURE"… */
  badge: string;
  /** The full sentence (tooltip and screen readers). */
  title: string;
  tone: 'ok' | 'stale' | 'none';
}

export function thumbView(t: Thumbnail | null, now: number, what: string): ThumbView {
  if (t === null)
    return {
      src: null,
      capturedAt: null,
      stale: false,
      badge: 'WAITING',
      title: `${what}: asking AWS for the first picture`,
      tone: 'none',
    };
  const reason = t.status === 'ok' ? null : SHORT[t.status];
  if (t.dataUrl === null || t.capturedAt === null)
    return {
      src: null,
      capturedAt: null,
      stale: false,
      badge: reason ?? 'NO PICTURE',
      title: `${what}: ${t.message ?? 'no picture'}`,
      tone: 'none',
    };
  const age = ageText(t.capturedAt, now);
  const why = t.message ? ` ${t.message}` : '';
  // AWS sent a newer picture and the console refused it: the one kept is certainly not current, whatever its age.
  if (t.status === 'corrupt' || t.status === 'oversize')
    return {
      src: t.dataUrl,
      capturedAt: t.capturedAt,
      stale: true,
      badge: reason ?? 'BAD PICTURE',
      title: `${what}: last good picture made ${age} — not the current picture.${why}`,
      tone: 'stale',
    };
  const stale = now - t.capturedAt > THUMBNAIL_STALE_MS;
  return {
    src: t.dataUrl,
    capturedAt: t.capturedAt,
    stale,
    badge: stale ? `STALE ${age.replace(' ago', '')}` : age,
    title: `${what}: picture made ${age}${stale ? ' — stale, not the current picture' : ''}.${why}`,
    tone: stale ? 'stale' : 'ok',
  };
}

export interface HealthView {
  text: string;
  title: string;
  tone: 'ok' | 'warn' | 'bad' | 'none';
  /** 0..1 for the audio meter, null when there is no level. */
  audio: number | null;
  audioText: string;
}

const fmt = (v: number | null, digits: number, unit: string) => (v === null ? '—' : `${v.toFixed(digits)} ${unit}`);

/** The channel's output in one line: what goes wrong first, else bitrate, alerts and audio. */
export function healthView(h: OutputHealth | null, now: number): HealthView {
  const none = (text: string, title: string): HealthView => ({ text, title, tone: 'none', audio: null, audioText: '' });
  if (h === null) return none('figures: waiting', 'Asking CloudWatch for the channel’s figures');
  if (h.status === 'throttled') return none('figures: AWS busy', h.message ?? 'CloudWatch is throttling');
  if (h.status === 'unavailable') return none('figures: unavailable', h.message ?? 'CloudWatch could not be read');
  if (h.status === 'no-data' || h.at === null) return none('figures: none yet', h.message ?? 'No figures yet');
  const stale = now - h.at > HEALTH_STALE_MS;
  const problems = healthProblems(h);
  const audio = h.audioDbfs === null ? null : Math.max(0, Math.min(1, (h.audioDbfs + 60) / 60));
  const audioText = h.audioDbfs === null ? 'no level' : `${Math.round(h.audioDbfs)} dBFS`;
  const figures = `${fmt(h.networkOutMbps, 1, 'Mb/s')} · ${h.activeAlerts === null ? '— alerts' : h.activeAlerts === 0 ? 'no alerts' : `${h.activeAlerts} alerts`}`;
  const title = `Network out ${fmt(h.networkOutMbps, 2, 'Mb/s')}, active alerts ${h.activeAlerts ?? '—'}, fill ${fmt(h.fillMsec, 0, 'ms')}, input loss ${fmt(h.inputLossSeconds, 0, 's')}, audio ${audioText} (MediaLive, CloudWatch)`;
  if (stale)
    return {
      text: `figures ${ageText(h.at, now).replace(' ago', '')} old`,
      title,
      tone: 'none',
      audio: null,
      audioText,
    };
  const worst = problems.find((p) => p.tone === 'bad') ?? problems[0];
  if (worst) return { text: problems.map((p) => p.text).join(' · '), title, tone: worst.tone, audio, audioText };
  return { text: figures, title, tone: 'ok', audio, audioText };
}
