import { existsSync } from 'node:fs';
import path from 'node:path';
import { startBoothCore } from '../app/booth-core';
import { rehearsalSimulator } from '../app/rehearsal';
import { createConsoleLogger } from '../core/logger';
import { installProcessGuard } from '../core/process-guard';
import { createFileSettingsStore, defaultWebSettingsPath } from '../core/settings-file';
import { startWebPreview } from './preview-server';

/**
 * `npm run web`: the console's main-process services in plain Node, the renderer on
 * 127.0.0.1, for machines where Electron cannot run. Simulation unless LUNORA_PROFILE is set.
 */
async function main(): Promise<void> {
  const logger = createConsoleLogger(process.env['LUNORA_LOG_LEVEL'] === 'debug' ? 'debug' : 'info');
  installProcessGuard(logger);
  const rendererDir = path.resolve('out/renderer');
  if (!existsSync(path.join(rendererDir, 'operator', 'index.html'))) {
    logger.error('web-preview: the renderer is not built; run `npm run build:renderer` (npm run web does it for you)');
    process.exit(1);
  }
  const port = Number(process.env['LUNORA_WEB_PORT'] ?? 0);
  const settingsFile = defaultWebSettingsPath();
  const core = await startBoothCore({
    settings: createFileSettingsStore(settingsFile),
    logger,
    simulator: rehearsalSimulator(process.env),
  });
  const preview = await startWebPreview({ router: core.router, logger, rendererDir, port });
  const connection = core.connection;
  const mode =
    connection.mode === 'simulation'
      ? 'SIMULATION'
      : `AWS ${connection.profile} ${connection.region ?? '(no region)'}, region ${connection.regionSource}${connection.customEndpoint ? `, custom endpoint: ${connection.endpointSources.join('; ')}` : ''}`;
  process.stdout.write(
    [
      '',
      `Lunora Booth web preview (${mode}) — loopback only, links valid for this run:`,
      connection.problem
        ? `  NOT CONNECTED: ${connection.problem.message}\n    ${connection.problem.fix}\n    The console runs; fix it in the admin window (Connection & readiness).`
        : '',
      `  Operator: ${preview.operatorUrl}`,
      `  Admin:    ${preview.adminUrl}`,
      core.simulator ? `  Simulator control API: ${core.simulator.endpoint}/_sim/state` : '',
      core.simulator ? `    (send the header x-sim-token: ${core.simulator.controlToken})` : '',
      !core.simulator && core.connection.mode === 'simulation'
        ? `  Simulator: its own process at ${process.env['LUNORA_SIM_ENDPOINT'] ?? ''} (npm run sim printed its control token)`
        : '',
      core.controlApi.listening
        ? `  Control API (Stream Deck / Companion): ${core.controlApi.address ?? ''}${core.controlApi.lan ? ' — OPEN TO THE LAN' : ''}`
        : `  Control API: not listening. ${core.controlApi.problem ?? ''}`,
      `  Settings: ${settingsFile}`,
      'Press Ctrl+C to stop.',
      '',
    ]
      .filter((line) => line !== '')
      .join('\n') + '\n',
  );
  let closing = false;
  const shutdown = async () => {
    if (closing) return;
    closing = true;
    await preview.close();
    await core.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown());
  process.on('SIGTERM', () => void shutdown());
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Lunora Booth web preview could not start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
