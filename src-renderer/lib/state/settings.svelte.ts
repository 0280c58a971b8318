import type { OperatorSettings, OperatorSettingsPatch } from '../../../shared/domain/operator-settings';
import { DEFAULT_OPERATOR_SETTINGS } from '../../../shared/domain/operator-settings';
import type { IpcClient } from '../ipc';
import type { FieldProblem } from '../../../shared/ipc/field-problems';
import { refreshNowAndOnReconnect } from './feed-sync';

export type SaveResult = { ok: true } | { ok: false; message: string; fields: FieldProblem[] };

/** Operator settings: read once, then kept current by `settings.feed` (another window may change them). */
export class SettingsStore {
  current = $state<OperatorSettings>(DEFAULT_OPERATOR_SETTINGS);
  loaded = $state(false);
  error = $state<string | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  start(): void {
    this.#offs.push(
      this.#ipc.on('settings.feed', (settings) => {
        this.current = settings;
        this.loaded = true;
      }),
    );
    this.#offs.push(refreshNowAndOnReconnect(this.#ipc, () => this.refresh()));
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
  }

  async refresh(): Promise<void> {
    const result = await this.#ipc.invoke('settings.get', {});
    if (result.ok) {
      this.current = result.data;
      this.loaded = true;
      this.error = null;
    } else {
      // Defaults stay in force (digits, Enter, Escape): the console remains usable.
      this.error = result.message;
    }
  }

  async update(patch: OperatorSettingsPatch): Promise<SaveResult> {
    const result = await this.#ipc.invoke('settings.update', patch);
    if (!result.ok) return { ok: false, message: result.message, fields: result.fields ?? [] };
    this.current = result.data;
    this.loaded = true;
    return { ok: true };
  }
}
