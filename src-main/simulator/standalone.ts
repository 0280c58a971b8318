import { simulatedDestinationCount } from './destination-count';
import { startSimulator } from './index';
import { simulatedSlateDestinations } from './slate-destinations';

/**
 * `npm run sim`: the simulator as its own process, so that a console can be stopped and started again (or a second
 * one opened) against a world that keeps running. LUNORA_SIM_PORT picks its port (0 or unset: a free one).
 */
async function main(): Promise<void> {
  const port = Number(process.env['LUNORA_SIM_PORT'] ?? 0);
  // As for rehearsals in the web preview: the SRT signal has been flowing for fifteen minutes already.
  const count = simulatedDestinationCount(process.env);
  // LUNORA_SIM_SLATES=youtube,twitch: those channels also get a slate input and can run warm.
  const slates = simulatedSlateDestinations(process.env);
  const sim = await startSimulator({
    backfillHistoryMs: 15 * 60_000,
    ...(count !== null ? { destinationCount: count } : {}),
    ...(slates !== null ? { slateDestinations: slates } : {}),
    port: Number.isInteger(port) && port > 0 ? port : 0,
  });
  process.stdout.write(
    [
      '',
      'Lunora Booth AWS simulator (loopback only; its world lasts until this process stops)',
      `  Endpoint:  ${sim.endpoint}   DynamoDB: ${sim.dynamoEndpoint ?? '(none)'}   Region: ${sim.region}`,
      `  Control API: ${sim.endpoint}/_sim/state   (header x-sim-token: ${sim.controlToken})`,
      'Point a console at it (web preview or desktop app), in another terminal:',
      `  LUNORA_SIM_ENDPOINT=${sim.endpoint} LUNORA_SIM_DYNAMO_ENDPOINT=${sim.dynamoEndpoint ?? ''} LUNORA_SIM_REGION=${sim.region} npm run web`,
      'Press Ctrl+C to stop.',
      '',
    ].join('\n') + '\n',
  );
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await sim.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(`The simulator could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
