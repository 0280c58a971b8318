import { BILLING_STATES, type DestinationState } from '../../../shared/domain/channel';
import { warmPlan } from '../warm-presentation';
import type { DestinationStatus } from '../../../shared/domain/destination';
import { failureHeadline } from '../../../shared/domain/failure-headline';
import type { InvokeOutput, IpcResult } from '../../../shared/ipc/contract';
import { CORE_RESTARTED_CODE, LINK_DOWN_CODE, lastConfirmedText } from '../tally';

/**
 * Two-step go-live, as plain TypeScript (no runes, no DOM) so it is unit-tested with a fake
 * clock: arm a destination (the tile says what a take will do), then take. One take sends
 * exactly one request: the armed state is consumed synchronously, before the request is even
 * created, so a bounced key, an auto-repeat or a double click finds nothing armed.
 */

export type GoLiveAction = 'start' | 'stop';

export interface Armed {
  /** The arm's id, the same in main, which holds the booth's one arm: a take names the arm it takes. */
  id: string;
  destinationId: string;
  action: GoLiveAction;
  armedAt: number;
  expiresAt: number;
  /** Set when a control-API token armed it: the token's name, shown on the tile ("armed from Stream Deck"). */
  by?: string;
}

/** The arm main holds (`remote.armedFeed`, `remote.armed`), whichever surface made it. */
export type HeldArm = InvokeOutput<'remote.armed'>['armed'];
/** What became of the arm main held before (taken, disarmed, replaced, timed out), and by whom. */
export type HeldArmEnd = NonNullable<InvokeOutput<'remote.armed'>['ended']>;

/** What the tile's action row says about the last take on this destination. */
export type Activity =
  | { phase: 'sending'; action: GoLiveAction; since: number }
  | {
      phase: 'done';
      action: GoLiveAction;
      at: number;
      ok: boolean;
      message: string;
      /** Why it failed: the IPC code main answered, or `not-sent` when the take was never sent. */
      code?: string;
    };

/** What main answers a take: `channels.start` and `channels.stop` share one output. */
type TakeAnswer = InvokeOutput<'channels.start' | 'channels.stop'>;
export type SendResult = IpcResult<TakeAnswer>;

export interface ArmingDeps {
  now(): number;
  setTimer(callback: () => void, ms: number): unknown;
  clearTimer(handle: unknown): void;
  /** The destination as the feed shows it now (undefined when it is gone). */
  destination(id: string): DestinationStatus | undefined;
  /** Seconds an armed destination waits for the take (settings: shortcuts.armTimeoutSeconds). */
  timeoutSeconds(): number;
  /** A new arm's id. */
  newId?(): string;
  /**
   * Main holds the booth's one arm (`arming.arm`), so a Stream Deck's take takes what this window armed. A refusal
   * disarms here, with main's reason.
   */
  hold?(armed: Armed): Promise<IpcResult<unknown>>;
  /**
   * Takes the arm (`arming.take` with its id): main consumes it, so a Stream Deck's take at once sends nothing more.
   * Called at most once per take.
   */
  takeHeld(armed: Armed): Promise<SendResult>;
  /** Lets go of the held arm (`arming.disarm`), that one only, when this window disarms or a take is not sent. */
  release?(armId: string): void;
}

export type ArmingEventKind =
  | 'armed'
  | 'refused'
  | 'disarmed'
  | 'expired'
  | 'sending'
  | 'succeeded'
  | 'failed'
  | 'ignored'
  /** The take key with nothing armed: said in words, nothing sent. */
  | 'nothing-armed';

export interface ArmingEvent {
  kind: ArmingEventKind;
  destinationId: string | null;
  action: GoLiveAction | null;
  /** In words, for the footer's event line. */
  text: string;
}

export type ArmResult = { ok: true; armed: Armed } | { ok: false; reason: string };

export type TakeResult =
  | { sent: true; destinationId: string; action: GoLiveAction }
  | { sent: false; reason: 'repeat' | 'not-armed' | 'expired' | 'in-flight' | 'state-changed' };

/** Success messages fade after this long; failures stay until the destination is armed again. */
export const RESULT_VISIBLE_MS = 8_000;

const ACTION_WORDS: Record<GoLiveAction, string> = { start: 'go live', stop: 'end' };

function actionWords(action: GoLiveAction): string {
  return ACTION_WORDS[action];
}

/** Why a tile cannot be armed, short enough for the tile's action row ("CAN'T ARM" says the rest). */
const SHORT_REFUSALS: Partial<Record<DestinationState, string>> = {
  STOPPING: 'stopping — wait for IDLE',
  UPDATING: 'updating — wait for IDLE',
  CREATING: 'channel being created',
  DELETING: 'channel being deleted',
  DELETED: 'channel deleted in AWS',
  CREATE_FAILED: 'channel broken — admin must fix',
  UPDATE_FAILED: 'update failed — admin must fix',
  MISSING: 'no channel in AWS',
  UNKNOWN: 'state unknown — waiting for AWS',
};

const REFUSALS: Partial<Record<DestinationState, string>> = {
  STOPPING: 'it is stopping; wait until it is IDLE to go live again',
  UPDATING: 'its encoding settings are being applied; wait until it is IDLE',
  CREATING: 'its channel is still being created',
  DELETING: 'its channel is being deleted',
  DELETED: 'its channel was deleted in AWS',
  CREATE_FAILED: 'its channel could not be created; an admin must fix it',
  UPDATE_FAILED: 'the last settings update failed; an admin must fix the channel first',
  MISSING: 'its MediaLive channel does not exist in AWS',
  UNKNOWN: 'its state has never been read from AWS yet',
};

/** What a take would do for a destination in this state, or why it cannot be armed. */
export function planFor(
  destination: DestinationStatus,
): { ok: true; action: GoLiveAction } | { ok: false; reason: string; short: string } {
  if (destination.state === 'MISSING' || destination.channelId === null) {
    return {
      ok: false,
      reason: destination.problem ?? REFUSALS.MISSING!,
      short: destination.channelId === null ? 'no channel mapped' : SHORT_REFUSALS.MISSING!,
    };
  }
  const unconfirmed = destination.unconfirmed;
  if (unconfirmed?.code === LINK_DOWN_CODE)
    return { ok: false, reason: "the console's link to its core is down", short: 'console link down' };
  if (unconfirmed?.code === CORE_RESTARTED_CODE) {
    return {
      ok: false,
      reason: 'the console core restarted: use the new address npm run web printed',
      short: 'console restarted — reopen',
    };
  }
  if (unconfirmed) {
    // Ending stays possible for what may be on air; a start is never sent on a guess.
    if (BILLING_STATES.has(destination.state) && destination.state !== 'STOPPING') return { ok: true, action: 'stop' };
    return {
      ok: false,
      reason: `its state cannot be confirmed (${lastConfirmedText(unconfirmed)}): ${unconfirmed.reason}`,
      short: 'state unconfirmed — waiting for AWS',
    };
  }
  // Warm standby: the take from STANDBY is the switch to live; an idle warm channel goes to standby first.
  const warm = warmPlan(destination);
  if (warm) return warm;
  switch (destination.state) {
    case 'IDLE':
      return { ok: true, action: 'start' };
    case 'RUNNING':
    case 'STARTING':
    case 'RECOVERING':
      return { ok: true, action: 'stop' };
    default:
      return {
        ok: false,
        reason: REFUSALS[destination.state] ?? `it is ${destination.state}`,
        short: SHORT_REFUSALS[destination.state] ?? destination.state.toLowerCase(),
      };
  }
}

function describeSuccess(action: GoLiveAction, outcome: TakeAnswer['outcome'], state: DestinationState): string {
  if (outcome === 'requested') return action === 'start' ? 'Start requested' : 'Stop requested';
  if (action === 'start')
    return state === 'RUNNING' ? 'Already on air; nothing sent' : `Already ${state.toLowerCase()}; nothing sent`;
  return state === 'IDLE' ? 'Already off air; nothing sent' : `Already ${state.toLowerCase()}; nothing sent`;
}

export class ArmingController {
  #armed: Armed | null = null;
  /** Arms this window took or let go of: main's late word of them (its echo of the arm) is not an arm again. */
  #spent = new Set<string>();
  #timer: unknown = null;
  #inFlight = new Set<string>();
  #activity = new Map<string, Activity>();
  #fadeTimers = new Map<string, unknown>();
  #listeners = new Set<(destinationIds: readonly string[]) => void>();
  #eventListeners = new Set<(event: ArmingEvent) => void>();
  readonly #deps: ArmingDeps;

  constructor(deps: ArmingDeps) {
    this.#deps = deps;
  }

  get armed(): Armed | null {
    return this.#armed;
  }

  isInFlight(destinationId: string): boolean {
    return this.#inFlight.has(destinationId);
  }

  activity(destinationId: string): Activity | null {
    return this.#activity.get(destinationId) ?? null;
  }

  /** Whole seconds left before the armed destination disarms itself (rounded up), 0 when nothing is armed. */
  secondsLeft(now = this.#deps.now()): number {
    if (!this.#armed) return 0;
    return Math.max(0, Math.ceil((this.#armed.expiresAt - now) / 1_000));
  }

  /**
   * Called after every change of what the controller holds, with the destinations whose tile it changes (the one
   * armed before and the one armed now, the one sent, the one whose result faded), so a view redraws only those.
   */
  onChange(listener: (destinationIds: readonly string[]) => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  onEvent(listener: (event: ArmingEvent) => void): () => void {
    this.#eventListeners.add(listener);
    return () => this.#eventListeners.delete(listener);
  }

  /** Arms a destination, replacing whatever was armed. Refused (with the reason) when a take could not do anything sensible. */
  arm(destinationId: string, options: { repeat?: boolean } = {}): ArmResult {
    if (options.repeat) return { ok: false, reason: 'key auto-repeat ignored' };
    const destination = this.#deps.destination(destinationId);
    if (!destination) return this.#refuse(destinationId, null, 'it is not in this show');
    if (this.#inFlight.has(destinationId) || destination.pending) {
      return this.#refuse(destinationId, destination, 'a request for it is already on its way to AWS');
    }
    const plan = planFor(destination);
    if (!plan.ok) return this.#refuse(destinationId, destination, plan.reason);

    this.#clearTimer();
    const before = this.#armed?.destinationId;
    if (this.#armed) this.#spend(this.#armed.id);
    const now = this.#deps.now();
    const timeoutMs = Math.max(1, this.#deps.timeoutSeconds()) * 1_000;
    const id = this.#deps.newId?.() ?? crypto.randomUUID();
    const armed: Armed = { id, destinationId, action: plan.action, armedAt: now, expiresAt: now + timeoutMs };
    this.#armed = armed;
    this.#timer = this.#deps.setTimer(() => this.#expire(armed), timeoutMs);
    // Main replaces whatever it held with this arm (a Stream Deck's too); a refusal there disarms here.
    void this.#deps.hold?.(armed).then((result) => {
      if (!result.ok && this.#armed === armed) this.#dropArm(armed, `the console refused it: ${result.message}`, false);
    });
    // A new arm clears the last result on this tile: the operator is acting on it again.
    this.#clearActivity(destinationId);
    this.#emit({
      kind: 'armed',
      destinationId,
      action: plan.action,
      text: `${destination.name} armed (${actionWords(plan.action)}): take within ${Math.round(timeoutMs / 1_000)} s, Escape cancels`,
    });
    this.#changed(...(before !== undefined && before !== destinationId ? [before, destinationId] : [destinationId]));
    return { ok: true, armed };
  }

  /**
   * Retry on a failed tile: arms the action that failed again, exactly as its key would; nothing is sent until the
   * take. Refused when the tile now calls for something else (the failed start is on air after all, say).
   */
  retry(destinationId: string, failedAction: GoLiveAction): ArmResult {
    const destination = this.#deps.destination(destinationId);
    const plan = destination ? planFor(destination) : null;
    if (destination && plan?.ok && plan.action !== failedAction) {
      return this.#refuse(
        destinationId,
        destination,
        `nothing to retry: it is ${destination.state} now (arm it to ${actionWords(plan.action)})`,
      );
    }
    return this.arm(destinationId);
  }

  /** The operator has seen the failed take on this tile: it leaves the tile (the tray and the log keep it). */
  acknowledgeFailure(destinationId: string): boolean {
    const shown = this.#activity.get(destinationId);
    if (shown?.phase !== 'done' || shown.ok) return false;
    this.#clearActivity(destinationId);
    this.#changed(destinationId);
    return true;
  }

  /**
   * Shows the arm main holds as this window's one arm: a Stream Deck's ("from Stream Deck (name)") or another
   * window's, replacing a local one. `ended` says what became of the arm shown before: taken from a Stream Deck,
   * disarmed or replaced there. `snapshot`: main's whole state (after a reconnection), so an arm main no longer
   * holds goes here too.
   */
  adoptHeld(held: HeldArm, ended: HeldArmEnd | null, options: { snapshot?: boolean } = {}): void {
    const shown = this.#armed;
    if (held === null) {
      if (!shown) return;
      if (ended?.id === shown.id) this.#endedElsewhere(shown, ended);
      else if (options.snapshot) this.#dropArm(shown, 'the console no longer holds it', false);
      return;
    }
    // Main's echo of this window's own arm, or of one it took or let go of already.
    if (held.id === shown?.id || this.#spent.has(held.id)) return;
    if (shown && ended?.id === shown.id) this.#endedElsewhere(shown, ended, true);
    const destination = this.#deps.destination(held.destinationId);
    this.#clearTimer();
    const before = this.#armed?.destinationId;
    const now = this.#deps.now();
    // Main's clock decides when its arm ends; this window counts the same length from when it heard of it.
    const timeoutMs = Math.max(1, held.expiresAt - held.armedAt);
    const armed: Armed = {
      id: held.id,
      destinationId: held.destinationId,
      action: held.action,
      armedAt: now,
      expiresAt: now + timeoutMs,
      ...(held.surface === 'remote' ? { by: held.by } : {}),
    };
    this.#armed = armed;
    this.#timer = this.#deps.setTimer(() => this.#expire(armed), timeoutMs);
    this.#clearActivity(held.destinationId);
    const from = held.surface === 'remote' ? ` from ${held.by}` : ' in another window';
    this.#emit({
      kind: 'armed',
      destinationId: held.destinationId,
      action: held.action,
      text: `${destination?.name ?? held.destinationId} armed${from} (${actionWords(held.action)}): take within ${Math.round(timeoutMs / 1_000)} s, Escape cancels`,
    });
    this.#changed(
      ...(before !== undefined && before !== held.destinationId ? [before, held.destinationId] : [held.destinationId]),
    );
  }

  /** The shown arm was taken, disarmed or replaced on another surface: said as what happened, not as a disarm. */
  #endedElsewhere(shown: Armed, ended: HeldArmEnd, quiet = false): void {
    const who = ended.surface === 'remote' ? (ended.by ?? 'a remote') : 'another window';
    if (ended.how !== 'taken') {
      if (!quiet || ended.how !== 'replaced') this.#dropArm(shown, `${ended.how} from ${who}`, false);
      else this.#spend(shown.id);
      return;
    }
    this.#armed = null;
    this.#clearTimer();
    this.#spend(shown.id);
    const name = this.#deps.destination(shown.destinationId)?.name ?? shown.destinationId;
    const message = `Taken from ${who}: ${actionWords(shown.action)} sent`;
    this.#setActivity(shown.destinationId, {
      phase: 'done',
      action: shown.action,
      at: this.#deps.now(),
      ok: true,
      message,
    });
    this.#emit({
      kind: 'succeeded',
      destinationId: shown.destinationId,
      action: shown.action,
      text: `${name}: ${message}`,
    });
    this.#fadeLater(shown.destinationId);
    this.#changed(shown.destinationId);
  }

  /** Cancels the armed destination, if any (Escape, the Cancel button, a global disarm). */
  disarm(reason = 'cancelled'): boolean {
    const armed = this.#armed;
    if (!armed) return false;
    this.#dropArm(armed, reason, true);
    return true;
  }

  #dropArm(armed: Armed, reason: string, release: boolean): void {
    this.#armed = null;
    this.#clearTimer();
    this.#spend(armed.id);
    if (release) this.#deps.release?.(armed.id);
    const name = this.#deps.destination(armed.destinationId)?.name ?? armed.destinationId;
    this.#emit({
      kind: 'disarmed',
      destinationId: armed.destinationId,
      action: armed.action,
      text: `${name} disarmed (${reason}); nothing sent`,
    });
    this.#changed(armed.destinationId);
  }

  /**
   * Sends the armed action, once. Everything that decides whether to send happens before the
   * request is created, synchronously, so a second take (even in the same tick) finds nothing.
   */
  take(options: { repeat?: boolean } = {}): TakeResult {
    if (options.repeat) return { sent: false, reason: 'repeat' };
    const armed = this.#armed;
    if (!armed) {
      this.#emit({
        kind: 'nothing-armed',
        destinationId: null,
        action: null,
        text: 'Nothing is armed: arm a destination with its key first, then take. Nothing sent',
      });
      return { sent: false, reason: 'not-armed' };
    }
    // Consumed first: whatever happens next, this arming is spent (main's remote arm too, when nothing is sent).
    this.#armed = null;
    this.#clearTimer();
    this.#spend(armed.id);
    const unsent = (result: TakeResult): TakeResult => {
      this.#deps.release?.(armed.id);
      return result;
    };

    const { destinationId, action } = armed;
    const destination = this.#deps.destination(destinationId);
    const name = destination?.name ?? destinationId;
    if (this.#deps.now() >= armed.expiresAt) {
      this.#emit({
        kind: 'expired',
        destinationId,
        action,
        text: `${name} disarmed (timed out before the take); nothing sent`,
      });
      this.#changed(destinationId);
      return unsent({ sent: false, reason: 'expired' });
    }
    if (this.#inFlight.has(destinationId)) {
      this.#changed(destinationId);
      return unsent({ sent: false, reason: 'in-flight' });
    }
    const plan = destination ? planFor(destination) : ({ ok: false, reason: 'it is no longer in this show' } as const);
    if (!plan.ok || plan.action !== action) {
      const why = plan.ok ? `it is now ${destination?.state ?? 'gone'}` : plan.reason;
      this.#setActivity(destinationId, {
        phase: 'done',
        action,
        at: this.#deps.now(),
        ok: false,
        message: `Not sent: ${why}. Arm again.`,
        code: 'not-sent',
      });
      this.#emit({ kind: 'ignored', destinationId, action, text: `${name}: take not sent, ${why}` });
      this.#changed(destinationId);
      return unsent({ sent: false, reason: 'state-changed' });
    }

    this.#inFlight.add(destinationId);
    // The request leaves first; the tile's "sending" and the event line follow in the same task (the answer, a
    // promise, can only settle after them): the take does not wait for the screen's bookkeeping.
    let request: Promise<SendResult>;
    try {
      request = this.#deps.takeHeld(armed);
    } catch (error) {
      request = Promise.resolve({
        ok: false,
        code: 'internal',
        message: error instanceof Error ? error.message : String(error),
      });
    }
    this.#setActivity(destinationId, { phase: 'sending', action, since: this.#deps.now() });
    this.#emit({ kind: 'sending', destinationId, action, text: `${name}: ${actionWords(action)} sent to AWS…` });
    this.#changed(destinationId);
    void request.then(
      (result) => this.#settle(destinationId, name, action, result),
      (error: unknown) =>
        this.#settle(destinationId, name, action, {
          ok: false,
          code: 'internal',
          message: error instanceof Error ? error.message : String(error),
        }),
    );
    return { sent: true, destinationId, action };
  }

  /**
   * Called when the destinations change: an armed destination whose state no longer allows
   * the armed action (it went off air by itself, it was deleted) is disarmed with the reason.
   */
  reconcile(): void {
    const armed = this.#armed;
    if (!armed) return;
    const destination = this.#deps.destination(armed.destinationId);
    const plan = destination ? planFor(destination) : null;
    if (plan?.ok && plan.action === armed.action) return;
    const why = !destination ? 'it left the show' : plan && !plan.ok ? plan.reason : `it is now ${destination.state}`;
    this.disarm(why);
  }

  /**
   * A destination changed state: a success message ("Start requested") has said what it had to;
   * the tile's state now tells the rest. Failures stay until the next arm.
   */
  stateChanged(destinationId: string): void {
    const shown = this.#activity.get(destinationId);
    if (shown?.phase !== 'done' || !shown.ok) return;
    this.#clearActivity(destinationId);
    this.#changed(destinationId);
  }

  dispose(): void {
    this.#clearTimer();
    for (const handle of this.#fadeTimers.values()) this.#deps.clearTimer(handle);
    this.#fadeTimers.clear();
    this.#listeners.clear();
    this.#eventListeners.clear();
  }

  #settle(destinationId: string, name: string, action: GoLiveAction, result: SendResult) {
    this.#inFlight.delete(destinationId);
    const at = this.#deps.now();
    if (result.ok) {
      // A warm take is the switch of a running channel to its live input, not a start.
      const warmTake =
        action === 'start' &&
        result.data.outcome === 'requested' &&
        this.#deps.destination(destinationId)?.warm?.mode === 'warm';
      const message = warmTake
        ? 'Switch to live requested'
        : describeSuccess(action, result.data.outcome, result.data.state);
      this.#setActivity(destinationId, { phase: 'done', action, at, ok: true, message });
      this.#emit({ kind: 'succeeded', destinationId, action, text: `${name}: ${message.toLowerCase()}` });
      this.#fadeLater(destinationId);
    } else {
      // AWS's reason as main words it; "failed" is said once.
      const verb = action === 'start' ? 'Go live' : 'End';
      const message = /failed/i.test(result.message) ? result.message : `${verb} failed: ${result.message}`;
      this.#setActivity(destinationId, { phase: 'done', action, at, ok: false, message, code: result.code });
      // The headline first (the event line is one line); the console's sentence after it, for the tooltip.
      const why = message.replace(/^.*? failed:\s*/i, '');
      this.#emit({
        kind: 'failed',
        destinationId,
        action,
        text: `${name}: ${failureHeadline(action, result.code)}. ${why}`,
      });
    }
    this.#changed(destinationId);
  }

  #refuse(destinationId: string, destination: DestinationStatus | null | undefined, reason: string): ArmResult {
    const name = destination?.name ?? destinationId;
    this.#emit({ kind: 'refused', destinationId, action: null, text: `${name} cannot be armed: ${reason}` });
    return { ok: false, reason };
  }

  #expire(armed: Armed) {
    if (this.#armed !== armed) return;
    this.#armed = null;
    this.#timer = null;
    this.#spend(armed.id);
    const name = this.#deps.destination(armed.destinationId)?.name ?? armed.destinationId;
    this.#emit({
      kind: 'expired',
      destinationId: armed.destinationId,
      action: armed.action,
      text: `${name} disarmed (no take within the time); nothing sent`,
    });
    this.#changed(armed.destinationId);
  }

  #spend(id: string) {
    this.#spent.add(id);
    if (this.#spent.size > 64) this.#spent.delete(this.#spent.values().next().value!);
  }

  #setActivity(destinationId: string, activity: Activity) {
    const fade = this.#fadeTimers.get(destinationId);
    if (fade !== undefined) {
      this.#deps.clearTimer(fade);
      this.#fadeTimers.delete(destinationId);
    }
    this.#activity.set(destinationId, activity);
  }

  #clearActivity(destinationId: string) {
    if (this.#activity.get(destinationId)?.phase === 'sending') return;
    const fade = this.#fadeTimers.get(destinationId);
    if (fade !== undefined) this.#deps.clearTimer(fade);
    this.#fadeTimers.delete(destinationId);
    this.#activity.delete(destinationId);
  }

  #fadeLater(destinationId: string) {
    const shown = this.#activity.get(destinationId);
    const handle = this.#deps.setTimer(() => {
      this.#fadeTimers.delete(destinationId);
      if (this.#activity.get(destinationId) === shown) {
        this.#activity.delete(destinationId);
        this.#changed(destinationId);
      }
    }, RESULT_VISIBLE_MS);
    this.#fadeTimers.set(destinationId, handle);
  }

  #clearTimer() {
    if (this.#timer !== null) this.#deps.clearTimer(this.#timer);
    this.#timer = null;
  }

  #emit(event: ArmingEvent) {
    for (const listener of [...this.#eventListeners]) listener(event);
  }

  #changed(...destinationIds: string[]) {
    for (const listener of [...this.#listeners]) listener(destinationIds);
  }
}
