import { CreateTagsCommand, DeleteTagsCommand, type MediaLiveClient } from '@aws-sdk/client-medialive';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { mapAwsError } from '../../aws/errors';
import type { Logger } from '../logger';
import type { Notifier } from '../notifications/notifier';

/**
 * The on-air record of a run lives on the MediaLive channel itself, as tags, rather than in the sessions table:
 * - every console reads it with the ListChannels poll it already makes (AWS's MediaLive service model,
 *   medialive-2017-10-14: ChannelSummary has `Tags`), so it costs no extra request per poll and needs no
 *   DynamoDB, which may be unreachable while MediaLive answers (the offline catalog);
 * - it belongs to the channel, not to a console: a restart, a second console or another machine read the same,
 *   and the AWS console shows it to whoever looks at the channel;
 * - it is written once per run (CreateTags after the start, once more when first seen on air) and removed when
 *   the channel is IDLE again (DeleteTags), so a later run never inherits it.
 * The operator policy needs medialive:CreateTags and medialive:DeleteTags on the channels; without them the
 * console still works and says the on-air times are kept only in this console.
 * Tag limits (AWS "Tagging limitations"): keys up to 128 and values up to 256 characters, letters, digits,
 * spaces and `_ . : / = + - @`; at most 50 tags per resource (these add at most five).
 */
export const ON_AIR_TAG = {
  startedAt: 'lunora:started-at',
  console: 'lunora:started-by-console',
  operator: 'lunora:started-by-operator',
  session: 'lunora:session',
  onAirSince: 'lunora:on-air-since',
} as const;

const ALL_KEYS = Object.values(ON_AIR_TAG);

/** What the tags of one channel say about its current run. */
export interface OnAirTags {
  /** Set when a console recorded the start (time, console, operator, session). */
  origin: { startedAt: number; console: string; operator: string; session: string | null } | null;
  /** When a console first saw the run on air (RUNNING), epoch ms. */
  onAirSince: number | null;
  /** Whether any of these tags is present (the IDLE clean-up removes them). */
  present: boolean;
}

function epoch(value: string | undefined): number | null {
  if (value === undefined) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}

export function readOnAirTags(tags: Record<string, string> | undefined): OnAirTags {
  const t = tags ?? {};
  const startedAt = epoch(t[ON_AIR_TAG.startedAt]);
  const onAirSince = epoch(t[ON_AIR_TAG.onAirSince]);
  return {
    origin:
      startedAt === null
        ? null
        : {
            startedAt,
            console: t[ON_AIR_TAG.console] ?? 'unknown console',
            operator: t[ON_AIR_TAG.operator] ?? 'unknown operator',
            session: t[ON_AIR_TAG.session] ?? null,
          },
    // An on-air time before the recorded start belongs to an earlier run (its clean-up failed): not this run's.
    onAirSince: onAirSince !== null && (startedAt === null || onAirSince >= startedAt) ? onAirSince : null,
    present: ALL_KEYS.some((key) => key in t),
  };
}

/** A tag value within AWS's allowed characters and length. */
export function tagValue(text: string): string {
  const cleaned = text.replace(/[^\p{L}\p{N} _.:/=+\-@]/gu, '-').slice(0, 256);
  return cleaned === '' ? '-' : cleaned;
}

export interface OnAirTagWriterDeps {
  medialive: MediaLiveClient;
  /** The tags and ARN of a destination's channel as the last poll read them. */
  channelTags: (destinationId: string) => { arn: string | null; tags: OnAirTags } | undefined;
  identity: { console: string; operator: string };
  /** The sessions-table record this console writes. */
  sessionId: () => string;
  notifier: Notifier;
  logger: Logger;
}

/** Writes and clears the on-air tags; never throws, never blocks an action on air. */
export class OnAirTagWriter {
  private readonly inFlight = new Set<string>();
  private warned = false;

  constructor(private readonly deps: OnAirTagWriterDeps) {}

  /** Records who started the run and when (called once AWS accepted the start). */
  recordStart(destinationId: string, channelArn: string | undefined, startedAt: number): Promise<void> {
    const arn = channelArn ?? this.deps.channelTags(destinationId)?.arn ?? null;
    return this.write(destinationId, arn, {
      [ON_AIR_TAG.startedAt]: new Date(startedAt).toISOString(),
      [ON_AIR_TAG.console]: tagValue(this.deps.identity.console),
      [ON_AIR_TAG.operator]: tagValue(this.deps.identity.operator),
      [ON_AIR_TAG.session]: tagValue(this.deps.sessionId()),
    });
  }

  /** After a poll: records the on-air time of a run first seen on air, clears the tags of an IDLE channel. */
  observe(statuses: Iterable<DestinationStatus>): void {
    for (const status of statuses) {
      if (status.unconfirmed || this.inFlight.has(status.id)) continue;
      const current = this.deps.channelTags(status.id);
      if (!current?.arn) continue;
      if (status.runningSince !== null && current.tags.onAirSince === null) {
        void this.write(status.id, current.arn, {
          [ON_AIR_TAG.onAirSince]: new Date(status.runningSince).toISOString(),
        });
      } else if (status.state === 'IDLE' && current.tags.present) {
        void this.clear(status.id, current.arn);
      }
    }
  }

  private async write(destinationId: string, arn: string | null, tags: Record<string, string>): Promise<void> {
    if (!arn) return;
    await this.send(destinationId, () =>
      this.deps.medialive.send(new CreateTagsCommand({ ResourceArn: arn, Tags: tags })),
    );
  }

  private async clear(destinationId: string, arn: string): Promise<void> {
    await this.send(destinationId, () =>
      this.deps.medialive.send(new DeleteTagsCommand({ ResourceArn: arn, TagKeys: [...ALL_KEYS] })),
    );
  }

  private async send(destinationId: string, call: () => Promise<unknown>): Promise<void> {
    this.inFlight.add(destinationId);
    try {
      await call();
    } catch (error) {
      const mapped = mapAwsError(error, 'Record the on-air time on the channel');
      this.deps.logger.warn('channels: could not write the on-air tags', { destinationId, code: mapped.code });
      if (!this.warned) {
        this.warned = true;
        this.deps.notifier.notify({
          level: 'warning',
          kind: 'alert',
          destinationId,
          title: 'On-air times kept only in this console',
          message:
            mapped.code === 'access-denied'
              ? 'The operator role may not tag MediaLive channels (medialive:CreateTags / DeleteTags); after a restart, or on another console, on-air times start from when that console first sees the channel.'
              : `The on-air time could not be written on the channel (${mapped.message}); it is tried again within a minute.`,
        });
      }
    } finally {
      this.inFlight.delete(destinationId);
    }
  }
}
