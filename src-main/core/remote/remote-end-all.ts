import { randomBytes } from 'node:crypto';
import { BoothError } from '../../../shared/domain/errors';

/** How long a remote End all request waits for its confirmation: a second press, not a later accident. */
export const END_ALL_CONFIRM_MS = 10_000;

export interface EndAllResult {
  results: { destinationId: string; ok: boolean; message: string }[];
}

export interface RemoteEndAllDeps {
  now(): number;
  /** The window's own End all (channels.endAll, confirmed): every channel live or on its way is stopped. */
  endAll(): Promise<EndAllResult>;
  record(title: string, detail: string): void;
}

interface Pending {
  confirmation: string;
  by: string;
  expiresAt: number;
}

/**
 * End all from a control client in two steps, as the window asks "End all?" before it ends anything: a request
 * answers a code; only that code, sent back by the same token before it expires, ends the show. A code is used
 * once; a new request replaces the one before.
 */
export class RemoteEndAll {
  #pending: Pending | null = null;

  constructor(private readonly deps: RemoteEndAllDeps) {}

  request(by: string): { confirmation: string; expiresAt: number } {
    const pending: Pending = {
      confirmation: randomBytes(6).toString('hex'),
      by,
      expiresAt: this.deps.now() + END_ALL_CONFIRM_MS,
    };
    this.#pending = pending;
    this.deps.record(
      `End all requested from remote (${by})`,
      `Nothing stopped yet; confirm within ${END_ALL_CONFIRM_MS / 1_000} s to end the show.`,
    );
    return { confirmation: pending.confirmation, expiresAt: pending.expiresAt };
  }

  async confirm(confirmation: string, by: string): Promise<EndAllResult> {
    const pending = this.#pending;
    if (!pending || pending.by !== by || pending.confirmation !== confirmation) {
      throw new BoothError(
        'invalid-state',
        'This End all was not requested (or was requested by another control): request End all, then confirm it.',
      );
    }
    this.#pending = null;
    if (pending.expiresAt <= this.deps.now()) {
      throw new BoothError('invalid-state', 'The End all request expired before it was confirmed; nothing stopped.');
    }
    const ended = await this.deps.endAll();
    const failed = ended.results.filter((r) => !r.ok);
    this.deps.record(
      `End all from remote (${by})`,
      ended.results.length === 0
        ? 'Nothing was on air or on its way.'
        : `${ended.results.length - failed.length} of ${ended.results.length} stopped` +
            (failed.length
              ? `; not stopped: ${failed.map((f) => `${f.destinationId} (${f.message})`).join(', ')}`
              : '.'),
    );
    return ended;
  }
}
