import { openConsole, tileState, type ConsoleSession } from './console-session';
import { paintedAfter } from './page-timing';
import { percentile, report, sleep } from './stats';

const operator = { role: 'operator' } as const;
const warmTile = (id: string, phase: string) =>
  `[data-testid="destination-tile"][data-destination-id="${id}"][data-warm="${phase}"]`;

/** Records the time of every Enter keydown in the page (the browser event's own timestamp, on the machine clock). */
async function recordEnterKeys(session: ConsoleSession): Promise<() => Promise<number>> {
  await session.page.evaluate(() => {
    const w = window as unknown as { __keyTimes: number[] };
    w.__keyTimes = [];
    window.addEventListener(
      'keydown',
      (e) => e.key === 'Enter' && w.__keyTimes.push(performance.timeOrigin + e.timeStamp),
      { capture: true },
    );
  });
  return () => session.page.evaluate(() => (window as unknown as { __keyTimes: number[] }).__keyTimes.at(-1)!);
}

async function invoke(session: ConsoleSession, channel: string, input: unknown): Promise<void> {
  const result = await session.core.router.invoke(channel, input, operator);
  if (!result.ok) throw new Error(`${channel}: ${result.message}`);
}

/** Arms YouTube (key 2) and waits until the tile says so. */
async function armYoutube(session: ConsoleSession): Promise<void> {
  await session.page.keyboard.press('2');
  await session.page.waitForSelector('[data-destination-id="youtube"][data-armed="start"]');
}

/**
 * Warm takes against the simulator, production warm-standby cadences (active input read every 2 s, every 100 ms while
 * a switch is on its way) and production polling:
 * - warm_take_to_request: Enter (the take) to the BatchUpdateSchedule received by the simulator (switch time 20 ms, so
 *   200 takes run in minutes);
 * - warm_take_to_on_air: Enter to the tile painted ON AIR, after the simulator reports the live attachment active,
 *   with the switch time at 1 s;
 * - cold_vs_warm_take_ratio: at realistic timings (StartChannel 90 s, switch 1 s), a cold take's Enter to ON AIR
 *   painted over the warm one's (median).
 */
export async function benchWarmTake(requestTakes = 200, onAirTakes = 30): Promise<void> {
  const session = await openConsole({
    simulator: {
      slateDestinations: ['youtube'],
      timings: { channelStartMs: 300, channelStopMs: 300, inputSwitchMs: 20 },
    },
  });
  const { page, simulator } = session;
  const control = simulator.control;
  try {
    const lastEnter = await recordEnterKeys(session);
    await page.waitForSelector('[data-destination-id="youtube"] [data-testid="tile-warm"][data-act="mode"]');
    await invoke(session, 'warm.setMode', { destinationId: 'youtube', mode: 'warm' });
    await invoke(session, 'warm.standby', { destinationId: 'youtube' });
    await page.waitForSelector(warmTile('youtube', 'STANDBY'), { timeout: 30_000 });

    const schedules = () => control.requests({ operation: 'BatchUpdateSchedule' });
    const toRequest: number[] = [];
    let starts = control.requests({ operation: 'StartChannel' }).length;
    for (let i = 0; i < requestTakes; i += 1) {
      await page.waitForSelector(warmTile('youtube', 'STANDBY'), { timeout: 30_000 });
      await armYoutube(session);
      const before = schedules().length;
      await page.keyboard.press('Enter');
      while (schedules().length === before) await sleep(1);
      toRequest.push(schedules().at(-1)!.at - (await lastEnter()));
      await page.waitForSelector(warmTile('youtube', 'ON_AIR'), { timeout: 30_000 });
      await invoke(session, 'warm.backToSlate', { destinationId: 'youtube' });
    }
    // A warm take never sends a StartChannel.
    if (control.requests({ operation: 'StartChannel' }).length !== starts)
      throw new Error('a warm take sent StartChannel');
    report('warm_take_to_request_p50', percentile(toRequest, 50), 'ms');
    report('warm_take_to_request_p99', percentile(toRequest, 99), 'ms');
    report('warm_take_to_request_takes', toRequest.length, 'takes');

    control.setTimings({ inputSwitchMs: 1_000 });
    const toOnAir: number[] = [];
    for (let i = 0; i < onAirTakes; i += 1) {
      await page.waitForSelector(warmTile('youtube', 'STANDBY'), { timeout: 30_000 });
      await armYoutube(session);
      const painted = await paintedAfter(page, warmTile('youtube', 'ON_AIR'), () => page.keyboard.press('Enter'));
      toOnAir.push(painted.paintedEpoch - (await lastEnter()));
      await invoke(session, 'warm.backToSlate', { destinationId: 'youtube' });
    }
    report('warm_take_to_on_air_p50', percentile(toOnAir, 50), 'ms');
    report('warm_take_to_on_air_p95', percentile(toOnAir, 95), 'ms');
    report('warm_take_to_on_air_takes', toOnAir.length, 'takes');

    // Realistic start: one cold take of LinkedIn (key 4), Enter to ON AIR painted.
    control.setTimings({ channelStartMs: 90_000 });
    starts = control.requests({ operation: 'StartChannel' }).length;
    await page.keyboard.press('4');
    await page.waitForSelector('[data-destination-id="linkedin"][data-armed="start"]');
    const cold = await paintedAfter(
      page,
      tileState('linkedin', 'RUNNING'),
      () => page.keyboard.press('Enter'),
      180_000,
    );
    const coldMs = cold.paintedEpoch - (await lastEnter());
    report('cold_take_to_on_air_realistic', coldMs, 'ms');
    report('cold_vs_warm_take_ratio', coldMs / percentile(toOnAir, 50), 'x');
  } finally {
    await session.close();
  }
}
