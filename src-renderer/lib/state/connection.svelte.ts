import type { ConnectionInfo } from '../../../shared/domain/connection';
import type { IpcClient, LinkStatus } from '../ipc';

/** What the console is connected to (`connection.describe`) and whether the link to main is up. */
export class ConnectionStore {
  info = $state<ConnectionInfo | null>(null);
  error = $state<string | null>(null);
  link = $state<LinkStatus>('connecting');

  readonly #ipc: IpcClient;
  #off: (() => void) | null = null;

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
    this.link = ipc.link;
  }

  start(): void {
    this.#off = this.#ipc.onLink((status) => {
      this.link = status;
      if (status === 'connected') void this.refresh();
    });
    void this.refresh();
  }

  stop(): void {
    this.#off?.();
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
}
