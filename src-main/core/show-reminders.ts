import type { ReadinessReport } from '../../shared/domain/readiness';
import type { ShowPlan } from '../../shared/domain/show-plan';
import { clockTime } from '../../shared/domain/time-format';
import type { Logger } from './logger';
import type { Notifier } from './notifications/notifier';

/**
 * How long before the planned start the pre-show offer comes: time to fix what the checklist finds and to take cold
 * (a MediaLive channel takes a minute or two from IDLE to RUNNING after the take).
 */
export const SHOW_LEAD_MS = 15 * 60_000;
/** A reminder of the start is worth saying for this long after it; a console started later does not say it. */
const START_REMINDER_WINDOW_MS = 10 * 60_000;
/** How often the plan is looked at (a reminder is at most this late). */
const CHECK_EVERY_MS = 5_000;

/** What the pre-show checklist found, in counts. */
export interface ReadinessCounts {
  failures: number;
  warnings: number;
}

/** The counts of a checklist report. */
export function readinessCounts(report: Pick<ReadinessReport, 'items'>): ReadinessCounts {
  return {
    failures: report.items.filter((item) => item.status === 'fail').length,
    warnings: report.items.filter((item) => item.status === 'warn').length,
  };
}

/** "YouTube (warm) and Twitch (cold)": the plan's destinations for the start reminder, or "each destination". */
function plannedWords(plan: ShowPlan, name: (id: string) => string): string {
  if (plan.destinations.length === 0) return 'each destination';
  const list = plan.destinations.map((d) => `${name(d.id)} (${d.take})`);
  return list.length === 1 ? list[0]! : `${list.slice(0, -1).join(', ')} and ${list.at(-1)!}`;
}

export interface ShowReminderDeps {
  plan: () => ShowPlan | null;
  now: () => number;
  notifier: Notifier;
  logger: Logger;
  /** True while any destination is on air (the show has begun: no reminder of its start). */
  anyOnAir: () => boolean;
  /** Runs the pre-show checklist (cold takes start from IDLE, so its findings are what the operator needs then). */
  readiness: () => Promise<ReadinessCounts>;
  /**
   * Called once per plan at the lead time, beside the checklist: where warm takes offer "standby all" (their channels
   * put into standby ahead of the take, once the operator confirms); answers what was offered in words, added to the
   * lead-time notice, or null. Nothing goes on air from here: every destination still waits for a take.
   */
  onLeadTime?: (plan: ShowPlan) => string | null;
  /** A destination's name for the reminders (its id when not known). */
  destinationName?: (id: string) => string;
  leadMs?: number;
}

/**
 * Reminders of the planned show, never actions: at the lead time the console runs the pre-show checklist and says
 * what it found (and offers what warm takes need, through `onLeadTime`); at the planned start, with nothing on air,
 * it reminds the operator that the show waits for their take. Each reminder once per plan; a new plan (or a moved
 * one) has its own.
 */
export class ShowReminders {
  private readonly told = new Set<string>();
  private timer: ReturnType<typeof setInterval> | null = null;
  private checking: Promise<void> | null = null;

  constructor(private readonly deps: ShowReminderDeps) {}

  start(): void {
    this.timer ??= setInterval(() => void this.check(), CHECK_EVERY_MS);
    this.timer.unref?.();
    void this.check();
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Looks at the plan now and says what is due (one look at a time). */
  check(): Promise<void> {
    this.checking ??= this.due().finally(() => (this.checking = null));
    return this.checking;
  }

  private async due(): Promise<void> {
    const plan = this.deps.plan();
    if (!plan) return;
    const now = this.deps.now();
    const lead = this.deps.leadMs ?? SHOW_LEAD_MS;
    const key = `${plan.setAt}:${plan.startsAt}`;
    if (now >= plan.startsAt - lead && now < plan.startsAt && this.once(`${key}:lead`)) await this.offer(plan);
    const late = now - plan.startsAt;
    if (late >= 0 && late < START_REMINDER_WINDOW_MS && plan.setAt < plan.startsAt && this.once(`${key}:start`))
      this.remindStart(plan);
  }

  private once(key: string): boolean {
    if (this.told.has(key)) return false;
    this.told.add(key);
    return true;
  }

  private async offer(plan: ShowPlan): Promise<void> {
    const offered = this.deps.onLeadTime?.(plan) ?? null;
    const standby = offered ? ` ${offered}` : '';
    const at = (ms: number) => clockTime(ms, this.deps.now());
    const minutes = Math.max(1, Math.round((plan.startsAt - this.deps.now()) / 60_000));
    const title = `Show at ${at(plan.startsAt)}, in ${minutes} min`;
    try {
      const { failures, warnings } = await this.deps.readiness();
      const found =
        failures > 0
          ? `${failures} check(s) failed${warnings > 0 ? ` and ${warnings} warned` : ''}: open Readiness and fix them before ${at(plan.startsAt)}.`
          : warnings > 0
            ? `all passed but ${warnings} warned: open Readiness to read them.`
            : 'every check passed.';
      this.deps.notifier.notify({
        level: failures > 0 ? 'error' : warnings > 0 ? 'warning' : 'info',
        kind: 'alert',
        title: `${title}: ${failures > 0 ? 'not ready' : 'ready'}`,
        message: `The pre-show checklist ran at ${at(this.deps.now())}: ${found}${standby} Cold channels start at the take (a minute or two to go on air): arm and take each when the show needs it.`,
      });
    } catch (error) {
      this.deps.logger.warn('show: the pre-show checklist did not run', {
        message: error instanceof Error ? error.message : String(error),
      });
      this.deps.notifier.notify({
        level: 'warning',
        kind: 'alert',
        title: `${title}: run the readiness check`,
        message: `The console could not run the pre-show checklist by itself; open Readiness and run it before ${at(plan.startsAt)}.${standby}`,
      });
    }
  }

  private remindStart(plan: ShowPlan): void {
    if (this.deps.anyOnAir()) return;
    const at = clockTime(plan.startsAt, this.deps.now());
    this.deps.notifier.notify({
      level: 'warning',
      kind: 'alert',
      title: `Planned start ${at}: nothing is on air`,
      message: `The show was planned to start at ${at} and no destination is on air. Nothing goes live by itself: arm and take ${plannedWords(plan, this.deps.destinationName ?? ((id) => id))} when the show begins (or move the plan).`,
    });
  }
}
