import type { DestinationStatus } from '../../../shared/domain/destination';
import type { InputOutage } from '../../../shared/domain/flow';
import type { IncidentLog } from '../incidents/incident-log';

type Incidents = Pick<IncidentLog, 'begin' | 'end' | 'record'>;

const spoken = (ms: number): string => {
  const seconds = Math.max(0, Math.round(ms / 1_000));
  return seconds < 120 ? `${seconds} s` : `${Math.round(seconds / 60)} min`;
};

const keyOf = (destinationId: string) => `warm-input-loss-${destinationId}`;

/** On air from warm on its live input (a switch to the slate on its way still shows the live input). */
const liveFromWarm = (d: DestinationStatus): boolean =>
  d.warm?.mode === 'warm' &&
  (d.warm.phase === 'ON_AIR' || (d.warm.phase === 'SWITCHING' && d.warm.switchingTo === 'slate'));

/**
 * The live source lost while a destination is on air from warm: its channel keeps running and, with InputLossBehavior
 * SLATE in its GlobalConfiguration, puts out the slate still instead of a dead stream ("InputLossImageType: When set to
 * SLATE, the channel inserts a slate into the output",
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-medialive-channel-inputlossbehavior.html).
 * The incident log says so once per destination (one entry, which gains its end and duration) and once more when
 * the live picture is back. Only the confirmed flow view counts: an unconfirmed one neither opens nor closes one.
 */
export class WarmInputLoss {
  private outage: InputOutage | null = null;
  /** Destinations with an open entry, and since when. */
  private readonly open = new Map<string, { name: string; since: number }>();

  constructor(
    private readonly incidents: Incidents,
    private readonly now: () => number,
  ) {}

  /** The flow's confirmed input outage (null: the live source feeds it). */
  observeInput(outage: InputOutage | null, destinations: readonly DestinationStatus[]): void {
    this.outage = outage;
    this.review(destinations);
  }

  review(destinations: readonly DestinationStatus[]): void {
    const at = this.now();
    const byId = new Map(destinations.map((d) => [d.id, d]));
    if (this.outage) {
      for (const d of destinations) {
        if (this.open.has(d.id) || !liveFromWarm(d)) continue;
        const since = Math.max(this.outage.since, d.warm?.activeReadAt ?? this.outage.since);
        const slate = d.warm?.inputLossSlate === true;
        this.open.set(d.id, { name: d.name, since });
        this.incidents.begin(keyOf(d.id), {
          kind: 'outage',
          level: slate ? 'warning' : 'error',
          title: slate
            ? `${d.name}: live input lost, viewers see the slate`
            : `${d.name}: live input lost, the channel has no slate for it`,
          detail: slate
            ? `${this.outage.reason} The channel keeps running and puts out its slate still (input-loss behaviour) until the live picture returns.`
            : `${this.outage.reason} The channel has no input-loss slate: viewers see what MediaLive puts out on input loss.`,
          destinationId: d.id,
          at: since,
        });
      }
    }
    for (const [id, entry] of [...this.open]) {
      const d = byId.get(id);
      const stillLive = d !== undefined && liveFromWarm(d);
      if (this.outage && stillLive) continue;
      this.open.delete(id);
      this.incidents.end(keyOf(id), at);
      // The live picture is back only when the source returned with the channel still on its live input.
      if (!this.outage && stillLive)
        this.incidents.record({
          kind: 'outage',
          level: 'success',
          title: `${entry.name}: live picture back`,
          detail: `The live source feeds the channel again; the slate was shown for ${spoken(at - entry.since)}.`,
          destinationId: id,
          at,
        });
    }
  }
}
