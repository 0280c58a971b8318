import { BoothError } from '../../shared/domain/errors';
import { checkShowPlan, type ShowPlan, type ShowPlanInput } from '../../shared/domain/show-plan';
import type { SettingsStore } from './settings';

export interface ShowPlanService {
  get(): ShowPlan | null;
  /** Checks the plan at this moment and keeps it (null times clear it); throws what to fix in words. */
  set(input: ShowPlanInput): { plan: ShowPlan | null; note: string };
  onChange(listener: (plan: ShowPlan | null) => void): () => void;
}

/** The show's planned start and end: one for the console, saved with the local settings, announced on change. */
export function createShowPlanService(store: SettingsStore, now: () => number): ShowPlanService {
  const listeners = new Set<(plan: ShowPlan | null) => void>();
  return {
    get: () => store.get().showPlan,
    set(input) {
      const checked = checkShowPlan(input, now());
      if (!checked.ok) throw new BoothError('invalid-input', checked.message);
      store.update((current) => ({ ...current, showPlan: checked.plan }));
      for (const listener of listeners) listener(checked.plan);
      return { plan: checked.plan, note: checked.note };
    },
    onChange(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
