import type { CostSnapshot } from '../../../shared/domain/cost';
import type { Preset } from '../../../shared/domain/preset';
import type { SettingsStore } from '../settings';
import type { CostMeter } from './cost-meter';
import type { EncodingProfile } from './cost-model';

/** What the meters need of a preset; HLS to MediaPackage stays inside AWS, RTMP pushes leave it. */
export function encodingProfile(preset: Pick<Preset, 'video' | 'audio'>, platform: string): EncodingProfile {
  const height = Number(preset.video.resolution.split('x')[1] ?? 0);
  return {
    height,
    framerate: preset.video.framerate,
    totalBitrate: preset.video.bitrate + preset.audio.bitrate,
    pushesToInternet: platform !== 'hls',
  };
}

/** The month's spend before this session, kept in the local settings. */
export function monthSpendStore(settings: SettingsStore) {
  return {
    load: (month: string) => {
      const spend = settings.get().spend;
      return spend && spend.month === month ? spend.showsUsd : 0;
    },
    save: (month: string, showsUsd: number) => {
      settings.update((current) => ({ ...current, spend: { month, showsUsd } }));
    },
  };
}

/** Publishes the cost snapshot, and every minute persists the month's total and calls `everyMinute` (the session record). */
export function startCostTicker(
  costs: CostMeter,
  publish: (snapshot: CostSnapshot) => void,
  everyMs: number,
  everyMinute?: () => void,
): { stop(): void } {
  let lastPersist = Date.now();
  const timer = setInterval(() => {
    publish(costs.snapshot());
    if (Date.now() - lastPersist >= 60_000) {
      costs.persist();
      everyMinute?.();
      lastPersist = Date.now();
    }
  }, everyMs);
  timer.unref?.();
  return { stop: () => clearInterval(timer) };
}
