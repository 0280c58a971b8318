import { AwsError } from '../errors';
import { testPatternJpeg, type PatternKind } from '../thumbnails/test-pattern';
import type { ChannelWorld } from './channels';
import type { FlowWorld } from './flow';
import type { SignalWorld } from './signal';
import { isObject, type JsonObject } from './wire';

/**
 * "When you have enabled thumbnails in a channel and the channel is running, MediaLive generates a JPEG thumbnail
 * every 2 seconds. The thumbnail exists for only 2 seconds, until it gets replaced by the next thumbnail."
 * (https://docs.aws.amazon.com/medialive/latest/ug/thumbnails.html)
 */
const THUMBNAIL_EVERY_MS = 2_000;

/** What a thumbnail fault makes the simulator answer instead of the picture. */
export type ThumbnailFault = 'withheld' | 'corrupt' | 'garbled' | 'oversize';
const THUMBNAIL_FAULTS: readonly ThumbnailFault[] = ['withheld', 'corrupt', 'garbled', 'oversize'];

/** The entropy-coded data after the scan header scrambled, the markers and the end of image left as they were. */
function garble(jpeg: Buffer): Buffer {
  const out = Buffer.from(jpeg);
  const sos = out.indexOf(Buffer.from([0xff, 0xda]));
  const start = sos + 2 + out.readUInt16BE(sos + 2);
  for (let i = start; i < out.length - 2; i += 3)
    if (out[i] !== 0xff && out[i - 1] !== 0xff) out[i] = (out[i] ?? 0) ^ 0x5a;
  return out;
}

/** The channel figures a test may force (the rest keep their healthy values). */
export interface ChannelHealthOverride {
  networkOutMbps?: number;
  activeAlerts?: number;
  fillMsec?: number;
  inputLossSeconds?: number;
  audioDbfs?: number;
}

/**
 * The AWS/MediaLive metrics the simulator publishes for a running channel, with the dimension set each is published
 * with (MediaLive User Guide, "Output metrics", "Input metrics", "Global metrics":
 * https://docs.aws.amazon.com/medialive/latest/ug/eml-metrics-output-metrics.html,
 * https://docs.aws.amazon.com/medialive/latest/ug/eml-metrics-input-metrics.html,
 * https://docs.aws.amazon.com/medialive/latest/ug/eml-metrics-global.html). "Meaning of no datapoints: The channel
 * is not running", so an idle channel has none.
 */
const CHANNEL_METRICS = {
  NetworkOut: ['ChannelId', 'Pipeline'],
  ActiveAlerts: ['ChannelId', 'Pipeline'],
  FillMsec: ['ChannelId', 'Pipeline'],
  UdpInputLossSeconds: ['ChannelId', 'Pipeline'],
  OutputAudioLevelDbfs: ['AudioDescriptionName', 'ChannelId', 'Pipeline'],
} as const;
type ChannelMetric = keyof typeof CHANNEL_METRICS;

/** The AudioDescriptionName the console's compiler gives its one audio encode. */
const AUDIO_DESCRIPTION = 'audio_1';

export interface ConfidenceDeps {
  channels: ChannelWorld;
  flow: FlowWorld;
  signal: SignalWorld;
  now: () => number;
  /** A channel's name, as the pattern shows it (its destination's name). */
  label: (channelId: string) => string;
}

/** Thumbnails of channels and of the flow's source, and the channels' CloudWatch figures, from the world's state. */
export class ConfidenceWorld {
  private readonly faults = new Map<string, ThumbnailFault>();
  private readonly health = new Map<string, ChannelHealthOverride>();
  /** The last picture made per channel (and 'flow'): one JPEG per 2-second slot, whoever asks. */
  private readonly cache = new Map<string, { key: string; body: string }>();

  constructor(private readonly deps: ConfidenceDeps) {}

  /** 'flow' for the flow's source thumbnail, else a channel id; null clears. */
  setThumbnailFault(target: string, fault: ThumbnailFault | null): void {
    if (fault !== null && !THUMBNAIL_FAULTS.includes(fault))
      throw new Error(`unknown thumbnail fault: ${String(fault)}`);
    if (fault === null) this.faults.delete(target);
    else this.faults.set(target, fault);
    this.cache.delete(target);
  }

  /**
   * Turns a channel's thumbnails on or off as an UpdateChannel would (the channel must be idle: "You can enable or
   * disable thumbnails only when the channel is idle", https://docs.aws.amazon.com/medialive/latest/ug/thumbnails-enable.html).
   */
  setChannelThumbnails(channelId: string, enabled: boolean): JsonObject {
    const wire = this.deps.channels.describe(channelId);
    const enc = isObject(wire['encoderSettings']) ? wire['encoderSettings'] : {};
    return this.deps.channels.update(channelId, {
      encoderSettings: { ...enc, thumbnailConfiguration: { state: enabled ? 'AUTO' : 'DISABLED' } },
    });
  }

  setChannelHealth(channelId: string, override: ChannelHealthOverride | null): void {
    if (override === null) this.health.delete(channelId);
    else this.health.set(channelId, { ...this.health.get(channelId), ...override });
  }

  /**
   * DescribeThumbnails: GET /prod/channels/{ChannelId}/thumbnails?pipelineId&thumbnailType (the SDK's operation
   * schema). "If thumbnails are disabled, the response looks like this: { "ThumbnailDetails": [] }"
   * (https://docs.aws.amazon.com/medialive/latest/ug/thumbnails-work-cli.html). A channel that is not running has no
   * pipeline to describe: BadRequestException (the operation's documented client error).
   */
  describeThumbnails(channelId: string, pipelineId: string | null, thumbnailType: string | null): JsonObject {
    const wire = this.deps.channels.describe(channelId);
    if (pipelineId !== '0' && pipelineId !== '1')
      throw new AwsError('BadRequestException', 400, 'pipelineId must be "0" or "1"');
    if (thumbnailType !== 'CURRENT_ACTIVE')
      throw new AwsError('BadRequestException', 400, 'thumbnailType must be CURRENT_ACTIVE');
    const state = this.deps.channels.state(channelId);
    if (state !== 'RUNNING' && state !== 'RECOVERING')
      throw new AwsError('BadRequestException', 400, `Channel ${channelId} is not running (it is ${String(state)})`);
    const enc = isObject(wire['encoderSettings']) ? wire['encoderSettings'] : {};
    const cfg = isObject(enc['thumbnailConfiguration']) ? enc['thumbnailConfiguration'] : null;
    // "You must enable the thumbnails feature in each channel" (thumbnails-enable): absent is not enabled.
    if (cfg?.['state'] !== 'AUTO' || pipelineId !== '0') return { thumbnailDetails: [] };
    const fault = this.faults.get(channelId);
    if (fault === 'withheld') return { thumbnailDetails: [{ pipelineId: '0', thumbnails: [] }] };
    const slot = this.slot();
    const picture = this.deps.channels.picture(channelId);
    const kind: PatternKind = picture === 'LIVE' ? 'live' : picture === 'FILE' ? 'slate' : 'black';
    const body = this.body(channelId, kind, this.deps.label(channelId), slot, fault);
    return {
      thumbnailDetails: [
        {
          pipelineId: '0',
          thumbnails: [
            {
              body,
              contentType: 'image/jpeg',
              thumbnailType: 'CURRENT_ACTIVE',
              timeStamp: new Date(slot).toISOString(),
            },
          ],
        },
      ],
    };
  }

  /**
   * DescribeFlowSourceThumbnail: GET /v1/flows/{FlowArn}/source-thumbnail (the SDK's operation schema). MediaConnect
   * generates thumbnails "when you have enabled thumbnails in a flow and when the flow is active"
   * (https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-thumbnails.html); otherwise the answer carries
   * messages and no picture.
   */
  sourceThumbnail(): JsonObject {
    const flow = this.deps.flow.describe();
    const monitoring = isObject(flow['sourceMonitoringConfig']) ? flow['sourceMonitoringConfig'] : {};
    const now = this.deps.now();
    const base = { flowArn: this.deps.flow.arn, timestamp: new Date(now).toISOString() };
    const active = this.deps.flow.activeSource();
    const message = (code: string, text: string) => ({
      thumbnailDetails: { ...base, thumbnailMessages: [{ code, message: text, resourceName: active ?? '' }] },
    });
    if (monitoring['thumbnailState'] !== 'ENABLED')
      return message('THUMBNAILS_DISABLED', 'Thumbnails are disabled for this flow.');
    if (!this.deps.flow.isRunning() || !active || !this.deps.signal.isConnected(active))
      return message('NO_SOURCE_DATA', 'No thumbnail is available for the active source.');
    const fault = this.faults.get('flow');
    if (fault === 'withheld') return message('NO_THUMBNAIL', 'No thumbnail is available for the active source.');
    const slot = this.slot();
    return {
      thumbnailDetails: {
        ...base,
        timestamp: new Date(slot).toISOString(),
        thumbnail: this.body('flow', 'source', active, slot, fault),
        thumbnailMessages: [],
        timecode: new Date(slot).toISOString().slice(11, 19) + ':00',
      },
    };
  }

  /** The figures of one published (metric, dimension set) at `t`, or null when it has no datapoints. */
  channelMetricValue(metric: string, dims: Map<string, string>, t: number): number | null {
    if (!Object.hasOwn(CHANNEL_METRICS, metric)) return null;
    const wanted: readonly string[] = CHANNEL_METRICS[metric as ChannelMetric];
    if (dims.size !== wanted.length || !wanted.every((d) => dims.has(d))) return null;
    if (dims.get('Pipeline') !== '0') return null;
    if (metric === 'OutputAudioLevelDbfs' && dims.get('AudioDescriptionName') !== AUDIO_DESCRIPTION) return null;
    const channelId = dims.get('ChannelId') ?? '';
    const state = this.deps.channels.state(channelId);
    if (state !== 'RUNNING' && state !== 'RECOVERING') return null;
    const picture = this.deps.channels.picture(channelId);
    const lost = picture === 'INPUT_LOSS_COLOR' || picture === 'INPUT_LOSS_SLATE';
    const o = this.health.get(channelId) ?? {};
    // A slow wobble so the figures move like real ones, the same for every caller at the same second.
    const wobble = Math.sin(t / 7_000 + channelId.length);
    switch (metric as ChannelMetric) {
      case 'NetworkOut':
        return o.networkOutMbps ?? 6.4 + 0.2 * wobble;
      case 'ActiveAlerts':
        return o.activeAlerts ?? (lost ? 1 : 0);
      case 'FillMsec':
        return o.fillMsec ?? (lost ? 60_000 : 0);
      case 'UdpInputLossSeconds':
        // Only a MEDIACONNECT input has this figure; a file input (the slate) has none. One datapoint a second: the
        // share of that second without packets, so that the recommended Sum over a period reads in seconds.
        return picture === 'FILE'
          ? null
          : o.inputLossSeconds !== undefined
            ? Math.min(1, o.inputLossSeconds / 10)
            : lost
              ? 1
              : 0;
      case 'OutputAudioLevelDbfs':
        return o.audioDbfs ?? (lost ? -96 : -18 + 3 * wobble);
    }
  }

  private slot(): number {
    return Math.floor(this.deps.now() / THUMBNAIL_EVERY_MS) * THUMBNAIL_EVERY_MS;
  }

  private body(
    target: string,
    kind: PatternKind,
    label: string,
    slot: number,
    fault: ThumbnailFault | undefined,
  ): string {
    const key = `${kind}|${label}|${slot}|${fault ?? ''}`;
    const cached = this.cache.get(target);
    if (cached?.key === key) return cached.body;
    let jpeg = testPatternJpeg(kind, label, slot);
    // Corrupt: the file cut in half (no end of image). Garbled: every marker intact, the picture data scrambled (only
    // a decoder finds it). Oversize: 3 MB of padding after it.
    if (fault === 'corrupt') jpeg = jpeg.subarray(0, Math.floor(jpeg.length / 2));
    if (fault === 'garbled') jpeg = garble(jpeg);
    if (fault === 'oversize') jpeg = Buffer.concat([jpeg, Buffer.alloc(3 * 1024 * 1024, 0)]);
    const body = jpeg.toString('base64');
    this.cache.set(target, { key, body });
    return body;
  }
}
