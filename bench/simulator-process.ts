import { spawn } from 'node:child_process';
import path from 'node:path';

/**
 * The simulator in a process of its own (`npm run sim`), as AWS is on other machines: a request the console has
 * written is read by the simulator whatever the console does next, instead of waiting for the console's own event
 * loop (which an in-process simulator shares). Driven through its HTTP control API.
 */
interface SimulatorProcess {
  endpoint: string;
  env: Record<string, string>;
  /** When each request of this operation arrived (epoch ms, the simulator's clock). */
  arrivals(operation: string): Promise<number[]>;
  channelState(channelId: string): Promise<string | null>;
  control(method: string, route: string, body?: unknown): Promise<unknown>;
  close(): Promise<void>;
}

export async function startSimulatorProcess(): Promise<SimulatorProcess> {
  const root = path.resolve(import.meta.dirname, '..');
  const child = spawn(process.execPath, ['--import', 'tsx', 'src-main/simulator/standalone.ts'], {
    cwd: root,
    env: { ...process.env, LUNORA_SIM_PORT: '0' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const banner = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString('utf8');
      if (/x-sim-token: \S+\)/.test(out) && /Region: \S+/.test(out)) resolve(out);
    });
    child.once('exit', (code) => reject(new Error(`the simulator process ended (${code}) before it listened`)));
  });
  const endpoint = /Endpoint:\s+(\S+)/.exec(banner)?.[1] ?? '';
  const dynamo = /DynamoDB:\s+(\S+)/.exec(banner)?.[1] ?? '';
  const region = /Region:\s+(\S+)/.exec(banner)?.[1] ?? '';
  const token = /x-sim-token: (\S+)\)/.exec(banner)?.[1] ?? '';
  const control = async (method: string, route: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${endpoint}/_sim/${route}`, {
      method,
      headers: { 'x-sim-token': token, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!res.ok) throw new Error(`simulator control ${method} ${route}: HTTP ${res.status}`);
    return res.json();
  };
  return {
    endpoint,
    env: { LUNORA_SIM_ENDPOINT: endpoint, LUNORA_SIM_DYNAMO_ENDPOINT: dynamo, LUNORA_SIM_REGION: region },
    control,
    async arrivals(operation) {
      const log = (await control('GET', `requests?operation=${encodeURIComponent(operation)}`)) as { at: number }[];
      return log.map((r) => r.at);
    },
    async channelState(channelId) {
      return ((await control('GET', `channels/${channelId}`)) as { state: string | null }).state;
    },
    async close() {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
