import type { ConnectionInfo } from '../../../shared/domain/connection';
import type { IpcClient, LinkStatus } from '../ipc';

/** What the console is connected to (`connection.describe`, then `connection.changed`) and whether the link to main is up. */
export class ConnectionStore {
  info = $state<ConnectionInfo | null>(null);
  error = $state<string | null>(null);
  link = $state<LinkStatus>('connecting');
  retrying = $state(false);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];
  #listeners: Array<(info: ConnectionInfo) => void> = [];

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
    this.link = ipc.link;
  }

  start(): void {
    this.#offs.push(
      this.#ipc.onLink((status) => {
        this.link = status;
        if (status === 'connected') void this.refresh();
      }),
      this.#ipc.on('connection.changed', (info) => {
        this.info = info;
        this.error = null;
        for (const listener of this.#listeners) listener(info);
      }),
    );
    void this.refresh();
  }

  /** Called when the console connected elsewhere (or failed to): what was read from the old stack is stale. */
  onChange(listener: (info: ConnectionInfo) => void): () => void {
    this.#listeners.push(listener);
    return () => {
      this.#listeners = this.#listeners.filter((l) => l !== listener);
    };
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  async refresh(): Promise<void> {
    const result = await this.#ipc.invoke('connection.describe', {});
    if (result.ok) {
      this.info = result.data;
      this.error = null;
    } else {
      this.error = result.message;
    }
  }

  /** Connects again with the same choice (after signing in again, say). */
  async retry(): Promise<void> {
    this.retrying = true;
    const result = await this.#ipc.invoke('connection.retry', {});
    this.retrying = false;
    if (result.ok) this.info = result.data;
    else this.error = result.message;
  }
}
