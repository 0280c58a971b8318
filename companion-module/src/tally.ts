import type { BoothState } from './booth-state.js';
import type { Destination } from './wire.js';

/** The tally feedbacks a key may show; each is a boolean feedback with its own colour (see feedbacks.ts). */
export type TallyKind = 'on_air' | 'armed' | 'standby' | 'unconfirmed' | 'alarm';

/** A warm destination in standby runs on its slate: billing, not on air. */
function warmPhase(d: Destination): string | null {
  return d.warm && d.warm.mode === 'warm' && d.warm.phase !== 'OFF' ? d.warm.phase : null;
}

/**
 * Running, and the console has not read yet which input it ingests: neither on air nor standby, shown unconfirmed
 * (whatever the take mode: a channel found running by a console just started may not have its mode back yet).
 */
function inputUnread(d: Destination): boolean {
  return d.warm?.phase === 'INPUT_UNCONFIRMED' && (d.state === 'RUNNING' || d.state === 'RECOVERING');
}

/** STANDBY or ON AIR as last read, and the reads that would confirm the input fail: shown so, marked unconfirmed. */
function inputStale(d: Destination): boolean {
  const phase = d.warm?.phase;
  return (
    (phase === 'STANDBY' || phase === 'ON_AIR') &&
    (d.warm?.inputUnconfirmedSince ?? null) !== null &&
    (d.state === 'RUNNING' || d.state === 'RECOVERING')
  );
}

function onAir(d: Destination): boolean {
  if (inputUnread(d)) return false;
  const phase = warmPhase(d);
  if (phase !== null) return phase === 'ON_AIR' || phase === 'SWITCHING';
  return d.state === 'RUNNING' || d.state === 'RECOVERING';
}

function inStandby(d: Destination): boolean {
  const phase = warmPhase(d);
  return phase === 'STANDBY' || phase === 'STARTING_TO_STANDBY';
}

/** Whether a destination's key shows this tally now. Unconfirmed shows beside the last confirmed state, not instead. */
export function tally(state: BoothState, destinationId: string, kind: TallyKind, now: number): boolean {
  const d = state.destinations.get(destinationId);
  if (!d) return false;
  switch (kind) {
    case 'on_air':
      return onAir(d);
    case 'armed':
      return state.armedNow(now).armed?.destinationId === destinationId;
    case 'standby':
      return inStandby(d);
    case 'unconfirmed':
      return d.unconfirmed !== null || inputUnread(d) || inputStale(d);
    case 'alarm':
      return d.alarm !== null || d.lastError?.action !== undefined;
  }
}

function clock(ms: number): string {
  const total = Math.max(0, Math.floor(ms / 1_000));
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(total / 3_600))}:${pad(Math.floor(total / 60) % 60)}:${pad(total % 60)}`;
}

const usd = (value: number) => `$${value.toFixed(2)}`;

/** The state in words for a key: the last confirmed one, marked when it is not confirmed now (with since when). */
const hhmmss = (ms: number) => new Date(ms).toISOString().slice(11, 19);

function stateWords(d: Destination): string {
  if (inputUnread(d) && !d.unconfirmed) {
    const since = d.warm?.inputUnconfirmedSince;
    return `${d.state} · INPUT?${since ? ` (${hhmmss(since)})` : ''}`;
  }
  const phase = warmPhase(d);
  const words = onAir(d)
    ? 'ON AIR'
    : phase === 'STANDBY'
      ? 'STANDBY'
      : phase === 'STARTING_TO_STANDBY'
        ? 'TO STANDBY'
        : d.state;
  if (!d.unconfirmed) {
    const since = d.warm?.inputUnconfirmedSince;
    return inputStale(d) && since ? `${words}? (${hhmmss(since)})` : words;
  }
  const since = hhmmss(d.unconfirmed.lastConfirmedAt ?? d.unconfirmed.since);
  return `${words}? (${since})`;
}

/** Variable ids: one set per destination (`<id>_state`…) and the totals. Ids keep to letters, digits and _. */
export function variableId(destinationId: string, field: string): string {
  return `${destinationId.replace(/[^a-zA-Z0-9]/g, '_')}_${field}`;
}

export const DESTINATION_FIELDS = [
  ['name', 'name'],
  ['state', 'state (last confirmed, "?" when unconfirmed)'],
  ['time_on_air', 'time on air'],
  ['bitrate', 'bitrate (Mbit/s)'],
  ['cost', 'cost this session'],
] as const;

export const TOTAL_VARIABLES = [
  ['connection', 'connection to the console'],
  ['on_air_count', 'destinations on air'],
  ['armed', 'what is armed'],
  ['armed_by', 'who armed it'],
  ['total_cost', 'cost this session, all destinations'],
  ['cost_per_hour', 'spend rate now'],
  ['backup_test', 'last backup test'],
] as const;

export type VariableValues = Record<string, string | number | undefined>;

/** Every variable's value now, from the state (the connection and backup test are the instance's to say). */
export function variableValues(state: BoothState, now: number): VariableValues {
  const values: VariableValues = {};
  const costOf = new Map((state.costs?.destinations ?? []).map((c) => [c.id, c.usd + c.idleUsd]));
  let onAirCount = 0;
  for (const d of state.destinations.values()) {
    if (onAir(d)) onAirCount += 1;
    values[variableId(d.id, 'name')] = d.name;
    values[variableId(d.id, 'state')] = stateWords(d);
    values[variableId(d.id, 'time_on_air')] = d.runningSince !== null && onAir(d) ? clock(now - d.runningSince) : '';
    values[variableId(d.id, 'bitrate')] = d.bitrateBps === null ? '' : (d.bitrateBps / 1_000_000).toFixed(1);
    values[variableId(d.id, 'cost')] = usd(costOf.get(d.id) ?? 0);
  }
  const { armed, switchArmed } = state.armedNow(now);
  values['on_air_count'] = onAirCount;
  values['armed'] = armed
    ? (state.destinations.get(armed.destinationId)?.name ?? armed.destinationId)
    : switchArmed
      ? `switch to ${switchArmed.target}`
      : '';
  values['armed_by'] = armed?.by ?? switchArmed?.by ?? '';
  values['total_cost'] = usd(state.costs?.totalUsd ?? 0);
  values['cost_per_hour'] = `${usd(state.costs?.usdPerHour ?? 0)}/h`;
  return values;
}
