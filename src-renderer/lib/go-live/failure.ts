import type { DestinationStatus } from '../../../shared/domain/destination';
import { failureHeadline, type TakeAction } from '../../../shared/domain/failure-headline';
import type { Activity } from './arming';

/**
 * A failed go-live or end as the tile shows it: one headline in words with its time, latched (with the tile's error
 * border) until the operator acknowledges it. The rest (AWS's text, the request id, the attempts) is in the tray.
 */
export interface TileFailure {
  action: TakeAction;
  code: string;
  at: number;
  headline: string;
  /** The console's full sentence (for the tooltip; the tray has the details). */
  message: string;
  /** True when main recorded it (on every window, acknowledged through main); false for the window's own. */
  recorded: boolean;
}

/** The window's own failures: the answer never came back over the link, or the take was not sent at all. */
function windowCode(activity: Extract<Activity, { phase: 'done' }>): string {
  if (activity.code === 'network' || activity.code === 'timeout') return 'link-down';
  return activity.code ?? 'internal';
}

/**
 * Hidden while the destination is armed or a request for it is on its way (the operator is acting on it again);
 * the failure main recorded wins over the window's copy of the same answer.
 */
export function tileFailure(
  destination: DestinationStatus,
  activity: Activity | null,
  armed: boolean,
): TileFailure | null {
  if (armed || activity?.phase === 'sending' || destination.pending !== null) return null;
  const recorded = destination.lastError;
  if (recorded?.action) {
    return {
      action: recorded.action,
      code: recorded.code,
      at: recorded.at,
      headline: failureHeadline(recorded.action, recorded.code),
      message: recorded.message,
      recorded: true,
    };
  }
  if (activity?.phase !== 'done' || activity.ok) return null;
  const code = windowCode(activity);
  return {
    action: activity.action,
    code,
    at: activity.at,
    headline: failureHeadline(activity.action, code),
    message: activity.message,
    recorded: false,
  };
}
