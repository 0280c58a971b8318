import { describe, expect, it } from 'vitest';
import type { ConnectionInfo } from '../../shared/domain/connection';
import { SIMULATED_CONNECTION } from '../../shared/domain/test-support/connection';
import { modeBadge } from './mode-badge';

const AWS: ConnectionInfo = {
  ...SIMULATED_CONNECTION,
  mode: 'aws',
  profile: 'booth',
  region: 'eu-west-1',
  regionSource: 'from profile booth',
  customEndpoint: false,
  endpointSources: [],
};

describe('modeBadge', () => {
  it('names profile, account and region, and where the region came from', () => {
    const view = modeBadge(AWS);
    expect(view).toMatchObject({ mode: 'aws', detail: 'booth · 123456789012 · eu-west-1', customEndpoint: false });
    expect(view.title).toBe('Stack lunora-booth, region eu-west-1 (from profile booth).');
  });

  it('names the person signed in (STS GetCallerIdentity), with the role in the title', () => {
    const view = modeBadge({ ...AWS, caller: { role: 'LunoraOperator', user: 'alice@example.com' } });
    expect(view.detail).toBe('booth · alice@example.com · 123456789012 · eu-west-1');
    expect(view.title).toBe(
      'Signed in as alice@example.com as LunoraOperator in account 123456789012. Stack lunora-booth, region eu-west-1 (from profile booth).',
    );
  });

  it("shows CUSTOM ENDPOINT for a profile's endpoint_url or services section, naming the setting", () => {
    const view = modeBadge({
      ...AWS,
      customEndpoint: true,
      endpointSources: ['profile booth endpoint_url', 'services section local: dynamodb'],
    });
    expect(view.customEndpoint).toBe(true);
    expect(view.title).toContain('Custom endpoint: profile booth endpoint_url; services section local: dynamodb.');
  });

  it('says when the console is not connected, and why', () => {
    const view = modeBadge({
      ...AWS,
      status: 'failed',
      problem: { kind: 'stack', message: 'There is no stack "x" in eu-west-1 for profile booth.', fix: 'Check it.' },
    });
    expect(view.disconnected).toBe(true);
    expect(view.title).toContain('Not connected: There is no stack "x" in eu-west-1');
  });

  it('reads "no region" rather than a guessed one', () => {
    expect(modeBadge({ ...AWS, region: null, regionSource: 'none set' }).detail).toBe(
      'booth · 123456789012 · no region',
    );
  });

  it('is SIMULATION in simulation mode (its loopback endpoint is not shown as custom), and unknown before the answer', () => {
    expect(modeBadge(SIMULATED_CONNECTION)).toMatchObject({ mode: 'simulation', customEndpoint: false });
    expect(modeBadge(null)).toMatchObject({ mode: 'unknown', detail: 'CONNECTING…' });
    expect(modeBadge(null, 'no link')).toMatchObject({ mode: 'unknown', detail: 'MODE UNKNOWN', title: 'no link' });
  });
});
