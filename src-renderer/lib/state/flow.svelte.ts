import type {
  BackupTestResult,
  ChartScales,
  FlowAlert,
  FlowState,
  FlowSwitchResult,
  SourceRole,
} from '../../../shared/domain/flow';
import type { IpcClient } from '../ipc';
import type { IpcResult } from '../../../shared/ipc/contract';
import { FlowFeedSync, type FlowView, type HistoryMap } from './flow-feed';

/** What the operator's last switch request came back with (the invoke's answer, besides the feed's lastSwitch). */
export type SwitchAnswer =
  | { kind: 'sending'; target: SourceRole; force: boolean }
  | { kind: 'done'; target: SourceRole; force: boolean; result: FlowSwitchResult }
  /** Main refused before calling AWS (target not connected, flow not ACTIVE...): `code` says which. */
  | { kind: 'refused'; target: SourceRole; force: boolean; code: string; message: string };

export type BackupTestAnswer =
  { kind: 'running' } | { kind: 'done'; result: BackupTestResult } | { kind: 'failed'; message: string };

/** The SRT flow as Svelte state: snapshot then deltas (FlowFeedSync), raised alerts, and the operator's two acts. */
export class FlowStore implements FlowView {
  flow = $state<FlowState | null>(null);
  history = $state.raw<HistoryMap>({});
  historyMs = $state(15 * 60_000);
  periodSec = $state(5);
  charts = $state.raw<ChartScales | null>(null);
  loaded = $state(false);
  error = $state<string | null>(null);
  alerts = $state.raw<FlowAlert[]>([]);

  switching = $state<SwitchAnswer | null>(null);
  backupTest = $state<BackupTestAnswer | null>(null);

  readonly #sync: FlowFeedSync;
  readonly #ipc: IpcClient;

  constructor(ipc: IpcClient) {
    this.#ipc = ipc;
    this.#sync = new FlowFeedSync(ipc, this);
  }

  start(): void {
    this.#sync.start();
  }

  stop(): void {
    this.#sync.stop();
  }

  /** One request per call; main is single-flight too. The answer stays in `switching` until cleared. */
  switchTo(target: SourceRole, force: boolean): Promise<SwitchAnswer> {
    return this.#switch(target, force, () => this.#ipc.invoke('flow.switchSource', { target, force }));
  }

  /**
   * The take of an armed switch (the window's switch key or a Stream Deck's arm), held in main: main sends it once,
   * whichever surface takes first, or says in words why the arm is no longer there.
   */
  takeArmedSwitch(armId: string, target: SourceRole): Promise<SwitchAnswer> {
    return this.#switch(target, false, () => this.#ipc.invoke('arming.takeSwitch', { armId }));
  }

  async #switch(
    target: SourceRole,
    force: boolean,
    send: () => Promise<IpcResult<FlowSwitchResult>>,
  ): Promise<SwitchAnswer> {
    if (this.switching?.kind === 'sending') return this.switching;
    this.switching = { kind: 'sending', target, force };
    const result = await send();
    const answer: SwitchAnswer = result.ok
      ? { kind: 'done', target, force, result: result.data }
      : { kind: 'refused', target, force, code: result.code, message: result.message };
    this.switching = answer;
    return answer;
  }

  clearSwitch(): void {
    if (this.switching?.kind !== 'sending') this.switching = null;
  }

  async testBackup(): Promise<void> {
    if (this.backupTest?.kind === 'running') return;
    this.backupTest = { kind: 'running' };
    const result = await this.#ipc.invoke('flow.testBackup', {});
    this.backupTest = result.ok ? { kind: 'done', result: result.data } : { kind: 'failed', message: result.message };
  }
}
