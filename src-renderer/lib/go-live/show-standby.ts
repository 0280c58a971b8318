import type { DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';
import type { WarmOutcome } from './warm-acts';

/**
 * Sends the show's standby the operator confirmed: for each destination, its take mode set to warm when it is not
 * (the plan says warm), then its standby; one request each, each on its own (one failure stops none of the others).
 */
export async function sendShowStandby(client: IpcClient, targets: readonly DestinationStatus[]): Promise<WarmOutcome> {
  const done: string[] = [];
  const failed: string[] = [];
  for (const d of targets) {
    if (d.warm?.mode !== 'warm') {
      const mode = await client.invoke('warm.setMode', { destinationId: d.id, mode: 'warm' });
      if (!mode.ok) {
        failed.push(`${d.name}: not set to warm (${mode.message})`);
        continue;
      }
    }
    const result = await client.invoke('warm.standby', { destinationId: d.id });
    if (!result.ok) failed.push(`${d.name}: standby failed (${result.message})`);
    else done.push(`${d.name} ${result.data.outcome === 'requested' ? 'standby requested' : 'already in standby'}`);
  }
  const line = `Show standby: ${[...done, ...failed].join(' · ') || 'nothing to start'}`;
  return failed.length > 0 ? { line, tone: 'error', error: failed.join(' ') } : { line, tone: 'info', error: null };
}
