import type { OperatorSettings, OperatorSettingsPatch } from '../../shared/domain/operator-settings';
import type { SettingsStore } from './settings';

export interface OperatorSettingsService {
  get(): OperatorSettings;
  update(patch: OperatorSettingsPatch): OperatorSettings;
  onChange(listener: (next: OperatorSettings) => void): () => void;
}

/** Shortcuts, rate card and budget: validated at the IPC boundary, saved whole, announced to every window. */
export function createOperatorSettingsService(
  store: SettingsStore,
  publish: (next: OperatorSettings) => void,
): OperatorSettingsService {
  const listeners = new Set<(next: OperatorSettings) => void>();
  return {
    get: () => store.get().operator,
    update(patch) {
      const next = store.update((current) => ({ ...current, operator: { ...current.operator, ...patch } })).operator;
      publish(next);
      for (const listener of listeners) listener(next);
      return next;
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
