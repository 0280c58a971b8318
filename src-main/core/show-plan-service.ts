import { BoothError } from '../../shared/domain/errors';
import { checkShowPlan, type KnownDestination, type ShowPlan, type ShowPlanInput } from '../../shared/domain/show-plan';
import type { SettingsStore } from './settings';

export interface ShowPlanService {
  get(): ShowPlan | null;
  /** Checks the plan at this moment and keeps it (null times clear it); throws what to fix in words. */
  set(input: ShowPlanInput): Promise<{ plan: ShowPlan | null; note: string }>;
  onChange(listener: (plan: ShowPlan | null) => void): () => void;
}

/**
 * The show's planned start, end and destinations: one for the console, saved with the local settings, announced on
 * change. `destinations` says what the booth has (null while not connected: the plan's ids are then not checked).
 */
export function createShowPlanService(
  store: SettingsStore,
  now: () => number,
  destinations: () => Promise<KnownDestination[] | null> = async () => null,
): ShowPlanService {
  const listeners = new Set<(plan: ShowPlan | null) => void>();
  return {
    get: () => store.get().showPlan,
    async set(input) {
      const known = input.destinations && input.destinations.length > 0 ? await destinations() : null;
      const checked = checkShowPlan(input, now(), known);
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
