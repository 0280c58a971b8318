import { describe, expect, it } from 'vitest';
import { meaningOfStateWord, parseAwsEvent, parseChannelArn, parseFlowArn } from './aws-event';

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
      parseAwsEvent(example('RUNNING').replace('MediaLive Channel State Change', 'MediaLive Multiplex Alert')),
    ).toEqual({ kind: 'other', id: 'fbcbbbe3-2541-d4a3-d819-x39f522a8ce', detailType: 'MediaLive Multiplex Alert' });
  });
  it("reads AWS's example alert event (SET or CLEARED, its alarm id and type)", () => {
    // "JSON for an alert event", MediaLive User Guide.
    const alert = {
      version: '0',
      id: '154769fb-9f7c-32a1-6822-26fppppe5a58',
      'detail-type': 'MediaLive Channel Alert',
      source: 'aws.medialive',
      account: '111122223333',
      time: '2023-03-08T18:14:25Z',
      region: 'us-west-2',
      resources: [ARN],
      detail: {
        alarm_state: 'CLEARED',
        alarm_id: '7ad616bd389832yue90aab1324bffab5b834a',
        alert_type: 'Failed to Create Output File or Socket',
        pipeline: '0',
        channel_arn: ARN,
        message: 'MPEGTS muxer for mediaID [1] unable to open output or stream [https://<path>].',
      },
    };
    expect(parseAwsEvent(JSON.stringify(alert))).toEqual({
      kind: 'channel-alert',
      id: alert.id,
      timeMs: Date.parse(alert.time),
      account: '111122223333',
      region: 'us-west-2',
      channelArn: ARN,
      alarmState: 'CLEARED',
      alarmId: '7ad616bd389832yue90aab1324bffab5b834a',
      alertType: 'Failed to Create Output File or Socket',
      message: alert.detail.message,
      pipeline: '0',
    });
    const { alarm_id: _dropped, ...noId } = alert.detail;
    expect(parseAwsEvent(JSON.stringify({ ...alert, detail: noId }))).toMatchObject({ kind: 'malformed' });
  });
  it.each([
    ['MediaConnect Flow Status Change', { currentStatus: 'STARTING', previousStatus: 'STANDBY' }],
    ['MediaConnect Source Health', { unhealthy: true, current: { source_state: 'DISCONNECTED' } }],
    ['MediaConnect Flow Health', { unhealthy: true, current: { failover_switch: true, source_state: 'CONNECTED' } }],
    ['MediaConnect Alert', { errored: true, 'error-code': 'AccessDeniedException', 'error-message': 'x' }],
  ])('reads "%s" as a flow event naming its flow', (detailType, detail) => {
    // The MediaConnect User Guide's examples, "Monitoring with EventBridge" pages.
    const flowArn = 'arn:aws:mediaconnect:us-east-1:111122223333:flow:1-23aBC45dEF67hiJ8-12AbC34DE5fG:AwardsShow';
    const event = {
      version: '0',
      id: '01234567-0123-0123-0123-0123456789ab',
      'detail-type': detailType,
      source: 'aws.mediaconnect',
      account: '111122223333',
      time: '2022-01-06T00:45:47Z',
      region: 'us-east-1',
      resources: [flowArn, 'arn:aws:mediaconnect:us-east-1:111122223333:source:1-x:Main'],
      detail,
    };
    expect(parseAwsEvent(JSON.stringify(event))).toEqual({
      kind: 'flow',
      id: event.id,
      timeMs: Date.parse(event.time),
      account: '111122223333',
      region: 'us-east-1',
      flowArn,
      detailType,
    });
    expect(parseAwsEvent(JSON.stringify({ ...event, resources: [] }))).toMatchObject({ kind: 'malformed' });
    expect(parseFlowArn(flowArn)).toEqual({ region: 'us-east-1', account: '111122223333' });
  });
  it("reads the CloudWatch User Guide's single-metric alarm state change; refuses one without alarmName or state", () => {
    const event = {
      version: '0',
      id: 'c4c1c1c9-6542-e61b-6ef0-8c4d36933a92',
      'detail-type': 'CloudWatch Alarm State Change',
      source: 'aws.cloudwatch',
      account: '123456789012',
      time: '2019-10-02T17:04:40Z',
      region: 'us-east-1',
      resources: ['arn:aws:cloudwatch:us-east-1:123456789012:alarm:ServerCpuTooHigh'],
      detail: {
        alarmName: 'ServerCpuTooHigh',
        configuration: { description: 'Goes into alarm when server CPU utilization is too high!', metrics: [] },
        previousState: { reason: 'Threshold Crossed', timestamp: '2019-10-02T17:01:40.000+0000', value: 'OK' },
        state: { reason: 'Threshold Crossed', timestamp: '2019-10-02T17:04:40.989+0000', value: 'ALARM' },
      },
    };
    expect(parseAwsEvent(JSON.stringify(event))).toEqual({
      kind: 'source-alarm',
      id: event.id,
      timeMs: Date.parse(event.time),
      account: '123456789012',
      region: 'us-east-1',
      alarmName: 'ServerCpuTooHigh',
      alarmState: 'ALARM',
      previousAlarmState: 'OK',
    });
    const { alarmName: _dropped, ...noName } = event.detail;
    expect(parseAwsEvent(JSON.stringify({ ...event, detail: noName }))).toMatchObject({ kind: 'malformed' });
    expect(parseAwsEvent(JSON.stringify({ ...event, detail: { alarmName: 'x', state: {} } }))).toMatchObject({
      kind: 'malformed',
    });
  });
  it('parses channel ARNs and refuses anything else', () => {
    expect(parseChannelArn(ARN)).toEqual({ region: 'us-west-2', account: '111122223333', channelId: '123456' });
    expect(parseChannelArn('arn:aws:medialive:us-west-2:111122223333:input:1')).toBeNull();
    expect(parseChannelArn('nonsense')).toBeNull();
  });
});
