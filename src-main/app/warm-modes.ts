import { TakeModeSchema } from '../../shared/domain/warm-standby';
import type { TakeModeStore } from '../core/channels/warm-standby';
import type { SettingsStore } from '../core/settings';

/**
 * The take mode per destination in the console's local settings (electron-store in the app): the operator's choice of
 * cold or warm, made before the show, survives a restart. Only warm is kept (cold is the default).
 */
export function takeModeStore(settings: SettingsStore): TakeModeStore {
  return {
    load: () => settings.get().takeModes,
    save(destinationId, mode) {
      settings.update((current) => {
        const { [destinationId]: _dropped, ...others } = current.takeModes;
        return {
          ...current,
          takeModes: mode === 'warm' ? { ...others, [destinationId]: TakeModeSchema.parse(mode) } : others,
        };
      });
    },
  };
}
