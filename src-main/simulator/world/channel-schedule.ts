import { isObject, str, type JsonObject } from './wire';

/**
 * When a schedule action starts. ScheduleActionStartSettings "contains only one of
 * FixedModeScheduleActionStartSettings, ImmediateModeScheduleActionStartSettings, or
 * FollowModeScheduleActionStartSettings" (https://docs.aws.amazon.com/medialive/latest/ug/cli-schedule-fields-for-input-switch.html).
 */
export type StartMode =
  | { mode: 'immediate' }
  | { mode: 'fixed'; at: number }
  | { mode: 'follow'; reference: string }
  | { mode: 'invalid'; reason: string };

/**
 * A fixed start "must be at least 15 seconds in the future but not more than 14 days in the future. After that
 * cutoff, MediaLive rejects the request to create the action."
 * (https://docs.aws.amazon.com/medialive/latest/ug/x-actions-in-schedule-ips.html)
 */
const FIXED_START_MIN_LEAD_MS = 15_000;
const FIXED_START_MAX_LEAD_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * "For an input switch in a standard channel (a channel with two pipelines), MediaLive internally sets the start time
 * to 10 seconds in the future"; a single-pipeline channel "immediately starts to switch the input".
 * (https://docs.aws.amazon.com/medialive/latest/ug/x-actions-in-schedule-ips.html)
 */
export const STANDARD_IMMEDIATE_SWITCH_DELAY_MS = 10_000;

/** FixedModeScheduleActionStartSettings.Time: "UTC format: yyyy-mm-ddThh:mm:ss.nnnZ" (MediaLive API reference). */
const FIXED_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,3})?Z$/;

export function startModeOf(startSettings: unknown): StartMode {
  if (!isObject(startSettings)) return { mode: 'invalid', reason: 'scheduleActionStartSettings is required' };
  const given = [
    'fixedModeScheduleActionStartSettings',
    'immediateModeScheduleActionStartSettings',
    'followModeScheduleActionStartSettings',
  ].filter((k) => startSettings[k] !== undefined);
  if (given.length !== 1) {
    return { mode: 'invalid', reason: 'scheduleActionStartSettings must contain exactly one start type' };
  }
  const fixed = startSettings['fixedModeScheduleActionStartSettings'];
  if (isObject(fixed)) {
    const time = str(fixed['time']);
    if (!time || !FIXED_TIME.test(time) || Number.isNaN(Date.parse(time))) {
      return {
        mode: 'invalid',
        reason: `Start time [${String(time)}] is not a UTC time of the form yyyy-mm-ddThh:mm:ss.nnnZ`,
      };
    }
    return { mode: 'fixed', at: Date.parse(time) };
  }
  const follow = startSettings['followModeScheduleActionStartSettings'];
  if (isObject(follow)) {
    const reference = str(follow['referenceActionName']);
    if (!reference) return { mode: 'invalid', reason: 'referenceActionName is required' };
    return { mode: 'follow', reference };
  }
  return { mode: 'immediate' };
}

/** Why a fixed start time is refused at `now`, or null when it is within AWS's window. */
export function fixedStartProblem(at: number, now: number): string | null {
  if (at - now < FIXED_START_MIN_LEAD_MS) {
    return `Start time [${new Date(at).toISOString()}] must be at least 15 seconds in the future`;
  }
  if (at - now > FIXED_START_MAX_LEAD_MS) {
    return `Start time [${new Date(at).toISOString()}] must be at most 14 days in the future`;
  }
  return null;
}

/** The input switch an action carries: the attachment it names, or null when it is another kind of action. */
export function switchTargetOf(action: JsonObject): string | null {
  const settings = action['scheduleActionSettings'];
  if (!isObject(settings)) return null;
  const sw = settings['inputSwitchSettings'];
  return isObject(sw) ? (str(sw['inputAttachmentNameReference']) ?? null) : null;
}

/** A switch the channel will make (or made): which attachment, by which action, from when (epoch ms). */
export interface TimedSwitch {
  actionName: string;
  attachment: string;
  at: number;
}

/**
 * The attachment a channel ingests once it is running at `now`: "MediaLive looks at the schedule to determine if there
 * is an input switch with an immediate switch, with a start time that is now or with a start time that is overdue. If
 * it finds this action, it switches to that input... If it doesn't find this action, it starts ingesting the first
 * input attachment listed in the channel." (https://docs.aws.amazon.com/medialive/latest/ug/ips-start-channel-multi-inputs.html)
 * The latest such switch wins; `switches` are in creation order, so a later one wins a tie.
 */
export function switchInForce(switches: readonly TimedSwitch[], now: number): TimedSwitch | null {
  let best: TimedSwitch | null = null;
  for (const s of switches) if (s.at <= now && (!best || s.at >= best.at)) best = s;
  return best;
}
