import type { IncidentEntry } from '../../../shared/domain/incident';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';

/** The session's incident log as main keeps it: the list at start and after a reconnect, then each entry (upsert by id). */
export class IncidentsStore {
  list = $state.raw<IncidentEntry[]>([]);
  error = $state<string | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('incidents.feed', (entry) => this.#upsert([entry])));
    this.#offs.push(refreshNowAndOnReconnect(this.#ipc, () => this.refresh()));
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  async refresh(): Promise<void> {
    const result = await this.#ipc.invoke('incidents.list', {});
    if (result.ok) {
      this.#upsert(result.data.entries);
      this.error = null;
    } else this.error = result.message;
  }

  /** The CSV as main writes it (main holds the whole log, the window may have joined late). */
  async exportCsv(): Promise<{ ok: true; filename: string; csv: string } | { ok: false; message: string }> {
    const result = await this.#ipc.invoke('incidents.exportCsv', {});
    return result.ok ? { ok: true, ...result.data } : { ok: false, message: result.message };
  }

  #upsert(entries: IncidentEntry[]): void {
    // eslint-disable-next-line svelte/prefer-svelte-reactivity -- a lookup local to this call, never rendered
    const byId = new Map(this.list.map((e) => [e.id, e]));
    for (const e of entries) byId.set(e.id, e);
    this.list = [...byId.values()].sort((a, b) => b.at - a.at);
  }
}
