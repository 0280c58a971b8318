import type { Notification } from '../../../shared/domain/notification';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';

const KEEP = 200;

/** What main told the operator: the recent ones first, then the feed; newest first, deduplicated by id. */
export class NotificationsStore {
  list = $state<Notification[]>([]);
  /** Notifications that arrived since the tray was last opened. */
  unseen = $state(0);
  /** Forgotten-channel warnings not acknowledged yet: they stay in the footer until the operator says so. */
  alert = $state<Notification | null>(null);
  error = $state<string | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- subscribers, not state: nothing renders from this set
  #listeners = new Set<(notification: Notification) => void>();

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('notifications.feed', (notification) => this.#add([notification], true)));
    this.#offs.push(refreshNowAndOnReconnect(this.#ipc, () => this.refresh()));
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  /** Called for each notification that arrives live (not for the recent ones read at start). */
  onNotification(listener: (notification: Notification) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  async refresh(): Promise<void> {
    const result = await this.#ipc.invoke('notifications.recent', {});
    if (result.ok) {
      this.#add(result.data.notifications, false);
      this.error = null;
    } else {
      this.error = result.message;
    }
  }

  markSeen(): void {
    this.unseen = 0;
  }

  acknowledgeAlert(): void {
    this.alert = null;
  }

  #add(incoming: Notification[], live: boolean) {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup local to this call, never rendered
    const known = new Set(this.list.map((n) => n.id));
    const fresh = incoming.filter((n) => !known.has(n.id));
    if (fresh.length === 0) return;
    this.list = [...this.list, ...fresh].sort((a, b) => b.at - a.at).slice(0, KEEP);
    if (live) this.unseen += fresh.length;
    for (const n of fresh) {
      if (n.kind === 'forgotten-channel' && (!this.alert || n.at >= this.alert.at)) this.alert = n;
    }
    if (live) for (const n of fresh) for (const listener of [...this.#listeners]) listener(n);
  }
}
