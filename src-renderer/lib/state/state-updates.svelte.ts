import type { StateUpdates } from '../../../shared/domain/state-updates';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';

/** How channel changes reach the console (pushed events or polling, and why): a snapshot, then every feed update. */
export class StateUpdatesStore {
  current = $state<StateUpdates | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('updates.feed', (updates) => (this.current = updates)));
    this.#offs.push(
      refreshNowAndOnReconnect(this.#ipc, async () => {
        const result = await this.#ipc.invoke('updates.snapshot', {});
        this.current = result.ok ? result.data : null;
      }),
    );
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }
}
