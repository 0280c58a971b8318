import type { DestinationStatus } from '../../../shared/domain/destination';
import type { Notifier } from '../notifications/notifier';

/** A "MediaLive Channel Alert" as the event reader read it. */
export interface ChannelAlert {
  /** SET or CLEARED as AWS documents them; anything else is not applied. */
  state: string;
  /** The same for an alert's SET and its CLEARED. */
  alarmId: string;
  alertType: string;
  message: string;
  pipeline: string | null;
}

export type AlertOutcome = 'applied' | 'same' | 'unknown-channel' | 'unknown-state';

/** The part of the channel monitor the alerts change. */
export interface AlertTiles {
  updateChannelTiles(
    channelId: string,
    change: (status: DestinationStatus) => DestinationStatus | null,
  ): 'applied' | 'same' | 'unknown-channel';
}

/**
 * MediaLive alerts pushed by AWS ("MediaLive Channel Alert", `alarm_state` SET then CLEARED with the same `alarm_id`:
 * MediaLive User Guide, "JSON for an alert event", https://docs.aws.amazon.com/medialive/latest/ug/monitoring-cloudwatch-json-alert.html).
 * A SET latches an `aws-alert` alarm on the channel's tile, unless a change-of-state alarm (dropped, failed, ...) is
 * latched there already: that one says more and stays. Its notification goes to the tray and the incident log. A
 * CLEARED marks the tile's alert cleared once no alert of the channel is still set; the latch stays until the
 * operator acknowledges it, as every alarm does, so a look-away operator still learns of it. A second SET of an alert
 * already set, or a CLEARED of one this console never saw set, changes nothing.
 */
export class ChannelAlertEvents {
  /** Per channel, the ids of the alerts set and not cleared. */
  private readonly active = new Map<string, Set<string>>();

  constructor(
    private readonly tiles: AlertTiles,
    private readonly notifier: Notifier,
    private readonly now: () => number = Date.now,
  ) {}

  apply(channelId: string, alert: ChannelAlert): AlertOutcome {
    if (alert.state !== 'SET' && alert.state !== 'CLEARED') return 'unknown-state';
    const ids = this.active.get(channelId) ?? new Set<string>();
    const set = alert.state === 'SET';
    if (set === ids.has(alert.alarmId)) return 'same';
    const stillSet = set ? ids.size + 1 : ids.size - 1;
    const now = this.now();
    const what = alert.message ? `${alert.alertType}: ${alert.message}` : alert.alertType;
    const pipeline = alert.pipeline !== null ? ` (pipeline ${alert.pipeline})` : '';
    const touched: DestinationStatus[] = [];
    const outcome = this.tiles.updateChannelTiles(channelId, (status) => {
      touched.push(status);
      const alarm = status.alarm;
      if (set) {
        if (alarm && alarm.kind !== 'aws-alert' && alarm.recoveredAt === null) return null;
        return {
          ...status,
          alarm: {
            kind: 'aws-alert',
            at: now,
            message: `MediaLive reports on ${status.name}${pipeline}: ${what}`,
            onAirFor: null,
            recoveredAt: null,
          },
        };
      }
      if (alarm?.kind !== 'aws-alert' || alarm.recoveredAt !== null || stillSet > 0) return null;
      return { ...status, alarm: { ...alarm, recoveredAt: now } };
    });
    if (outcome === 'unknown-channel') return outcome;
    if (set) ids.add(alert.alarmId);
    else ids.delete(alert.alarmId);
    this.active.set(channelId, ids);
    for (const status of touched) {
      this.notifier.notify(
        set
          ? {
              destinationId: status.id,
              level: 'warning',
              kind: 'alert',
              title: `${status.name}: MediaLive alert`,
              message: `${what}${pipeline}. The channel's state is unchanged; check what reaches the platform.`,
            }
          : {
              destinationId: status.id,
              level: 'info',
              kind: 'state',
              title: `${status.name}: MediaLive alert cleared`,
              message: `${what}${pipeline}.`,
            },
      );
    }
    return 'applied';
  }
}
