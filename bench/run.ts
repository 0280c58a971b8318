import { benchChannelPolling } from './channel-polling';

/**
 * `npm run bench`: performance figures, printed as `name: value unit`, one per line.
 * Not a test: nothing here passes or fails; the README records the figures and targets.
 * BENCH_ONLY=polling,ui runs a subset.
 */
const only = new Set((process.env['BENCH_ONLY'] ?? 'polling').split(',').map((s) => s.trim()));

async function main(): Promise<void> {
  if (only.has('polling')) await benchChannelPolling();
}

main().catch((error: unknown) => {
  process.stderr.write(`bench failed: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
