import type { ConnectionInfo } from '../../shared/domain/connection';
import { clockTime } from '../../shared/domain/time-format';
import type { DestinationStatus } from '../../shared/domain/destination';

/** What the operator window's sign-in banner says, or null while the console holds valid credentials. */
export interface SignInNeed {
  title: string;
  detail: string;
}

const RUNNING_NOTE = 'Channels that run keep running; the tiles show their last confirmed state until you sign in.';

/**
 * The console needs a sign-in when its IAM Identity Center session has ended (the deadline has passed), when the
 * connection failed for want of a sign-in, or when the tiles cannot be confirmed because the credentials expired.
 * Only a profile the console can sign in itself gets the banner; others have their own notice.
 */
export function signInNeed(
  info: ConnectionInfo | null,
  destinations: readonly DestinationStatus[],
  now: number,
): SignInNeed | null {
  if (!info?.canSignIn) return null;
  const ended = info.deadline !== null && info.deadline.endsAt <= now;
  const expiredReads = destinations.some((d) => d.unconfirmed?.code === 'expired-credentials');
  if (info.problem?.kind === 'sign-in')
    return { title: 'Not signed in to AWS: the console cannot read or change channels.', detail: RUNNING_NOTE };
  if (ended && info.deadline)
    return {
      title: `The AWS sign-in ended at ${clockTime(info.deadline.endsAt, now)}: sign in again to keep control.`,
      detail: RUNNING_NOTE,
    };
  if (expiredReads)
    return { title: 'The AWS credentials have expired: sign in again to keep control.', detail: RUNNING_NOTE };
  return null;
}
