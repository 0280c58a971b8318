import type { Preset } from '../../../shared/domain/preset';
import type { AdminAccess, AdminDestination } from '../../../shared/ipc/features/admin.contract';
import type { IpcClient } from '../ipc';

/**
 * What the admin window shows: presets, destinations, and whether these credentials may write.
 * Reads are re-done after every write (the lists are small), so the window shows what DynamoDB holds.
 */
export class AdminData {
  presets = $state<Preset[] | null>(null);
  destinations = $state<AdminDestination[] | null>(null);
  access = $state<AdminAccess>({ canWrite: true, reason: null });
  /** Why a list could not be read (network, credentials...); null when both were read. */
  loadError = $state<string | null>(null);

  readonly #ipc: IpcClient;

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  get canWrite(): boolean {
    return this.access.canWrite;
  }

  async refresh(): Promise<void> {
    const [presets, destinations] = await Promise.all([
      this.#ipc.invoke('presets.listAll', {}),
      this.#ipc.invoke('destinations.listAll', {}),
    ]);
    const errors: string[] = [];
    if (presets.ok) this.presets = presets.data.presets;
    else errors.push(`presets: ${presets.message}`);
    if (destinations.ok) this.destinations = destinations.data.destinations;
    else errors.push(`destinations: ${destinations.message}`);
    this.loadError = errors.length > 0 ? `Cannot read ${errors.join('; ')}` : null;
    await this.refreshAccess();
  }

  async refreshAccess(recheck = false): Promise<void> {
    const access = await this.#ipc.invoke('admin.access', recheck ? { recheck: true } : {});
    if (access.ok) this.access = access.data;
  }

  /** After a write answered `read-only`: show the banner at once. */
  markReadOnly(reason: string): void {
    this.access = { canWrite: false, reason };
  }

  presetName(id: string | null): string | null {
    if (!id) return null;
    return this.presets?.find((p) => p.preset_id === id)?.name ?? null;
  }
}
