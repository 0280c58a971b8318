import { z } from 'zod';
import { DEFAULT_MONTHLY_BUDGET_USD, DEFAULT_RATE_CARD, RateCardSchema } from './cost';

/**
 * Keys as KeyboardEvent.key values ("1", "Enter", "Escape", "?"). Digits arm destinations in
 * tile order unless a destination has its own key.
 */
const KeySchema = z.string().min(1).max(20);

export const ShortcutsSchema = z.strictObject({
  take: KeySchema,
  disarm: KeySchema,
  help: KeySchema,
  endAll: KeySchema,
  /** Per destination id; destinations without one take the next free digit 1-9. */
  destinations: z.record(z.string().max(64), KeySchema),
  /** Seconds an armed destination waits for the take before it disarms itself. */
  armTimeoutSeconds: z.number().int().min(2).max(30),
});
export type Shortcuts = z.infer<typeof ShortcutsSchema>;

export const DEFAULT_SHORTCUTS: Shortcuts = {
  take: 'Enter',
  disarm: 'Escape',
  help: '?',
  endAll: 'E',
  destinations: {},
  armTimeoutSeconds: 5,
};

export const GlobalShortcutsSchema = z.strictObject({
  /** Off by default: keys that work while the app is not focused must be chosen knowingly. */
  enabled: z.boolean(),
  /** Accelerator prefix for the digit keys, e.g. "CommandOrControl+Alt"; take and disarm use the same prefix. */
  modifier: z.enum(['CommandOrControl+Alt', 'CommandOrControl+Shift', 'Alt+Shift']),
});
export type GlobalShortcuts = z.infer<typeof GlobalShortcutsSchema>;

export const OperatorSettingsSchema = z.strictObject({
  shortcuts: ShortcutsSchema,
  globalShortcuts: GlobalShortcutsSchema,
  rateCard: RateCardSchema,
  monthlyBudgetUsd: z.number().min(0).max(1_000_000),
  /** A short beep in the operator window when an alarm is raised; off by default (a booth may be on air with open mics). */
  alarmSound: z.boolean().default(false),
});
export type OperatorSettings = z.infer<typeof OperatorSettingsSchema>;

export const DEFAULT_OPERATOR_SETTINGS: OperatorSettings = {
  shortcuts: DEFAULT_SHORTCUTS,
  globalShortcuts: { enabled: false, modifier: 'CommandOrControl+Alt' },
  rateCard: DEFAULT_RATE_CARD,
  monthlyBudgetUsd: DEFAULT_MONTHLY_BUDGET_USD,
  alarmSound: false,
};

/** What a window may change: any subset, each part validated whole. */
export const OperatorSettingsPatchSchema = OperatorSettingsSchema.partial();
export type OperatorSettingsPatch = z.infer<typeof OperatorSettingsPatchSchema>;
