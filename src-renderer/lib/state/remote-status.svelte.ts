import type { RemoteStatus } from '../../../shared/ipc/features/remote.contract';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';

/** Where the control API listens (Stream Deck, Companion): read once, then every `remote.statusFeed`. */
export class RemoteStatusStore {
  status = $state<RemoteStatus | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  /** Open to the LAN and listening: the status bar says so. */
  get lanAddress(): string | null {
    return this.status?.listening && this.status.lan ? this.status.address : null;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('remote.statusFeed', (status) => (this.status = status)));
    this.#offs.push(
      refreshNowAndOnReconnect(this.#ipc, async () => {
        const result = await this.#ipc.invoke('remote.status', {});
        if (result.ok) this.status = result.data;
      }),
    );
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
