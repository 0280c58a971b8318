import { describe, expect, it } from 'vitest';
import type { FlowSourceStatus, FlowState, HealthGrade, GradeCause } from '../../../shared/domain/flow';
import { FlowAlerts } from './flow-alerts';

const source = (role: 'main' | 'backup', grade: HealthGrade, cause: GradeCause = 'ok'): FlowSourceStatus => ({
  name: role,
  role,
  isPrimary: role === 'main',
  connected: grade === 'lost' ? false : true,
  connectedSince: null,
  ingestEndpoint: null,
  whitelistCidr: null,
  minLatencyMs: null,
  figures: {
    at: null,
    bitrateBps: null,
    packetLossPercent: null,
    jitterMs: null,
    latencyMs: null,
    countWindowMs: 1,
    notRecoveredPackets: null,
    recoveredPackets: null,
    arqRequests: null,
    disconnections: null,
  },
  grade,
  gradeCause: cause,
  gradeReason: 'because',
});
const state = (
  main: FlowSourceStatus,
  backup: FlowSourceStatus,
  status: FlowState['status'] = 'ACTIVE',
): FlowState => ({
  flowArn: 'arn',
  name: 'f',
  availabilityZone: null,
  status,
  statusSince: null,
  problem: null,
  failover: null,
  feeding: { source: null, role: null, inferred: true, reason: '', signal: '' },
  sources: [main, backup],
  metadata: null,
  metrics: { state: 'ok', message: null, lastSuccessAt: null },
  lastSwitch: null,
  lastError: null,
  polledAt: null,
  feedingSince: null,
  inputOutage: null,
  unconfirmed: null,
});

describe('FlowAlerts', () => {
  it('raises once per incident and clears when it ends', () => {
    let live = 0;
    const alerts = new FlowAlerts(
      () => live,
      () => {},
    );
    expect(alerts.observe(state(source('main', 'healthy'), source('backup', 'healthy')))).toEqual([]);
    const lost = alerts.observe(state(source('main', 'lost', 'not-connected'), source('backup', 'healthy')));
    expect(lost.map((a) => `${a.kind}:${a.state}`)).toEqual(['main-lost:raised']);
    expect(alerts.observe(state(source('main', 'lost', 'not-connected'), source('backup', 'healthy')))).toEqual([]);
    const cleared = alerts.observe(state(source('main', 'healthy'), source('backup', 'healthy')));
    expect(cleared.map((a) => `${a.kind}:${a.state}`)).toEqual(['main-lost:cleared']);
    live = 1;
    const notActive = alerts.observe(state(source('main', 'healthy'), source('backup', 'healthy'), 'STANDBY'));
    expect(notActive.map((a) => a.kind)).toEqual(['flow-not-active']);
  });

  it('warns on loss and on a backup that is not ready while main degrades', () => {
    const alerts = new FlowAlerts(
      () => 0,
      () => {},
    );
    const events = alerts.observe(
      state(source('main', 'degraded', 'packet-loss'), source('backup', 'no-data', 'no-datapoints')),
    );
    expect(events.map((a) => a.kind).sort()).toEqual(['backup-not-ready', 'packet-loss']);
    expect(alerts.raised()).toHaveLength(2);
  });
});
