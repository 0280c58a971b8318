import { z } from 'zod';

/** Every state MediaLive reports for a channel (ChannelState in the MediaLive API model). */
const MEDIALIVE_CHANNEL_STATES = [
  'CREATING',
  'CREATE_FAILED',
  'IDLE',
  'STARTING',
  'RUNNING',
  'RECOVERING',
  'STOPPING',
  'DELETING',
  'DELETED',
  'UPDATING',
  'UPDATE_FAILED',
] as const;

/**
 * What a destination tile shows. Beyond MediaLive's states: MISSING (the mapped channel
 * does not exist in AWS), UNKNOWN (not read yet, or AWS could not be reached).
 */
const DESTINATION_STATES = [...MEDIALIVE_CHANNEL_STATES, 'MISSING', 'UNKNOWN'] as const;
export const DestinationStateSchema = z.enum(DESTINATION_STATES);
export type DestinationState = z.infer<typeof DestinationStateSchema>;

/** States in which MediaLive is moving the channel; the monitor polls faster while any exists. */
const TRANSITIONAL_STATES: ReadonlySet<DestinationState> = new Set([
  'CREATING',
  'STARTING',
  'STOPPING',
  'RECOVERING',
  'UPDATING',
  'DELETING',
]);

/** States in which MediaLive bills the channel (it runs, whether or not anything is pushed). */
export const BILLING_STATES: ReadonlySet<DestinationState> = new Set(['STARTING', 'RUNNING', 'RECOVERING', 'STOPPING']);

/** States in which the channel's output is on air: running, or running while MediaLive recovers it. */
export const ON_AIR_STATES: ReadonlySet<DestinationState> = new Set(['RUNNING', 'RECOVERING']);

export function isTransitional(state: DestinationState): boolean {
  return TRANSITIONAL_STATES.has(state);
}

/** Parses a state string from AWS; anything this build does not know becomes UNKNOWN rather than a crash. */
export function toDestinationState(value: string | undefined): DestinationState {
  const parsed = DestinationStateSchema.safeParse(value);
  return parsed.success ? parsed.data : 'UNKNOWN';
}
