import { BoothError } from '../../../shared/domain/errors';
import type { DestinationState } from '../../../shared/domain/channel';
import type { FlowSwitchResult, SourceRole } from '../../../shared/domain/flow';
import type {
  ArmEnd,
  ArmState,
  ArmSurface,
  RemoteArm,
  RemoteSwitchArm,
} from '../../../shared/ipc/features/arming.contract';

/** Who acts on the arm: a token's name or "operator window", and the surface it came from. */
export interface Hand {
  by: string;
  surface: ArmSurface;
}

export type ArmAction = RemoteArm['action'];
type TakeAnswer = { outcome: 'requested' | 'already'; state: DestinationState };
export type GoLiveTaken = { destinationId: string; action: ArmAction } & TakeAnswer;

export interface ArmHolderDeps {
  now(): number;
  /** How long an arm waits for its take (the operator's arm timeout). */
  timeoutMs(): number;
  /** An id for an arm a remote makes (the window names its own). */
  newId(): string;
  /** The destinations of the show, so an arm of something absent is refused before anything else. */
  hasDestination(destinationId: string): boolean;
  /** The destination's state as last confirmed: what a take that lost the race to another surface answers. */
  stateOf(destinationId: string): DestinationState;
  /** The go-live and the end: the operator's own requests, single-flight per destination. */
  start(destinationId: string): Promise<TakeAnswer>;
  stop(destinationId: string): Promise<TakeAnswer>;
  /** The backup switch: the same request the window's switch takes (single-flight in the flow feature). */
  switchSource(target: SourceRole, force: boolean): Promise<FlowSwitchResult>;
  /** Every surface learns every change of the arm (the operator's screen, the remote clients). */
  changed(state: ArmState): void;
  record(title: string, detail: string, destinationId: string | null): void;
}

/** How many ended arms are remembered, so a late take of one says what became of it. */
const ENDS_KEPT = 32;

const ACTION_WORDS: Record<ArmAction, string> = { start: 'go-live', stop: 'end' };

/**
 * The booth's one arm, whatever surface made it (the operator's keys or mouse, a Stream Deck, a script): one
 * go-live or one backup switch at a time. A take consumes the arm before its request is created, so two takes
 * racing (Enter and a Stream Deck key) send one request; the channel's single-flight covers the rest.
 */
export class ArmHolder {
  #armed: RemoteArm | null = null;
  #switchArmed: RemoteSwitchArm | null = null;
  readonly #ends = new Map<string, ArmEnd>();
  /** What each taken go-live arm was, so a second take of it (from the other surface) answers what it is now. */
  readonly #takenElsewhere = new Map<string, { destinationId: string; action: ArmAction }>();
  /** Each taken switch arm's request, so a late take of the same arm answers its result instead of sending again. */
  readonly #switchTaken = new Map<string, { hand: Hand; result: Promise<FlowSwitchResult> }>();

  constructor(private readonly deps: ArmHolderDeps) {}

  current(): RemoteArm | null {
    const armed = this.#armed;
    if (armed && armed.expiresAt <= this.deps.now()) {
      this.#armed = null;
      this.#publish(this.#end(armed.id, { how: 'expired', by: null, surface: null }));
    }
    return this.#armed;
  }

  currentSwitch(): RemoteSwitchArm | null {
    const armed = this.#switchArmed;
    if (armed && armed.expiresAt <= this.deps.now()) {
      this.#switchArmed = null;
      this.#publish(this.#end(armed.id, { how: 'expired', by: null, surface: null }));
    }
    return this.#switchArmed;
  }

  state(): ArmState {
    return { armed: this.current(), switchArmed: this.currentSwitch() };
  }

  /** Arms a destination: a remote arms a go-live; the window arms what its tile says a take does (`action`). */
  arm(hand: Hand, destinationId: string, action: ArmAction = 'start', id = this.deps.newId()): RemoteArm {
    if (!this.deps.hasDestination(destinationId)) {
      throw new BoothError('not-found', `There is no destination “${destinationId}” in this show.`);
    }
    const armed: RemoteArm = { ...this.#stamp(hand, id), destinationId, action };
    const { before, ended } = this.#replace(hand, () => {
      this.#switchArmed = null;
      this.#armed = armed;
    });
    if (hand.surface === 'remote') {
      this.deps.record(
        `Armed from remote (${hand.by})`,
        `${destinationId} armed to ${ACTION_WORDS[action]}; nothing sent yet.`,
        destinationId,
      );
    } else if (before?.surface === 'remote') {
      this.deps.record(
        `Remote arm replaced at the console (armed from ${before.by})`,
        `${destinationId} armed at the console instead; nothing sent.`,
        destinationId,
      );
    }
    this.#publish(ended);
    return armed;
  }

  /**
   * Lets go of what is armed. With `id` (the window's disarm) only that arm goes: a newer arm from a Stream Deck,
   * which the window has not heard of yet, stays.
   */
  disarm(hand: Hand, id?: string): ArmState {
    const armed = this.current();
    const switchArmed = this.currentSwitch();
    if (switchArmed && (id === undefined || switchArmed.id === id)) {
      this.#switchArmed = null;
      this.deps.record(
        `Backup switch disarmed (${hand.by})`,
        `Switch to ${switchArmed.target} disarmed; nothing sent.`,
        null,
      );
      this.#publish(this.#end(switchArmed.id, { how: 'disarmed', ...hand }));
    }
    if (armed && (id === undefined || armed.id === id)) {
      this.#armed = null;
      if (hand.surface === 'remote' || armed.surface === 'remote') {
        this.deps.record(
          hand.surface === 'console'
            ? `Disarmed at the console (armed from ${armed.by})`
            : `Disarmed from remote (${hand.by})`,
          `${armed.destinationId} disarmed; nothing sent.`,
          armed.destinationId,
        );
      }
      this.#publish(this.#end(armed.id, { how: 'disarmed', ...hand }));
    }
    return this.state();
  }

  /**
   * Takes what is armed, whichever surface armed it. With `id` (the window's take) only the arm the window saw is
   * taken; a take of an arm no longer held is refused in words, and nothing is sent. The arm is consumed before the
   * request is created; the log says what AWS answered, not what was hoped.
   */
  async take(hand: Hand, id?: string): Promise<GoLiveTaken> {
    const armed = this.current();
    if (id !== undefined && armed?.id !== id) {
      // Taken from the other surface a moment before: its request went out, so this take is "already", not a failure.
      const taken = this.#takenElsewhere.get(id);
      if (taken && this.#ends.get(id)?.how === 'taken') {
        return { ...taken, outcome: 'already', state: this.deps.stateOf(taken.destinationId) };
      }
      throw this.#notHeld(id);
    }
    if (!armed) throw new BoothError('invalid-state', 'Nothing is armed: arm a destination first, then take.');
    this.#takenElsewhere.set(armed.id, { destinationId: armed.destinationId, action: armed.action });
    if (this.#takenElsewhere.size > ENDS_KEPT) this.#takenElsewhere.delete(this.#takenElsewhere.keys().next().value!);
    this.#armed = null;
    const ended = this.#end(armed.id, { how: 'taken', ...hand });
    const logged = hand.surface === 'remote' || armed.surface === 'remote';
    const title =
      hand.surface === 'console' ? `Take at the console (armed from ${armed.by})` : `Take from remote (${hand.by})`;
    const words = ACTION_WORDS[armed.action];
    try {
      const request =
        armed.action === 'start' ? this.deps.start(armed.destinationId) : this.deps.stop(armed.destinationId);
      // The request leaves first; every surface hears the arm is spent on the next turn (publishing is work).
      setImmediate(() => this.#publish(ended));
      const result = await request;
      if (logged) {
        this.deps.record(
          title,
          result.outcome === 'requested'
            ? `${armed.destinationId}: ${words} sent to AWS (armed by ${armed.by}).`
            : `${armed.destinationId} was already ${result.state}; nothing was sent.`,
          armed.destinationId,
        );
      }
      return { destinationId: armed.destinationId, action: armed.action, ...result };
    } catch (error) {
      if (logged) {
        this.deps.record(
          title,
          `${armed.destinationId}: the ${words} failed: ${error instanceof Error ? error.message : String(error)}`,
          armed.destinationId,
        );
      }
      throw error;
    }
  }

  /**
   * Arms a backup switch; a take sends it. Whether the target can take over is MediaConnect's and the flow
   * feature's to say at the take (a switch to a source that is not connected needs `force`, as the window's
   * "Force…").
   */
  armSwitch(hand: Hand, target: SourceRole, force: boolean, id = this.deps.newId()): RemoteSwitchArm {
    const armed: RemoteSwitchArm = { ...this.#stamp(hand, id), target, force };
    const { ended } = this.#replace(hand, () => {
      this.#armed = null;
      this.#switchArmed = armed;
    });
    if (hand.surface === 'remote') {
      this.deps.record(
        `Backup switch armed from remote (${hand.by})`,
        `Switch to ${target}${force ? ' (forced)' : ''} armed; nothing sent yet.`,
        null,
      );
    }
    this.#publish(ended);
    return armed;
  }

  /**
   * Takes the armed switch: consumed before the request, so two takes at once send one UpdateFlow. A take of a switch
   * arm another surface took a moment before answers that switch's own result (one request, both surfaces told).
   */
  async takeSwitch(hand: Hand, id?: string): Promise<FlowSwitchResult> {
    const armed = this.currentSwitch();
    if (id !== undefined && armed?.id !== id) {
      const taken = this.#switchTaken.get(id);
      if (!taken) throw this.#notHeld(id);
      const result = await taken.result;
      return { ...result, message: `Taken from ${this.#who(taken.hand)} first: ${result.message}` };
    }
    if (!armed) {
      throw new BoothError('invalid-state', 'No backup switch is armed: arm the switch first, then take.');
    }
    this.#switchArmed = null;
    const ended = this.#end(armed.id, { how: 'taken', ...hand });
    const title =
      hand.surface === 'console'
        ? `Backup switch at the console (armed from ${armed.by})`
        : `Backup switch from remote (${hand.by})`;
    const logged = hand.surface === 'remote' || armed.surface === 'remote';
    const request = this.deps.switchSource(armed.target, armed.force);
    this.#switchTaken.set(armed.id, { hand, result: request });
    if (this.#switchTaken.size > ENDS_KEPT) this.#switchTaken.delete(this.#switchTaken.keys().next().value!);
    this.#publish(ended);
    try {
      const result = await request;
      if (logged) this.deps.record(title, result.message, null);
      return result;
    } catch (error) {
      if (logged) {
        this.deps.record(
          title,
          `The switch to ${armed.target} failed: ${error instanceof Error ? error.message : String(error)}`,
          null,
        );
      }
      throw error;
    }
  }

  /** A surface as an operator reads it: "Stream Deck (Deck A)" or "the console". */
  #who(hand: Pick<Hand, 'by' | 'surface'>): string {
    return hand.surface === 'remote' ? `Stream Deck (${hand.by})` : 'the console';
  }

  /** Why the arm a window took is no longer held, in words (taken from elsewhere: its request did go out). */
  #notHeld(id: string): BoothError {
    const end = this.#ends.get(id);
    if (!end) return new BoothError('invalid-state', 'This arm never reached the console: arm again, then take.');
    const who = this.#who({ by: end.by ?? '', surface: end.surface ?? 'console' });
    switch (end.how) {
      case 'taken':
        return new BoothError(
          'invalid-state',
          `Taken from ${who} first: one request was sent from there; this take sent nothing.`,
        );
      case 'replaced':
        return new BoothError('invalid-state', `Something else was armed from ${who} meanwhile: arm again.`);
      case 'disarmed':
        return new BoothError('invalid-state', `Disarmed from ${who} meanwhile: arm again.`);
      case 'expired':
        return new BoothError('invalid-state', 'The arm timed out before the take: arm again.');
    }
  }

  /** What every arm carries: its id, who armed it from where, and when it lapses. */
  #stamp(hand: Hand, id: string) {
    const now = this.deps.now();
    return { id, by: hand.by, surface: hand.surface, armedAt: now, expiresAt: now + this.deps.timeoutMs() };
  }

  /** Puts a new arm in place of whatever was armed (one at a time): the one before ends as replaced by `hand`. */
  #replace(hand: Hand, put: () => void): { before: RemoteArm | RemoteSwitchArm | null; ended: ArmEnd | null } {
    const before = this.current() ?? this.currentSwitch();
    put();
    return { before, ended: before ? this.#end(before.id, { how: 'replaced', ...hand }) : null };
  }

  #end(id: string, how: Omit<ArmEnd, 'id'>): ArmEnd {
    const end: ArmEnd = { id, ...how };
    this.#ends.set(id, end);
    if (this.#ends.size > ENDS_KEPT) this.#ends.delete(this.#ends.keys().next().value!);
    return end;
  }

  #publish(ended: ArmEnd | null): void {
    this.deps.changed({ armed: this.#armed, switchArmed: this.#switchArmed, ended });
  }
}
