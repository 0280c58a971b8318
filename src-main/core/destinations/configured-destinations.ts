import { summarizePreset, type Preset } from '../../../shared/domain/preset';
import type { ConfiguredDestination } from '../channels/channel-monitor';
import type { EncodingProfile } from '../costs/cost-model';
import { encodingProfile } from '../costs/cost-wiring';
import { destinationKey, type StackTopology } from '../stack/stack-outputs';
import type { PresetStore } from '../presets/preset-store';
import type { DestinationRecord, DestinationStore } from './destination-store';

/** A destination as the monitor and the cost meter need it. */
export type DestinationSetup = ConfiguredDestination & { encoding: EncodingProfile | null };

/**
 * The MediaLive channel the console uses for a destination: the one its record names, else the
 * stack's ChannelId output for it (older records carry no channel fields); null when neither has one.
 */
export function channelIdOf(
  record: Pick<DestinationRecord, 'id' | 'medialive_channel_id'>,
  stack: StackTopology,
): string | null {
  return record.medialive_channel_id ?? stack.channels.get(destinationKey(record.id))?.id ?? null;
}

/** The destinations' records joined with their channel and their preset (by preset_id). */
export function configureDestinations(
  records: DestinationRecord[],
  stack: StackTopology,
  presets: Map<string, Preset>,
): DestinationSetup[] {
  return records.map((record) => {
    const channelId = channelIdOf(record, stack);
    const preset = record.preset_id ? presets.get(record.preset_id) : undefined;
    return {
      id: record.id,
      platform: record.platform,
      name: record.name,
      channelId,
      presetSummary: preset ? summarizePreset(preset) : null,
      bitrateBps: preset ? preset.video.bitrate + preset.audio.bitrate : null,
      encoding: preset ? encodingProfile(preset, record.platform) : null,
      problem: channelId
        ? null
        : `No MediaLive channel is mapped to ${record.name}: set its channel in the admin window or add a ChannelId output for it to the stack.`,
    };
  });
}

/** The active destinations, each with its channel and its preset, as the tiles show them. */
export async function readConfiguredDestinations(
  destinations: Pick<DestinationStore, 'listActive'>,
  presets: Pick<PresetStore, 'listActive'>,
  stack: StackTopology,
): Promise<DestinationSetup[]> {
  const [records, active] = await Promise.all([destinations.listActive(), presets.listActive()]);
  return configureDestinations(records, stack, new Map(active.map((p) => [p.preset_id, p])));
}
