import { InstanceBase, InstanceStatus, runEntrypoint, type SomeCompanionConfigField } from '@companion-module/base';
import { BoothActs, type ActOutcome } from './booth-acts.js';
import { BoothClient, type LinkStatus } from './booth-client.js';
import { BoothState } from './booth-state.js';
import { checkConfig, configFields, type BoothConfig, type BoothSecrets } from './config.js';
import { actionDefinitions, feedbackDefinitions, presetDefinitions, variableDefinitions } from './definitions.js';
import { variableValues } from './tally.js';

const STATUS: Record<LinkStatus['kind'], InstanceStatus> = {
  connecting: InstanceStatus.Connecting,
  ok: InstanceStatus.Ok,
  'connection-failure': InstanceStatus.ConnectionFailure,
  'auth-failure': InstanceStatus.AuthenticationFailure,
};

const CONNECTION_WORDS: Record<LinkStatus['kind'], string> = {
  connecting: 'CONNECTING',
  ok: 'OK',
  'connection-failure': 'NO LINK',
  'auth-failure': 'TOKEN?',
};

/**
 * A Companion connection to one Lunora Booth console. Companion runs it in its own process; the logic is in the
 * plain modules it wires together (client, state, acts, definitions), which are tested without Companion.
 */
export class LunoraBoothInstance extends InstanceBase<BoothConfig, BoothSecrets> {
  readonly #state = new BoothState();
  #client: BoothClient | null = null;
  #acts: BoothActs | null = null;
  #destinationKey = '';
  #ticker: ReturnType<typeof setInterval> | null = null;

  override async init(config: BoothConfig, _isFirstInit: boolean, secrets: BoothSecrets): Promise<void> {
    // Time on air moves every second with no event from the console.
    this.#ticker = setInterval(() => this.#refresh(), 1_000);
    await this.configUpdated(config, secrets);
  }

  override async configUpdated(config: BoothConfig, secrets: BoothSecrets): Promise<void> {
    this.#client?.stop();
    this.#client = null;
    this.#state.destinations.clear();
    this.#destinationKey = '';
    const checked = checkConfig(config, secrets);
    if (!checked.ok) {
      this.#acts = null;
      this.#define();
      this.updateStatus(InstanceStatus.BadConfig, checked.message);
      return;
    }
    const client = new BoothClient({
      baseUrl: checked.baseUrl,
      token: checked.token,
      onStatus: (status) => this.#onStatus(status),
      onFrame: (frame) => {
        if (this.#state.apply(frame)) this.#refresh();
      },
    });
    this.#client = client;
    this.#acts = new BoothActs(client, this.#state, Date.now, () => this.#refresh());
    this.#define();
    this.updateStatus(InstanceStatus.Connecting);
    client.start();
  }

  override async destroy(): Promise<void> {
    if (this.#ticker) clearInterval(this.#ticker);
    this.#client?.stop();
    this.#client = null;
  }

  override getConfigFields(): SomeCompanionConfigField[] {
    return configFields();
  }

  #onStatus(status: LinkStatus): void {
    this.updateStatus(STATUS[status.kind], 'message' in status ? status.message : null);
    this.setVariableValues({ connection: CONNECTION_WORDS[status.kind] });
  }

  /** Actions, feedbacks, variables and presets name the destinations: they are defined again when those change. */
  #define(): void {
    const acts = this.#acts;
    const context = {
      state: this.#state,
      acts:
        acts ??
        new BoothActs(
          { call: async () => ({ ok: false, code: 'bad-config', message: 'Not configured' }) },
          this.#state,
        ),
      now: Date.now,
      report: (outcome: ActOutcome) => {
        this.log(outcome.ok ? 'info' : 'warn', outcome.message);
        if (!outcome.ok) throw new Error(outcome.message);
      },
    };
    this.setActionDefinitions(actionDefinitions(context));
    this.setFeedbackDefinitions(feedbackDefinitions(context));
    this.setVariableDefinitions(variableDefinitions(this.#state));
    this.setPresetDefinitions(presetDefinitions(this.#state, this.label));
  }

  #refresh(): void {
    const key = [...this.#state.destinations.values()].map((d) => `${d.id}:${d.name}`).join(',');
    if (key !== this.#destinationKey) {
      this.#destinationKey = key;
      this.#define();
    }
    this.setVariableValues({ ...variableValues(this.#state, Date.now()), backup_test: this.#acts?.backupTest ?? '' });
    // Arms and the End all confirmation expire by the clock too: the tally is checked on the tick as well.
    this.checkFeedbacks();
  }
}

runEntrypoint(LunoraBoothInstance, []);
