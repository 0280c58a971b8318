import { describe, expect, it } from 'vitest';
import { sampleFlowSnapshot } from './test-support/flow-snapshot';
import {
  describeFailover,
  feedingWord,
  figure,
  fmtMbps,
  inputSummary,
  presentGrade,
  signalWord,
} from './flow-presentation';

describe('flow presentation', () => {
  it('says which signal the feeding source came from; MERGE read from MergeActive marks both cards MERGED', () => {
    const { flow } = sampleFlowSnapshot();
    expect(signalWord(flow.feeding)).toBe('feeding: inferred');
    const merged = {
      ...flow,
      failover: { ...flow.failover!, mode: 'MERGE' },
      feeding: { source: null, role: null, inferred: false, reason: 'merged', signal: 'from the MergeActive metric' },
    };
    expect(signalWord(merged.feeding)).toBe('feeding: from metric');
    expect(feedingWord(merged, 'main')).toEqual({ label: 'MERGED', feeding: true });
    expect(feedingWord(merged, 'backup')).toEqual({ label: 'MERGED', feeding: true });
    expect(feedingWord({ ...merged, feeding: { ...merged.feeding, inferred: true } }, 'main').label).toBe(
      'NOT FEEDING',
    );
  });

  it('shows the recovery window only in MERGE mode, where it applies; FAILOVER says how it switches', () => {
    const base = { state: 'ENABLED', recoveryWindowMs: 200, primarySource: 'main' };
    expect(describeFailover({ ...base, mode: 'MERGE' })).toBe('ENABLED · mode MERGE · recovery window 200 ms');
    expect(describeFailover({ ...base, mode: 'FAILOVER' })).toBe(
      'ENABLED · mode FAILOVER · switches source after about 500 ms without data',
    );
    expect(describeFailover({ ...base, mode: 'FAILOVER' })).not.toMatch(/window/);
    expect(describeFailover({ state: null, mode: null, recoveryWindowMs: null, primarySource: null })).toBe(
      'state unknown · mode unknown',
    );
  });

  it('says every grade in words, and no data is a dash, never 0', () => {
    expect(presentGrade({ grade: 'lost' })).toEqual({ label: 'LOST', tone: 'bad' });
    expect(presentGrade({ grade: 'no-data' }).label).toBe('NO DATA');
    expect(figure(null, fmtMbps)).toBe('—');
    expect(figure(0, fmtMbps)).toBe('0');
  });

  it('names the feeding source FEEDING (not the on-air tally) and summarises the input like the sketch', () => {
    const { flow } = sampleFlowSnapshot();
    expect(feedingWord(flow, 'main')).toEqual({ label: 'FEEDING', feeding: true });
    expect(feedingWord(flow, 'backup').label).toBe('STANDBY');
    expect(inputSummary(flow)).toEqual({ text: 'MAIN healthy', tone: 'ok' });
    expect(
      inputSummary({
        ...flow,
        feeding: { ...flow.feeding, role: null, source: null },
        sources: flow.sources.map((s) => ({ ...s, grade: 'no-data' as const })),
      }).text,
    ).toBe('no data');
    expect(inputSummary({ ...flow, unconfirmed: { since: 1, reason: 'throttled' } })).toEqual({
      text: 'MAIN healthy?',
      tone: 'idle',
    });
  });

  it('says main is down while the backup carries the show', () => {
    const { flow } = sampleFlowSnapshot();
    const onBackup = {
      ...flow,
      feeding: { ...flow.feeding, role: 'backup' as const, source: 'backup' },
      sources: flow.sources.map((s) => (s.role === 'main' ? { ...s, grade: 'lost' as const } : s)),
    };
    expect(inputSummary(onBackup)).toEqual({ text: 'MAIN lost · on BACKUP', tone: 'warn' });
  });
});
