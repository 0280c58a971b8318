import { benchChannelPolling } from './channel-polling';
import { benchFlowPolling } from './flow-polling';
import { benchKeyToRequest, benchStateToScreen } from './ui';
import { benchSourceLossToScreen } from './input-health';
import { benchArmToPaint } from './arm-to-paint';
import { benchFrames } from './frames';

/**
 * `npm run bench`: performance figures, printed as `name: value unit`, one per line.
 * Not a test: nothing here passes or fails; the README records the figures and targets.
 * BENCH_ONLY=polling,flow,keys,screen,input runs a subset.
 */
const only = new Set((process.env['BENCH_ONLY'] ?? 'polling,flow,keys,screen,input').split(',').map((s) => s.trim()));

async function main(): Promise<void> {
  if (only.has('polling')) await benchChannelPolling();
  if (only.has('flow')) await benchFlowPolling();
  // The UI figures drive the built renderer in Chromium (npm run bench builds it first).
  if (only.has('keys')) await benchKeyToRequest();
  if (only.has('arm')) await benchArmToPaint();
  if (only.has('frames')) await benchFrames();
  if (only.has('screen')) await benchStateToScreen();
  // Source loss in the simulator to LOST on the main card, production flow monitor options.
  if (only.has('input')) await benchSourceLossToScreen();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
