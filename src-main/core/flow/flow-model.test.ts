import { describe, expect, it } from 'vitest';
import type { FailoverInfo } from '../../../shared/domain/flow';
import { inferFeeding } from './flow-model';

const failover = (mode: string): FailoverInfo => ({
  state: 'ENABLED',
  mode,
  recoveryWindowMs: 200,
  primarySource: 'main',
});
const both = [
  { name: 'main', role: 'main' as const, connected: true },
  { name: 'backup', role: 'backup' as const, connected: true },
];
const backupOnly = [
  { name: 'main', role: 'main' as const, connected: false },
  { name: 'backup', role: 'backup' as const, connected: true },
];

describe('which source feeds the flow, and which signal said so', () => {
  it('FAILOVER: inferred from SourceConnected and the primary, whatever MergeActive says', () => {
    expect(inferFeeding(failover('FAILOVER'), both, true, 1)).toEqual({
      source: 'main',
      role: 'main',
      inferred: true,
      reason: 'main is the primary source and is connected.',
      signal: 'inferred from SourceConnected and the primary source',
    });
    expect(inferFeeding(failover('FAILOVER'), backupOnly, true)).toMatchObject({ source: 'backup', inferred: true });
  });

  it('MERGE: MergeActive 1 is read, not inferred; 0 or no data falls back to the connected source, saying why', () => {
    expect(inferFeeding(failover('MERGE'), both, true, 1)).toEqual({
      source: null,
      role: null,
      inferred: false,
      reason: 'MERGE mode: every source is merged into the flow.',
      signal: 'from the MergeActive metric',
    });
    expect(inferFeeding(failover('MERGE'), backupOnly, true, 0)).toEqual({
      source: 'backup',
      role: 'backup',
      inferred: true,
      reason: 'MERGE mode: only backup is connected.',
      signal: 'inferred from SourceConnected (MergeActive metric: not every source merged)',
    });
    expect(inferFeeding(failover('MERGE'), both, true, null)).toMatchObject({
      source: null,
      inferred: true,
      signal: 'inferred from SourceConnected (no MergeActive data)',
    });
  });

  it('a stopped flow and failover off say what they were read from', () => {
    expect(inferFeeding(failover('MERGE'), both, false, 1)).toMatchObject({
      source: null,
      signal: 'from the flow status',
    });
    expect(inferFeeding(null, both, true)).toMatchObject({
      source: 'main',
      signal: 'inferred from SourceConnected (failover off)',
    });
  });
});
