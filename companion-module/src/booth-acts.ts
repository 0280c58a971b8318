import type { BoothState } from './booth-state.js';
import type { Armed, Result } from './wire.js';

export interface ActsClient {
  call<T>(channel: string, body?: Record<string, unknown>): Promise<Result<T>>;
}

/** What an act came to, in words for Companion's log: `ok` false when the console refused or could not be asked. */
export interface ActOutcome {
  ok: boolean;
  message: string;
}

interface EndAllPending {
  confirmation: string;
  expiresAt: number;
}

/**
 * The keys' acts on the console. Each is one control-API request; the console decides (the two steps, one AWS
 * request per take, the roles). Take takes what is armed: a go-live, or a backup switch.
 */
export class BoothActs {
  #endAll: EndAllPending | null = null;
  backupTest = '';

  constructor(
    private readonly client: ActsClient,
    private readonly state: BoothState,
    private readonly now: () => number = Date.now,
    /** Something shown changed (what is armed, an End all waiting for its second press). */
    private readonly changed: () => void = () => {},
  ) {}

  /** An End all waits for its second press until this time; null when none waits. */
  get endAllPendingUntil(): number | null {
    return this.#endAll && this.#endAll.expiresAt > this.now() ? this.#endAll.expiresAt : null;
  }

  arm(destinationId: string): Promise<ActOutcome> {
    return this.#armAct('remote.arm', { destinationId }, `${destinationId} armed: press TAKE to go live`);
  }

  disarm(): Promise<ActOutcome> {
    return this.#armAct('remote.disarm', {}, 'Disarmed; nothing sent');
  }

  armSwitch(target: 'main' | 'backup'): Promise<ActOutcome> {
    return this.#armAct('remote.armSwitch', { target }, `Switch to ${target} armed: press TAKE to switch`);
  }

  async take(): Promise<ActOutcome> {
    const { armed, switchArmed } = this.state.armedNow(this.now());
    // Nothing armed here may still be armed in the console (this module heard late): its take says so.
    const channel = switchArmed && !armed ? 'remote.takeSwitch' : 'remote.take';
    const result = await this.client.call<{ destinationId?: string; outcome?: string; message?: string }>(channel);
    if (!result.ok) return { ok: false, message: result.message };
    return {
      ok: true,
      message:
        channel === 'remote.takeSwitch'
          ? (result.data.message ?? 'Switched')
          : `${result.data.destinationId}: ${result.data.outcome === 'requested' ? 'go-live sent' : 'already live'}`,
    };
  }

  standby(destinationId: string): Promise<ActOutcome> {
    return this.#simple('remote.standby', { destinationId }, `${destinationId}: standby requested`);
  }

  backToSlate(destinationId: string): Promise<ActOutcome> {
    return this.#simple('remote.backToSlate', { destinationId }, `${destinationId}: back to slate requested`);
  }

  /** First press asks the console for a confirmation code; a second press within its time ends the show. */
  async endAll(): Promise<ActOutcome> {
    const pending = this.endAllPendingUntil !== null ? this.#endAll : null;
    if (!pending) {
      const asked = await this.client.call<EndAllPending>('remote.requestEndAll');
      if (!asked.ok) return { ok: false, message: asked.message };
      this.#endAll = asked.data;
      this.changed();
      return { ok: true, message: 'End all: press again to confirm' };
    }
    this.#endAll = null;
    this.changed();
    const ended = await this.client.call<{ results: { ok: boolean }[] }>('remote.endAll', {
      confirmation: pending.confirmation,
    });
    if (!ended.ok) return { ok: false, message: ended.message };
    const stopped = ended.data.results.filter((r) => r.ok).length;
    return { ok: true, message: `End all: ${stopped} of ${ended.data.results.length} stopping` };
  }

  cancelEndAll(): void {
    if (this.#endAll === null) return;
    this.#endAll = null;
    this.changed();
  }

  async testBackup(): Promise<ActOutcome> {
    const tested = await this.client.call<{ ready: boolean; reasons: string[] }>('remote.testBackup');
    this.backupTest = !tested.ok ? 'NOT TESTED' : tested.data.ready ? 'READY' : 'NOT READY';
    this.changed();
    if (!tested.ok) return { ok: false, message: tested.message };
    return {
      ok: true,
      message: `Backup ${tested.data.ready ? 'ready' : `not ready: ${tested.data.reasons.join('; ')}`}`,
    };
  }

  async #armAct(channel: string, body: Record<string, unknown>, done: string): Promise<ActOutcome> {
    const result = await this.client.call<Armed>(channel, body);
    if (!result.ok) return { ok: false, message: result.message };
    this.state.applyArmed(result.data);
    this.changed();
    return { ok: true, message: done };
  }

  async #simple(channel: string, body: Record<string, unknown>, done: string): Promise<ActOutcome> {
    const result = await this.client.call(channel, body);
    return result.ok ? { ok: true, message: done } : { ok: false, message: result.message };
  }
}
