import type { DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';
import type { SourceRole } from '../../../shared/domain/flow';
import type { ArmEnd, RemoteSwitchArm } from '../../../shared/ipc/features/arming.contract';
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
import { refreshNowAndOnReconnect } from './feed-sync';

/** One destination's tile's view of the controller: a version its readers track, bumped when that tile changes. */
class TileVersion {
  value = $state(0);
}

/**
 * The arming controller as Svelte state: the logic (and its tests) live in go-live/arming.ts.
 * Each tile tracks its own version, so arming one destination redraws that tile (and the one armed
 * before), not every tile; the countdown is one number, set when the whole second it shows changes.
 */
export class GoLiveStore {
  /** Bumped when what is armed changes (the global readers: the flow keys, the focus after a dialog). */
  #armedVersion = $state(0);
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- holds each tile's own $state; tiles track those, never the map
  #tiles = new Map<string, TileVersion>();
  /**
   * Read by tiles that have no version yet. A version is created when its tile first changes, never while a tile
   * reads it (Svelte does not track state created inside the reaction that reads it); this is bumped then, once.
   */
  #newTiles = $state(0);
  /** A backup switch a Stream Deck armed (held in main), shown on the flow line; Enter takes it, Escape drops it. */
  #heldSwitch = $state<RemoteSwitchArm | null>(null);
  /** Whole seconds left on the armed destination, as the countdown shows them. */
  #secondsLeft = $state(0);

  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- listeners, never read by a template or an effect
  readonly #endListeners = new Set<(end: ArmEnd) => void>();

  readonly controller: ArmingController;
  readonly #ipc: IpcClient;
  #countdown: ReturnType<typeof setTimeout> | null = null;
  #offs: (() => void)[] = [];

  constructor(ipc: IpcClient, destinations: DestinationsStore, settings: SettingsStore) {
    this.#ipc = ipc;
    this.controller = new ArmingController({
      now: () => Date.now(),
      setTimer: (fn, ms) => setTimeout(fn, ms),
      clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
      destination: (id) => destinations.shown.find((d) => d.id === id),
      timeoutSeconds: () => settings.current.shortcuts.armTimeoutSeconds,
      hold: (armed) =>
        ipc.invoke('arming.arm', { armId: armed.id, destinationId: armed.destinationId, action: armed.action }),
      takeHeld: (armed) => ipc.invoke('arming.take', { armId: armed.id }),
      release: (armId) => void ipc.invoke('arming.disarm', { armId }),
    });
    let armedBefore = this.controller.armed;
    this.#offs.push(
      this.controller.onChange((destinationIds) => {
        for (const id of destinationIds) this.#touch(id);
        if (this.controller.armed !== armedBefore) {
          armedBefore = this.controller.armed;
          this.#armedVersion += 1;
          this.#syncCountdown();
        }
      }),
    );
    // One arm for every surface, held in main: what a Stream Deck arms shows here and is taken from here, and a
    // Stream Deck's take takes what this window armed.
    this.#offs.push(
      ipc.on('remote.armedFeed', ({ armed, switchArmed, ended }) => {
        this.controller.adoptHeld(armed, ended ?? null);
        this.#adoptSwitch(switchArmed);
        if (ended) for (const listener of this.#endListeners) listener(ended);
      }),
    );
    this.#offs.push(
      refreshNowAndOnReconnect(ipc, async () => {
        const result = await ipc.invoke('remote.armed', {});
        if (!result.ok) return;
        this.controller.adoptHeld(result.data.armed, null, { snapshot: true });
        this.#adoptSwitch(result.data.switchArmed);
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
    void this.#armedVersion;
    return this.controller.armed;
  }

  /** The backup switch a Stream Deck armed, while it waits for a take (null once taken, dropped or timed out). */
  get heldSwitch(): RemoteSwitchArm | null {
    return this.#heldSwitch;
  }

  /**
   * The Stream Deck's switch arm, for its take: consumed here at once (a repeated key finds nothing); the take goes
   * to main under its id (`FlowStore.takeArmedSwitch`), one UpdateFlow.
   */
  takeHeldSwitch(): RemoteSwitchArm | null {
    const held = this.#heldSwitch;
    this.#heldSwitch = null;
    return held;
  }

  /**
   * The window's own switch arm, held in main under the window's id so a Stream Deck's take takes it: main's refusal
   * in words, or null.
   */
  async holdSwitch(armId: string, target: SourceRole): Promise<string | null> {
    const result = await this.#ipc.invoke('arming.armSwitch', { armId, target });
    return result.ok ? null : result.message;
  }

  /** Lets go of the window's own switch arm in main (Escape, a bank change, the arm timed out here). */
  releaseSwitch(armId: string): void {
    void this.#ipc.invoke('arming.disarm', { armId });
  }

  /** How each arm main held ended (taken, disarmed or replaced from another surface, timed out). */
  onArmEnded(listener: (end: ArmEnd) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** Escape on the Stream Deck's switch arm: lets go of that arm in main. */
  releaseHeldSwitch(): boolean {
    const held = this.#heldSwitch;
    if (!held) return false;
    this.#heldSwitch = null;
    void this.#ipc.invoke('arming.disarm', { armId: held.id });
    return true;
  }

  /** What is armed on this destination, or null: a tile reading it redraws only when its own arming changes. */
  armedOn(destinationId: string): Armed | null {
    this.#track(destinationId);
    const armed = this.controller.armed;
    return armed?.destinationId === destinationId ? armed : null;
  }

  activity(destinationId: string): Activity | null {
    this.#track(destinationId);
    return this.controller.activity(destinationId);
  }

  inFlight(destinationId: string): boolean {
    this.#track(destinationId);
    return this.controller.isInFlight(destinationId);
  }

  /** Whole seconds left on the armed destination (changes once a second while armed). */
  get secondsLeft(): number {
    return this.#secondsLeft;
  }

  /** The failed take latched on this tile, or null (hidden while it is armed or a request is on its way). */
  failure(destination: DestinationStatus): TileFailure | null {
    this.#track(destination.id);
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
    this.#stopCountdown();
    this.controller.dispose();
  }

  #adoptSwitch(held: RemoteSwitchArm | null | undefined) {
    // The window's own switch arm is shown by its flow keys; a remote's is shown here.
    this.#heldSwitch = held && held.surface === 'remote' ? held : null;
  }

  #track(destinationId: string) {
    const tile = this.#tiles.get(destinationId);
    if (tile) void tile.value;
    else void this.#newTiles;
  }

  #touch(destinationId: string) {
    const tile = this.#tiles.get(destinationId);
    if (tile) {
      tile.value += 1;
      return;
    }
    this.#tiles.set(destinationId, new TileVersion());
    this.#newTiles += 1;
  }

  /** Sets the seconds left now, and again at the moment the next whole second is reached, while armed. */
  #syncCountdown = () => {
    this.#stopCountdown();
    const armed = this.controller.armed;
    const now = Date.now();
    this.#secondsLeft = this.controller.secondsLeft(now);
    if (!armed || this.#secondsLeft === 0) return;
    // secondsLeft rounds up: it drops to n - 1 when exactly (n - 1) s are left.
    const untilNext = armed.expiresAt - now - (this.#secondsLeft - 1) * 1_000;
    this.#countdown = setTimeout(this.#syncCountdown, Math.max(1, untilNext + 1));
  };

  #stopCountdown() {
    if (this.#countdown) clearTimeout(this.#countdown);
    this.#countdown = null;
  }
}
