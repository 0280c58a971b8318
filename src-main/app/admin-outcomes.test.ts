import { describe, expect, it } from 'vitest';
import { BoothError } from '../../shared/domain/errors';
import { PresetValidationError } from '../core/presets/preset-store';
import { guarded, invalidPreset, refusedMigration, refusedState } from './admin-outcomes';

describe('admin outcomes', () => {
  it('answers what the work returns when it does not throw', async () => {
    expect(await guarded(async () => ({ status: 'saved' as const }), invalidPreset)).toEqual({ status: 'saved' });
  });

  it('turns an expected error into the first matching outcome', async () => {
    const errors = [{ field: 'video.bitrate', message: 'too low' }];
    expect(await guarded(() => Promise.reject(new PresetValidationError(errors)), refusedState, invalidPreset)).toEqual(
      { status: 'invalid', errors },
    );
    const stateError = new BoothError('invalid-state', 'not IDLE');
    expect(await guarded(() => Promise.reject(stateError), refusedMigration, refusedState)).toEqual({
      status: 'refused',
      reason: 'not IDLE',
    });
  });

  it('rethrows an error no mapper expects', async () => {
    const network = new BoothError('network', 'offline');
    await expect(guarded(() => Promise.reject(network), invalidPreset, refusedState)).rejects.toBe(network);
  });
});
