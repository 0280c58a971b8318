import { isBoothError, type BoothError } from '../../shared/domain/errors';
import type { Preset } from '../../shared/domain/preset';
import type { FieldError } from '../../shared/domain/preset-validation';
import type { AdminDestination } from '../../shared/ipc/features/admin.contract';
import { DestinationConflictError, DestinationInputError } from '../core/destinations/destination-store';
import { ChannelSettingsRejectedError } from '../core/presets/preset-applier';
import { PresetConflictError, PresetValidationError } from '../core/presets/preset-store';
import type { StackTopology } from '../core/stack/stack-outputs';
import { toAdminDestination } from './admin-views';

/**
 * The admin channels answer expected failures (invalid, conflict, refused, read-only) as typed data;
 * a mapper turns one kind of error into its outcome and answers null for any other error.
 */
export type OutcomeMapper<O> = (error: unknown) => O | null;

type OutcomeOf<M extends readonly OutcomeMapper<unknown>[]> = NonNullable<ReturnType<M[number]>>;

/** The first mapper's outcome for the error; an error no mapper expects is rethrown (the router answers a failure). */
export function outcomeOf<M extends readonly OutcomeMapper<unknown>[]>(error: unknown, mappers: M): OutcomeOf<M> {
  for (const map of mappers) {
    const outcome = map(error);
    if (outcome !== null) return outcome as OutcomeOf<M>;
  }
  throw error;
}

/** Runs `work`; what it throws becomes an outcome when one of `mappers` expects it. */
export async function guarded<T, M extends readonly OutcomeMapper<unknown>[]>(
  work: () => Promise<T>,
  ...mappers: M
): Promise<T | OutcomeOf<M>> {
  try {
    return await work();
  } catch (error) {
    return outcomeOf(error, mappers);
  }
}

export const isCode = (error: unknown, code: string): error is BoothError => isBoothError(error) && error.code === code;

export type Invalid = { status: 'invalid'; errors: FieldError[] };
export type ReadOnly = { status: 'read-only'; reason: string };
export type Refused = { status: 'refused'; reason: string; channelState: string | null };

const invalid = (errors: FieldError[]): Invalid => ({ status: 'invalid', errors });

export const invalidPreset: OutcomeMapper<Invalid> = (error) =>
  error instanceof PresetValidationError ? invalid(error.errors) : null;

export const invalidDestination: OutcomeMapper<Invalid> = (error) =>
  error instanceof DestinationInputError ? invalid(error.errors) : null;

/** MediaLive refused the compiled settings (422): its errors, or its message when it named no field. */
export const rejectedSettings: OutcomeMapper<Invalid> = (error) =>
  error instanceof ChannelSettingsRejectedError
    ? invalid(error.errors.length > 0 ? error.errors : [{ field: 'channel', message: error.message }])
    : null;

export const presetConflict: OutcomeMapper<{ status: 'conflict'; current: Preset | null; message: string }> = (
  error,
) =>
  error instanceof PresetConflictError ? { status: 'conflict', current: error.current, message: error.message } : null;

/** Any conflict on a destination write; the newer record is shown when the store could read it. */
export function destinationConflict(
  stack: StackTopology,
): OutcomeMapper<{ status: 'conflict'; current: AdminDestination | null; message: string }> {
  return (error) => {
    if (!isCode(error, 'conflict')) return null;
    const current =
      error instanceof DestinationConflictError && error.current ? toAdminDestination(error.current, stack) : null;
    return { status: 'conflict', current, message: error.message };
  };
}

/** Not possible in the channel's current state (e.g. it has no destination to send to). */
export const refusedState: OutcomeMapper<Refused> = (error) =>
  isCode(error, 'invalid-state') ? { status: 'refused', reason: error.message, channelState: null } : null;

/** The migration's refusal (e.g. no backup could be made): about a table, not a channel. */
export const refusedMigration: OutcomeMapper<{ status: 'refused'; reason: string }> = (error) =>
  isCode(error, 'invalid-state') ? { status: 'refused', reason: error.message } : null;
