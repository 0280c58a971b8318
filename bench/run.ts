import { availableParallelism, loadavg } from 'node:os';
import { benchChannelPolling } from './channel-polling';
import { benchFlowPolling } from './flow-polling';
import { benchKeyToRequest, benchStateToScreen } from './ui';
import { benchSourceLossToScreen } from './input-health';
import { benchPushEvents } from './push-events';
import { benchArmToPaint } from './arm-to-paint';
import { benchFrames } from './frames';
import { benchRemoteTake } from './remote-take';
import { benchConfidence } from './confidence';
import { benchWarmTake } from './warm-take';
import { report } from './stats';

/**
 * `npm run bench`: performance figures, printed as `name: value unit`, one per line.
 * Not a test: nothing here passes or fails; the README records the figures and targets.
 * BENCH_ONLY=polling,flow,keys,arm,frames,screen,input,push,remote,confidence,warm runs a subset.
 */
const only = new Set(
  (process.env['BENCH_ONLY'] ?? 'polling,flow,keys,arm,frames,screen,input,push,remote,confidence,warm')
    .split(',')
    .map((s) => s.trim()),
);

async function main(): Promise<void> {
  // Wall-clock figures on a shared machine depend on what else runs: the load they were measured under.
  report('machine_cores', availableParallelism(), 'cores');
  const load = () => report('machine_load_1min', Number(loadavg()[0]!.toFixed(2)), 'runnable processes');
  load();
  if (only.has('polling')) await benchChannelPolling();
  if (only.has('flow')) await benchFlowPolling();
  // The UI figures drive the built renderer in Chromium (npm run bench builds it first).
  if (only.has('keys')) await benchKeyToRequest();
  // The warm take beside the cold one: one input switch instead of a StartChannel.
  if (only.has('warm')) await benchWarmTake();
  if (only.has('arm')) await benchArmToPaint();
  if (only.has('frames')) await benchFrames();
  if (only.has('screen')) await benchStateToScreen();
  // Source loss in the simulator to LOST on the main card, production flow monitor options.
  if (only.has('input')) await benchSourceLossToScreen();
  if (only.has('push')) await benchPushEvents();
  if (only.has('remote')) await benchRemoteTake();
  // Thumbnails and output figures on the simulator's clock: age on screen, calls added, heap over an hour.
  if (only.has('confidence')) await benchConfidence();
  load();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
