import { describe, expect, it } from 'vitest';
import { sampleFlowSnapshot } from './test-support/flow-snapshot';
import { feedingWord, figure, fmtMbps, inputSummary, presentGrade } from './flow-presentation';

describe('flow presentation', () => {
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
