import { AwsError } from '../errors';
import type { SimTimings } from '../timings';
import type { TimerHandle } from '../../core/clock';
import type { TimerRegistry } from '../timers';
import { validateChannelConfig } from './channel-validation';
import {
  fixedStartProblem,
  STANDARD_IMMEDIATE_SWITCH_DELAY_MS,
  startModeOf,
  switchInForce,
  switchTargetOf,
  type TimedSwitch,
} from './channel-schedule';
import { asArray, clone, isObject, str, type JsonObject } from './wire';

export type ChannelState =
  | 'CREATING'
  | 'CREATE_FAILED'
  | 'IDLE'
  | 'STARTING'
  | 'RUNNING'
  | 'RECOVERING'
  | 'STOPPING'
  | 'DELETING'
  | 'DELETED'
  | 'UPDATING'
  | 'UPDATE_FAILED';

interface ChannelEntry {
  wire: JsonObject;
  state: ChannelState;
  timer: TimerHandle | null;
  schedule: JsonObject[];
  paused: boolean;
  /** The last state sent as an event. */
  lastAnnounced: ChannelState;
  /** Input switches in the schedule with the time each takes effect, in creation order. */
  switches: TimedSwitch[];
  /** The switch the running channel has made (null: it ingests its first attachment). */
  activeSwitch: TimedSwitch | null;
  /** Switches still to happen on the running channel. */
  switchTimers: TimerHandle[];
}

/** What a running channel sends its destinations (simulator's view; AWS shows it only in the output). */
export type ChannelPicture = 'LIVE' | 'FILE' | 'INPUT_LOSS_SLATE' | 'INPUT_LOSS_COLOR';

export interface ChannelDeps {
  timers: TimerRegistry;
  timings: () => SimTimings;
  /** The simulator's clock (fixed-time schedule actions). */
  now: () => number;
  /** True while the flow delivers a signal to the MEDIACONNECT inputs (running, its active source connected). */
  liveSignal?: () => boolean;
  /** Told of every state a channel enters (and DELETED when it is removed), for the EventBridge events. */
  onStateChange?: (channelArn: string, state: ChannelState | 'DELETED', pipelinesRunningCount: number) => void;
}

/** Members of DescribeChannel that ListChannels' ChannelSummary does not carry. */
const NOT_IN_SUMMARY = new Set(['encoderSettings', 'pipelineDetails']);

/** MediaLive channels and inputs: the channel state machine with scaled real timers. */
export class ChannelWorld {
  private readonly channels = new Map<string, ChannelEntry>();
  private readonly inputs = new Map<string, JsonObject>();
  private readonly seeds = new Map<string, JsonObject>();

  constructor(
    seedChannels: JsonObject[],
    seedInputs: JsonObject[],
    private readonly deps: ChannelDeps,
  ) {
    for (const c of seedChannels) {
      const id = String(c['id']);
      this.seeds.set(id, clone(c));
      this.channels.set(id, this.entryFromSeed(c));
    }
    for (const i of seedInputs) this.inputs.set(String(i['id']), clone(i));
  }

  private entryFromSeed(c: JsonObject): ChannelEntry {
    return {
      wire: clone(c),
      state: (str(c['state']) as ChannelState | undefined) ?? 'IDLE',
      timer: null,
      schedule: [],
      paused: false,
      lastAnnounced: (str(c['state']) as ChannelState | undefined) ?? 'IDLE',
      switches: [],
      activeSwitch: null,
      switchTimers: [],
    };
  }

  ids(): string[] {
    return [...this.channels.keys()];
  }

  state(id: string): ChannelState | null {
    return this.channels.get(id)?.state ?? null;
  }

  paused(id: string): boolean {
    return this.channels.get(id)?.paused ?? false;
  }

  private get(id: string): ChannelEntry {
    const e = this.channels.get(id);
    if (!e) throw new AwsError('NotFoundException', 404, `Channel ${id} not found`);
    return e;
  }

  /** DescribeChannel wire body. */
  describe(id: string): JsonObject {
    return this.snapshot(this.get(id));
  }

  /** ChannelSummary list, in creation order. */
  list(): JsonObject[] {
    return [...this.channels.values()].map((e) => {
      const full = this.snapshot(e);
      for (const k of NOT_IN_SUMMARY) delete full[k];
      return full;
    });
  }

  private snapshot(e: ChannelEntry): JsonObject {
    const running = e.state === 'RUNNING';
    const out = clone(e.wire);
    out['state'] = e.state;
    out['pipelinesRunningCount'] = running || e.state === 'RECOVERING' ? 1 : 0;
    out['pipelineDetails'] =
      running || e.state === 'RECOVERING'
        ? [
            {
              pipelineId: '0',
              activeInputAttachmentName: this.activeAttachment(e),
              activeInputSwitchActionName: e.activeSwitch?.actionName ?? '',
              activeMotionGraphicsActionName: '',
              activeMotionGraphicsUri: '',
            },
          ]
        : [];
    return out;
  }

  /** PipelineDetails[].ActiveInputAttachmentName: the switch in force, else the first attachment listed. */
  private activeAttachment(e: ChannelEntry): string | undefined {
    if (e.activeSwitch) return e.activeSwitch.attachment;
    const first = asArray(e.wire['inputAttachments'])[0];
    return isObject(first) ? str(first['inputAttachmentName']) : undefined;
  }

  /** The attachment a running channel ingests now (null when it is not running). */
  activeInputAttachment(id: string): string | null {
    const e = this.channels.get(id);
    if (!e || (e.state !== 'RUNNING' && e.state !== 'RECOVERING')) return null;
    return this.activeAttachment(e) ?? null;
  }

  /**
   * What the running channel puts out. A file input plays the file; a MEDIACONNECT input without signal shows what
   * GlobalConfiguration.InputLossBehavior says: "whether to substitute a solid color or a slate into the output after
   * input loss exceeds blackFrameMsec" (InputLossBehavior, MediaLive API reference,
   * https://docs.aws.amazon.com/medialive/latest/apireference/channels-channelid.html). The active attachment stays
   * the live one: input loss behaviour changes the picture, not the input.
   */
  picture(id: string): ChannelPicture | null {
    const e = this.channels.get(id);
    const name = this.activeInputAttachment(id);
    if (!e || name === null) return null;
    const att = asArray(e.wire['inputAttachments']).find((a) => isObject(a) && a['inputAttachmentName'] === name);
    const input = isObject(att) ? this.inputs.get(String(att['inputId'])) : undefined;
    if (input?.['type'] === 'MP4_FILE' || input?.['type'] === 'TS_FILE') return 'FILE';
    if (this.deps.liveSignal?.() ?? true) return 'LIVE';
    const global = isObject(e.wire['encoderSettings']) ? e.wire['encoderSettings']['globalConfiguration'] : undefined;
    const loss = isObject(global) ? global['inputLossBehavior'] : undefined;
    return isObject(loss) && loss['inputLossImageType'] === 'SLATE' ? 'INPUT_LOSS_SLATE' : 'INPUT_LOSS_COLOR';
  }

  start(id: string): JsonObject {
    const e = this.get(id);
    if (e.state === 'CREATING') {
      throw new AwsError('BadRequestException', 400, `Channel ${id} is still being created and cannot be started`);
    }
    if (e.state !== 'IDLE') {
      throw new AwsError(
        'ConflictException',
        409,
        `Channel ${id} cannot be started: it is in state ${e.state}; only IDLE channels can be started`,
      );
    }
    this.transition(e, 'STARTING', this.deps.timings().channelStartMs, 'RUNNING');
    return this.snapshot(e);
  }

  stop(id: string): JsonObject {
    const e = this.get(id);
    if (e.state !== 'RUNNING' && e.state !== 'STARTING' && e.state !== 'RECOVERING') {
      throw new AwsError('ConflictException', 409, `Channel ${id} cannot be stopped: it is in state ${e.state}`);
    }
    e.paused = false;
    this.leaveRunning(e);
    this.transition(e, 'STOPPING', this.deps.timings().channelStopMs, 'IDLE');
    return this.snapshot(e);
  }

  /** UpdateChannel (wire body). Only IDLE channels; validates the merged configuration. */
  update(id: string, body: JsonObject): JsonObject {
    const e = this.get(id);
    if (e.state !== 'IDLE' && e.state !== 'UPDATE_FAILED') {
      throw new AwsError(
        'ConflictException',
        409,
        `Channel ${id} cannot be updated: it is in state ${e.state}; stop the channel first`,
      );
    }
    const next = clone(e.wire);
    for (const key of [
      'encoderSettings',
      'destinations',
      'inputAttachments',
      'inputSpecification',
      'logLevel',
      'name',
      'roleArn',
      'maintenance',
      'cdiInputSpecification',
    ]) {
      if (body[key] !== undefined) next[key] = clone(body[key]);
    }
    // UpdateChannelRequest.RoleArn (MediaLive API reference): "If you do not specify this on an update call but the
    // role was previously set that role will be removed."
    if (body['roleArn'] === undefined) delete next['roleArn'];
    const errors = validateChannelConfig(next['encoderSettings'], next['destinations'], next['inputAttachments']);
    for (const att of asArray(next['inputAttachments'])) {
      const inputId = isObject(att) ? str(att['inputId']) : undefined;
      if (!inputId || !this.inputs.has(inputId)) {
        errors.push({ elementPath: '/inputAttachments', errorMessage: `Input [${String(inputId)}] does not exist` });
      }
    }
    if (errors.length > 0) {
      throw new AwsError(
        'UnprocessableEntityException',
        422,
        'Failed to update channel: the channel configuration is invalid',
        { validationErrors: errors },
      );
    }
    e.wire = next;
    this.transition(e, 'UPDATING', this.deps.timings().channelUpdateMs, 'IDLE');
    return this.snapshot(e);
  }

  /**
   * BatchUpdateSchedule (wire body): Creates with PauseState / InputSwitch, Deletes by name. "You can create actions
   * when the channel is running or when it is idle" and "If you create several actions in one request and one of the
   * create requests fails ... then they all fail" (https://docs.aws.amazon.com/medialive/latest/ug/submitting-batch-command.html):
   * an immediate switch sent to an idle channel is accepted and decides the input the channel starts on.
   */
  batchUpdateSchedule(id: string, body: JsonObject): JsonObject {
    const e = this.get(id);
    const creates = asArray(isObject(body['creates']) ? body['creates']['scheduleActions'] : undefined);
    const deletes = asArray(isObject(body['deletes']) ? body['deletes']['actionNames'] : undefined);
    const errors: { elementPath: string; errorMessage: string }[] = [];
    const attachmentNames = new Set(
      asArray(e.wire['inputAttachments'])
        .map((a) => (isObject(a) ? str(a['inputAttachmentName']) : undefined))
        .filter(Boolean),
    );
    const existing = new Set(e.schedule.map((a) => str(a['actionName'])));
    creates.forEach((a, i) => {
      const base = `/creates/scheduleActions/${i}`;
      if (!isObject(a) || !str(a['actionName'])) {
        errors.push({ elementPath: `${base}/actionName`, errorMessage: 'actionName is required' });
        return;
      }
      const name = String(a['actionName']);
      if (existing.has(name))
        errors.push({
          elementPath: `${base}/actionName`,
          errorMessage: `Action name [${name}] already exists in the schedule`,
        });
      existing.add(name);
      const settings = a['scheduleActionSettings'];
      if (!isObject(settings)) {
        errors.push({
          elementPath: `${base}/scheduleActionSettings`,
          errorMessage: 'scheduleActionSettings is required',
        });
        return;
      }
      const start = startModeOf(a['scheduleActionStartSettings']);
      const startProblem =
        start.mode === 'invalid'
          ? start.reason
          : start.mode === 'fixed'
            ? fixedStartProblem(start.at, this.deps.now())
            : start.mode === 'follow' && !existing.has(start.reference)
              ? `Reference action [${start.reference}] does not exist in the schedule`
              : null;
      if (startProblem) errors.push({ elementPath: `${base}/scheduleActionStartSettings`, errorMessage: startProblem });
      const sw = settings['inputSwitchSettings'];
      if (isObject(sw)) {
        const ref = str(sw['inputAttachmentNameReference']);
        if (!ref || !attachmentNames.has(ref)) {
          errors.push({
            elementPath: `${base}/scheduleActionSettings/inputSwitchSettings/inputAttachmentNameReference`,
            errorMessage: `Input attachment [${String(ref)}] is not attached to channel ${id}`,
          });
        }
      }
      const pause = settings['pauseStateSettings'];
      if (isObject(pause)) {
        asArray(pause['pipelines']).forEach((p, pi) => {
          const pid = isObject(p) ? p['pipelineId'] : undefined;
          if (pid !== 'PIPELINE_0') {
            errors.push({
              elementPath: `${base}/scheduleActionSettings/pauseStateSettings/pipelines/${pi}/pipelineId`,
              errorMessage: `Pipeline [${String(pid)}] does not exist on a SINGLE_PIPELINE channel`,
            });
          }
        });
      }
    });
    deletes.forEach((n, i) => {
      if (typeof n !== 'string' || !e.schedule.some((a) => a['actionName'] === n)) {
        errors.push({
          elementPath: `/deletes/actionNames/${i}`,
          errorMessage: `Action [${String(n)}] does not exist in the schedule`,
        });
      }
    });
    if (errors.length > 0) {
      throw new AwsError('UnprocessableEntityException', 422, 'Failed to update schedule: invalid schedule actions', {
        validationErrors: errors,
      });
    }
    const deleted = e.schedule.filter((a) => deletes.includes(a['actionName']));
    e.schedule = e.schedule.filter((a) => !deletes.includes(a['actionName']));
    const created = creates.map((a) => clone(a as JsonObject));
    e.schedule.push(...created);
    for (const a of created) {
      const pause = (a['scheduleActionSettings'] as JsonObject)['pauseStateSettings'];
      if (isObject(pause)) e.paused = asArray(pause['pipelines']).length > 0;
    }
    e.switches = e.switches.filter((sw) => !deletes.includes(sw.actionName));
    for (const a of created) this.addSwitch(e, a);
    return { creates: { scheduleActions: clone(created) }, deletes: { scheduleActions: clone(deleted) } };
  }

  /** DescribeSchedule: the actions in the channel's schedule, in creation order (executed ones stay until deleted). */
  describeSchedule(id: string): JsonObject[] {
    return this.get(id).schedule.map((a) => clone(a));
  }

  /**
   * Records an input switch and, on a running channel, makes it: an immediate one after the switch time (plus the 10 s
   * MediaLive adds on a STANDARD channel), a fixed one at its time. Follow actions never come due here (the booth's
   * slate loops and its live input never ends).
   */
  private addSwitch(e: ChannelEntry, action: JsonObject): void {
    const attachment = switchTargetOf(action);
    if (!attachment) return;
    const start = startModeOf(action['scheduleActionStartSettings']);
    if (start.mode !== 'immediate' && start.mode !== 'fixed') return;
    const standard = e.wire['channelClass'] === 'STANDARD';
    const at =
      start.mode === 'fixed' ? start.at : this.deps.now() + (standard ? STANDARD_IMMEDIATE_SWITCH_DELAY_MS : 0);
    const sw: TimedSwitch = { actionName: String(action['actionName']), attachment, at };
    e.switches.push(sw);
    if (e.state === 'RUNNING' || e.state === 'RECOVERING') this.scheduleSwitch(e, sw);
  }

  private scheduleSwitch(e: ChannelEntry, sw: TimedSwitch): void {
    const delay = Math.max(0, sw.at - this.deps.now()) + this.deps.timings().inputSwitchMs;
    const handle = this.deps.timers.setTimeout(() => {
      e.switchTimers = e.switchTimers.filter((h) => h !== handle);
      if (e.switches.includes(sw)) e.activeSwitch = sw;
    }, delay);
    e.switchTimers.push(handle);
  }

  /** On (re)start the channel takes the switch in force, and waits for the ones still to come. */
  private enterRunning(e: ChannelEntry): void {
    const now = this.deps.now();
    e.activeSwitch = switchInForce(e.switches, now);
    for (const sw of e.switches) if (sw.at > now) this.scheduleSwitch(e, sw);
  }

  private leaveRunning(e: ChannelEntry): void {
    for (const h of e.switchTimers) this.deps.timers.clearTimeout(h);
    e.switchTimers = [];
    e.activeSwitch = null;
  }

  /** Fault injection: RUNNING -> RECOVERING, then RUNNING (recover) or IDLE. */
  fail(id: string, opts: { recover?: boolean; afterMs?: number } = {}): JsonObject {
    const e = this.get(id);
    if (e.state !== 'RUNNING') throw new Error(`channel ${id} is ${e.state}; only a RUNNING channel can fail`);
    const after = opts.afterMs ?? this.deps.timings().channelStartMs;
    this.leaveRunning(e);
    this.transition(e, 'RECOVERING', after, opts.recover === false ? 'IDLE' : 'RUNNING');
    return this.snapshot(e);
  }

  /** Removes the channel (404 thereafter, absent from ListChannels). */
  delete(id: string): void {
    const e = this.get(id);
    this.deps.timers.clearTimeout(e.timer);
    this.leaveRunning(e);
    this.channels.delete(id);
    this.deps.onStateChange?.(String(e.wire['arn']), 'DELETED', 0);
  }

  /** Puts a deleted (or any) channel back in its seeded IDLE form. */
  restore(id: string): JsonObject {
    const seed = this.seeds.get(id);
    if (!seed) throw new AwsError('NotFoundException', 404, `Channel ${id} was never seeded`);
    const old = this.channels.get(id);
    if (old) {
      this.deps.timers.clearTimeout(old.timer);
      this.leaveRunning(old);
    }
    const e = this.entryFromSeed(seed);
    this.channels.set(id, e);
    if (old?.state !== e.state) this.announce(e);
    return this.snapshot(e);
  }

  /**
   * CreateTags on a channel ARN: adds or overwrites the given keys. AWS tagging limits ("Tagging limitations",
   * AWS docs): at most 50 user tags per resource, keys up to 128 and values up to 256 characters, a key is never
   * empty; keys starting with "aws:" are reserved. An ARN that names no channel is NotFoundException (404), as
   * MediaLive's CreateTags documents among its errors.
   */
  createTags(arn: string, tags: unknown): void {
    const e = this.byArn(arn);
    if (!isObject(tags)) throw new AwsError('BadRequestException', 400, 'tags must be a map of key to value');
    const next: JsonObject = { ...(isObject(e.wire['tags']) ? e.wire['tags'] : {}) };
    for (const [key, value] of Object.entries(tags)) {
      if (typeof value !== 'string')
        throw new AwsError('BadRequestException', 400, `Tag ${key} must have a string value`);
      if (key === '' || key.length > 128 || value.length > 256 || key.toLowerCase().startsWith('aws:')) {
        throw new AwsError('BadRequestException', 400, `Tag ${key} breaks the tagging limits`);
      }
      next[key] = value;
    }
    if (Object.keys(next).length > 50) throw new AwsError('BadRequestException', 400, 'A resource has at most 50 tags');
    e.wire['tags'] = next;
  }

  /** DeleteTags: removes the named keys (keys it does not have are ignored). */
  deleteTags(arn: string, keys: string[]): void {
    const e = this.byArn(arn);
    if (keys.length === 0) throw new AwsError('BadRequestException', 400, 'tagKeys is required');
    const next: JsonObject = { ...(isObject(e.wire['tags']) ? e.wire['tags'] : {}) };
    for (const key of keys) delete next[key];
    e.wire['tags'] = next;
  }

  private byArn(arn: string): ChannelEntry {
    for (const e of this.channels.values()) if (e.wire['arn'] === arn) return e;
    throw new AwsError('NotFoundException', 404, `Resource ${arn} not found`);
  }

  describeInput(id: string): JsonObject {
    const i = this.inputs.get(id);
    if (!i) throw new AwsError('NotFoundException', 404, `Input ${id} not found`);
    const out = clone(i);
    const attached = [...this.channels.entries()]
      .filter(([, e]) => asArray(e.wire['inputAttachments']).some((a) => isObject(a) && a['inputId'] === id))
      .map(([cid]) => cid);
    out['attachedChannels'] = attached;
    out['state'] = attached.length > 0 ? 'ATTACHED' : 'DETACHED';
    return out;
  }

  listInputs(): JsonObject[] {
    return [...this.inputs.keys()].map((id) => this.describeInput(id));
  }

  private transition(e: ChannelEntry, now: ChannelState, afterMs: number, then: ChannelState): void {
    this.deps.timers.clearTimeout(e.timer);
    const before = e.state;
    e.state = now;
    if (now !== before) this.announce(e);
    e.timer = this.deps.timers.setTimeout(() => {
      e.timer = null;
      const was = e.state;
      e.state = then;
      if (then === 'RUNNING') this.enterRunning(e);
      if (then !== was) this.announce(e);
    }, afterMs);
  }

  /**
   * MediaLive turns channel states into "MediaLive Channel State Change" events, except UPDATING, which "is captured
   * on the console but not in Amazon CloudWatch events" (MediaLive User Guide, "States for channels"). The IDLE after
   * an update is then no change either.
   */
  private announce(e: ChannelEntry): void {
    if (e.state === 'UPDATING') return;
    if (e.lastAnnounced === e.state) return;
    e.lastAnnounced = e.state;
    const pipelines = e.state === 'RUNNING' || e.state === 'RECOVERING' ? 1 : 0;
    this.deps.onStateChange?.(String(e.wire['arn']), e.state, pipelines);
  }
}
