export type EventTone = 'info' | 'live' | 'warn' | 'error';

export interface BoothEvent {
  id: number;
  at: number;
  tone: EventTone;
  text: string;
}

/** The footer's event line: newest first, bounded. */
export class EventLog {
  entries = $state<BoothEvent[]>([]);
  #nextId = 1;
  readonly #limit: number;

  constructor(limit = 200) {
    this.#limit = limit;
  }

  get latest(): BoothEvent | null {
    return this.entries[0] ?? null;
  }

  push(text: string, tone: EventTone = 'info', at = Date.now()): void {
    this.entries = [{ id: this.#nextId++, at, tone, text }, ...this.entries].slice(0, this.#limit);
  }
}
