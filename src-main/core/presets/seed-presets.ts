import { mapAwsError } from '../../aws/errors';
import type { Logger } from '../logger';
import type { PresetStore } from './preset-store';

/** Writes the default presets a new presets table lacks; a failure is logged, never thrown. */
export async function seedPresets(presets: PresetStore, logger: Logger): Promise<void> {
  try {
    const { created } = await presets.seedDefaults();
    if (created > 0) logger.info('presets: seeded defaults', { created });
  } catch (error) {
    // Read-only credentials cannot seed; the presets an admin created are still listed.
    logger.warn('presets: could not seed defaults', { message: mapAwsError(error, 'Seed presets').message });
  }
}
