import { ON_AIR_STATES } from '../../../shared/domain/channel';
import type { DestinationStatus } from '../../../shared/domain/destination';
import type { AirSpan, TimedRun } from './show-timeline';

/**
 * What a running channel is doing for the record, as the tile says it: on its slate (standby: billing, but the
 * platform receives the slate, so not on air) or on air; null when it is not running. A switch on its way leaves the
 * channel on the input it had (AWS reports the new attachment once it ingests it). A channel with a slate whose input
 * has not been read yet (INPUT_UNCONFIRMED) keeps the span it had (`current`: the last confirmed one, as a record
 * continued after a restart has it), and opens none when it has none: first seen running, it is counted neither on
 * air nor in standby until the read says which. A cold one is on air when it runs.
 */
export function airKind(status: DestinationStatus, current: AirSpan['kind'] | null): AirSpan['kind'] | null {
  if (!ON_AIR_STATES.has(status.state)) return null;
  const warm = status.warm;
  if (!warm) return current ?? 'on_air';
  switch (warm.phase) {
    case 'STANDBY':
    case 'STARTING_TO_STANDBY':
      return 'standby';
    case 'SWITCHING':
      return warm.switchingTo === 'live' ? 'standby' : 'on_air';
    case 'ON_AIR':
      return 'on_air';
    case 'INPUT_UNCONFIRMED':
      return current;
    default:
      return warm.mode === 'warm' ? (current ?? 'on_air') : 'on_air';
  }
}

/** A stored run's spans; a record written before warm standby has its one time on air as one on-air span. */
export function spansOf(run: TimedRun): AirSpan[] {
  if (run.spans) return run.spans.map((span) => ({ ...span }));
  if (!run.on_air_at) return [];
  return [{ kind: 'on_air', from: run.on_air_at, to: run.off_air_at ?? run.ended_at ?? null }];
}

/** Time in standby per destination (ms) at `now`, every run counted. */
export function standbyMsByDestination(runs: readonly TimedRun[], now: number): Map<string, number> {
  const totals = new Map<string, number>();
  for (const run of runs) {
    for (const span of run.spans ?? []) {
      if (span.kind !== 'standby') continue;
      const from = Date.parse(span.from);
      const to = span.to !== null ? Date.parse(span.to) : run.ended_at !== null ? Date.parse(run.ended_at) : now;
      if (!Number.isFinite(from) || !Number.isFinite(to)) continue;
      totals.set(run.destination_id, (totals.get(run.destination_id) ?? 0) + Math.max(0, to - from));
    }
  }
  return totals;
}
