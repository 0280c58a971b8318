import { z } from 'zod';
import { DEFAULT_SAFETY_GRACE_MINUTES, SAFETY_GRACE_MAX_MINUTES } from './safety-stop';
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
  /** Minutes after the planned end at which AWS stops a channel still running (its safety stop); set by the admin. */
  safetyGraceMinutes: z
    .number({ error: 'The grace period must be a number of minutes.' })
    .int({ error: 'The grace period must be whole minutes (no fractions).' })
    .min(0, { error: 'The grace period cannot be negative: 0 stops the channel at the planned end.' })
    .max(SAFETY_GRACE_MAX_MINUTES, {
      error: `The grace period is at most ${SAFETY_GRACE_MAX_MINUTES} minutes (12 hours) after the planned end.`,
    })
    .default(DEFAULT_SAFETY_GRACE_MINUTES),
});
export type OperatorSettings = z.infer<typeof OperatorSettingsSchema>;

export const DEFAULT_OPERATOR_SETTINGS: OperatorSettings = {
  shortcuts: DEFAULT_SHORTCUTS,
  globalShortcuts: { enabled: false, modifier: 'CommandOrControl+Alt' },
  rateCard: DEFAULT_RATE_CARD,
  monthlyBudgetUsd: DEFAULT_MONTHLY_BUDGET_USD,
  alarmSound: false,
  safetyGraceMinutes: DEFAULT_SAFETY_GRACE_MINUTES,
};

const SET_IN_ADMIN =
  'rates and the monthly budget are set in the admin window (Costs tab), not with the operator settings.';

/**
 * What the operator window may change: its keys, global shortcuts and alarm sound, any subset, each part validated
 * whole. The rate card and the budget are the admin's (`settings.updateCosts`): sent here they are refused.
 */
export const OperatorSettingsPatchSchema = OperatorSettingsSchema.omit({
  rateCard: true,
  monthlyBudgetUsd: true,
  safetyGraceMinutes: true,
})
  .partial()
  .extend({
    rateCard: z.never({ error: SET_IN_ADMIN }).optional(),
    monthlyBudgetUsd: z.never({ error: SET_IN_ADMIN }).optional(),
    safetyGraceMinutes: z.never({ error: SET_IN_ADMIN }).optional(),
  });
export type OperatorSettingsPatch = z.infer<typeof OperatorSettingsPatchSchema>;

/**
 * The admin's cost settings: the rate card every estimate is made from, and the month's budget the status bar
 * compares the month to date with. Both describe the AWS account's bill, not the way one operator works.
 */
export const CostSettingsPatchSchema = OperatorSettingsSchema.pick({
  rateCard: true,
  monthlyBudgetUsd: true,
  safetyGraceMinutes: true,
}).partial();
