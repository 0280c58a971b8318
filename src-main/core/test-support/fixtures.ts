import type { Preset } from '../../../shared/domain/preset';
import { DEFAULT_PRESETS } from '../presets/default-presets';
import type { StackTopology } from '../stack/stack-outputs';

/** A discovered stack for unit tests: the tables, and a channel id per destination key (e.g. { youtube: '1234567' }). */
export function stackTopology(channels: Record<string, string>): StackTopology {
  return {
    stackName: 's',
    stackStatus: 'CREATE_COMPLETE',
    flowArn: null,
    tables: { presets: 'p', destinations: 'd', sessions: null },
    ingest: { main: null, backup: null },
    channels: new Map(Object.entries(channels).map(([key, id]) => [key, { id, arn: null }])),
  };
}

/** A default preset as the presets table holds it (version 1, active). */
export function storedPreset(index = 0): Preset {
  return {
    ...DEFAULT_PRESETS[index]!,
    created_at: '2026-01-01T00:00:00Z',
    updated_at: '2026-01-01T00:00:00Z',
    version: 1,
    is_active: true,
    created_by: 'seed',
  };
}
