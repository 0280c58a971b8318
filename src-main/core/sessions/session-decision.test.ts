import { describe, expect, it } from 'vitest';
import { SESSION_STALE_AFTER_MS, sessionDecision, type StoredSession } from './session-recorder';

const NOW = Date.UTC(2026, 11, 1, 16);
const record = (updatedAgoMs: number, ended: boolean): StoredSession => ({
  session_id: 's-1',
  started_at: new Date(NOW - 3_600_000).toISOString(),
  ended_at: ended ? new Date(NOW - updatedAgoMs).toISOString() : null,
  updated_at: new Date(NOW - updatedAgoMs).toISOString(),
  runs: [],
  events: [],
  incidents: [],
  incidents_count: 0,
  legacy: false,
});

describe('which session record a console starting mid-show writes', () => {
  it('continues a record its console closed, or stopped writing (crashed)', () => {
    expect(sessionDecision(record(5_000, true), NOW)).toMatchObject({ kind: 'continue' });
    expect(sessionDecision(record(SESSION_STALE_AFTER_MS + 1, false), NOW)).toMatchObject({ kind: 'continue' });
  });

  it('runs alongside a record another console is still writing, and starts anew when there is none', () => {
    expect(sessionDecision(record(30_000, false), NOW)).toEqual({ kind: 'alongside', sessionId: 's-1' });
    expect(sessionDecision(null, NOW)).toEqual({ kind: 'new' });
  });
});
