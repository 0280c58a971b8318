import { clockTime } from '../../shared/domain/time-format';
import type { Notifier } from './notifications/notifier';

/** How long before expiry the operator is warned, longest first: time enough to sign in again between segments. */
const CREDENTIAL_WARNINGS_MS = [60 * 60_000, 15 * 60_000, 5 * 60_000];

/**
 * Warns before the AWS session expires. Expiry never stops running channels (they run in AWS), but
 * after it the console can neither see nor stop them until someone signs in again.
 */
export function watchCredentialExpiry(
  expiresAt: () => Promise<number | null>,
  notifier: Notifier,
  options: { now?: () => number; checkEveryMs?: number } = {},
): { check(): Promise<void>; stop(): void } {
  const now = options.now ?? Date.now;
  const warned = new Set<string>();
  async function check(): Promise<void> {
    const at = await expiresAt().catch(() => null);
    if (at === null) return;
    const left = at - now();
    const due = CREDENTIAL_WARNINGS_MS.filter((ms) => left <= ms);
    const threshold = due.at(-1);
    if (threshold === undefined) return;
    const key = `${at}:${left <= 0 ? 'expired' : threshold}`;
    if (warned.has(key)) return;
    warned.add(key);
    const minutes = Math.max(0, Math.round(left / 60_000));
    notifier.notify({
      level: left <= 5 * 60_000 ? 'error' : 'warning',
      kind: 'credentials',
      title: left <= 0 ? 'AWS session expired' : `AWS session expires in ${minutes} min`,
      message:
        left <= 0
          ? 'The console can no longer read or change channels. Press Sign in (or run aws sso login); channels that run keep running.'
          : `Control ends at ${clockTime(at, now())}. Press Sign in now (or run aws sso login) so the console keeps control; running channels are not affected.`,
    });
  }
  const timer = setInterval(() => void check(), options.checkEveryMs ?? 60_000);
  timer.unref?.();
  return { check, stop: () => clearInterval(timer) };
}
