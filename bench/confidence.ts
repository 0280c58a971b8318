import v8 from 'node:v8';
import vm from 'node:vm';
import { startConfidenceRig, type ConfidenceRig } from '../src-main/core/confidence/test-support/confidence-rig';
import { percentile, report } from './stats';

/**
 * Confidence monitoring, on the simulator's clock (a ManualClock shared with the console's monitor, so minutes run in
 * seconds and the figures do not depend on this machine's load): the age of the picture shown for a running channel,
 * the AWS calls per minute it adds for 5 and 20 running destinations with the window visible and hidden, and the
 * heap after an hour of pictures.
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

/** How old the picture on screen is, sampled every 97 ms of simulated time over 5 minutes. */
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
  const ages = await thumbnailAges();
  report('thumbnail_age_p50', Math.round(percentile(ages, 50)), 'ms');
  report('thumbnail_age_p95', Math.round(percentile(ages, 95)), 'ms');
  report('thumbnail_age_max', Math.round(Math.max(...ages)), 'ms');
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
