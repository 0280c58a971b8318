import { fork, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { vi } from 'vitest';

const MODULE_DIR = path.resolve(import.meta.dirname, '..');

interface HostCall {
  name: string;
  payload: unknown;
}

type Wire =
  | { direction: 'call'; name: string; payload?: string; callbackId?: number }
  | { direction: 'response'; callbackId: number; success: boolean; payload?: string };

/** Which build of the module runs: its source (through tsx), or the package `companion-module-build` made (pkg/). */
export type ModuleBuild = 'source' | 'package';

const ENTRIES: Record<ModuleBuild, { entry: string; manifest: string; execArgv: string[] }> = {
  source: {
    entry: path.join(MODULE_DIR, 'src/main.ts'),
    manifest: path.join(MODULE_DIR, 'companion/manifest.json'),
    execArgv: ['--import', 'tsx'],
  },
  package: {
    entry: path.join(MODULE_DIR, 'pkg/main.js'),
    manifest: path.join(MODULE_DIR, 'pkg/companion/manifest.json'),
    execArgv: [],
  },
};

/**
 * Companion's side of the module's IPC, as far as a test needs it: it starts the module's entry the way Companion
 * does (MODULE_MANIFEST, CONNECTION_ID, VERIFICATION_TOKEN, an IPC channel), accepts its registration, records
 * everything it sends, and calls it (init, executeAction, updateFeedbacks).
 */
export function startModuleProcess(build: ModuleBuild = 'source') {
  const { entry, manifest, execArgv } = ENTRIES[build];
  const child: ChildProcess = fork(entry, [], {
    execArgv,
    env: {
      ...process.env,
      MODULE_MANIFEST: manifest,
      CONNECTION_ID: 'booth-test',
      VERIFICATION_TOKEN: 'verify-me',
    },
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const received: HostCall[] = [];
  const pending = new Map<number, { resolve(value: unknown): void; reject(error: Error): void }>();
  let nextId = 1;

  child.on('message', (raw) => {
    const msg = raw as Wire;
    if (msg.direction === 'response') {
      const waiting = pending.get(msg.callbackId);
      pending.delete(msg.callbackId);
      const data: unknown = msg.payload ? JSON.parse(msg.payload) : undefined;
      if (msg.success) waiting?.resolve(data);
      else waiting?.reject(new Error(JSON.stringify(data)));
      return;
    }
    received.push({ name: msg.name, payload: msg.payload ? JSON.parse(msg.payload) : undefined });
    if (msg.callbackId !== undefined) {
      if (child.connected) {
        child.send({ direction: 'response', callbackId: msg.callbackId, success: true, payload: JSON.stringify({}) });
      }
    }
  });

  function call<T>(name: string, payload: unknown): Promise<T> {
    const callbackId = nextId++;
    return new Promise<T>((resolve, reject) => {
      pending.set(callbackId, { resolve: resolve, reject });
      if (!child.connected) return reject(new Error(`the module process has ended: ${output}`));
      child.send({ direction: 'call', name, payload: JSON.stringify(payload), callbackId });
    });
  }

  const sent = (name: string) => received.filter((c) => c.name === name).map((c) => c.payload);
  const lastStatus = () =>
    (sent('set-status').at(-1) as { status: string; message: string | null } | undefined) ?? null;

  return {
    received,
    sent,
    lastStatus,
    output: () => output,
    /** Companion's init of a connection: the config, the secrets, a first start. */
    async init(config: Record<string, unknown>, secrets: Record<string, unknown>) {
      await vi.waitFor(
        () => {
          if (!received.some((c) => c.name === 'register')) throw new Error(`not registered yet: ${output}`);
        },
        { timeout: 15_000, interval: 25 },
      );
      return call('init', {
        label: 'booth',
        isFirstInit: false,
        config,
        secrets,
        lastUpgradeIndex: -1,
        feedbacks: {},
        actions: {},
      });
    },
    /** A key press: the module answers whether the action succeeded. */
    press(actionId: string, options: Record<string, unknown> = {}) {
      return call<{ success: boolean; errorMessage?: string }>('executeAction', {
        action: { id: `${actionId}-1`, controlId: 'bank:1', actionId, options, upgradeIndex: null, disabled: false },
        surfaceId: undefined,
      });
    },
    /** Puts feedbacks on keys; the module sends their values in updateFeedbackValues. */
    showFeedbacks(feedbacks: { id: string; feedbackId: string; options: Record<string, unknown> }[]) {
      const all = Object.fromEntries(
        feedbacks.map((f) => [
          f.id,
          { ...f, controlId: `bank:${f.id}`, isInverted: false, upgradeIndex: null, disabled: false },
        ]),
      );
      return call('updateFeedbacks', { feedbacks: all });
    },
    /** The latest value the module sent for a feedback instance. */
    feedbackValue(id: string): unknown {
      for (const payload of sent('updateFeedbackValues').reverse()) {
        const found = (payload as { values: { id: string; value: unknown }[] }).values.find((v) => v.id === id);
        if (found) return found.value;
      }
      return undefined;
    },
    /** Companion's destroy, then the process ends (Companion's host ends it too if it lingers). */
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      if (child.connected) {
        const grace = new Promise((resolve) => setTimeout(resolve, 2_000).unref());
        await Promise.race([call('destroy', {}).catch(() => {}), exited, grace]);
      }
      child.kill();
      await exited;
    },
  };
}
