import { BoothError } from '../../../shared/domain/errors';
import type { Preset } from '../../../shared/domain/preset';
import { findChannelTarget } from '../destinations/channel-target';
import type { DestinationStore } from '../destinations/destination-store';
import type { Logger } from '../logger';
import type { StackTopology } from '../stack/stack-outputs';
import type { ApplyResult, PresetApplier } from './preset-applier';
import type { PresetStore } from './preset-store';

export interface ApplyWorkflowDeps {
  presets: Pick<PresetStore, 'get'>;
  destinations: Pick<DestinationStore, 'get' | 'update'>;
  applier: Pick<PresetApplier, 'preview' | 'apply'>;
  stack: StackTopology;
  logger: Logger;
  /** After the destination's record was pointed at the applied preset (what the tiles show changed). */
  onRecorded?(destinationId: string): void;
  /** Why the record could not be pointed at the preset, in words (the caller may learn from the error too). */
  describeRecordFailure?(error: unknown): string;
}

export type ApplyNowOutcome =
  /** `note`: the channel runs the preset but its record could not say so; null when all went through. */
  | { status: 'applied'; result: ApplyResult; note: string | null }
  /** Not possible now (retired, no channel, not IDLE): nothing was written. */
  | { status: 'refused'; reason: string; channelState: string | null }
  /**
   * Reading or updating the channel failed (MediaLive refused the settings, the preset is invalid,
   * AccessDenied...): the record was not touched. Returned rather than thrown so that a caller can tell
   * it from a failed lookup of the destination or the preset, which is thrown.
   */
  | { status: 'failed'; error: unknown };

/** The preset, if it exists and was not deleted; not-found otherwise. */
export async function requireActivePreset(presets: Pick<PresetStore, 'get'>, presetId: string): Promise<Preset> {
  const preset = await presets.get(presetId);
  if (!preset || !preset.is_active)
    throw new BoothError('not-found', `There is no active preset "${presetId}"; it may have been deleted.`);
  return preset;
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Applies a preset to a destination's channel now, and records it on the destination. The channel is
 * read first: one that is not IDLE is refused without any write (UpdateChannel needs IDLE).
 */
export async function applyPresetNow(
  deps: ApplyWorkflowDeps,
  destinationId: string,
  presetId: string,
): Promise<ApplyNowOutcome> {
  const target = await findChannelTarget(deps.destinations, deps.stack, destinationId);
  if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
  const { record, channelId } = target;
  const preset = await requireActivePreset(deps.presets, presetId);
  const label = record.name;
  let result: ApplyResult;
  try {
    const preview = await deps.applier.preview({ channelId, label }, preset);
    if (preview.channelState !== 'IDLE') {
      return {
        status: 'refused',
        reason: preview.reason ?? `${label} is ${preview.channelState}.`,
        channelState: preview.channelState,
      };
    }
    result = await deps.applier.apply({ channelId, label }, preset);
  } catch (error) {
    return { status: 'failed', error };
  }
  // The destination now runs this preset: record it, so tiles and the next preview agree.
  let note: string | null = null;
  if (record.preset_id !== preset.preset_id) {
    try {
      if (record.version === undefined)
        throw new BoothError('invalid-state', 'the record has no version (migrate it first)');
      await deps.destinations.update(record.id, { preset_id: preset.preset_id }, record.version);
      deps.onRecorded?.(record.id);
    } catch (error) {
      const why = deps.describeRecordFailure?.(error) ?? messageOf(error);
      note = `The channel runs "${preset.name}" now, but ${record.name}'s record still names its old preset: ${why}`;
      deps.logger.warn('admin: applied preset not recorded on the destination', {
        destinationId,
        presetId: preset.preset_id,
      });
    }
  }
  return { status: 'applied', result, note };
}
