import type { DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';
import { tileFailure, type TileFailure } from '../go-live/failure';
import {
  ArmingController,
  type Activity,
  type Armed,
  type ArmingEvent,
  type ArmResult,
  type TakeResult,
} from '../go-live/arming';
import type { DestinationsStore } from './destinations.svelte';
import type { SettingsStore } from './settings.svelte';

/** How often the countdown is refreshed while something is armed (the shared clock only ticks each second). */
const COUNTDOWN_TICK_MS = 200;

/**
 * The arming controller as Svelte state: the logic (and its tests) live in go-live/arming.ts;
 * this only bumps a version on every change so the tiles re-read it, and keeps a finer clock
 * for the countdown while something is armed.
 */
export class GoLiveStore {
  #version = $state(0);
  now = $state(Date.now());

  readonly controller: ArmingController;
  readonly #ipc: IpcClient;
  #tick: ReturnType<typeof setInterval> | null = null;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient, destinations: DestinationsStore, settings: SettingsStore) {
    this.#ipc = ipc;
    this.controller = new ArmingController({
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      destination: (id) => destinations.shown.find((d) => d.id === id),
      timeoutSeconds: () => settings.current.shortcuts.armTimeoutSeconds,
      send: (action, destinationId) =>
        ipc.invoke(action === 'start' ? 'channels.start' : 'channels.stop', { destinationId }),
    });
    this.#offs.push(
      this.controller.onChange(() => {
        this.#version += 1;
        this.now = Date.now();
        this.#syncTick();
      }),
    );
    // Whatever arrives from AWS may make the armed action meaningless (went off air, deleted).
    this.#offs.push(
      destinations.onStateChange(({ destination }) => {
        this.controller.stateChanged(destination.id);
        this.controller.reconcile();
      }),
    );
    // So may a state that stops being confirmed, or the link to the core going down (the state itself unchanged):
    // a GO LIVE armed on it is disarmed at once, with the reason, rather than refused at the take.
    this.#offs.push(
      $effect.root(() => {
        $effect(() => {
          void destinations.shown;
          this.controller.reconcile();
        });
      }),
    );
  }

  get armed(): Armed | null {
    void this.#version;
    return this.controller.armed;
  }

  activity(destinationId: string): Activity | null {
    void this.#version;
    return this.controller.activity(destinationId);
  }

  inFlight(destinationId: string): boolean {
    void this.#version;
    return this.controller.isInFlight(destinationId);
  }

  /** Whole seconds left on the armed destination (ticks while armed). */
  get secondsLeft(): number {
    void this.#version;
    return this.controller.secondsLeft(this.now);
  }

  /** The failed take latched on this tile, or null (hidden while it is armed or a request is on its way). */
  failure(destination: DestinationStatus): TileFailure | null {
    void this.#version;
    const armed = this.controller.armed?.destinationId === destination.id;
    return tileFailure(destination, this.controller.activity(destination.id), armed);
  }

  /** Retry on a failed tile: arms the failed action again; the take sends it. */
  retry(destinationId: string, failedAction: TileFailure['action']): ArmResult {
    return this.controller.retry(destinationId, failedAction);
  }

  /**
   * Clears the failed take from the tile: the window's copy at once, main's record (shared by every window) through
   * `channels.acknowledgeFailure`. Answers an error message in words, or null.
   */
  async acknowledgeFailure(destination: DestinationStatus): Promise<string | null> {
    this.controller.acknowledgeFailure(destination.id);
    if (!destination.lastError?.action) return null;
    const result = await this.#ipc.invoke('channels.acknowledgeFailure', { destinationId: destination.id });
    return result.ok ? null : result.message;
  }

  arm(destinationId: string, options?: { repeat?: boolean }): ArmResult {
    return this.controller.arm(destinationId, options);
  }

  take(options?: { repeat?: boolean }): TakeResult {
    return this.controller.take(options);
  }

  disarm(reason?: string): boolean {
    return this.controller.disarm(reason);
  }

  onEvent(listener: (event: ArmingEvent) => void): () => void {
    return this.controller.onEvent(listener);
  }

  dispose(): void {
    for (const off of this.#offs.splice(0)) off();
    if (this.#tick) clearInterval(this.#tick);
    this.#tick = null;
    this.controller.dispose();
  }

  #syncTick() {
    if (this.controller.armed && !this.#tick) {
      this.#tick = setInterval(() => (this.now = Date.now()), COUNTDOWN_TICK_MS);
    } else if (!this.controller.armed && this.#tick) {
      clearInterval(this.#tick);
      this.#tick = null;
    }
  }
}
