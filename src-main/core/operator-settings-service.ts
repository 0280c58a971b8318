import type { OperatorSettings } from '../../shared/domain/operator-settings';
import type { SettingsStore } from './settings';

export interface OperatorSettingsService {
  get(): OperatorSettings;
  /** Saves a validated patch: the operator's keys (`settings.update`) or the admin's costs (`settings.updateCosts`). */
  update(patch: Partial<OperatorSettings>): OperatorSettings;
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
      const defined = Object.fromEntries(Object.entries(patch).filter(([, value]) => value !== undefined));
      const next = store.update((current) => ({ ...current, operator: { ...current.operator, ...defined } })).operator;
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
