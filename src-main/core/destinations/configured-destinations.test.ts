import { describe, expect, it } from 'vitest';
import type { Preset } from '../../../shared/domain/preset';
import { DEFAULT_PRESETS } from '../presets/default-presets';
import type { StackTopology } from '../stack/stack-outputs';
import { channelIdOf, configureDestinations } from './configured-destinations';

const stack: StackTopology = {
  stackName: 's',
  stackStatus: 'CREATE_COMPLETE',
  flowArn: null,
  tables: { presets: 'p', destinations: 'd', sessions: null },
  ingest: { main: null, backup: null },
  channels: new Map([
    ['youtube', { id: '1111111', arn: null }],
    ['linkedinlive', { id: '3333333', arn: null }],
  ]),
};

const preset: Preset = {
  ...DEFAULT_PRESETS[0]!,
  created_at: '2026-01-01T00:00:00Z',
  updated_at: '2026-01-01T00:00:00Z',
  version: 1,
  is_active: true,
  created_by: 'seed',
};

describe('the channel a destination uses', () => {
  it("is the record's own, else the stack output's for its key, else none", () => {
    expect(channelIdOf({ id: 'youtube', medialive_channel_id: '2222222' }, stack)).toBe('2222222');
    expect(channelIdOf({ id: 'youtube' }, stack)).toBe('1111111');
    expect(channelIdOf({ id: 'LinkedIn-Live', medialive_channel_id: null }, stack)).toBe('3333333');
    expect(channelIdOf({ id: 'church' }, stack)).toBeNull();
  });
});

describe('configured destinations', () => {
  it('joins each record with its channel and its preset, and names a missing channel as a problem', () => {
    const [youtube, church] = configureDestinations(
      [
        { id: 'youtube', platform: 'youtube', name: 'YouTube', preset_id: preset.preset_id },
        { id: 'church', platform: 'custom', name: 'Church Feed', preset_id: 'preset_gone' },
      ],
      stack,
      new Map([[preset.preset_id, preset]]),
    );
    expect(youtube).toMatchObject({
      channelId: '1111111',
      bitrateBps: preset.video.bitrate + preset.audio.bitrate,
      problem: null,
    });
    expect(youtube?.presetSummary).toMatch(/^\d+p\d+ /);
    expect(youtube?.encoding).toMatchObject({ pushesToInternet: true });
    expect(church).toMatchObject({ channelId: null, presetSummary: null, bitrateBps: null, encoding: null });
    expect(church?.problem).toMatch(/No MediaLive channel is mapped to Church Feed/);
  });
});
