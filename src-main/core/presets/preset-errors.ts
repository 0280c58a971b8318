import { BoothError } from '../../../shared/domain/errors';
import type { Preset } from '../../../shared/domain/preset';
import { formatFieldErrors, type FieldError } from '../../../shared/domain/preset-validation';

/**
 * An edit lost a race (or named an old version): nothing was written. `current` is the newer record
 * (null when it was removed) so the admin can be shown it and redo the change on top of it.
 */
export class PresetConflictError extends BoothError {
  readonly current: Preset | null;
  readonly expectedVersion: number;

  constructor(presetId: string, expectedVersion: number, current: Preset | null) {
    super(
      'conflict',
      current && !current.is_active
        ? `Preset "${current.name}" was deleted meanwhile (version ${current.version}). Nothing was saved.`
        : current
          ? `Preset "${current.name}" was changed by someone else meanwhile (you edited version ${expectedVersion}, it is now version ${current.version}, updated ${current.updated_at}). Nothing was saved: review the newer version and apply your change again.`
          : `Preset ${presetId} no longer exists. Nothing was saved.`,
    );
    this.name = 'PresetConflictError';
    this.current = current;
    this.expectedVersion = expectedVersion;
  }
}

/** The preset did not pass validation: nothing was written. `errors` are field-level. */
export class PresetValidationError extends BoothError {
  readonly errors: FieldError[];

  constructor(errors: FieldError[]) {
    super('validation', `The preset is not valid: ${formatFieldErrors(errors)}`);
    this.name = 'PresetValidationError';
    this.errors = errors;
  }
}
