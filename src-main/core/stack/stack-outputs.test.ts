import { describe, expect, it } from 'vitest';
import { destinationKey, parseStackOutputs } from './stack-outputs';

describe('parseStackOutputs', () => {
  it('reads the flow, tables and per-destination channels from outputs', () => {
    const topology = parseStackOutputs('lunora-booth', 'CREATE_COMPLETE', [
      { OutputKey: 'FlowArn', OutputValue: 'arn:aws:mediaconnect:us-east-1:123456789012:flow:1-abc:lunora' },
      { OutputKey: 'PresetsTableName', OutputValue: 'lunora-presets' },
      { OutputKey: 'DestinationsTableName', OutputValue: 'lunora-destinations' },
      { OutputKey: 'ChannelIdYoutube', OutputValue: '1111111' },
      { OutputKey: 'ChannelArnYoutube', OutputValue: 'arn:aws:medialive:us-east-1:123456789012:channel:1111111' },
      { OutputKey: 'ChannelIdCustomTwo', OutputValue: '2222222' },
      { OutputKey: 'Unrelated' },
    ]);
    expect(topology.flowArn).toContain(':flow:');
    expect(topology.tables).toEqual({ presets: 'lunora-presets', destinations: 'lunora-destinations', sessions: null });
    expect(topology.channels.get('youtube')).toEqual({
      id: '1111111',
      arn: 'arn:aws:medialive:us-east-1:123456789012:channel:1111111',
    });
    expect(topology.channels.get(destinationKey('custom-two'))).toEqual({ id: '2222222', arn: null });
    expect(topology.channels.has('unrelated')).toBe(false);
  });

  it("reads the stack's own record per destination and ignores one that is not the expected JSON", () => {
    const record = { id: 'custom-two', platform: 'custom', name: 'Custom Two', preset_id: 'preset_generic_720p' };
    const topology = parseStackOutputs('lunora-booth', 'CREATE_COMPLETE', [
      { OutputKey: 'ChannelIdCustomTwo', OutputValue: '2222222' },
      { OutputKey: 'DestinationCustomTwo', OutputValue: JSON.stringify(record) },
      { OutputKey: 'DestinationYoutube', OutputValue: '{not json' },
      { OutputKey: 'DestinationsTableName', OutputValue: 'lunora-destinations' },
    ]);
    expect(topology.channels.get('customtwo')).toEqual({ id: '2222222', arn: null, record });
    expect(topology.channels.has('youtube')).toBe(false);
    expect(topology.channels.has('stablename')).toBe(false);
    expect(topology.tables.destinations).toBe('lunora-destinations');
  });
});
