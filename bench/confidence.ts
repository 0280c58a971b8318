import v8 from 'node:v8';
import vm from 'node:vm';
import { checkJpeg } from '../src-main/core/confidence/jpeg-check';
import { startConfidenceRig, type ConfidenceRig } from '../src-main/core/confidence/test-support/confidence-rig';
import { testPatternJpeg } from '../src-main/simulator/thumbnails/test-pattern';
import { openConsole, tileState } from './console-session';
import { recordPictures, type PaintedPicture } from './page-timing';
import { percentile, report, sleep } from './stats';

/**
 * Confidence monitoring. As painted (wall clock, the built renderer in Chromium, production options): how old each
 * tile's picture is from the simulator's capture time (its TimeStamp) to the frame that shows it, and over time on
 * screen. On the simulator's clock (a ManualClock shared with the console's monitor, so minutes run in seconds and the
 * figures do not depend on this machine's load): the age as published to the window, the AWS calls per minute added
 * for 5 and 20 running destinations with the window visible and hidden, and the heap after an hour of pictures. And
 * what checking one picture (a jpeg-js decode) costs the main process.
 */
const OPERATIONS = ['DescribeThumbnails', 'DescribeFlowSourceThumbnail', 'GetMetricData'];
const calls = (rig: ConfidenceRig) => rig.sim.control.requests().filter((r) => OPERATIONS.includes(r.operation)).length;

async function running(count: number): Promise<ConfidenceRig> {
  const rig = await startConfidenceRig({ destinationCount: count });
  await rig.startChannels(rig.destinationIds);
  rig.monitor.start();
  return rig;
}

async function callsPerMinute(count: number, visible: boolean): Promise<number> {
  const rig = await running(count);
  try {
    rig.monitor.watch('operator', { visible, destinationIds: rig.destinationIds, source: true });
    await rig.clock.advance(30_000);
    rig.sim.control.clearRequests();
    await rig.clock.advance(120_000);
    return calls(rig) / 2;
  } finally {
    await rig.close();
  }
}

const TILE_PICTURE = '[data-testid="tile-thumbnail-image"]';

/**
 * The five destinations on air (started in the simulator; the console sees them RUNNING by its own polling), then
 * every picture painted on a tile for `seconds`: capture to paint, and the age on screen sampled every 50 ms between
 * one tile's paints (what an operator looking at the tile at a random moment sees).
 */
async function paintedAges(
  seconds: number,
): Promise<{ atPaint: number[]; onScreen: number[]; pictures: number; gaps: number[] }> {
  const session = await openConsole();
  const { page, simulator, channelOf } = session;
  try {
    const ids = simulator.topology.destinations.map((d) => d.id);
    for (const id of ids) simulator.control.startChannel(channelOf(id));
    for (const id of ids)
      await page.waitForSelector(`${tileState(id, 'RUNNING')} ${TILE_PICTURE}`, { timeout: 90_000 });
    const painted = await recordPictures(page, TILE_PICTURE, 'data-destination-id', () => sleep(seconds * 1000));
    const atPaint = painted.map((p) => p.paintedEpoch - p.capturedAt);
    const onScreen: number[] = [];
    /** Paint-to-paint intervals of one tile over 3 s: pictures the tile missed. */
    const gaps: number[] = [];
    const byTile = new Map<string, PaintedPicture[]>();
    for (const p of painted) byTile.set(p.key, [...(byTile.get(p.key) ?? []), p]);
    for (const shown of byTile.values()) {
      shown.sort((a, b) => a.paintedEpoch - b.paintedEpoch);
      for (let i = 0; i + 1 < shown.length; i++) {
        const { capturedAt, paintedEpoch } = shown[i]!;
        if (shown[i + 1]!.paintedEpoch - paintedEpoch > 3_000) gaps.push(shown[i + 1]!.paintedEpoch - paintedEpoch);
        for (let t = paintedEpoch; t < shown[i + 1]!.paintedEpoch; t += 50) onScreen.push(t - capturedAt);
      }
    }
    return { atPaint, onScreen, pictures: painted.length, gaps };
  } finally {
    await session.close();
  }
}

/** One picture's check in the main process (a full jpeg-js decode), over 200 different pictures. */
function checkCost(): number[] {
  const pictures = Array.from({ length: 200 }, (_, i) => testPatternJpeg('live', `Destination ${i}`, i * 2_000));
  for (const p of pictures.slice(0, 20)) checkJpeg(p);
  return pictures.map((p) => {
    const t0 = performance.now();
    if (!checkJpeg(p).ok) throw new Error('the simulator’s picture was refused');
    return performance.now() - t0;
  });
}

/** How old the picture published to the window is, sampled every 97 ms of simulated time over 5 minutes. */
async function thumbnailAges(): Promise<number[]> {
  const rig = await running(5);
  try {
    rig.monitor.watch('operator', { visible: true, destinationIds: rig.destinationIds, source: true });
    await rig.clock.advance(20_000);
    const ages: number[] = [];
    for (let t = 0; t < 300_000; t += 97) {
      await rig.clock.advance(97);
      for (const id of rig.destinationIds) {
        const shown = rig.shown.get(id);
        if (shown?.capturedAt) ages.push(rig.clock.now() - shown.capturedAt);
      }
    }
    return ages;
  } finally {
    await rig.close();
  }
}

/** Heap after a forced collection, after 10 minutes and after 70 minutes of pictures for 5 destinations. */
async function heapOverAnHour(): Promise<{ after10: number; after70: number }> {
  v8.setFlagsFromString('--expose_gc');
  const gc = vm.runInNewContext('gc') as () => void;
  const heap = () => {
    gc();
    return process.memoryUsage().heapUsed / 1024 / 1024;
  };
  const rig = await running(5);
  try {
    rig.monitor.watch('operator', { visible: true, destinationIds: rig.destinationIds, source: true });
    await rig.clock.advance(10 * 60_000);
    // The rig keeps every update it saw; the console does not: drop them before measuring.
    rig.updates.length = 0;
    const after10 = heap();
    for (let m = 0; m < 60; m++) {
      await rig.clock.advance(60_000);
      rig.updates.length = 0;
      rig.sim.control.clearRequests();
    }
    return { after10, after70: heap() };
  } finally {
    await rig.close();
  }
}

export async function benchConfidence(): Promise<void> {
  const painted = await paintedAges(Number(process.env['BENCH_CONFIDENCE_SECONDS'] ?? 120));
  report('thumbnail_capture_to_paint_p50', Math.round(percentile(painted.atPaint, 50)), 'ms');
  report('thumbnail_capture_to_paint_p95', Math.round(percentile(painted.atPaint, 95)), 'ms');
  report('thumbnail_age_p50', Math.round(percentile(painted.onScreen, 50)), 'ms');
  report('thumbnail_age_p95', Math.round(percentile(painted.onScreen, 95)), 'ms');
  report('thumbnail_age_max', Math.round(Math.max(...painted.onScreen)), 'ms');
  report('thumbnail_pictures_painted', painted.pictures, 'pictures');
  report(
    'thumbnail_gaps_over_3s',
    painted.gaps.length,
    `gaps (${painted.gaps.map((g) => Math.round(g)).join(', ')} ms)`,
  );
  const cost = checkCost();
  report('thumbnail_check_p50', Number(percentile(cost, 50).toFixed(1)), 'ms');
  report('thumbnail_check_p95', Number(percentile(cost, 95).toFixed(1)), 'ms');
  const ages = await thumbnailAges();
  report('thumbnail_age_published_p95', Math.round(percentile(ages, 95)), 'ms');
  for (const count of [5, 20]) {
    report(`confidence_calls_per_min_${count}_visible`, await callsPerMinute(count, true), 'calls/min');
    report(`confidence_calls_per_min_${count}_hidden`, await callsPerMinute(count, false), 'calls/min');
  }
  if (process.env['BENCH_CONFIDENCE_HOUR'] !== '0') {
    const { after10, after70 } = await heapOverAnHour();
    report('confidence_heap_after_10min', Number(after10.toFixed(1)), 'MB');
    report('confidence_heap_after_70min', Number(after70.toFixed(1)), 'MB');
  }
}
