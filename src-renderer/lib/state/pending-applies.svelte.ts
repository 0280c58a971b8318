import { SvelteMap, SvelteSet } from 'svelte/reactivity';
import type { Notification } from '../../../shared/domain/notification';
import type { PendingApply } from '../../../shared/ipc/features/admin.contract';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';
import { isQueuedApplyOutcome } from './pending-outcome';

export type PendingNoteKind = 'cancelled' | 'not-queued' | 'cancel-failed' | 'applied' | 'not-applied';

/** One line about a queued preset: a cancel from this window, or what main said happened at the stop. */
export interface PendingNote {
  id: number;
  at: number;
  kind: PendingNoteKind;
  tone: 'ok' | 'warn' | 'error';
  destinationId: string;
  title: string | null;
  text: string;
}

const KEEP_NOTES = 4;

/**
 * The presets queued in main for a channel's next stop (main keeps them in memory; one per
 * destination). Read now, on reconnect, after a queue or a cancel from here, and whenever a
 * notification arrives about a destination that has one queued: that is how an apply at the stop
 * (or its failure) shows up without polling.
 */
export class PendingAppliesStore {
  list = $state<PendingApply[]>([]);
  /** Why the list could not be read; null once it was. */
  error = $state<string | null>(null);
  /** Destinations whose cancel is in flight: their button stays off until main answers. */
  readonly cancelling = new SvelteSet<string>();
  /** Newest first. */
  notes = $state<PendingNote[]>([]);

  readonly #ipc: IpcClient;
  readonly #onApplied: () => void;
  #offs: (() => void)[] = [];
  /** Left main's queue without a cancel from here: applied or failed at the stop, its notification may still come. */
  #gone = new SvelteMap<string, PendingApply>();
  #reads = 0;
  #nextNote = 1;
  #listeners: Array<(note: PendingNote) => void> = [];

  /** `onApplied`: a queued preset was applied, so the destination records changed (their preset). */
  constructor(ipc: IpcClient, onApplied: () => void = () => {}) {
    this.#ipc = ipc;
    this.#onApplied = onApplied;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('notifications.feed', (notification) => this.#onNotification(notification)));
    this.#offs.push(refreshNowAndOnReconnect(this.#ipc, () => this.refresh()));
    // Main tells no one about a queue or a cancel from another admin window: read again when the admin comes back.
    const onFocus = () => void this.refresh();
    window.addEventListener('focus', onFocus);
    this.#offs.push(() => window.removeEventListener('focus', onFocus));
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Called with every new note, so a view can drop what the note made stale. */
  onNote(listener: (note: PendingNote) => void): () => void {
    this.#listeners = [...this.#listeners, listener];
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  forDestination(destinationId: string): PendingApply | null {
    return this.list.find((p) => p.destinationId === destinationId) ?? null;
  }

  async refresh(): Promise<void> {
    const read = ++this.#reads;
    const result = await this.#ipc.invoke('presets.pendingApplies', {});
    // A read that answers after a newer one started may predate a cancel: only the newest counts.
    if (read !== this.#reads) return;
    if (!result.ok) {
      this.error = result.message;
      return;
    }
    this.error = null;
    const next = [...result.data.pending].sort((a, b) => a.requestedAt - b.requestedAt);
    const still = next.map((p) => p.destinationId);
    for (const old of this.list) if (!still.includes(old.destinationId)) this.#gone.set(old.destinationId, old);
    for (const id of still) this.#gone.delete(id);
    this.list = next;
  }

  /** Main answered `queued`: show it at once (it replaces any earlier one for that destination), then re-read. */
  async queued(pending: PendingApply): Promise<void> {
    this.list = [...this.list.filter((p) => p.destinationId !== pending.destinationId), pending];
    await this.refresh();
  }

  async cancel(item: PendingApply): Promise<void> {
    const id = item.destinationId;
    // One request per click, however fast the clicks: the button is also off while this runs.
    if (this.cancelling.has(id)) return;
    this.cancelling.add(id);
    try {
      const result = await this.#ipc.invoke('presets.cancelPendingApply', { destinationId: id });
      if (!result.ok) {
        this.#note(
          id,
          'cancel-failed',
          'error',
          `Could not cancel “${item.presetName}” for ${item.destinationName}: ${result.message}`,
        );
      } else if (result.data.cancelled) {
        this.#gone.delete(id);
        this.list = this.list.filter((p) => p.destinationId !== id);
        this.#note(
          id,
          'cancelled',
          'ok',
          `Cancelled: “${item.presetName}” will not be applied to ${item.destinationName}.`,
        );
      } else {
        this.#note(
          id,
          'not-queued',
          'warn',
          `Nothing was queued for ${item.destinationName} any more: it may have been applied already.`,
        );
      }
    } finally {
      this.cancelling.delete(id);
    }
    await this.refresh();
  }

  #onNotification(notification: Notification): void {
    const id = notification.destinationId;
    if (!id) return;
    const item = this.#gone.get(id) ?? this.forDestination(id);
    if (!item) return;
    if (isQueuedApplyOutcome(notification, item)) {
      this.#gone.delete(id);
      this.list = this.list.filter((p) => p.destinationId !== id || p.requestedAt !== item.requestedAt);
      const applied = notification.level === 'success';
      this.#note(
        id,
        applied ? 'applied' : 'not-applied',
        applied ? 'ok' : 'error',
        notification.message,
        notification.title,
        notification.at,
      );
      if (applied) this.#onApplied();
    }
    // The channel changed (stopping, stopped, applied): main's queue may have too.
    void this.refresh();
  }

  #note(
    destinationId: string,
    kind: PendingNoteKind,
    tone: PendingNote['tone'],
    text: string,
    title: string | null = null,
    at = Date.now(),
  ): void {
    const note: PendingNote = { id: this.#nextNote++, at, kind, tone, destinationId, title, text };
    this.notes = [note, ...this.notes].slice(0, KEEP_NOTES);
    for (const listener of this.#listeners) listener(note);
  }
}
