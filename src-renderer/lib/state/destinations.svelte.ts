import type { DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';
import { withLinkState } from '../tally';
import { DestinationsFeedSync, type DestinationsView, type StateChange } from './destinations-feed';

export type { StateChange } from './destinations-feed';

/** The operator's destinations as Svelte state; the feed logic is in DestinationsFeedSync. */
export class DestinationsStore implements DestinationsView {
  list = $state<DestinationStatus[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  lastFeedAt = $state<number | null>(null);
  linkDownSince = $state<number | null>(null);
  coreRestarted = $state(false);

  readonly #sync: DestinationsFeedSync;

  constructor(ipc: IpcClient) {
    this.#sync = new DestinationsFeedSync(ipc, this);
  }

  /** The tiles as they must be shown: while the link to the core is down, every one reads unconfirmed. */
  get shown(): DestinationStatus[] {
    return withLinkState(this.list, this.linkDownSince, this.coreRestarted);
  }

  get seq(): number {
    return this.#sync.seq;
  }

  start(): void {
    this.#sync.start();
  }

  stop(): void {
    this.#sync.stop();
  }

  resync(): Promise<void> {
    return this.#sync.resync();
  }

  onStateChange(listener: (change: StateChange) => void): () => void {
    return this.#sync.onStateChange(listener);
  }
}
