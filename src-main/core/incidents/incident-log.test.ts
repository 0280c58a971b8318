import { describe, expect, it } from 'vitest';
import type { IncidentEntry } from '../../../shared/domain/incident';
import { SessionIncidents } from '../sessions/session-incidents';
import { incidentsToCsv } from './incident-csv';
import { IncidentLog } from './incident-log';

describe('IncidentLog', () => {
  it('keeps an outage as one entry that gains its end and duration, published both times', () => {
    let now = Date.UTC(2026, 11, 1, 10, 58, 25);
    const published: IncidentEntry[] = [];
    const log = new IncidentLog(
      (e) => published.push(e),
      () => now,
    );
    log.begin('outage', {
      kind: 'outage',
      level: 'error',
      title: 'Input outage',
      detail: 'Both SRT sources are lost.',
    });
    now += 42_000;
    const ended = log.end('outage');
    expect(ended).toMatchObject({ endedAt: now, durationMs: 42_000 });
    expect(log.end('outage')).toBeNull();
    expect(log.list()).toHaveLength(1);
    expect(published.map((e) => e.id)).toEqual([ended!.id, ended!.id]);
  });

  it('files notifications by what they are about', () => {
    const log = new IncidentLog(() => {});
    const n = { id: 'n', at: 1, level: 'error', title: 't', message: 'm', destinationId: 'youtube' } as const;
    expect(log.noteNotification({ ...n, kind: 'action' }).kind).toBe('action');
    expect(log.noteNotification({ ...n, kind: 'state' }).kind).toBe('aws');
    expect(log.noteNotification({ ...n, kind: 'alert' }).kind).toBe('alarm');
  });
});

describe('incidentsToCsv', () => {
  it('writes RFC 4180 rows oldest first, quoting commas, quotes and line breaks, and defusing formulas', () => {
    const entry = (at: number, title: string, detail: string): IncidentEntry => ({
      id: String(at),
      at,
      kind: 'failover',
      level: 'warning',
      title,
      detail,
      destinationId: null,
      endedAt: null,
      durationMs: null,
    });
    const csv = incidentsToCsv([
      entry(Date.UTC(2026, 0, 1, 0, 0, 2), 'Second', 'says "hi", then\nleaves'),
      {
        ...entry(Date.UTC(2026, 0, 1, 0, 0, 1), 'Outage', '=cmd'),
        kind: 'outage',
        endedAt: Date.UTC(2026, 0, 1, 0, 0, 43),
        durationMs: 42_000,
      },
    ]);
    expect(csv.split('\r\n')).toEqual([
      'time,kind,level,title,detail,destination,ended,duration_s',
      "2026-01-01T00:00:01.000Z,outage,warning,Outage,'=cmd,,2026-01-01T00:00:43.000Z,42",
      '2026-01-01T00:00:02.000Z,failover,warning,Second,"says ""hi"", then\nleaves",,,',
      '',
    ]);
  });
});

describe('SessionIncidents', () => {
  it('upserts by id, so the record holds the outage once with its end', () => {
    const rows = new SessionIncidents();
    const base: IncidentEntry = {
      id: 'o',
      at: 0,
      kind: 'outage',
      level: 'error',
      title: 'Input outage',
      detail: 'lost',
      destinationId: null,
      endedAt: null,
      durationMs: null,
    };
    rows.appendIncident(base);
    rows.appendIncident({ ...base, endedAt: 42_000, durationMs: 42_000 });
    expect(rows.pending().map((row) => row.item)).toEqual([
      expect.objectContaining({ title: 'Input outage', duration_s: 42, ended_at: '1970-01-01T00:00:42.000Z' }),
    ]);
    expect(rows.count()).toBe(1);
  });
});
