/**
 * What cfn-lint cannot know about these templates: the app's contract (outputs, per-destination
 * parameters) and mistakes a first draft of this stack made. Each check returns findings
 * (empty = pass); stack-checks.test.ts runs them on the real templates and on broken copies.
 * Templates are read with cfn-yaml, so intrinsics are in long form ({ Ref }, { 'Fn::GetAtt' }).
 */
import type { Doc } from './cfn-yaml';
import { pascal, type Destination } from './generate';

export interface Finding {
  check: string;
  where: string;
  message: string;
}

/** Template files by name (without their directory): flow.yaml, data.yaml, ... */
export type Templates = Record<string, Doc>;

/** Output keys the console parses from DescribeStacks (src-main/core/stack/stack-outputs.ts). */
const APP_OUTPUTS = [
  'FlowArn',
  'MainIngestEndpoint',
  'BackupIngestEndpoint',
  'PresetsTableName',
  'DestinationsTableName',
  'SessionsTableName',
  'EventRuleName',
  'EventQueueNames',
  'SafetyStopGroupName',
  'SafetyStopRoleArn',
] as const;

/**
 * Metrics that exist, per namespace (MediaConnect source/flow metrics and MediaLive channel metrics
 * from the AWS user guides). There is no SourceHealth and no PipelineState.
 */
const REAL_METRICS: Record<string, readonly string[]> = {
  'AWS/MediaConnect': [
    'SourceBitRate',
    'SourceConnected',
    'SourceDisconnections',
    'SourceDroppedPackets',
    'SourceRecoveredPackets',
    'SourceNotRecoveredPackets',
    'SourcePacketLossPercent',
    'SourceTotalPackets',
    'SourceARQRequests',
    'SourceARQRecovered',
    'SourceJitter',
    'SourceLatency',
    'SourceUptime',
    'ConnectedOutputs',
    'OutputConnected',
    'OutputDisconnections',
    'OutputBitrate',
  ],
  'AWS/MediaLive': [
    'ActiveAlerts',
    'InputVideoFrameRate',
    'NetworkIn',
    'NetworkOut',
    'DroppedFrames',
    'FillMsec',
    'SvqTime',
    'Output4xxErrors',
    'Output5xxErrors',
    'PrimaryInputActive',
    'ActiveOutputs',
  ],
};

/**
 * The dimension sets an alarm on each namespace may use to watch this stack's resources. In CloudWatch the set is
 * part of the metric's identity: a set the service does not publish returns no data. MediaConnect publishes source
 * metrics per Source ARN and per Flow ARN, each alone
 * (https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-cloudwatch-metrics-source-health.html);
 * MediaLive channel metrics per ChannelId and Pipeline
 * (https://docs.aws.amazon.com/medialive/latest/ug/monitoring-eml-metrics.html).
 */
const VALID_DIMENSION_SETS: Record<string, ReadonlyArray<readonly string[]>> = {
  'AWS/MediaConnect': [['SourceARN'], ['FlowARN']],
  'AWS/MediaLive': [['ChannelId', 'Pipeline']],
};

/** The actions the MediaLive user guide documents for MEDIACONNECT inputs (cfn-lint's list lacks them). */
const MEDIALIVE_FLOW_ACTIONS = [
  'mediaconnect:ManagedDescribeFlow',
  'mediaconnect:ManagedAddOutput',
  'mediaconnect:ManagedRemoveOutput',
];

type Json = unknown;
const isObj = (v: Json): v is Record<string, Json> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Every node of a document with its path, depth first. */
function* walk(node: Json, path = ''): Generator<{ path: string; key: string | null; value: Json }> {
  if (Array.isArray(node)) {
    for (const [i, v] of node.entries()) {
      yield { path: `${path}[${i}]`, key: null, value: v };
      yield* walk(v, `${path}[${i}]`);
    }
  } else if (isObj(node)) {
    for (const [k, v] of Object.entries(node)) {
      yield { path: `${path}.${k}`, key: k, value: v };
      yield* walk(v, `${path}.${k}`);
    }
  }
}

function resources(doc: Doc, type?: string): Array<[string, Record<string, Json>]> {
  const all = isObj(doc['Resources']) ? Object.entries(doc['Resources']) : [];
  return all.filter(
    (entry): entry is [string, Record<string, Json>] => isObj(entry[1]) && (!type || entry[1]['Type'] === type),
  );
}
const props = (resource: Record<string, Json>): Record<string, Json> =>
  isObj(resource['Properties']) ? resource['Properties'] : {};
const params = (doc: Doc): Record<string, Json> => (isObj(doc['Parameters']) ? doc['Parameters'] : {});
const outputs = (doc: Doc): Record<string, Json> => (isObj(doc['Outputs']) ? doc['Outputs'] : {});
const refName = (v: Json): string | undefined => (isObj(v) && typeof v['Ref'] === 'string' ? v['Ref'] : undefined);

function finding(check: string, where: string, message: string): Finding {
  return { check, where, message };
}

// ---------------------------------------------------------------------------------------------
// The app's contract

/** The root (booth.yaml) carries every output the app reads, including each destination's channel. */
function checkAppOutputs(root: Doc, destinations: Destination[], where = 'booth.yaml'): Finding[] {
  const have = outputs(root);
  const wanted = [
    ...APP_OUTPUTS,
    ...destinations.flatMap((d) => [
      `ChannelId${pascal(d.id)}`,
      `ChannelArn${pascal(d.id)}`,
      `Destination${pascal(d.id)}`,
    ]),
  ];
  return wanted
    .filter((name) => !isObj(have[name]) || have[name]['Value'] === undefined)
    .map((name) => finding('app-outputs', where, `output ${name} (read by the app) is missing`));
}

/** Every RTMP destination has a NoEcho URL and stream-key parameter; every destination has a channel. */
function checkDestinationParameters(doc: Doc, destinations: Destination[], where: string): Finding[] {
  const found: Finding[] = [];
  const p = params(doc);
  for (const d of destinations.filter((x) => x.kind === 'rtmp')) {
    for (const name of [`RtmpUrl${pascal(d.id)}`, `StreamKey${pascal(d.id)}`]) {
      const param = p[name];
      if (!isObj(param))
        found.push(finding('destination-params', where, `destination ${d.id}: parameter ${name} is missing`));
      else if (param['NoEcho'] !== true && param['NoEcho'] !== 'true')
        found.push(finding('destination-params', where, `destination ${d.id}: parameter ${name} must be NoEcho`));
      else if (param['Default'] !== undefined)
        found.push(
          finding('destination-params', where, `destination ${d.id}: parameter ${name} must not have a default`),
        );
    }
  }
  return found;
}

/** The channels template: one channel per destination, RTMP settings fed by that destination's parameters. */
function checkChannels(doc: Doc, destinations: Destination[], where = 'channels.yaml'): Finding[] {
  const found: Finding[] = [];
  const channels = new Map(resources(doc, 'AWS::MediaLive::Channel'));
  for (const d of destinations) {
    const P = pascal(d.id);
    const channel = channels.get(`Channel${P}`);
    if (!channel) {
      found.push(finding('channels', where, `destination ${d.id}: no MediaLive channel Channel${P}`));
      continue;
    }
    const cp = props(channel);
    if (cp['ChannelClass'] !== 'SINGLE_PIPELINE')
      found.push(finding('channels', where, `Channel${P}: ChannelClass must be SINGLE_PIPELINE`));
    const enc = cp['EncoderSettings'];
    for (const key of ['TimecodeConfig', 'VideoDescriptions', 'AudioDescriptions', 'OutputGroups']) {
      if (!isObj(enc) || enc[key] === undefined || (Array.isArray(enc[key]) && (enc[key] as Json[]).length === 0)) {
        found.push(
          finding(
            'channels',
            where,
            `Channel${P}: EncoderSettings.${key} is missing (a channel without it produces nothing)`,
          ),
        );
      }
    }
    // Audio: every AudioSelectorName must be a selector defined on every input attachment: the channel may ingest any
    // of them (the live input, or the slate it switches to), and the audio description reads the one it ingests.
    const attachments = Array.isArray(cp['InputAttachments']) ? cp['InputAttachments'] : [];
    const selectorsOf = (att: unknown): Set<string> => {
      const sel = isObj(att) && isObj(att['InputSettings']) ? att['InputSettings']['AudioSelectors'] : undefined;
      return new Set(
        (Array.isArray(sel) ? sel : []).flatMap((s) => (isObj(s) && typeof s['Name'] === 'string' ? [s['Name']] : [])),
      );
    };
    for (const ad of isObj(enc) && Array.isArray(enc['AudioDescriptions']) ? enc['AudioDescriptions'] : []) {
      const name = isObj(ad) ? ad['AudioSelectorName'] : undefined;
      const lacking = attachments.filter((att) => typeof name !== 'string' || !selectorsOf(att).has(name));
      if (typeof name !== 'string' || attachments.length === 0 || lacking.length > 0)
        found.push(
          finding(
            'channels',
            where,
            `Channel${P}: AudioSelectorName "${String(name)}" is not defined on the input attachment` +
              (lacking.length > 0 && lacking.length < attachments.length
                ? ` ${lacking.map((a) => (isObj(a) ? String(a['InputAttachmentName']) : '?')).join(', ')}`
                : ''),
          ),
        );
    }
    // Destinations: every DestinationRefId resolves; RTMP settings use this destination's parameters.
    const dests = Array.isArray(cp['Destinations']) ? cp['Destinations'].filter(isObj) : [];
    const ids = new Set(dests.map((x) => x['Id']));
    for (const { key, value } of walk(enc)) {
      if (key === 'DestinationRefId' && !ids.has(value))
        found.push(
          finding(
            'channels',
            where,
            `Channel${P}: DestinationRefId "${String(value)}" has no matching Destinations[].Id`,
          ),
        );
    }
    if (d.kind === 'rtmp') {
      const settings = dests.flatMap((x) => (Array.isArray(x['Settings']) ? x['Settings'].filter(isObj) : []));
      const ok = settings.some(
        (s) => refName(s['Url']) === `RtmpUrl${P}` && refName(s['StreamName']) === `StreamKey${P}`,
      );
      if (!ok)
        found.push(
          finding(
            'channels',
            where,
            `Channel${P}: Destinations[].Settings[] must take Url from RtmpUrl${P} and StreamName from StreamKey${P}`,
          ),
        );
    } else if (!dests.some((x) => Array.isArray(x['MediaPackageSettings']))) {
      found.push(
        finding('channels', where, `Channel${P}: a mediapackage destination needs Destinations[].MediaPackageSettings`),
      );
    }
  }
  return found;
}

// ---------------------------------------------------------------------------------------------
// Mistakes a first draft of this stack made, each refused

/** No open ingress anywhere (0.0.0.0/0 would let the whole internet send to the SRT listener). */
function checkNoOpenCidr(doc: Doc, where: string): Finding[] {
  const found: Finding[] = [];
  for (const { path, value } of walk(doc)) {
    if (typeof value === 'string' && /(^|[^0-9])0\.0\.0\.0\/0\b|(^|[^0-9a-f:])::\/0\b/.test(value))
      found.push(finding('open-cidr', where, `${path}: open CIDR "${value}"`));
  }
  return found;
}

/** WhitelistCidr comes from a parameter without default whose pattern refuses open ranges. */
function checkWhitelistParameters(doc: Doc, where = 'flow.yaml'): Finding[] {
  const found: Finding[] = [];
  const p = params(doc);
  const sources = [
    ...resources(doc, 'AWS::MediaConnect::Flow').map(([n, r]) => [n, props(r)['Source']] as const),
    ...resources(doc, 'AWS::MediaConnect::FlowSource').map(([n, r]) => [n, props(r)] as const),
  ];
  for (const [name, source] of sources) {
    if (!isObj(source)) continue;
    const pname = refName(source['WhitelistCidr']);
    const param = pname ? p[pname] : undefined;
    if (!pname || !isObj(param)) {
      found.push(finding('whitelist', where, `${name}: WhitelistCidr must be a parameter reference`));
      continue;
    }
    if (param['Default'] !== undefined)
      found.push(
        finding(
          'whitelist',
          where,
          `${name}: parameter ${pname} must not have a default (the deployer names the encoder's address)`,
        ),
      );
    const pattern = typeof param['AllowedPattern'] === 'string' ? new RegExp(param['AllowedPattern']) : undefined;
    if (!pattern || pattern.test('0.0.0.0/0') || pattern.test('10.0.0.0/8') || !pattern.test('203.0.113.5/32')) {
      found.push(
        finding(
          'whitelist',
          where,
          `${name}: parameter ${pname} needs an AllowedPattern that refuses open/wide ranges and accepts a /32`,
        ),
      );
    }
  }
  return found;
}

/** MEDIACONNECT inputs take the FLOW ARN (never a flow output ARN) and a role. */
function checkMediaLiveInputs(doc: Doc, where: string): Finding[] {
  const found: Finding[] = [];
  const p = params(doc);
  const flowish = (v: Json): boolean => {
    const r = refName(v);
    if (r) {
      const param = p[r];
      if (isObj(param))
        return typeof param['AllowedPattern'] === 'string' && param['AllowedPattern'].includes(':flow:');
      const res = isObj(doc['Resources']) ? doc['Resources'][r] : undefined;
      return isObj(res) && res['Type'] === 'AWS::MediaConnect::Flow';
    }
    if (isObj(v) && Array.isArray(v['Fn::GetAtt'])) return v['Fn::GetAtt'][1] === 'FlowArn';
    if (typeof v === 'string') return /:mediaconnect:[^:]+:[^:]+:flow:/.test(v);
    return false;
  };
  for (const [name, input] of resources(doc, 'AWS::MediaLive::Input')) {
    const ip = props(input);
    if (ip['Type'] !== 'MEDIACONNECT') continue;
    const flows = Array.isArray(ip['MediaConnectFlows']) ? ip['MediaConnectFlows'] : [];
    if (flows.length === 0) found.push(finding('input-flow-arn', where, `${name}: MediaConnectFlows is empty`));
    for (const f of flows) {
      if (!isObj(f) || !flowish(f['FlowArn']))
        found.push(
          finding(
            'input-flow-arn',
            where,
            `${name}: MediaConnectFlows[].FlowArn must be the flow ARN, not an output ARN`,
          ),
        );
    }
    if (ip['RoleArn'] === undefined)
      found.push(finding('input-flow-arn', where, `${name}: a MEDIACONNECT input needs RoleArn`));
  }
  return found;
}

/** RtmpPushSettings does not exist in MediaLive; URL and key go in Destinations[].Settings[]. */
function checkNoRtmpPushSettings(doc: Doc, where: string): Finding[] {
  return [...walk(doc)]
    .filter(({ key }) => key === 'RtmpPushSettings')
    .map(({ path }) =>
      finding(
        'rtmp-push-settings',
        where,
        `${path}: RtmpPushSettings does not exist; use Destinations[].Settings[{Url, StreamName}]`,
      ),
    );
}

/** Alarms only on metrics that exist, with the dimensions that tie them to this stack. */
function checkAlarmMetrics(doc: Doc, where: string): Finding[] {
  const found: Finding[] = [];
  for (const [name, alarm] of resources(doc, 'AWS::CloudWatch::Alarm')) {
    const ap = props(alarm);
    const metrics: Array<{ ns: Json; metric: Json; dims: Json }> = [];
    if (ap['MetricName'] !== undefined)
      metrics.push({ ns: ap['Namespace'], metric: ap['MetricName'], dims: ap['Dimensions'] });
    for (const m of Array.isArray(ap['Metrics']) ? ap['Metrics'] : []) {
      const metric =
        isObj(m) && isObj(m['MetricStat']) && isObj(m['MetricStat']['Metric']) ? m['MetricStat']['Metric'] : undefined;
      if (metric) metrics.push({ ns: metric['Namespace'], metric: metric['MetricName'], dims: metric['Dimensions'] });
    }
    for (const { ns, metric, dims } of metrics) {
      const known = typeof ns === 'string' ? REAL_METRICS[ns] : undefined;
      if (!known || typeof metric !== 'string' || !known.includes(metric)) {
        found.push(finding('alarm-metric', where, `${name}: metric ${String(ns)}/${String(metric)} does not exist`));
        continue;
      }
      const names = (Array.isArray(dims) ? dims : [])
        .filter(isObj)
        .map((d) => String(d['Name']))
        .sort();
      const valid = VALID_DIMENSION_SETS[ns as string];
      if (valid && !valid.some((set) => [...set].sort().join(',') === names.join(','))) {
        const expected = valid.map((set) => `{${set.join(', ')}}`).join(' or ');
        found.push(
          finding(
            'alarm-metric',
            where,
            `${name}: ${String(ns)}/${String(metric)} has dimensions {${names.join(', ')}}; AWS publishes it with ${expected}`,
          ),
        );
      }
    }
  }
  return found;
}

/**
 * Topics that alarms publish to: CloudWatch cannot use the AWS managed key alias/aws/sns (its policy cannot be
 * changed), so an encrypted alarm topic needs a customer managed key whose policy lets cloudwatch.amazonaws.com
 * call kms:GenerateDataKey* and kms:Decrypt (https://docs.aws.amazon.com/sns/latest/dg/sns-key-management.html).
 */
function checkAlarmTopicEncryption(doc: Doc, where: string): Finding[] {
  const found: Finding[] = [];
  const topics = new Set<string>();
  for (const [, alarm] of resources(doc, 'AWS::CloudWatch::Alarm')) {
    const ap = props(alarm);
    const actions: Json[] = [ap['AlarmActions'], ap['OKActions']].flatMap((a): Json[] => (Array.isArray(a) ? a : []));
    for (const action of actions) {
      const target = refName(action);
      if (target) topics.add(target);
    }
  }
  const all = Object.fromEntries(resources(doc));
  for (const topic of topics) {
    const resource = all[topic];
    if (!resource || resource['Type'] !== 'AWS::SNS::Topic') continue;
    const key = props(resource)['KmsMasterKeyId'];
    if (key === undefined) continue;
    if (typeof key === 'string' && key.startsWith('alias/aws/')) {
      found.push(
        finding('alarm-topic', where, `${topic}: encrypted with ${key}; CloudWatch alarms cannot publish to it`),
      );
      continue;
    }
    const keyName =
      refName(key) ?? (isObj(key) && Array.isArray(key['Fn::GetAtt']) ? String(key['Fn::GetAtt'][0]) : '');
    const keyResource = all[keyName];
    if (!keyResource || keyResource['Type'] !== 'AWS::KMS::Key') continue; // a key from elsewhere: its policy is not here
    const statements = (() => {
      const policy = props(keyResource)['KeyPolicy'];
      const s = isObj(policy) ? policy['Statement'] : undefined;
      return Array.isArray(s) ? s.filter(isObj) : [];
    })();
    const grants = (action: string) =>
      statements.some((st) => {
        const principal = isObj(st['Principal']) ? st['Principal']['Service'] : undefined;
        const services = Array.isArray(principal) ? principal : [principal];
        const actions = Array.isArray(st['Action']) ? st['Action'] : [st['Action']];
        return st['Effect'] === 'Allow' && services.includes('cloudwatch.amazonaws.com') && actions.includes(action);
      });
    for (const action of ['kms:Decrypt', 'kms:GenerateDataKey*']) {
      if (!grants(action))
        found.push(
          finding('alarm-topic', where, `${topic}: key ${keyName} does not allow cloudwatch.amazonaws.com ${action}`),
        );
    }
  }
  return found;
}

/** No hard-coded 12-digit account id: ARNs are built from AWS::AccountId or come from parameters. */
function checkNoAccountId(doc: Doc, where: string): Finding[] {
  return [...walk(doc)]
    .filter(({ value }) => typeof value === 'string' && /(^|[^0-9])[0-9]{12}([^0-9]|$)/.test(value))
    .map(({ path, value }) => finding('account-id', where, `${path}: hard-coded account id in "${String(value)}"`));
}

/** SRT sources decrypt with the SRT passphrase: KeyType srt-password, RoleArn, SecretArn, no Algorithm. */
function checkSrtDecryption(doc: Doc, where = 'flow.yaml'): Finding[] {
  const found: Finding[] = [];
  const sources = [
    ...resources(doc, 'AWS::MediaConnect::Flow').map(([n, r]) => [n, props(r)['Source']] as const),
    ...resources(doc, 'AWS::MediaConnect::FlowSource').map(([n, r]) => [n, props(r)] as const),
  ];
  for (const [name, source] of sources) {
    if (!isObj(source) || typeof source['Protocol'] !== 'string' || !source['Protocol'].startsWith('srt')) continue;
    const dec = source['Decryption'];
    if (!isObj(dec)) {
      found.push(finding('srt-decryption', where, `${name}: SRT source without Decryption (the passphrase)`));
      continue;
    }
    if (dec['KeyType'] !== 'srt-password')
      found.push(finding('srt-decryption', where, `${name}: Decryption.KeyType must be srt-password`));
    if (dec['RoleArn'] === undefined)
      found.push(finding('srt-decryption', where, `${name}: Decryption.RoleArn is required`));
    if (dec['SecretArn'] === undefined)
      found.push(finding('srt-decryption', where, `${name}: Decryption.SecretArn is required`));
    if (dec['Algorithm'] !== undefined)
      found.push(finding('srt-decryption', where, `${name}: Decryption.Algorithm must be absent for srt-password`));
  }
  return found;
}

/** MediaLive creates its own outputs on the flow for a MEDIACONNECT input; a FlowOutput resource would be a second, unused one. */
function checkNoFlowOutputs(doc: Doc, where: string): Finding[] {
  return resources(doc, 'AWS::MediaConnect::FlowOutput').map(([name]) =>
    finding('flow-outputs', where, `${name}: no FlowOutputs - MediaLive adds its own outputs to the flow`),
  );
}

/** Two SRT listener sources (main, backup) in FAILOVER with main as primary. */
function checkFailover(doc: Doc, where = 'flow.yaml'): Finding[] {
  const found: Finding[] = [];
  const flows = resources(doc, 'AWS::MediaConnect::Flow');
  if (flows.length !== 1) return [finding('failover', where, `expected one MediaConnect flow, found ${flows.length}`)];
  const [flowName, flow] = flows[0]!;
  const fp = props(flow);
  const names = [
    isObj(fp['Source']) ? fp['Source']['Name'] : undefined,
    ...resources(doc, 'AWS::MediaConnect::FlowSource').map(([, r]) => props(r)['Name']),
  ];
  if (!names.includes('main') || !names.includes('backup'))
    found.push(
      finding('failover', where, `${flowName}: sources must be named main and backup (found ${names.join(', ')})`),
    );
  const cfg = fp['SourceFailoverConfig'];
  // No RecoveryWindow is required: it only applies to MERGE ("This setting only applies when Failover Mode is set to
  // MERGE", AWS::MediaConnect::Flow FailoverConfig,
  // https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-mediaconnect-flow-failoverconfig.html).
  if (!isObj(cfg) || cfg['State'] !== 'ENABLED' || cfg['FailoverMode'] !== 'FAILOVER') {
    found.push(
      finding('failover', where, `${flowName}: SourceFailoverConfig must be State ENABLED, FailoverMode FAILOVER`),
    );
  } else if (!isObj(cfg['SourcePriority']) || cfg['SourcePriority']['PrimarySource'] !== 'main') {
    found.push(finding('failover', where, `${flowName}: SourcePriority.PrimarySource must be main`));
  }
  return found;
}

/**
 * What the channels need of S3 through the MediaLive role: s3:PutObject when a channel has thumbnails on ("Sending
 * thumbnails to an Amazon S3 bucket when a channel is running, if a channel has input thumbnails enabled",
 * https://docs.aws.amazon.com/medialive/latest/ug/trusted-entity-requirements.html), and s3:GetObject with
 * s3:ListBucket when a channel reads an MP4 file input from S3 (the slate,
 * https://docs.aws.amazon.com/medialive/latest/ug/setup-mp4-obtain-info.html).
 */
function s3ActionsChannelsNeed(channels: Doc): { action: string; why: string }[] {
  const needs: { action: string; why: string }[] = [];
  let thumbnails = false;
  let fileInput = false;
  for (const { key, value } of walk(channels)) {
    if (key === 'ThumbnailConfiguration' && isObj(value) && value['State'] === 'AUTO') thumbnails = true;
    if (key === 'Type' && value === 'MP4_FILE') fileInput = true;
  }
  if (thumbnails) needs.push({ action: 's3:PutObject', why: 'channel thumbnails need it' });
  if (fileInput) {
    needs.push({ action: 's3:GetObject', why: 'the slate file input needs it' });
    needs.push({ action: 's3:ListBucket', why: 'the slate file input needs it' });
  }
  return needs;
}

/**
 * The MediaLive role's flow actions are exactly the documented ones (cfn-lint's W3037 is off for that role), and it
 * keeps the S3 actions the channels need.
 */
function checkMediaLiveRole(doc: Doc, channels: Doc | null = null, where = 'access.yaml'): Finding[] {
  const role = resources(doc, 'AWS::IAM::Role').find(([name]) => name === 'MediaLiveRole');
  if (!role) return [finding('medialive-role', where, 'MediaLiveRole is missing')];
  const actions = new Set<string>();
  for (const { key, value } of walk(props(role[1])['Policies'])) {
    if (key !== 'Action') continue;
    for (const a of Array.isArray(value) ? value : [value]) if (typeof a === 'string') actions.add(a);
  }
  const found: Finding[] = [];
  for (const a of MEDIALIVE_FLOW_ACTIONS)
    if (!actions.has(a))
      found.push(finding('medialive-role', where, `MediaLiveRole lacks ${a} (MEDIACONNECT inputs need it)`));
  for (const a of actions) {
    if (a.includes('*')) found.push(finding('medialive-role', where, `MediaLiveRole: wildcard action ${a}`));
    else if (a.startsWith('mediaconnect:') && !MEDIALIVE_FLOW_ACTIONS.includes(a))
      found.push(finding('medialive-role', where, `MediaLiveRole: unexpected action ${a}`));
  }
  for (const { action, why } of channels ? s3ActionsChannelsNeed(channels) : [])
    if (!actions.has(action)) found.push(finding('medialive-role', where, `MediaLiveRole lacks ${action} (${why})`));
  return found;
}

/** Tables: on-demand, point-in-time recovery, encryption, and the keys the app uses. */
function checkTables(doc: Doc, where = 'data.yaml'): Finding[] {
  const found: Finding[] = [];
  const keys = new Map<string, string>();
  for (const [name, table] of resources(doc, 'AWS::DynamoDB::Table')) {
    const tp = props(table);
    const hash = Array.isArray(tp['KeySchema'])
      ? tp['KeySchema'].filter(isObj).find((k) => k['KeyType'] === 'HASH')
      : undefined;
    keys.set(name, String(hash?.['AttributeName']));
    if (tp['BillingMode'] !== 'PAY_PER_REQUEST')
      found.push(finding('tables', where, `${name}: BillingMode must be PAY_PER_REQUEST`));
    if (
      !isObj(tp['PointInTimeRecoverySpecification']) ||
      tp['PointInTimeRecoverySpecification']['PointInTimeRecoveryEnabled'] !== true
    )
      found.push(finding('tables', where, `${name}: point-in-time recovery must be on`));
    if (!isObj(tp['SSESpecification']) || tp['SSESpecification']['SSEEnabled'] !== true)
      found.push(finding('tables', where, `${name}: SSESpecification.SSEEnabled must be true`));
  }
  for (const [table, key] of [
    ['DestinationsTable', 'id'],
    ['PresetsTable', 'preset_id'],
    ['SessionsTable', 'session_id'],
  ]) {
    if (keys.get(table!) !== key) found.push(finding('tables', where, `${table}: partition key must be ${key}`));
  }
  return found;
}

/** Each nested stack passes exactly parameters its child declares, and every child parameter without default. */
function checkNestedParameters(root: Doc, children: Templates, where = 'booth.yaml'): Finding[] {
  const found: Finding[] = [];
  for (const [name, stack] of resources(root, 'AWS::CloudFormation::Stack')) {
    const sp = props(stack);
    const url = JSON.stringify(sp['TemplateURL'] ?? '');
    const file = Object.keys(children).find((f) => url.includes(f));
    if (!file) {
      found.push(finding('nested-params', where, `${name}: TemplateURL names no known template`));
      continue;
    }
    const declared = params(children[file]!);
    const given = isObj(sp['Parameters']) ? sp['Parameters'] : {};
    for (const p of Object.keys(given))
      if (!(p in declared)) found.push(finding('nested-params', where, `${name}: ${file} has no parameter ${p}`));
    for (const [p, def] of Object.entries(declared)) {
      if (isObj(def) && def['Default'] === undefined && !(p in given))
        found.push(finding('nested-params', where, `${name}: ${file} parameter ${p} is not passed`));
    }
  }
  return found;
}

/**
 * A queue policy that lets EventBridge send must name the rules (`aws:SourceArn`): without it any rule of any account
 * could fill the booth's queues (EventBridge User Guide, "Using resource-based policies for Amazon EventBridge").
 * Every rule target must be a queue such a policy covers, or EventBridge cannot deliver.
 */
function checkEventQueuePolicy(doc: Doc, where: string): Finding[] {
  const found: Finding[] = [];
  const covered = new Set<string>();
  for (const [name, policy] of resources(doc, 'AWS::SQS::QueuePolicy')) {
    const pp = props(policy);
    const document = isObj(pp['PolicyDocument']) ? pp['PolicyDocument'] : {};
    const statements = Array.isArray(document['Statement']) ? document['Statement'] : [];
    for (const st of statements) {
      if (!isObj(st) || st['Effect'] !== 'Allow') continue;
      const principal = JSON.stringify(st['Principal'] ?? '');
      if (!principal.includes('events.amazonaws.com')) continue;
      const condition = JSON.stringify(st['Condition'] ?? {});
      if (!condition.includes('aws:SourceArn'))
        found.push(finding('event-queues', where, `${name}: lets EventBridge send without an aws:SourceArn condition`));
      else for (const q of Array.isArray(pp['Queues']) ? pp['Queues'] : []) covered.add(refName(q) ?? '');
    }
  }
  for (const [name, rule] of resources(doc, 'AWS::Events::Rule')) {
    const targets = props(rule)['Targets'];
    for (const t of Array.isArray(targets) ? targets : []) {
      const arn = isObj(t) ? JSON.stringify(t['Arn'] ?? '') : '';
      const queue = /"Fn::GetAtt":\["([^"]+)","Arn"\]/.exec(arn)?.[1];
      if (queue && !covered.has(queue))
        found.push(
          finding('event-queues', where, `${name}: target ${queue} has no queue policy letting this rule send`),
        );
    }
  }
  return found;
}

/** Every check on every template. */
export function runAllChecks(t: Templates, destinations: Destination[]): Finding[] {
  const need = (name: string): Doc => {
    const doc = t[name];
    if (!doc) throw new Error(`template ${name} is missing`);
    return doc;
  };
  const perTemplate = Object.entries(t).flatMap(([name, doc]) => [
    ...checkNoOpenCidr(doc, name),
    ...checkNoAccountId(doc, name),
    ...checkNoRtmpPushSettings(doc, name),
    ...checkNoFlowOutputs(doc, name),
    ...checkMediaLiveInputs(doc, name),
    ...checkAlarmMetrics(doc, name),
    ...checkAlarmTopicEncryption(doc, name),
    ...checkEventQueuePolicy(doc, name),
  ]);
  return [
    ...perTemplate,
    ...checkAppOutputs(need('booth.yaml'), destinations),
    ...checkDestinationParameters(need('channels.yaml'), destinations, 'channels.yaml'),
    ...checkDestinationParameters(need('booth.yaml'), destinations, 'booth.yaml'),
    ...checkChannels(need('channels.yaml'), destinations),
    ...checkWhitelistParameters(need('flow.yaml')),
    ...checkWhitelistParameters(inlineRootWhitelist(need('booth.yaml'), need('flow.yaml')), 'booth.yaml'),
    ...checkSrtDecryption(need('flow.yaml')),
    ...checkFailover(need('flow.yaml')),
    ...checkMediaLiveRole(need('access.yaml'), need('channels.yaml')),
    ...checkTables(need('data.yaml')),
    ...checkNestedParameters(need('booth.yaml'), t),
  ];
}

/**
 * The root re-declares the flow's CIDR parameters; check them with the flow's sources so the
 * narrow-CIDR rule also holds for whoever deploys the root.
 */
function inlineRootWhitelist(root: Doc, flow: Doc): Doc {
  const rootParams = params(root);
  return {
    ...flow,
    Parameters: {
      ...params(flow),
      MainWhitelistCidr: rootParams['MainWhitelistCidr'],
      BackupWhitelistCidr: rootParams['BackupWhitelistCidr'],
    },
  };
}
