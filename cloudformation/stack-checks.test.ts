/**
 * What cfn-lint cannot know: the app's contract and the stack's known pitfalls. The real templates must
 * pass every check, and each check is shown to FAIL on a broken copy (mutated in memory).
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCfn, type Doc } from './cfn-yaml';
import { runAllChecks, type Finding, type Templates } from './checks';
import {
  buildAlarms,
  buildChannels,
  buildEvents,
  buildRoot,
  CFN_DIR,
  generateAll,
  HEADER,
  loadDestinations,
  staleFiles,
  type Destination,
} from './generate';

export const TEMPLATE_FILES = [
  'flow.yaml',
  'data.yaml',
  'access.yaml',
  'channels.yaml',
  'alarms.yaml',
  'events.yaml',
  'booth.yaml',
];

/** Fresh parsed copies each call, so a mutation never leaks into another test. */
function load(): Templates {
  return Object.fromEntries(TEMPLATE_FILES.map((f) => [f, parseCfn(readFileSync(join(CFN_DIR, f), 'utf8'))]));
}
const destinations: Destination[] = loadDestinations(readFileSync(join(CFN_DIR, 'destinations.yaml'), 'utf8'));

// Typed-enough access into a parsed template for mutations.

type Any = any;
const res = (t: Templates, file: string, name: string): Any => (t[file]!['Resources'] as Any)[name];
const param = (t: Templates, file: string, name: string): Any => (t[file]!['Parameters'] as Any)[name];

/** Runs every check on the broken copy; expects a finding of `check` whose message matches. */
function expectFinding(t: Templates, check: string, message: RegExp): Finding[] {
  const findings = runAllChecks(t, destinations);
  const hit = findings.filter((f) => f.check === check && message.test(f.message));
  expect(
    hit,
    `expected a "${check}" finding matching ${message}; got:\n${findings.map((f) => `${f.check}: ${f.message}`).join('\n')}`,
  ).not.toHaveLength(0);
  return findings;
}

describe('the checked-in templates', () => {
  it('pass every check', () => {
    expect(runAllChecks(load(), destinations)).toEqual([]);
  });

  it('carry every output the app reads on the root stack', () => {
    const outputs = Object.keys(load()['booth.yaml']!['Outputs'] as Doc);
    for (const key of [
      'FlowArn',
      'MainIngestEndpoint',
      'BackupIngestEndpoint',
      'PresetsTableName',
      'DestinationsTableName',
      'SessionsTableName',
      'EventQueueNames',
      'SourceAlarmNames',
    ])
      expect(outputs).toContain(key);
    for (const dest of ['Primary', 'Youtube', 'Twitch', 'Linkedin', 'Custom']) {
      expect(outputs).toContain(`ChannelId${dest}`);
      expect(outputs).toContain(`ChannelArn${dest}`);
    }
  });

  it("deliver every source alarm's state changes, and only theirs, to the seat queues", () => {
    const t = load();
    const events = t['events.yaml']!['Resources'] as Any;
    const alarmNames = Object.values(events)
      .filter((r: Any) => r.Type === 'AWS::CloudWatch::Alarm')
      .map((r: Any) => r.Properties.AlarmName);
    expect(alarmNames).toHaveLength(4);
    const pattern = events['SourceAlarmsRule'].Properties.EventPattern;
    expect(pattern).toMatchObject({ source: ['aws.cloudwatch'], 'detail-type': ['CloudWatch Alarm State Change'] });
    expect(pattern.detail.alarmName).toEqual(alarmNames);
    expect(events['SourceAlarmsRule'].Properties.Targets).toHaveLength(2);
  });

  it('are what generate.ts emits now (generate.ts --check would pass), with the do-not-edit header', () => {
    expect(staleFiles()).toEqual([]);
    for (const text of Object.values(generateAll())) expect(text.startsWith(HEADER)).toBe(true);
  });
});

describe('generate.ts --check', () => {
  it('reports a hand-edited generated file as stale', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cfn-check-'));
    try {
      cpSync(CFN_DIR, dir, { recursive: true, filter: (src) => !src.includes('node_modules') });
      writeFileSync(
        join(dir, 'channels.yaml'),
        readFileSync(join(dir, 'channels.yaml'), 'utf8').replace('Bitrate: 6000000', 'Bitrate: 5000000'),
      );
      expect(staleFiles(dir)).toEqual(['channels.yaml']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a new destination is one list entry: generated templates cover it and pass the checks', () => {
    const more: Destination[] = [
      ...destinations,
      { id: 'custom-two', platform: 'custom', name: 'Second custom', kind: 'rtmp', preset_id: 'preset_generic_720p' },
    ];
    const t = load();
    t['channels.yaml'] = buildChannels(more);
    t['alarms.yaml'] = buildAlarms(more);
    t['events.yaml'] = buildEvents(more);
    t['booth.yaml'] = buildRoot(more, t['flow.yaml']!);
    expect(runAllChecks(t, more)).toEqual([]);
    expect(Object.keys(t['booth.yaml']['Outputs'] as Doc)).toEqual(
      expect.arrayContaining(['ChannelIdCustomTwo', 'ChannelArnCustomTwo']),
    );
    expect(Object.keys(t['booth.yaml']['Parameters'] as Doc)).toEqual(
      expect.arrayContaining(['RtmpUrlCustomTwo', 'StreamKeyCustomTwo']),
    );
  });
});

describe('each check fails on a broken copy', () => {
  it('a destination in the list but not in the templates: channel, parameters and outputs are missing', () => {
    const more: Destination[] = [
      ...destinations,
      { id: 'kick', platform: 'custom', name: 'Kick', kind: 'rtmp', preset_id: 'preset_generic_720p' },
    ];
    const findings = runAllChecks(load(), more);
    expect(findings.map((f) => f.message)).toEqual(
      expect.arrayContaining([
        'output ChannelIdKick (read by the app) is missing',
        'output ChannelArnKick (read by the app) is missing',
        'output DestinationKick (read by the app) is missing',
        'destination kick: parameter RtmpUrlKick is missing',
        'destination kick: parameter StreamKeyKick is missing',
        'destination kick: no MediaLive channel ChannelKick',
      ]),
    );
  });

  it('app outputs: a missing FlowArn output is reported', () => {
    const t = load();
    delete (t['booth.yaml']!['Outputs'] as Any).FlowArn;
    expectFinding(t, 'app-outputs', /output FlowArn \(read by the app\) is missing/);
  });

  it('destination parameters: a stream key that is not NoEcho, or missing, is reported', () => {
    const t = load();
    param(t, 'channels.yaml', 'StreamKeyYoutube').NoEcho = false;
    delete (t['booth.yaml']!['Parameters'] as Any).StreamKeyTwitch;
    expectFinding(t, 'destination-params', /youtube: parameter StreamKeyYoutube must be NoEcho/);
    expectFinding(t, 'destination-params', /twitch: parameter StreamKeyTwitch is missing/);
  });

  it('open CIDR: 0.0.0.0/0 anywhere is reported, and the whitelist parameter pattern must refuse it', () => {
    const t = load();
    res(t, 'flow.yaml', 'Flow').Properties.Source.WhitelistCidr = '0.0.0.0/0';
    param(t, 'flow.yaml', 'BackupWhitelistCidr').AllowedPattern = '.*';
    expectFinding(t, 'open-cidr', /open CIDR "0\.0\.0\.0\/0"/);
    expectFinding(t, 'whitelist', /Flow: WhitelistCidr must be a parameter reference/);
    expectFinding(t, 'whitelist', /BackupWhitelistCidr needs an AllowedPattern that refuses/);
  });

  it('whitelist: a default address on the CIDR parameter is reported', () => {
    const t = load();
    param(t, 'booth.yaml', 'MainWhitelistCidr').Default = '203.0.113.5/32';
    expectFinding(t, 'whitelist', /MainWhitelistCidr must not have a default/);
  });

  it('MediaLive inputs: an output ARN instead of the flow ARN, or no role, is reported', () => {
    const t = load();
    const input = res(t, 'channels.yaml', 'InputYoutube');
    input.Properties.MediaConnectFlows = [{ FlowArn: { 'Fn::GetAtt': ['YouTubeChannelOutput', 'OutputArn'] } }];
    delete res(t, 'channels.yaml', 'InputTwitch').Properties.RoleArn;
    expectFinding(t, 'input-flow-arn', /InputYoutube: MediaConnectFlows\[\]\.FlowArn must be the flow ARN/);
    expectFinding(t, 'input-flow-arn', /InputTwitch: a MEDIACONNECT input needs RoleArn/);
  });

  it('RtmpPushSettings: a destination shape MediaLive does not have is reported', () => {
    const t = load();
    res(t, 'channels.yaml', 'ChannelTwitch').Properties.Destinations = [
      { Id: 'rtmp', RtmpPushSettings: { Url: 'rtmp://live.twitch.tv/app' } },
    ];
    expectFinding(t, 'rtmp-push-settings', /RtmpPushSettings does not exist/);
    expectFinding(t, 'channels', /ChannelTwitch: Destinations\[\]\.Settings\[\] must take Url from RtmpUrlTwitch/);
  });

  it('alarms: SourceHealth, PipelineState and a missing dimension are reported', () => {
    const t = load();
    res(t, 'alarms.yaml', 'FlowNoSourceAlarm').Properties.MetricName = 'SourceHealth';
    const channelAlarm = res(t, 'alarms.yaml', 'ChannelAlertsYoutubeAlarm').Properties;
    channelAlarm.MetricName = 'PipelineState';
    const lossAlarm = res(t, 'alarms.yaml', 'MainSourceLossAlarm').Properties;
    // {FlowARN, SourceARN} together is not a set MediaConnect publishes: such an alarm never has data.
    lossAlarm.Dimensions = [...lossAlarm.Dimensions, { Name: 'FlowARN', Value: { Ref: 'FlowArn' } }];
    expectFinding(t, 'alarm-metric', /FlowNoSourceAlarm: metric AWS\/MediaConnect\/SourceHealth does not exist/);
    expectFinding(t, 'alarm-metric', /ChannelAlertsYoutubeAlarm: metric AWS\/MediaLive\/PipelineState does not exist/);
    expectFinding(
      t,
      'alarm-metric',
      /MainSourceLossAlarm: AWS\/MediaConnect\/SourceNotRecoveredPackets has dimensions \{FlowARN, SourceARN\}; AWS publishes it with \{SourceARN\} or \{FlowARN\}/,
    );
  });

  it('event queues: a policy without aws:SourceArn, or a target no policy covers, is reported', () => {
    const t = load();
    const statement = (res(t, 'events.yaml', 'EventQueuesPolicy').Properties.PolicyDocument as Doc)[
      'Statement'
    ] as Doc[];
    delete statement[0]!['Condition'];
    expectFinding(t, 'event-queues', /EventQueuesPolicy: lets EventBridge send without an aws:SourceArn condition/);
    const u = load();
    (res(u, 'events.yaml', 'EventQueuesPolicy').Properties as Doc)['Queues'] = [{ Ref: 'EventQueueSeat1' }];
    expectFinding(
      u,
      'event-queues',
      /ChannelEventsRule: target EventQueueSeat2 has no queue policy letting this rule send/,
    );
  });

  it('alarm topic: the AWS managed SNS key, or a key CloudWatch may not use, is reported', () => {
    const t = load();
    res(t, 'alarms.yaml', 'AlarmTopic').Properties.KmsMasterKeyId = 'alias/aws/sns';
    expectFinding(
      t,
      'alarm-topic',
      /AlarmTopic: encrypted with alias\/aws\/sns; CloudWatch alarms cannot publish to it/,
    );
    const u = load();
    const policy = res(u, 'alarms.yaml', 'AlarmTopicKey').Properties.KeyPolicy;
    policy.Statement = policy.Statement.filter((s: Any) => s.Sid !== 'CloudWatchAlarmsPublish');
    expectFinding(
      u,
      'alarm-topic',
      /AlarmTopic: key AlarmTopicKey does not allow cloudwatch.amazonaws.com kms:Decrypt/,
    );
  });

  it('account id: a hard-coded 12-digit account is reported', () => {
    const t = load();
    res(t, 'channels.yaml', 'ChannelPrimary').Properties.RoleArn = 'arn:aws:iam::123456789012:role/MediaLiveAccessRole';
    expectFinding(t, 'account-id', /hard-coded account id in "arn:aws:iam::123456789012/);
  });

  it('SRT decryption: aes128/static-key without a role is reported', () => {
    const t = load();
    res(t, 'flow.yaml', 'Flow').Properties.Source.Decryption = { Algorithm: 'aes128', KeyType: 'static-key' };
    delete res(t, 'flow.yaml', 'BackupSource').Properties.Decryption.SecretArn;
    expectFinding(t, 'srt-decryption', /Flow: Decryption\.KeyType must be srt-password/);
    expectFinding(t, 'srt-decryption', /Flow: Decryption\.RoleArn is required/);
    expectFinding(t, 'srt-decryption', /Flow: Decryption\.Algorithm must be absent/);
    expectFinding(t, 'srt-decryption', /BackupSource: Decryption\.SecretArn is required/);
  });

  it('flow outputs: an rtp-fec FlowOutput is reported', () => {
    const t = load();
    (t['flow.yaml']!['Resources'] as Any).PrimaryChannelOutput = {
      Type: 'AWS::MediaConnect::FlowOutput',
      Properties: {
        FlowArn: { 'Fn::GetAtt': ['Flow', 'FlowArn'] },
        Name: 'primary-channel-output',
        Protocol: 'rtp-fec',
        Port: 5000,
      },
    };
    expectFinding(t, 'flow-outputs', /PrimaryChannelOutput: no FlowOutputs/);
  });

  it('failover: MERGE mode or backup as primary is reported', () => {
    const t = load();
    res(t, 'flow.yaml', 'Flow').Properties.SourceFailoverConfig.FailoverMode = 'MERGE';
    expectFinding(t, 'failover', /FailoverMode FAILOVER/);
    const t2 = load();
    res(t2, 'flow.yaml', 'Flow').Properties.SourceFailoverConfig.SourcePriority.PrimarySource = 'backup';
    expectFinding(t2, 'failover', /PrimarySource must be main/);
  });

  it('channels: no EncoderSettings, or an audio selector that is not defined, is reported', () => {
    const t = load();
    delete res(t, 'channels.yaml', 'ChannelLinkedin').Properties.EncoderSettings;
    res(t, 'channels.yaml', 'ChannelCustom').Properties.InputAttachments[0].InputSettings.AudioSelectors = [];
    expectFinding(t, 'channels', /ChannelLinkedin: EncoderSettings\.VideoDescriptions is missing/);
    expectFinding(t, 'channels', /ChannelCustom: AudioSelectorName "default" is not defined/);
  });

  it('MediaLive role: a missing Managed* action (W3037 is off for that role) is reported', () => {
    const t = load();
    const statement = res(t, 'access.yaml', 'MediaLiveRole').Properties.Policies[0].PolicyDocument.Statement[0];
    statement.Action = statement.Action.filter((a: string) => a !== 'mediaconnect:ManagedAddOutput');
    expectFinding(t, 'medialive-role', /lacks mediaconnect:ManagedAddOutput/);
  });

  it('MediaLive role: dropping the S3 actions the channels need (thumbnails, the slate file) is reported', () => {
    const t = load();
    const statements = res(t, 'access.yaml', 'MediaLiveRole').Properties.Policies[0].PolicyDocument.Statement as {
      Action: string | string[];
    }[];
    const without = (action: string) =>
      statements
        .map((st) => ({ ...st, Action: ([] as string[]).concat(st.Action).filter((a) => a !== action) }))
        .filter((st) => st.Action.length > 0);
    res(t, 'access.yaml', 'MediaLiveRole').Properties.Policies[0].PolicyDocument.Statement = without('s3:PutObject');
    expectFinding(t, 'medialive-role', /lacks s3:PutObject \(channel thumbnails need it\)/);
    res(t, 'access.yaml', 'MediaLiveRole').Properties.Policies[0].PolicyDocument.Statement = without('s3:GetObject');
    expectFinding(t, 'medialive-role', /lacks s3:GetObject \(the slate file input needs it\)/);
  });

  it('tables: provisioned billing or no point-in-time recovery is reported', () => {
    const t = load();
    res(t, 'data.yaml', 'PresetsTable').Properties.BillingMode = 'PROVISIONED';
    res(t, 'data.yaml', 'SessionsTable').Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled = false;
    expectFinding(t, 'tables', /PresetsTable: BillingMode must be PAY_PER_REQUEST/);
    expectFinding(t, 'tables', /SessionsTable: point-in-time recovery must be on/);
  });

  it('nested stacks: a parameter the child does not declare, or a required one not passed, is reported', () => {
    const t = load();
    const channels = res(t, 'booth.yaml', 'ChannelsStack').Properties.Parameters;
    channels.Bogus = 'x';
    delete channels.FlowArn;
    expectFinding(t, 'nested-params', /ChannelsStack: channels\.yaml has no parameter Bogus/);
    expectFinding(t, 'nested-params', /ChannelsStack: channels\.yaml parameter FlowArn is not passed/);
  });
});
