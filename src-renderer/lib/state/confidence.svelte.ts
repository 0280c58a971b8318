import { getContext, setContext } from 'svelte';
import type { ConfidenceUpdate, OutputHealth, Thumbnail } from '../../../shared/domain/confidence';
import type { IpcClient } from '../ipc';
import { refreshNowAndOnReconnect } from './feed-sync';

/**
 * Thumbnails and output figures as main fetches them. The window says what it shows (the tiles and source cards on
 * screen, and whether the window is visible at all); main fetches that and nothing else.
 */
export class ConfidenceStore {
  thumbs = $state.raw<Record<string, Thumbnail>>({});
  health = $state.raw<Record<string, OutputHealth>>({});
  source = $state.raw<Thumbnail | null>(null);
  /** The destination whose picture is open large, or 'source'; null when none. */
  viewing = $state<string | null>(null);

  readonly #ipc: IpcClient;
  #offs: (() => void)[] = [];
  // eslint-disable-next-line svelte/prefer-svelte-reactivity -- who asks for which picture, never rendered
  readonly #shown = new Map<string, number>();
  #sourceShown = 0;
  #visible = true;
  #timer: ReturnType<typeof setTimeout> | null = null;

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
  }

  start(): void {
    this.#offs.push(this.#ipc.on('confidence.feed', (u) => this.#apply(u)));
    this.#offs.push(refreshNowAndOnReconnect(this.#ipc, () => this.#refresh()));
    const onVisibility = () => {
      this.#visible = document.visibilityState === 'visible';
      this.#syncSoon();
    };
    onVisibility();
    document.addEventListener('visibilitychange', onVisibility);
    this.#offs.push(() => document.removeEventListener('visibilitychange', onVisibility));
  }

  stop(): void {
    for (const off of this.#offs.splice(0)) off();
    if (this.#timer) clearTimeout(this.#timer);
  }

  /** A tile shows this destination's picture; returns the function that says it no longer does. */
  show(destinationId: string): () => void {
    this.#shown.set(destinationId, (this.#shown.get(destinationId) ?? 0) + 1);
    this.#syncSoon();
    return () => {
      const n = (this.#shown.get(destinationId) ?? 1) - 1;
      if (n <= 0) this.#shown.delete(destinationId);
      else this.#shown.set(destinationId, n);
      this.#syncSoon();
    };
  }

  showSource(): () => void {
    this.#sourceShown++;
    this.#syncSoon();
    return () => {
      this.#sourceShown--;
      this.#syncSoon();
    };
  }

  /** Tiles come and go together (a bank change, a resize): one watch message for all of them. */
  #syncSoon(): void {
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => void this.#sync(), 50);
  }

  async #sync(): Promise<void> {
    this.#timer = null;
    await this.#ipc.invoke('confidence.watch', {
      visible: this.#visible,
      destinationIds: [...this.#shown.keys()].slice(0, 64),
      source: this.#sourceShown > 0,
    });
  }

  async #refresh(): Promise<void> {
    await this.#sync();
    const result = await this.#ipc.invoke('confidence.snapshot', {});
    if (!result.ok) return;
    const thumbs: Record<string, Thumbnail> = {};
    const health: Record<string, OutputHealth> = {};
    for (const d of result.data.destinations) {
      if (d.thumbnail) thumbs[d.id] = d.thumbnail;
      if (d.health) health[d.id] = d.health;
    }
    this.thumbs = thumbs;
    this.health = health;
    this.source = result.data.source;
  }

  #apply(u: ConfidenceUpdate): void {
    if (u.target.kind === 'source') {
      if (u.thumbnail !== undefined) this.source = u.thumbnail;
      return;
    }
    const id = u.target.id;
    if (u.thumbnail !== undefined) this.thumbs = withEntry(this.thumbs, id, u.thumbnail);
    if (u.health !== undefined) this.health = withEntry(this.health, id, u.health);
  }
}

function withEntry<T>(record: Record<string, T>, id: string, value: T | null): Record<string, T> {
  const next = { ...record };
  if (value === null) delete next[id];
  else next[id] = value;
  return next;
}

const KEY = Symbol('confidence');

/** The operator window provides the store; a tile shown anywhere else has no pictures. */
export function provideConfidence(store: ConfidenceStore): void {
  setContext(KEY, store);
}

export function confidenceStore(): ConfidenceStore | null {
  return getContext<ConfidenceStore | undefined>(KEY) ?? null;
}
