import { BoothError } from '../../../shared/domain/errors';
import type { DestinationState } from '../../../shared/domain/channel';
import type { FlowSwitchResult, SourceRole } from '../../../shared/domain/flow';
import type { RemoteArm, RemoteSwitchArm } from '../../../shared/ipc/features/remote.contract';

/** What the remote surfaces have armed: one go-live or one backup switch, never both. */
export interface RemoteArmed {
  armed: RemoteArm | null;
  switchArmed: RemoteSwitchArm | null;
}

export interface RemoteArmingDeps {
  now(): number;
  /** How long an arm waits for its take (the operator's own arm timeout). */
  timeoutMs(): number;
  /** The destinations of the show, so an arm of something absent is refused before anything else. */
  hasDestination(destinationId: string): boolean;
  /** The go-live request: the same one the operator window's take sends, single-flight per destination. */
  start(destinationId: string): Promise<{ outcome: 'requested' | 'already'; state: DestinationState }>;
  /** The backup switch: the same request the window's switch key takes (single-flight in the flow feature). */
  switchSource(target: SourceRole, force: boolean): Promise<FlowSwitchResult>;
  /** The operator's screen and the remote clients learn every change of the arm. */
  changed(armed: RemoteArmed): void;
  record(title: string, detail: string, destinationId: string | null): void;
}

/**
 * A control-API arm, held in main (the window's own arm lives in its go-live controller). A take consumes the
 * arm before its request is sent, so two takes racing (a Stream Deck and a script) send one request; the
 * channel monitor's single-flight covers a keyboard take of the same destination at the same moment.
 */
export class RemoteArming {
  #armed: RemoteArm | null = null;
  #switchArmed: RemoteSwitchArm | null = null;

  constructor(private readonly deps: RemoteArmingDeps) {}

  current(): RemoteArm | null {
    if (this.#armed && this.#armed.expiresAt <= this.deps.now()) this.#set(null);
    return this.#armed;
  }

  currentSwitch(): RemoteSwitchArm | null {
    if (this.#switchArmed && this.#switchArmed.expiresAt <= this.deps.now()) this.#setSwitch(null);
    return this.#switchArmed;
  }

  state(): RemoteArmed {
    return { armed: this.current(), switchArmed: this.currentSwitch() };
  }

  arm(destinationId: string, by: string): RemoteArm {
    if (!this.deps.hasDestination(destinationId)) {
      throw new BoothError('not-found', `There is no destination “${destinationId}” in this show.`);
    }
    const now = this.deps.now();
    const armed: RemoteArm = { destinationId, by, armedAt: now, expiresAt: now + this.deps.timeoutMs() };
    this.#switchArmed = null;
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
    const wasSwitch = this.currentSwitch();
    if (wasSwitch) {
      this.#setSwitch(null);
      this.deps.record(`Backup switch disarmed (${by})`, `Switch to ${wasSwitch.target} disarmed; nothing sent.`, null);
    }
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

  /**
   * Arms a backup switch, as the window's switch key does; a take sends it. Whether the target can take over is
   * MediaConnect's and the flow feature's to say at the take (a switch to a source that is not connected needs
   * `force`, as the window's "Force…").
   */
  armSwitch(target: SourceRole, force: boolean, by: string): RemoteSwitchArm {
    const now = this.deps.now();
    const armed: RemoteSwitchArm = { target, force, by, armedAt: now, expiresAt: now + this.deps.timeoutMs() };
    this.#armed = null;
    this.#setSwitch(armed);
    this.deps.record(
      `Backup switch armed from remote (${by})`,
      `Switch to ${target}${force ? ' (forced)' : ''} armed; nothing sent yet.`,
      null,
    );
    return armed;
  }

  /** Takes the armed switch: consumed before the request, so two takes at once send one UpdateFlow. */
  async takeSwitch(by: string): Promise<FlowSwitchResult> {
    const armed = this.currentSwitch();
    if (!armed) {
      throw new BoothError('invalid-state', 'No backup switch is armed: arm the switch first, then take.');
    }
    this.#setSwitch(null);
    const title = `Backup switch from remote (${by})`;
    try {
      const result = await this.deps.switchSource(armed.target, armed.force);
      this.deps.record(title, result.message, null);
      return result;
    } catch (error) {
      this.deps.record(
        title,
        `The switch to ${armed.target} failed: ${error instanceof Error ? error.message : String(error)}`,
        null,
      );
      throw error;
    }
  }

  #set(armed: RemoteArm | null): void {
    this.#armed = armed;
    this.deps.changed({ armed, switchArmed: this.#switchArmed });
  }

  #setSwitch(armed: RemoteSwitchArm | null): void {
    this.#switchArmed = armed;
    this.deps.changed({ armed: this.#armed, switchArmed: armed });
  }
}
