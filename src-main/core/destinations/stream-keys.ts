/**
 * Stream keys are secrets. They live only in the MediaLive channel's Destinations (StreamName),
 * written with UpdateChannel while the channel is IDLE. Nothing here stores, logs or returns a key:
 * callers get a StreamTargetView (URL, whether a key is set, a masked hint).
 */
import {
  DescribeChannelCommand,
  UpdateChannelCommand,
  type DescribeChannelResponse,
  type MediaLiveClient,
} from '@aws-sdk/client-medialive';
import { BoothError } from '../../../shared/domain/errors';
import { callAws } from '../../aws/retry';
import { channelUpdate } from '../channels/channel-update';
import type { ChannelWriteGuard } from '../channels/channel-write-guard';
import type { Logger } from '../logger';
import { compileRtmpDestination } from '../presets/encoder-settings-compiler';
import { notIdleReason } from '../presets/preset-applier';
import { fieldErrors, DestinationInputError } from './destination-store';
import { splitStreamKeyFromUrl, StreamTargetSchema } from '../../../shared/domain/destination-inputs';

/** Safe for a renderer: never the key itself. */
export interface StreamTargetView {
  url: string | null;
  hasStreamKey: boolean;
  /** "••••1234" for keys of 12+ characters, "••••" for shorter ones, null when none is set. */
  streamKeyHint: string | null;
}

function maskStreamKey(key: string | undefined | null): string | null {
  if (!key) return null;
  return key.length >= 12 ? `••••${key.slice(-4)}` : '••••';
}

/** The destination the RTMP output group refers to (not a MediaPackage one). */
function rtmpDestination(channel: DescribeChannelResponse) {
  const refs = new Set<string>();
  for (const group of channel.EncoderSettings?.OutputGroups ?? []) {
    for (const out of group.Outputs ?? []) {
      const ref = out.OutputSettings?.RtmpOutputSettings?.Destination?.DestinationRefId;
      if (ref) refs.add(ref);
    }
  }
  const destinations = channel.Destinations ?? [];
  return destinations.find((d) => d.Id && refs.has(d.Id)) ?? destinations.find((d) => !d.MediaPackageSettings?.length);
}

function streamTargetView(channel: DescribeChannelResponse): StreamTargetView {
  const settings = rtmpDestination(channel)?.Settings?.[0];
  // A channel configured elsewhere may carry its key in the URL's path: shown as the key (masked), never in the URL.
  const split = settings?.Url ? splitStreamKeyFromUrl(settings.Url) : { url: null, key: null };
  const key = settings?.StreamName || split.key;
  return { url: split.url, hasStreamKey: Boolean(key), streamKeyHint: maskStreamKey(key) };
}

export interface StreamKeyService {
  describe(channelId: string, label: string): Promise<StreamTargetView>;
  /** Replaces URL and key on the channel; IDLE only. Returns the masked view. */
  setStreamKey(target: { channelId: string; label: string }, input: unknown): Promise<StreamTargetView>;
}

/** `guard` serializes writes to a channel (within this console and across consoles). */
export function createStreamKeyService(
  medialive: MediaLiveClient,
  logger: Logger,
  guard?: Pick<ChannelWriteGuard, 'run'>,
): StreamKeyService {
  const read = (channelId: string, label: string) =>
    callAws(`Read ${label}`, () => medialive.send(new DescribeChannelCommand({ ChannelId: channelId })));

  return {
    async describe(channelId, label) {
      return streamTargetView(await read(channelId, label));
    },
    async setStreamKey(target, input) {
      const parsed = StreamTargetSchema.safeParse(input);
      // The messages name the field, never echo the value.
      if (!parsed.success) throw new DestinationInputError(fieldErrors(parsed.error));
      const wanted = parsed.data;
      const write = () => replaceTarget(target, wanted);
      if (!guard) return write();
      return guard.run(target.channelId, target.label, async () => {
        const view = await write();
        const settings = rtmpDestination(await read(target.channelId, target.label))?.Settings?.[0];
        if (settings?.StreamName !== wanted.streamKey || settings?.Url !== wanted.url)
          throw new BoothError(
            'conflict',
            `${target.label} did not keep the new stream target; another change may have overwritten it. Read the channel again and retry.`,
          );
        return view;
      });
    },
  };

  /** Reads the channel right before writing, so the write carries everything else as it is now. */
  async function replaceTarget(
    target: { channelId: string; label: string },
    parsed: { url: string; streamKey: string },
  ): Promise<StreamTargetView> {
    const channel = await read(target.channelId, target.label);
    const state = channel.State ?? 'UNKNOWN';
    if (state !== 'IDLE') {
      throw new BoothError(
        'invalid-state',
        notIdleReason(target.label, state).replace('presets can only be applied', 'the stream key can only be changed'),
      );
    }
    const current = rtmpDestination(channel);
    if (!current?.Id)
      throw new BoothError(
        'invalid-state',
        `${target.label} has no RTMP destination to hold a stream key (is it the MediaPackage channel?).`,
      );
    const replaced = compileRtmpDestination(current.Id, parsed.url, parsed.streamKey);
    const destinations = (channel.Destinations ?? []).map((d) => (d.Id === current.Id ? replaced : d));
    await callAws(`Set the stream key of ${target.label}`, () =>
      medialive.send(
        new UpdateChannelCommand(channelUpdate(target.channelId, channel, { Destinations: destinations })),
      ),
    );
    // Only the host: some platforms put the key in the URL path.
    logger.info('destinations: stream target replaced', {
      channelId: target.channelId,
      host: new URL(parsed.url).host,
    });
    return { url: parsed.url, hasStreamKey: true, streamKeyHint: maskStreamKey(parsed.streamKey) };
  }
}
