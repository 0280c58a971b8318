/**
 * Applies a preset to a destination's MediaLive channel: DescribeChannel -> compile -> diff ->
 * UpdateChannel, only while the channel is IDLE. The channel's Destinations (where the stream key
 * lives) and InputAttachments are sent back unchanged; nothing returned here contains a key.
 */
import {
  DescribeChannelCommand,
  UpdateChannelCommand,
  type DescribeChannelResponse,
  type EncoderSettings,
  type MediaLiveClient,
} from '@aws-sdk/client-medialive';
import { BoothError, isBoothError } from '../../../shared/domain/errors';
import type { Preset } from '../../../shared/domain/preset';
import { validatePreset, type FieldError } from '../../../shared/domain/preset-validation';
import { callAws } from '../../aws/retry';
import { channelUpdate } from '../channels/channel-update';
import type { ChannelWriteGuard } from '../channels/channel-write-guard';
import type { Logger } from '../logger';
import { compileEncoderSettings, DEFAULT_AUDIO_SELECTOR_NAME, type CompileTarget } from './encoder-settings-compiler';
import { diffEncoderSettings, REDACTED, type SettingChange } from './encoder-settings-diff';
import { PresetValidationError } from './preset-errors';

export interface ApplyTarget {
  channelId: string;
  /** The operator's name for the destination, e.g. "YouTube" (used in messages). */
  label: string;
}

export interface ApplyPreview {
  channelId: string;
  channelState: string;
  /** True when the channel is IDLE and there is something to change. */
  canApply: boolean;
  /** Why it cannot be applied now (not IDLE), for the admin. */
  reason?: string;
  /** Current -> preset, secrets redacted. Empty when the channel already runs this preset. */
  changes: SettingChange[];
}

export interface ApplyResult {
  applied: boolean;
  changes: SettingChange[];
  /** The state AWS reported after the update (UPDATING, then IDLE). */
  channelState: string;
}

/** MediaLive refused the compiled settings (422): the errors name preset fields where they can. */
export class ChannelSettingsRejectedError extends BoothError {
  readonly errors: FieldError[];
  constructor(label: string, errors: FieldError[], cause: unknown) {
    super(
      'validation',
      `MediaLive refused the settings for ${label}: ${errors.map((e) => `${e.field}: ${e.message}`).join('; ')}`,
      { cause, httpStatus: 422 },
    );
    this.name = 'ChannelSettingsRejectedError';
    this.errors = errors;
  }
}

/** RTMP or MediaPackage, and which destination id the output group refers to, from the channel itself. */
function targetFromChannel(channel: DescribeChannelResponse): CompileTarget {
  const destinations = channel.Destinations ?? [];
  const packaged = destinations.find((d) => (d.MediaPackageSettings?.length ?? 0) > 0);
  if (packaged?.Id) return { kind: 'mediapackage', destinationRefId: packaged.Id };
  const rtmp = destinations.find((d) => d.Id);
  if (rtmp?.Id) return { kind: 'rtmp', destinationRefId: rtmp.Id };
  throw new BoothError(
    'invalid-state',
    `Channel ${channel.Id ?? ''} has no destination to send to; set the destination (URL and stream key) first.`,
  );
}

function audioSelectorFromChannel(channel: DescribeChannelResponse): string {
  for (const attachment of channel.InputAttachments ?? []) {
    const name = attachment.InputSettings?.AudioSelectors?.[0]?.Name;
    if (name) return name;
  }
  return DEFAULT_AUDIO_SELECTOR_NAME;
}

/** The channel's settings with the preset's sections replaced; the rest (GlobalConfiguration, captions...) is kept. */
function nextEncoderSettings(channel: DescribeChannelResponse, preset: Preset): EncoderSettings {
  const compiled = compileEncoderSettings(preset, targetFromChannel(channel), {
    audioSelectorName: audioSelectorFromChannel(channel),
  });
  // The preset owns TimecodeConfig, VideoDescriptions, AudioDescriptions and OutputGroups.
  const {
    TimecodeConfig: _t,
    VideoDescriptions: _v,
    AudioDescriptions: _a,
    OutputGroups: _o,
    ...kept
  } = channel.EncoderSettings ?? {};
  return { ...kept, ...compiled };
}

const FIELD_BY_SEGMENT: Record<string, string> = {
  width: 'video.resolution',
  height: 'video.resolution',
  framerateNumerator: 'video.framerate',
  framerateDenominator: 'video.framerate',
  gopSize: 'video.gop_size',
  level: 'video.level',
  profile: 'video.profile',
  rateControlMode: 'video.rate_control',
  maxBitrate: 'video.bitrate',
  bufSize: 'video.bitrate',
  sampleRate: 'audio.sample_rate',
  codingMode: 'audio.coding_mode',
};

/** "/encoderSettings/videoDescriptions/0/codecSettings/h264Settings/bitrate" -> "video.bitrate". */
export function presetFieldForElementPath(elementPath: string): string {
  const segments = elementPath.split('/').filter(Boolean);
  const last = segments[segments.length - 1] ?? '';
  if (last === 'bitrate')
    return segments.includes('aacSettings') || segments.includes('audioDescriptions')
      ? 'audio.bitrate'
      : 'video.bitrate';
  const mapped = FIELD_BY_SEGMENT[last];
  if (mapped && segments.includes(mapped.startsWith('audio') ? 'audioDescriptions' : 'videoDescriptions'))
    return mapped;
  // Not a preset field (destination, audio selector, input attachment): name the channel path.
  return `channel${segments.length ? `.${segments.join('.')}` : ''}`;
}

function validationErrorsOf(error: unknown): FieldError[] {
  const cause = isBoothError(error) ? error.cause : error;
  const list =
    (cause as { validationErrors?: Array<{ elementPath?: string; errorMessage?: string }> } | undefined)
      ?.validationErrors ?? [];
  return list.map((v) => ({
    field: presetFieldForElementPath(v.elementPath ?? ''),
    message: `${v.errorMessage ?? 'invalid'} (${v.elementPath ?? '?'})`,
  }));
}

export function notIdleReason(label: string, state: string): string {
  return `${label} is ${state}; presets can only be applied while the channel is IDLE. Stop it first or apply it at the next stop.`;
}

export interface PresetApplier {
  preview(target: ApplyTarget, preset: Preset): Promise<ApplyPreview>;
  apply(target: ApplyTarget, preset: Preset): Promise<ApplyResult>;
}

/** The value at a differ path such as "VideoDescriptions[0].CodecSettings.H264Settings.Bitrate". */
function valueAt(root: unknown, path: string): unknown {
  let node: unknown = root;
  for (const part of path.split(/\.|\[(\d+)\]/).filter((p) => p !== undefined && p !== '')) {
    if (node === null || typeof node !== 'object') return undefined;
    node = (node as Record<string, unknown>)[part];
  }
  return node;
}

/** The changes the channel does not show after the write (secrets are not compared: the differ redacted them). */
function notKept(after: DescribeChannelResponse, changes: SettingChange[]): SettingChange[] {
  return changes.filter(
    (c) => c.to !== REDACTED && JSON.stringify(valueAt(after.EncoderSettings, c.path)) !== JSON.stringify(c.to),
  );
}

/**
 * `guard` serializes writes to a channel (within this console and across consoles); without it (tests of the
 * applier alone) writes are not guarded.
 */
export function createPresetApplier(
  medialive: MediaLiveClient,
  logger: Logger,
  guard?: Pick<ChannelWriteGuard, 'run'>,
): PresetApplier {
  async function describe(target: ApplyTarget): Promise<DescribeChannelResponse> {
    return callAws(`Read ${target.label}`, () =>
      medialive.send(new DescribeChannelCommand({ ChannelId: target.channelId })),
    );
  }

  function checkPreset(preset: Preset): void {
    const checked = validatePreset(preset);
    if (!checked.ok) throw new PresetValidationError(checked.errors);
  }

  async function preview(target: ApplyTarget, preset: Preset): Promise<ApplyPreview> {
    checkPreset(preset);
    const channel = await describe(target);
    const state = channel.State ?? 'UNKNOWN';
    const changes = diffEncoderSettings(channel.EncoderSettings ?? {}, nextEncoderSettings(channel, preset));
    const idle = state === 'IDLE';
    return {
      channelId: target.channelId,
      channelState: state,
      canApply: idle && changes.length > 0,
      ...(idle ? {} : { reason: notIdleReason(target.label, state) }),
      changes,
    };
  }

  async function apply(target: ApplyTarget, preset: Preset): Promise<ApplyResult> {
    checkPreset(preset);
    if (!guard) return write(target, preset);
    return guard.run(target.channelId, target.label, async () => {
      const result = await write(target, preset);
      if (result.applied) {
        const lost = notKept(await describe(target), result.changes);
        if (lost.length > 0)
          throw new BoothError(
            'conflict',
            `${target.label} did not keep ${lost.length} of the new settings (e.g. ${lost[0]!.path}); another change may have overwritten them. Read the channel again and retry.`,
          );
      }
      return result;
    });
  }

  /** Reads the channel right before writing, so the write carries everything else as it is now. */
  async function write(target: ApplyTarget, preset: Preset): Promise<ApplyResult> {
    const channel = await describe(target);
    const state = channel.State ?? 'UNKNOWN';
    if (state !== 'IDLE') throw new BoothError('invalid-state', notIdleReason(target.label, state));
    const next = nextEncoderSettings(channel, preset);
    const changes = diffEncoderSettings(channel.EncoderSettings ?? {}, next);
    if (changes.length === 0) return { applied: false, changes, channelState: state };
    try {
      const out = await callAws(`Apply preset to ${target.label}`, () =>
        medialive.send(
          // Everything but the encoder settings goes back as read: the stream key lives in Destinations, the
          // input in InputAttachments, the role in RoleArn.
          new UpdateChannelCommand(channelUpdate(target.channelId, channel, { EncoderSettings: next })),
        ),
      );
      logger.info('presets: applied to channel', {
        channelId: target.channelId,
        preset_id: preset.preset_id,
        changes: changes.length,
      });
      return { applied: true, changes, channelState: out.Channel?.State ?? 'UPDATING' };
    } catch (error) {
      if (isBoothError(error) && error.code === 'validation')
        throw new ChannelSettingsRejectedError(target.label, validationErrorsOf(error), error);
      if (isBoothError(error) && (error.code === 'conflict' || error.code === 'invalid-state')) {
        // Started (or being updated) between our read and the update: say what it is now.
        const now = await describe(target).then(
          (c) => c.State ?? 'UNKNOWN',
          () => 'in another state',
        );
        // IDLE again by the time it is re-read: it was still applying another change (UPDATING) a moment ago.
        const reason =
          now === 'IDLE'
            ? `${target.label} was still applying another change; nothing was written. Try again in a moment.`
            : notIdleReason(target.label, now);
        throw new BoothError('invalid-state', reason, { cause: error });
      }
      throw error;
    }
  }

  return { preview, apply };
}
