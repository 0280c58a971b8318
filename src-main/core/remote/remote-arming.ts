import { BoothError } from '../../../shared/domain/errors';
import type { DestinationState } from '../../../shared/domain/channel';
import type { RemoteArm } from '../../../shared/ipc/features/remote.contract';

export interface RemoteArmingDeps {
  now(): number;
  /** How long an arm waits for its take (the operator's own arm timeout). */
  timeoutMs(): number;
  /** The destinations of the show, so an arm of something absent is refused before anything else. */
  hasDestination(destinationId: string): boolean;
  /** The go-live request: the same one the operator window's take sends, single-flight per destination. */
  start(destinationId: string): Promise<{ outcome: 'requested' | 'already'; state: DestinationState }>;
  /** The operator's screen and the remote clients learn every change of the arm. */
  changed(armed: RemoteArm | null): void;
  record(title: string, detail: string, destinationId: string | null): void;
}

/**
 * A control-API arm, held in main (the window's own arm lives in its go-live controller). A take consumes the
 * arm before its request is sent, so two takes racing (a Stream Deck and a script) send one request; the
 * channel monitor's single-flight covers a keyboard take of the same destination at the same moment.
 */
export class RemoteArming {
  #armed: RemoteArm | null = null;

  constructor(private readonly deps: RemoteArmingDeps) {}

  current(): RemoteArm | null {
    if (this.#armed && this.#armed.expiresAt <= this.deps.now()) this.#set(null);
    return this.#armed;
  }

  arm(destinationId: string, by: string): RemoteArm {
    if (!this.deps.hasDestination(destinationId)) {
      throw new BoothError('not-found', `There is no destination “${destinationId}” in this show.`);
    }
    const now = this.deps.now();
    const armed: RemoteArm = { destinationId, by, armedAt: now, expiresAt: now + this.deps.timeoutMs() };
    this.#set(armed);
    this.deps.record(
      `Armed from remote (${by})`,
      `${destinationId} armed to go live; nothing sent yet.`,
      destinationId,
    );
    return armed;
  }

  /** `atConsole`: the operator window let go of the remote arm (Escape, or it armed something else). */
  disarm(by: string, atConsole = false): null {
    const was = this.current();
    if (was) {
      this.#set(null);
      this.deps.record(
        atConsole ? `Disarmed at the console (armed from ${was.by})` : `Disarmed from remote (${by})`,
        `${was.destinationId} disarmed; nothing sent.`,
        was.destinationId,
      );
    }
    return null;
  }

  /**
   * Takes what is armed. `by` is who pressed take: a token's name, or the operator window taking a remote arm.
   * The arm is consumed before the request is created; the log says what AWS answered, not what was hoped.
   */
  async take(
    by: string,
    atConsole = false,
  ): Promise<{ destinationId: string; outcome: 'requested' | 'already'; state: DestinationState }> {
    const armed = this.current();
    if (!armed) {
      throw new BoothError('invalid-state', 'Nothing is armed: arm a destination first, then take.');
    }
    this.#set(null);
    const title = atConsole ? `Take at the console (armed from ${armed.by})` : `Take from remote (${by})`;
    try {
      const result = await this.deps.start(armed.destinationId);
      this.deps.record(
        title,
        result.outcome === 'requested'
          ? `${armed.destinationId}: go-live sent to AWS (armed by ${armed.by}).`
          : `${armed.destinationId} was already ${result.state}; nothing was sent.`,
        armed.destinationId,
      );
      return { destinationId: armed.destinationId, ...result };
    } catch (error) {
      this.deps.record(
        title,
        `${armed.destinationId}: the go-live failed: ${error instanceof Error ? error.message : String(error)}`,
        armed.destinationId,
      );
      throw error;
    }
  }

  #set(armed: RemoteArm | null): void {
    this.#armed = armed;
    this.deps.changed(armed);
  }
}
