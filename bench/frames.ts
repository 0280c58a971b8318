import { openConsole } from './console-session';
import { recordFrames } from './page-timing';
import { percentile, report, sleep } from './stats';

/**
 * The operator window under load: 50 destinations whose channels keep changing state for 60 s, with frame times
 * (requestAnimationFrame deltas) and long tasks measured in the page, and the renderer's main-thread busy share
 * from Chromium's own task accounting (CDP Performance.getMetrics TaskDuration over the same wall time).
 *
 * The simulator drives it, not the fake booth: the changes then take the console's real path (the channel
 * monitor's ListChannels, the delta feed over the socket, the stores, the tiles), and the fake booth has no feed
 * to push changes with. Every 200 ms a random channel is started or stopped behind the console's back; with
 * 1.5 s starts and 1 s stops and the monitor polling every 250 ms, the screen changes four times a second.
 */
export async function benchFrames(windowMs = 60_000, destinations = 50): Promise<void> {
  const session = await openConsole({
    destinations,
    simulator: { timings: { channelStartMs: 1_500, channelStopMs: 1_000 } },
    monitor: { fastIntervalMs: 250, slowIntervalMs: 250 },
  });
  const { page, simulator } = session;
  try {
    const control = simulator.control;
    const channels = simulator.topology.destinations.map((d) => d.channelId);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const taskSeconds = async () =>
      (await cdp.send('Performance.getMetrics')).metrics.find((m) => m.name === 'TaskDuration')?.value ?? 0;

    let driving = true;
    const drive = async () => {
      while (driving) {
        const channel = channels[Math.floor(Math.random() * channels.length)]!;
        const state = control.channelState(channel);
        if (state === 'IDLE') control.startChannel(channel);
        else if (state === 'RUNNING') control.stopChannel(channel);
        await sleep(200);
      }
    };
    const driver = drive();
    // Some channels on air first, so the window shows the mix it has during a show.
    await sleep(5_000);
    const busyBefore = await taskSeconds();
    const startedAt = Date.now();
    const record = await recordFrames(page, () => sleep(windowMs));
    const busy = ((await taskSeconds()) - busyBefore) / ((Date.now() - startedAt) / 1_000);
    driving = false;
    await driver;

    report(`frame_p50_${destinations}_tiles`, percentile(record.frameDeltas, 50), 'ms');
    report(`frame_p95_${destinations}_tiles`, percentile(record.frameDeltas, 95), 'ms');
    report(`frame_p99_${destinations}_tiles`, percentile(record.frameDeltas, 99), 'ms');
    report(`frames_${destinations}_tiles`, record.frameDeltas.length, 'frames');
    report(`long_tasks_${destinations}_tiles`, record.longTasks.length, 'tasks');
    report(`long_task_max_${destinations}_tiles`, Math.max(0, ...record.longTasks), 'ms');
    report(`main_thread_busy_${destinations}_tiles`, Number((busy * 100).toFixed(1)), '%');
    report(
      `tile_state_changes_per_s_${destinations}_tiles`,
      Number((record.stateChanges / (windowMs / 1_000)).toFixed(1)),
      '/s',
    );
  } finally {
    await session.close();
  }
}
