import type { SimulatorOptions } from '../simulator/index';
import { simulatedDestinationCount } from '../simulator/destination-count';
import { simulatedSlateDestinations } from '../simulator/slate-destinations';

/** The embedded simulator as operators rehearse with it: the SRT signal has been flowing for a while. */
export function rehearsalSimulator(env: Record<string, string | undefined>): SimulatorOptions {
  const count = simulatedDestinationCount(env);
  const slates = simulatedSlateDestinations(env);
  return {
    backfillHistoryMs: 15 * 60_000,
    ...(count !== null ? { destinationCount: count } : {}),
    ...(slates !== null ? { slateDestinations: slates } : {}),
  };
}
