import type { SimulatorOptions } from '../simulator/index';

/** The embedded simulator as operators rehearse with it: the SRT signal has been flowing for a while. */
export const REHEARSAL_SIMULATOR: SimulatorOptions = { backfillHistoryMs: 15 * 60_000 };
