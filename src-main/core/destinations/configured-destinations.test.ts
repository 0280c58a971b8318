import { describe, expect, it } from 'vitest';
import { channelIdOf, configureDestinations } from './configured-destinations';
import { stackTopology, storedPreset } from '../test-support/fixtures';

const stack = stackTopology({ youtube: '1111111', linkedinlive: '3333333' });

const preset = storedPreset();

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
