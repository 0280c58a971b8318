import type { CostSnapshot } from '../../../shared/domain/cost';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';

/** Session and month costs: a snapshot, then every `costs.feed` snapshot (each is whole; the newest wins). */
export class CostsStore {
  snapshot = $state<CostSnapshot | null>(null);
  error = $state<string | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('costs.feed', (snapshot) => this.#take(snapshot)));
    this.#offs.push(refreshNowAndOnReconnect(this.#ipc, () => this.refresh()));
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  async refresh(): Promise<void> {
    const result = await this.#ipc.invoke('costs.snapshot', {});
    if (result.ok) {
      this.#take(result.data);
      this.error = null;
    } else {
      this.error = result.message;
    }
  }

  /** The session cost so far of one destination, or null when the meter has not reported it. */
  usdOf(destinationId: string): number | null {
    return this.snapshot?.destinations.find((d) => d.id === destinationId)?.usd ?? null;
  }

  #take(snapshot: CostSnapshot) {
    if (this.snapshot && snapshot.at < this.snapshot.at) return;
    this.snapshot = snapshot;
  }
}
