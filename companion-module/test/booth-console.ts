import type { BoothCore, BoothCoreOptions } from '../../src-main/app/booth-core';

const admin = { role: 'admin' } as const;

/** What the module tests need of a console on the simulator: its control port, tokens, and the AWS request log. */
export const FAST_CONSOLE: Partial<BoothCoreOptions> = {
  simulator: { timings: { channelStartMs: 300, channelStopMs: 200 } },
  monitor: { fastIntervalMs: 50, slowIntervalMs: 200 },
  controlPort: 0,
};

export async function tokenFor(core: BoothCore, name: string, role: 'remote-operator' | 'remote-viewer') {
  const made = await core.router.invoke('remote.createToken', { name, role }, admin);
  if (!made.ok) throw new Error(made.message);
  return (made.data as { secret: string }).secret;
}

export function awsLog(core: BoothCore) {
  const sim = core.simulator!;
  const channelOf = (id: string) => sim.topology.destinations.find((d) => d.id === id)!.channelId;
  /** StartChannel and BatchUpdateSchedule of one destination's channel: the requests a take may send. */
  const goLives = (id: string) =>
    sim.control
      .requests({ service: 'medialive' })
      .filter((r) => ['StartChannel', 'BatchUpdateSchedule'].includes(r.operation))
      .filter((r) => r.params['channelId'] === channelOf(id));
  return { sim, channelOf, goLives };
}
