import { addDays, set } from 'date-fns';
import { z } from 'zod';
import { DestinationIdSchema } from './destination';
import { clockTime } from './time-format';
import { TakeModeSchema } from './warm-standby';

const HOUR_MS = 3_600_000;
/** A plan covers the next day at most: the end no more than 24 h from now, the show no longer than 24 h. */
const PLAN_HORIZON_MS = 24 * HOUR_MS;
/** Without a plan, the readiness check assumes a show of this length from the moment it runs. */
export const DEFAULT_SHOW_LENGTH_MS = 4 * HOUR_MS;

/** A booth has a few destinations; a plan names each at most once. */
const MAX_PLANNED_DESTINATIONS = 50;

/**
 * A destination the show goes to, and how it is taken: cold (the take starts the channel, a minute or two) or warm
 * (the channel is put in standby on its slate ahead, at the lead time when the operator confirms; the take switches it
 * live in seconds). Nothing goes on air from the plan: each destination still waits for its take.
 */
const PlannedDestinationSchema = z.strictObject({ id: DestinationIdSchema, take: TakeModeSchema });
export type PlannedDestination = z.infer<typeof PlannedDestinationSchema>;

const PlannedDestinationsSchema = z
  .array(PlannedDestinationSchema)
  .max(MAX_PLANNED_DESTINATIONS)
  .refine((list) => new Set(list.map((d) => d.id)).size === list.length, {
    message: 'A destination is named twice in the plan.',
  });

/** The show's planned start and end (epoch ms) and its destinations, held by the main process and pushed to every window. */
export const ShowPlanSchema = z
  .strictObject({
    startsAt: z.number().int().positive(),
    endsAt: z.number().int().positive(),
    /** When the plan was set. */
    setAt: z.number().int().positive(),
    /** Added later: a plan saved before has none (the show's destinations are then the operator's takes). */
    destinations: PlannedDestinationsSchema.default([]),
  })
  .refine((plan) => plan.endsAt > plan.startsAt, { message: 'The planned end must be after the planned start.' });
export type ShowPlan = z.infer<typeof ShowPlanSchema>;

/** What a window sends: both times, or both null to clear the plan; the destinations with their take. */
export const ShowPlanInputSchema = z.strictObject({
  startsAt: z.number().int().positive().nullable(),
  endsAt: z.number().int().positive().nullable(),
  destinations: PlannedDestinationsSchema.optional(),
});
export type ShowPlanInput = z.infer<typeof ShowPlanInputSchema>;

/** What the console knows of a destination when a plan names it: null `warmCapable` when it has not been read. */
export interface KnownDestination {
  id: string;
  name: string;
  warmCapable: boolean | null;
}

export type PlanField = 'start' | 'end' | 'destinations';
export type PlanCheck =
  { ok: true; plan: ShowPlan | null; note: string } | { ok: false; field: PlanField; message: string };

/** "2 h 30 min", "45 min": a plan's length in words. */
function lengthInWords(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  const hours = Math.floor(minutes / 60);
  return hours > 0 ? `${hours} h ${String(minutes % 60).padStart(2, '0')} min` : `${minutes} min`;
}

/**
 * The rules a plan must meet at `now`, as a zod schema: each bad case has its own message, on the field to fix.
 * A start already past is allowed (the show is under way: the countdown runs to its end); an end already past,
 * an end not after the start, an end more than 24 hours away and a single empty time are refused.
 */
function showPlanRules(now: number) {
  return ShowPlanInputSchema.superRefine(({ startsAt, endsAt }, ctx) => {
    const at = (ms: number) => clockTime(ms, now);
    const refuse = (field: 'startsAt' | 'endsAt', message: string) =>
      ctx.addIssue({ code: 'custom', path: [field], message });
    if (startsAt === null && endsAt === null) return;
    if (startsAt === null)
      return refuse('startsAt', 'Enter the planned start too (24-hour, e.g. 19:00), or clear both times.');
    if (endsAt === null)
      return refuse('endsAt', 'Enter the planned end too (24-hour, e.g. 21:30), or clear both times.');
    if (endsAt <= startsAt)
      return refuse('endsAt', `The planned end ${at(endsAt)} is not after the planned start ${at(startsAt)}.`);
    if (endsAt <= now)
      return refuse(
        'endsAt',
        `The planned end ${at(endsAt)} has already passed: plan a show still to come or under way.`,
      );
    if (endsAt - now > PLAN_HORIZON_MS)
      return refuse('endsAt', `The planned end ${at(endsAt)} is more than 24 hours away: plan the next 24 hours only.`);
    if (endsAt - startsAt > PLAN_HORIZON_MS)
      return refuse(
        'startsAt',
        `The planned start ${at(startsAt)} is more than 24 hours before the end: a show plan covers 24 hours at most.`,
      );
  });
}

const fieldOf = (path: PropertyKey | undefined): PlanField =>
  path === 'startsAt' ? 'start' : path === 'destinations' ? 'destinations' : 'end';

/** What is wrong with the planned destinations against what the booth has, or null. */
function destinationsProblem(
  planned: readonly PlannedDestination[],
  known: readonly KnownDestination[],
): string | null {
  for (const d of planned) {
    const found = known.find((k) => k.id === d.id);
    if (!found) return `The plan names the destination "${d.id.slice(0, 40)}", which this booth does not have.`;
    if (d.take === 'warm' && found.warmCapable === false)
      return `${found.name} has no slate on its channel, so it cannot be taken warm: plan it cold.`;
  }
  return null;
}

/** "YouTube (warm), Twitch (cold)": the plan's destinations in words. */
function destinationsInWords(
  planned: readonly PlannedDestination[],
  known: readonly KnownDestination[] | null,
): string {
  if (planned.length === 0) return '';
  const name = (id: string) => known?.find((k) => k.id === id)?.name ?? id;
  const warm = planned.filter((d) => d.take === 'warm').length;
  const list = planned.map((d) => `${name(d.id)} (${d.take})`).join(', ');
  return `Destinations: ${list}.${warm > 0 ? ` Standby for the ${warm} warm one${warm === 1 ? '' : 's'} is offered at the lead time.` : ''}`;
}

/**
 * Checks a plan at `now`: the plan to keep (null clears it) and what it means in words, or what to fix. `known` is
 * the booth's destinations (null while not connected: the ids are then checked when the console connects).
 */
export function checkShowPlan(
  input: ShowPlanInput,
  now: number,
  known: readonly KnownDestination[] | null = null,
): PlanCheck {
  const parsed = showPlanRules(now).safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return { ok: false, field: fieldOf(issue?.path[0]), message: issue?.message ?? 'The plan is not valid.' };
  }
  const { startsAt, endsAt } = parsed.data;
  const destinations = parsed.data.destinations ?? [];
  if (startsAt === null || endsAt === null)
    return {
      ok: true,
      plan: null,
      note: 'No show planned: no countdown, and the readiness check assumes the show ends four hours after it runs.',
    };
  const problem = known ? destinationsProblem(destinations, known) : null;
  if (problem) return { ok: false, field: 'destinations', message: problem };
  const span = `${clockTime(startsAt, now)} to ${clockTime(endsAt, now)} (${lengthInWords(endsAt - startsAt)})`;
  const when =
    startsAt < now
      ? `Show under way: planned ${span}. The start has passed, so the countdown runs to the end.`
      : `Show planned ${span}.`;
  return {
    ok: true,
    plan: { startsAt, endsAt, setAt: now, destinations },
    note: [when, destinationsInWords(destinations, known)].filter(Boolean).join(' '),
  };
}

const CLOCK = /^([01]?\d|2[0-3]):?([0-5]\d)$/;

/** "19:30", "9:30" or "1930" as minutes after midnight; null for an empty field; undefined when it is not a time. */
function minutesOf(text: string): number | null | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const match = CLOCK.exec(trimmed);
  return match ? Number(match[1]) * 60 + Number(match[2]) : undefined;
}

function atMinutes(day: number, minutes: number): number {
  return set(day, { hours: Math.floor(minutes / 60), minutes: minutes % 60, seconds: 0, milliseconds: 0 }).getTime();
}

/**
 * Reads the plan control's two 24-hour times of day into a plan input. The start is the occurrence of that time
 * nearest to now (19:00 typed at 19:10 is ten minutes ago, a show under way; 00:30 typed at 23:30 is tonight);
 * the end is the first occurrence after the start, so an end earlier on the clock than the start is the next
 * day (a show across midnight). The same time for both reads as an end that is not after the start.
 */
export function planFromClock(
  text: { start: string; end: string },
  now: number,
): { ok: true; input: ShowPlanInput } | { ok: false; field: PlanField; message: string } {
  const start = minutesOf(text.start);
  const end = minutesOf(text.end);
  const notATime = (label: string, value: string) =>
    `The planned ${label} "${value.trim().slice(0, 12)}" is not a time of day: write it 24-hour as HH:MM (00:00 to 23:59).`;
  if (start === undefined) return { ok: false, field: 'start', message: notATime('start', text.start) };
  if (end === undefined) return { ok: false, field: 'end', message: notATime('end', text.end) };
  if (start === null || end === null)
    return {
      ok: true,
      input: {
        startsAt: start === null ? null : nearest(start, now),
        endsAt: end === null ? null : nearest(end, now),
      },
    };
  const startsAt = nearest(start, now);
  if (end === start) return { ok: true, input: { startsAt, endsAt: startsAt } };
  const sameDay = atMinutes(startsAt, end);
  return { ok: true, input: { startsAt, endsAt: sameDay > startsAt ? sameDay : addDays(sameDay, 1).getTime() } };
}

/** The occurrence of a time of day nearest to now (yesterday, today or tomorrow); a tie goes to the later one. */
function nearest(minutes: number, now: number): number {
  const candidates = [-1, 0, 1].map((offset) => atMinutes(addDays(now, offset).getTime(), minutes));
  return candidates.reduce((best, at) => (Math.abs(at - now) <= Math.abs(best - now) ? at : best));
}

/** A time of day as the plan control shows it: "19:30" (the control's fields take minutes, not seconds). */
export function clockField(epochMs: number): string {
  return clockTime(epochMs).slice(0, 5);
}
