import type { DestinationStatus } from '../../../shared/domain/destination';
import type { IpcClient } from '../ipc';
import type { WarmAsk } from '../warm-presentation';

/** What the event line says after a warm act, and the error the dialog shows (null when it went through). */
export interface WarmOutcome {
  line: string;
  tone: 'info' | 'warn' | 'error';
  error: string | null;
}

const fail = (line: string, message: string): WarmOutcome => ({
  line: `${line}: ${message}`,
  tone: 'error',
  error: message,
});

/** Sends what the operator confirmed: one request (standby all: one per destination, in main). */
export async function sendWarmAsk(client: IpcClient, ask: WarmAsk): Promise<WarmOutcome> {
  if (ask.act === 'standby-all') {
    const result = await client.invoke('warm.standbyAll', { confirm: true });
    if (!result.ok) return fail('Standby all failed', result.message);
    const failed = result.data.results.filter((r) => !r.ok);
    const line = `Standby all: ${result.data.results.map((r) => r.message).join(' · ') || 'nothing was idle'}`;
    return failed.length > 0
      ? { line, tone: 'error', error: failed.map((r) => r.message).join(' ') }
      : { line, tone: 'info', error: null };
  }
  const { destination } = ask;
  const input = { destinationId: destination.id };
  const result =
    ask.act === 'standby'
      ? await client.invoke('warm.standby', input)
      : ask.act === 'back-to-slate'
        ? await client.invoke('warm.backToSlate', input)
        : await client.invoke('channels.stop', input);
  const what = ask.act === 'standby' ? 'standby' : ask.act === 'back-to-slate' ? 'back to slate' : 'stop';
  if (!result.ok) return fail(`${destination.name}: ${what} failed`, result.message);
  return {
    line: `${destination.name}: ${what} ${result.data.outcome === 'requested' ? 'requested' : '— already there, nothing sent'}`,
    tone: ask.act === 'stop' ? 'warn' : 'info',
    error: null,
  };
}

/** Flips the take mode (cold <-> warm) of an idle destination. */
export async function toggleTakeMode(client: IpcClient, destination: DestinationStatus): Promise<WarmOutcome> {
  const mode = destination.warm?.mode === 'warm' ? 'cold' : 'warm';
  const result = await client.invoke('warm.setMode', { destinationId: destination.id, mode });
  if (!result.ok) return fail(`${destination.name}: take mode not changed`, result.message);
  return {
    line:
      mode === 'warm'
        ? `${destination.name}: WARM — put it in standby before the show; the take then switches inputs in seconds`
        : `${destination.name}: COLD — the take starts the channel (a minute or more)`,
    tone: 'info',
    error: null,
  };
}
