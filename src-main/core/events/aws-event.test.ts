import { describe, expect, it } from 'vitest';
import { meaningOfStateWord, parseAwsEvent, parseChannelArn } from './aws-event';

const ARN = 'arn:aws:medialive:us-west-2:111122223333:channel:123456';
// AWS's own example ("JSON for a state change event", MediaLive User Guide), with the state under test.
const example = (state: string) =>
  JSON.stringify({
    version: '0',
    id: 'fbcbbbe3-2541-d4a3-d819-x39f522a8ce',
    'detail-type': 'MediaLive Channel State Change',
    source: 'aws.medialive',
    account: '111122223333',
    time: '2023-03-08T18:40:59Z',
    region: 'us-west-2',
    resources: ['arn:aws:medialive:us-west-2:111122223333:channel:283886'],
    detail: { channel_arn: ARN, state, message: 'Deleted channel', pipelines_running_count: 0 },
  });

describe('every state word of "MediaLive Channel State Change" is mapped deliberately', () => {
  it.each(['IDLE', 'STARTING', 'RUNNING', 'RECOVERING', 'STOPPING', 'CREATING', 'DELETING', 'UPDATING'] as const)(
    '%s (a MediaLive channel state) applies as itself',
    (word) => {
      expect(meaningOfStateWord(word)).toEqual({ apply: word });
    },
  );
  it('STOPPED (not in AWS list, seen by handlers) applies as IDLE: a stopped channel is IDLE', () => {
    expect(meaningOfStateWord('STOPPED')).toEqual({ apply: 'IDLE' });
  });
  it('CREATED (not in AWS list, seen by handlers) applies as IDLE: a new channel is IDLE', () => {
    expect(meaningOfStateWord('CREATED')).toEqual({ apply: 'IDLE' });
  });
  it('DELETED is not applied from the event: the poll says the channel is missing, with the reason', () => {
    expect(meaningOfStateWord('DELETED')).toEqual({ reconcile: 'channel deleted' });
  });
  it('a word the console has never heard of is not applied', () => {
    expect(meaningOfStateWord('LEVITATING')).toMatchObject({ reconcile: expect.stringContaining('LEVITATING') });
    expect(meaningOfStateWord('idle')).toHaveProperty('reconcile');
  });
});

describe('parseAwsEvent', () => {
  it("reads AWS's example event", () => {
    expect(parseAwsEvent(example('RUNNING'))).toEqual({
      kind: 'channel-state',
      id: 'fbcbbbe3-2541-d4a3-d819-x39f522a8ce',
      timeMs: Date.parse('2023-03-08T18:40:59Z'),
      account: '111122223333',
      region: 'us-west-2',
      channelArn: ARN,
      word: 'RUNNING',
    });
  });
  it('refuses what is not an AWS event, and names other event types without reading them', () => {
    expect(parseAwsEvent('{"version":"0","id":')).toEqual({ kind: 'malformed', reason: 'not JSON' });
    expect(parseAwsEvent('"hello"')).toMatchObject({ kind: 'malformed' });
    expect(parseAwsEvent(undefined)).toMatchObject({ kind: 'malformed' });
    expect(parseAwsEvent(example('RUNNING').replace('2023-03-08T18:40:59Z', 'yesterday'))).toMatchObject({
      kind: 'malformed',
    });
    const noState = JSON.parse(example('RUNNING')) as { detail: Record<string, unknown> };
    delete noState.detail['state'];
    expect(parseAwsEvent(JSON.stringify(noState))).toMatchObject({ kind: 'malformed' });
    expect(
      parseAwsEvent(example('RUNNING').replace('MediaLive Channel State Change', 'MediaLive Channel Alert')),
    ).toEqual({ kind: 'other', id: 'fbcbbbe3-2541-d4a3-d819-x39f522a8ce', detailType: 'MediaLive Channel Alert' });
  });
  it('parses channel ARNs and refuses anything else', () => {
    expect(parseChannelArn(ARN)).toEqual({ region: 'us-west-2', account: '111122223333', channelId: '123456' });
    expect(parseChannelArn('arn:aws:medialive:us-west-2:111122223333:input:1')).toBeNull();
    expect(parseChannelArn('nonsense')).toBeNull();
  });
});
