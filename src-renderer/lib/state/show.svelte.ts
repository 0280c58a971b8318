import type { ShowPlanInput } from '../../../shared/domain/show-plan';
import { EMPTY_TIMELINE, type ShowSnapshot } from '../../../shared/domain/show-time';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';

export type PlanSaveResult = { ok: true; note: string } | { ok: false; message: string };

/** The show's plan and timeline: a snapshot, then every `show.feed` snapshot (each is whole; the newest wins). */
export class ShowStore {
  snapshot = $state<ShowSnapshot>({ at: 0, plan: null, timeline: EMPTY_TIMELINE, standbyOffer: null });
  error = $state<string | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  get plan() {
    return this.snapshot.plan;
  }

  get timeline() {
    return this.snapshot.timeline;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('show.feed', (snapshot) => this.#take(snapshot)));
    this.#offs.push(refreshNowAndOnReconnect(this.#ipc, () => this.refresh()));
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  async refresh(): Promise<void> {
    const result = await this.#ipc.invoke('show.snapshot', {});
    if (result.ok) {
      this.#take(result.data);
      this.error = null;
    } else this.error = result.message;
  }

  /** Sends the plan; main checks it (the same rules) and announces it to every window. */
  async setPlan(input: ShowPlanInput): Promise<PlanSaveResult> {
    const result = await this.#ipc.invoke('show.setPlan', input);
    if (!result.ok) return { ok: false, message: result.message };
    this.snapshot = { ...this.snapshot, plan: result.data.plan };
    return { ok: true, note: result.data.note };
  }

  #take(snapshot: ShowSnapshot) {
    if (snapshot.at < this.snapshot.at) return;
    this.snapshot = snapshot;
  }
}
