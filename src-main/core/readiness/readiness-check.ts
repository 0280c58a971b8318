import { DescribeTableCommand } from '@aws-sdk/client-dynamodb';
import { DescribeFlowCommand } from '@aws-sdk/client-mediaconnect';
import {
  DescribeInputCommand,
  paginateListChannels,
  paginateListInputs,
  type ChannelSummary,
} from '@aws-sdk/client-medialive';
import { DescribeRuleCommand } from '@aws-sdk/client-eventbridge';
import { checkSafetyStop } from './safety-stop-check';
import { checkThumbnails } from './thumbnails-check';
import { checkSlateObjects } from './slate-object-check';
import { checkWarmStandby } from './warm-standby-check';
import { GetQueueUrlCommand, ReceiveMessageCommand } from '@aws-sdk/client-sqs';
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { callerIdentityOf, describeCaller } from '../../../shared/domain/caller-identity';
import { clockTime } from '../../../shared/domain/time-format';
import { DEFAULT_SHOW_LENGTH_MS } from '../../../shared/domain/show-plan';
import type { ReadinessItem, ReadinessReport } from '../../../shared/domain/readiness';
import type { AwsClients } from '../../aws/clients';
import { mapAwsError } from '../../aws/errors';
import { callAws } from '../../aws/retry';
import type { ConfiguredDestination } from '../channels/channel-monitor';
import { checkChannelConfiguration } from '../channels/channel-monitor';
import { discoverStack, type StackTopology } from '../stack/stack-outputs';

/** MediaLive's default quota of channels per Region (Service Quotas, AWS Elemental MediaLive: Channels). */
const DEFAULT_MEDIALIVE_CHANNEL_QUOTA = 5;
const PROBE_KEY = '__lunora_readiness_probe__';

export interface ReadinessDeps {
  clients: AwsClients;
  stackName: string;
  /** Where the checks look, named in every "does not exist". */
  region: string;
  destinations: ConfiguredDestination[];
  credentialsExpireAt: () => Promise<number | null>;
  /** The credentials come from an IAM Identity Center sign-in, which always has an end. */
  signsIn?: boolean;
  now: () => number;
}

type Item = Omit<ReadinessItem, 'fix'> & { fix?: string | null };
const item = (i: Item): ReadinessItem => ({ ...i, fix: i.fix ?? null });

function failure(id: string, group: ReadinessItem['group'], label: string, error: unknown, fix: string): ReadinessItem {
  const mapped = mapAwsError(error, label);
  return item({ id, group, label, status: 'fail', detail: mapped.message, fix });
}

async function checkIdentity(deps: ReadinessDeps): Promise<ReadinessItem> {
  try {
    const who = await callAws('Read identity', () => deps.clients.sts.send(new GetCallerIdentityCommand({})));
    return item({
      id: 'identity',
      group: 'identity',
      label: 'AWS identity',
      status: 'pass',
      // The person and role in words; the ARN itself only when it names neither.
      detail: `Account ${who.Account ?? '?'}, ${describeCaller(callerIdentityOf(who.Arn)) ?? who.Arn ?? 'an unknown caller'}`,
    });
  } catch (error) {
    return failure(
      'identity',
      'identity',
      'AWS identity',
      error,
      'Press Sign in (or run aws sso login for this profile), or choose another profile in settings.',
    );
  }
}

async function checkCredentials(deps: ReadinessDeps, showEndsAt: number, planned: boolean): Promise<ReadinessItem> {
  const expiresAt = await deps.credentialsExpireAt().catch(() => null);
  const label = 'Credentials last past the show';
  const signInFix = 'Press Sign in (or run aws sso login for this profile). Running channels are not affected.';
  if (expiresAt === null && deps.signsIn)
    return item({
      id: 'credentials',
      group: 'identity',
      label,
      status: 'fail',
      detail: 'Not signed in to IAM Identity Center: the console has no session to last the show.',
      fix: signInFix,
    });
  if (expiresAt === null)
    return item({
      id: 'credentials',
      group: 'identity',
      label,
      status: 'pass',
      detail: 'These credentials do not expire on a schedule.',
    });
  const when = (ms: number) => clockTime(ms, deps.now());
  if (expiresAt <= deps.now())
    return item({
      id: 'credentials',
      group: 'identity',
      label,
      status: 'fail',
      detail: `The sign-in ended at ${when(expiresAt)}: the console cannot read or change channels.`,
      fix: signInFix,
    });
  const end = planned
    ? `the show ends at ${when(showEndsAt)}`
    : `no show is planned; assumed to end at ${when(showEndsAt)}`;
  if (expiresAt <= showEndsAt) {
    return item({
      id: 'credentials',
      group: 'identity',
      label,
      status: 'fail',
      detail: `Control ends at ${when(expiresAt)} when the sign-in session ends, before the end: ${end}.`,
      fix: 'Sign in again now (press Sign in, or run aws sso login) so the session covers the whole show; if the organisation allows no longer session, plan a sign-in between segments. Running channels are not affected either way.',
    });
  }
  return item({
    id: 'credentials',
    group: 'identity',
    label,
    status: 'pass',
    detail: `Control lasts until ${when(expiresAt)}, when the sign-in session ends; ${end}.`,
  });
}

function checkStack(stack: StackTopology): ReadinessItem[] {
  const healthy = /_COMPLETE$/.test(stack.stackStatus) && !/ROLLBACK/.test(stack.stackStatus);
  const items = [
    item({
      id: 'stack-status',
      group: 'stack',
      label: `Stack ${stack.stackName}`,
      status: healthy ? 'pass' : 'fail',
      detail: `Status ${stack.stackStatus}.`,
      fix: healthy ? null : 'Fix the stack in CloudFormation (see its events) and deploy it again.',
    }),
  ];
  const missing = [
    ['FlowArn', stack.flowArn],
    ['PresetsTableName', stack.tables.presets],
    ['DestinationsTableName', stack.tables.destinations],
    ['SessionsTableName', stack.tables.sessions],
  ]
    .filter(([, value]) => !value)
    .map(([key]) => key);
  items.push(
    item({
      id: 'stack-outputs',
      group: 'stack',
      label: 'Stack outputs the console reads',
      status: missing.length === 0 ? 'pass' : 'fail',
      detail: missing.length === 0 ? 'Flow ARN and table names found.' : `Missing outputs: ${missing.join(', ')}.`,
      fix:
        missing.length === 0
          ? null
          : 'Deploy the root template of cloudformation/ (booth.yaml), which re-exports every output the console reads.',
    }),
  );
  return items;
}

async function checkFlow(deps: ReadinessDeps, flowArn: string | null): Promise<ReadinessItem[]> {
  if (!flowArn)
    return [
      item({
        id: 'flow',
        group: 'flow',
        label: 'MediaConnect flow',
        status: 'fail',
        detail: 'The stack names no flow.',
        fix: 'Deploy the flow template and pass its FlowArn to the root stack.',
      }),
    ];
  try {
    const { Flow: flow } = await callAws('Read the flow', () =>
      deps.clients.mediaconnect.send(new DescribeFlowCommand({ FlowArn: flowArn })),
    );
    const sources = flow?.Sources ?? [];
    const srt = sources.filter((s) => s.Transport?.Protocol === 'srt-listener');
    const failover = flow?.SourceFailoverConfig;
    const items = [
      item({
        id: 'flow-status',
        group: 'flow',
        label: `Flow ${flow?.Name ?? flowArn}`,
        status: flow?.Status === 'ACTIVE' ? 'pass' : flow?.Status === 'STANDBY' ? 'warn' : 'fail',
        detail: `Status ${flow?.Status ?? 'unknown'}.`,
        fix: flow?.Status === 'ACTIVE' ? null : 'Start the flow (it must be ACTIVE before the encoder can connect).',
      }),
      item({
        id: 'flow-sources',
        group: 'flow',
        label: 'SRT sources (main and backup)',
        status: srt.length >= 2 ? 'pass' : srt.length === 1 ? 'warn' : 'fail',
        detail:
          srt.length === 0
            ? 'No srt-listener source.'
            : srt
                .map((s) => `${s.Name}: ${s.IngestIp ?? '?'}:${s.IngestPort ?? '?'} from ${s.WhitelistCidr ?? '?'}`)
                .join('; '),
        fix: srt.length >= 2 ? null : 'Add the main and backup srt-listener sources (flow template).',
      }),
      item({
        id: 'flow-failover',
        group: 'flow',
        label: 'Source failover',
        status: failover?.State === 'ENABLED' && failover.FailoverMode === 'FAILOVER' ? 'pass' : 'warn',
        detail:
          failover?.State === 'ENABLED'
            ? `${failover.FailoverMode ?? '?'} with ${failover.SourcePriority?.PrimarySource ?? '?'} as primary.`
            : 'Failover is not enabled.',
        fix:
          failover?.State === 'ENABLED'
            ? null
            : 'Enable SourceFailoverConfig in FAILOVER mode with main as the primary source.',
      }),
    ];
    return items;
  } catch (error) {
    return [
      failure(
        'flow',
        'flow',
        'MediaConnect flow',
        error,
        `Check the FlowArn output and that the flow exists in ${deps.region}.`,
      ),
    ];
  }
}

async function checkDestinations(
  deps: ReadinessDeps,
  flowArn: string | null,
): Promise<{ items: ReadinessItem[]; channelsInRegion: ReadonlySet<string> | null }> {
  const byId = new Map<string, ChannelSummary>();
  try {
    for await (const page of paginateListChannels({ client: deps.clients.medialive, pageSize: 100 }, {})) {
      for (const channel of page.Channels ?? []) if (channel.Id) byId.set(channel.Id, channel);
    }
  } catch (error) {
    return {
      items: [
        failure(
          'channels',
          'destinations',
          'MediaLive channels',
          error,
          'The operator policy must allow medialive:ListChannels.',
        ),
      ],
      channelsInRegion: null,
    };
  }
  const items: ReadinessItem[] = [];
  for (const dest of deps.destinations) {
    const id = `destination-${dest.id}`;
    const label = `${dest.name}`;
    const channel = dest.channelId ? byId.get(dest.channelId) : undefined;
    if (!dest.channelId || !channel) {
      items.push(
        item({
          id,
          group: 'destinations',
          label,
          status: 'fail',
          detail: dest.channelId
            ? `MediaLive channel ${dest.channelId} does not exist in ${deps.region}.`
            : (dest.problem ?? 'No channel is mapped.'),
          fix: 'Redeploy the channels template, or set the destination’s channel in the admin window.',
        }),
      );
      continue;
    }
    const problem = checkChannelConfiguration(channel);
    const inputProblem = problem ? null : await checkInput(deps, channel, flowArn);
    items.push(
      item({
        id,
        group: 'destinations',
        label,
        status: problem || inputProblem ? 'fail' : 'pass',
        detail:
          problem ??
          inputProblem ??
          `Channel ${channel.Name ?? channel.Id} (${channel.State}), input attached, destination set.`,
        fix:
          problem || inputProblem
            ? 'Fix the channel in the channels template (input on the flow ARN, destination URL and key).'
            : null,
      }),
    );
  }
  const slates = await checkSlateObjects(deps.clients, deps.destinations, byId);
  const warm = checkWarmStandby(deps.destinations, byId, slates);
  if (warm) items.push(warm);
  return { items, channelsInRegion: new Set(byId.keys()) };
}

/** The attached input must read from this stack's flow, or the channel will start on no signal. */
async function checkInput(
  deps: ReadinessDeps,
  channel: ChannelSummary,
  flowArn: string | null,
): Promise<string | null> {
  const inputId = channel.InputAttachments?.[0]?.InputId;
  if (!inputId) return 'No input attached.';
  try {
    const input = await callAws('Read input', () =>
      deps.clients.medialive.send(new DescribeInputCommand({ InputId: inputId })),
    );
    if (input.Type !== 'MEDIACONNECT')
      return `The attached input ${input.Name ?? inputId} is ${input.Type}, not MEDIACONNECT.`;
    const flows = (input.MediaConnectFlows ?? []).map((f) => f.FlowArn);
    if (flowArn && !flows.includes(flowArn))
      return `The attached input ${input.Name ?? inputId} reads from another flow (${flows.join(', ') || 'none'}).`;
    return null;
  } catch (error) {
    return mapAwsError(error, `Read input ${inputId}`).message;
  }
}

async function checkTables(deps: ReadinessDeps, stack: StackTopology): Promise<ReadinessItem[]> {
  const tables = Object.entries(stack.tables).filter((entry): entry is [string, string] => entry[1] !== null);
  return Promise.all(
    tables.map(async ([role, name]) => {
      try {
        const { Table: table } = await callAws(`Read table ${name}`, () =>
          deps.clients.dynamodb.send(new DescribeTableCommand({ TableName: name })),
        );
        return item({
          id: `table-${role}`,
          group: 'tables',
          label: `Table ${name}`,
          status: table?.TableStatus === 'ACTIVE' ? 'pass' : 'warn',
          detail: `Status ${table?.TableStatus ?? 'unknown'}.`,
        });
      } catch (error) {
        return failure(
          `table-${role}`,
          'tables',
          `Table ${name}`,
          error,
          'Deploy the data template (cloudformation/data.yaml).',
        );
      }
    }),
  );
}

/**
 * Writing a session record is the operator's only DynamoDB write. A conditional update on a key
 * that never exists proves the permission without writing anything: "condition failed" means allowed.
 */
async function checkSessionWrite(deps: ReadinessDeps, table: string | null): Promise<ReadinessItem> {
  const label = 'May record show sessions';
  if (!table)
    return item({
      id: 'perm-sessions',
      group: 'permissions',
      label,
      status: 'fail',
      detail: 'No sessions table.',
      fix: 'Deploy the data template.',
    });
  try {
    await deps.clients.dynamo.send(
      new UpdateCommand({
        TableName: table,
        Key: { session_id: PROBE_KEY },
        UpdateExpression: 'SET probed_at = :now',
        ConditionExpression: 'attribute_exists(session_id) AND attribute_not_exists(session_id)',
        ExpressionAttributeValues: { ':now': deps.now() },
      }),
    );
    return item({
      id: 'perm-sessions',
      group: 'permissions',
      label,
      status: 'warn',
      detail: 'The probe write unexpectedly succeeded.',
    });
  } catch (error) {
    if ((error as { name?: string }).name === 'ConditionalCheckFailedException') {
      return item({
        id: 'perm-sessions',
        group: 'permissions',
        label,
        status: 'pass',
        detail: 'Allowed (checked with a conditional write that changes nothing).',
      });
    }
    return failure('perm-sessions', 'permissions', label, error, 'Attach the stack’s operator policy to this role.');
  }
}

/**
 * The channel quota is per account and Region, so channels of other workloads there count too: the booth fits when
 * the channels that exist plus the booth's channels still to be created stay within it.
 */
function checkQuota(
  destinations: ConfiguredDestination[],
  channelsInRegion: ReadonlySet<string> | null,
): ReadinessItem {
  const label = 'MediaLive channel quota';
  if (!channelsInRegion) {
    return item({
      id: 'quota-channels',
      group: 'quotas',
      label,
      status: 'warn',
      detail: 'The channels in the region could not be listed, so the quota could not be checked.',
      fix: 'The operator policy must allow medialive:ListChannels.',
    });
  }
  const own = destinations.filter((d) => d.channelId && channelsInRegion.has(d.channelId)).length;
  const toCreate = destinations.length - own;
  const others = channelsInRegion.size - own;
  const total = channelsInRegion.size + toCreate;
  const over = total > DEFAULT_MEDIALIVE_CHANNEL_QUOTA;
  return item({
    id: 'quota-channels',
    group: 'quotas',
    label,
    status: over ? 'warn' : 'pass',
    detail:
      `${channelsInRegion.size} channels exist in the region (${own} of this booth, ${others} of other workloads)` +
      `${toCreate > 0 ? `; ${toCreate} more to create for this booth` : ''}: ${total} of the default quota of ${DEFAULT_MEDIALIVE_CHANNEL_QUOTA} per region.`,
    fix: over
      ? `Request a MediaLive channel quota increase (Service Quotas) to at least ${total}, or remove unused channels in the region.`
      : null,
  });
}

/**
 * Push inputs that already exist in the region, which a further push input for this booth would join under the
 * account's push-input quota. RTMP/RTP/UDP push inputs are push inputs by type; CDI and Elemental Link inputs are push
 * inputs too ("AWS Elemental MediaLive feature rules and limits",
 * https://docs.aws.amazon.com/medialive/latest/ug/eml-limitations-and-rules.html). The booth's own inputs are
 * MediaConnect inputs.
 */
const PUSH_INPUT_TYPES = new Set(['RTMP_PUSH', 'RTP_PUSH', 'UDP_PUSH', 'AWS_CDI', 'INPUT_DEVICE']);

async function checkPushInputs(deps: ReadinessDeps): Promise<ReadinessItem> {
  const label = 'MediaLive push inputs';
  const counts = new Map<string, number>();
  try {
    for await (const page of paginateListInputs({ client: deps.clients.medialive, pageSize: 100 }, {})) {
      for (const input of page.Inputs ?? [])
        if (input.Type && PUSH_INPUT_TYPES.has(input.Type)) counts.set(input.Type, (counts.get(input.Type) ?? 0) + 1);
    }
  } catch (error) {
    const mapped = mapAwsError(error, 'List MediaLive inputs');
    return item({
      id: 'quota-push-inputs',
      group: 'quotas',
      label,
      status: 'warn',
      detail: `The inputs in the region could not be listed: ${mapped.message}`,
      fix: 'The operator policy must allow medialive:ListInputs.',
    });
  }
  const total = [...counts.values()].reduce((a, b) => a + b, 0);
  const byType = [...counts].map(([type, n]) => `${n} ${type}`).join(', ');
  return item({
    id: 'quota-push-inputs',
    group: 'quotas',
    label,
    status: 'pass',
    detail:
      total === 0
        ? 'No push inputs exist in the region; this booth feeds its channels through MediaConnect inputs.'
        : `${total} push inputs exist in the region (${byType}); this booth adds none (it uses MediaConnect inputs). Compare with the push-input quota in Service Quotas before adding an RTMP push destination.`,
  });
}

/** The stack's EventBridge rule exists and is enabled (DescribeRule), in words when not. */
async function checkRule(
  deps: ReadinessDeps,
  name: string,
  id: string,
  label: string,
  fix: string,
): Promise<ReadinessItem> {
  try {
    const rule = await deps.clients.eventbridge.send(new DescribeRuleCommand({ Name: name }));
    const enabled = rule.State === 'ENABLED';
    return item({
      id,
      group: 'stack',
      label,
      status: enabled ? 'pass' : 'warn',
      detail: enabled
        ? `EventBridge rule ${name} is enabled.`
        : `EventBridge rule ${name} is ${rule.State ?? 'in an unknown state'}: no event reaches the queues.`,
      fix: enabled ? null : `Enable the rule ${name} (EventBridge console, or redeploy the stack).`,
    });
  } catch (error) {
    const mapped = mapAwsError(error, 'Read the event rule');
    return item({
      id,
      group: 'stack',
      label,
      status: 'warn',
      detail:
        mapped.code === 'not-found' ? `EventBridge rule ${name} does not exist in ${deps.region}.` : mapped.message,
      fix,
    });
  }
}

/**
 * The stack's event rule exists and every seat queue may be read by this profile. Without them the console still
 * works, by polling MediaLive: a warning, not a failure. The read is a ReceiveMessage that waits for nothing and hides
 * nothing (WaitTimeSeconds 0, VisibilityTimeout 0), so the reader of that queue loses no event.
 */
async function checkEvents(deps: ReadinessDeps, stack: StackTopology): Promise<ReadinessItem[]> {
  const fix =
    'Deploy the stack with cloudformation/events.yaml (npx tsx cloudformation/generate.ts) and attach the current operator policy.';
  const events = stack.events;
  if (!events?.ruleName || events.queues.length === 0)
    return [
      item({
        id: 'events',
        group: 'stack',
        label: 'Channel events',
        status: 'warn',
        detail:
          'The stack has no event rule or queue (outputs EventRuleName, EventQueueNames): channel changes show at the next poll (5 s) instead of at once.',
        fix,
      }),
    ];
  const items: ReadinessItem[] = [
    await checkRule(deps, events.ruleName, 'events-rule', 'Channel events rule', fix),
    // Older stacks have no flow rule output: the flow is then polled as before, which the check says.
    events.flowRuleName
      ? await checkRule(deps, events.flowRuleName, 'events-flow-rule', 'Flow events rule', fix)
      : item({
          id: 'events-flow-rule',
          group: 'stack',
          label: 'Flow events rule',
          status: 'warn',
          detail:
            'The stack names no flow events rule (output FlowEventRuleName): input changes show at the next flow poll (5 s) instead of at once.',
          fix,
        }),
    // Older stacks have no source alarms: the flow is then read every 15 s while a channel is on air, as before.
    events.sourceAlarmRuleName && (events.sourceAlarms?.length ?? 0) > 0
      ? await checkRule(deps, events.sourceAlarmRuleName, 'events-source-alarms', 'Source alarms rule', fix)
      : item({
          id: 'events-source-alarms',
          group: 'stack',
          label: 'Source alarms rule',
          status: 'warn',
          detail:
            'The stack has no source alarms (outputs SourceAlarmRuleName, SourceAlarmNames): while a channel is on air the flow is read every 15 s instead of once a minute.',
          fix,
        }),
  ];
  const queues = await Promise.all(
    events.queues.map(async (name) => {
      try {
        const { QueueUrl } = await deps.clients.sqs.send(new GetQueueUrlCommand({ QueueName: name }));
        await deps.clients.sqs.send(
          new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 0, VisibilityTimeout: 0, MaxNumberOfMessages: 1 }),
        );
        return null;
      } catch (error) {
        const missing = (error as { name?: string }).name === 'QueueDoesNotExist';
        return `${name}: ${missing ? 'does not exist' : mapAwsError(error, 'Read the event queue').message}`;
      }
    }),
  );
  const problems = queues.filter((q): q is string => q !== null);
  items.push(
    item({
      id: 'perm-events',
      group: 'permissions',
      label: 'May read the event queues',
      status: problems.length === 0 ? 'pass' : 'warn',
      detail:
        problems.length === 0
          ? `${events.queues.length} seat queue(s) can be read: channel changes show at once.`
          : `Channel changes show at the next poll instead of at once. ${problems.join('; ')}.`,
      fix: problems.length === 0 ? null : fix,
    }),
  );
  return items;
}

/**
 * Pre-show validation, as a checklist the operator can run before every show. `showEndsAt` is the show plan's end;
 * without one the show is assumed to end four hours from now, and the report says so.
 */
export async function runReadinessCheck(deps: ReadinessDeps, showEndsAt?: number): Promise<ReadinessReport> {
  const ranAt = deps.now();
  const planned = showEndsAt !== undefined;
  const ends = showEndsAt ?? ranAt + DEFAULT_SHOW_LENGTH_MS;
  const items: ReadinessItem[] = [];
  items.push(await checkIdentity(deps), await checkCredentials(deps, ends, planned));
  let stack: StackTopology | null = null;
  try {
    stack = await discoverStack(deps.clients.cloudformation, deps.stackName);
    items.push(...checkStack(stack));
  } catch (error) {
    items.push(
      failure(
        'stack-status',
        'stack',
        `Stack ${deps.stackName}`,
        error,
        `Check the stack name and the region (${deps.region}) in the admin window (Connection & readiness).`,
      ),
    );
  }
  if (!stack) {
    // Everything else is named by the stack's outputs: without them there is nothing to check, only to read again.
    items.push(
      item({
        id: 'not-checked',
        group: 'stack',
        label: 'Flow, channels, tables and permissions',
        status: 'info',
        detail: 'Not checked: they are found through the stack, which could not be read.',
      }),
    );
    return { ranAt, showEndsAt: ends, showEndPlanned: planned, items, ready: false };
  }
  const [flowItems, destinations, tables, sessions, events, safetyStop, thumbnails] = await Promise.all([
    checkFlow(deps, stack.flowArn),
    checkDestinations(deps, stack.flowArn),
    checkTables(deps, stack),
    checkSessionWrite(deps, stack.tables.sessions),
    checkEvents(deps, stack),
    checkSafetyStop(deps.clients.scheduler, stack, deps.region),
    checkThumbnails(deps.clients, deps.destinations, stack.flowArn),
  ]);
  items.push(...flowItems, ...destinations.items, ...tables, sessions, ...events, safetyStop, ...thumbnails);
  items.push(
    item({
      id: 'perm-channels',
      group: 'permissions',
      label: 'May start and stop channels',
      status: 'info',
      detail: 'AWS has no dry run for StartChannel/StopChannel; this is proven on the first take.',
      fix: null,
    }),
    checkQuota(deps.destinations, destinations.channelsInRegion),
    await checkPushInputs(deps),
  );
  return { ranAt, showEndsAt: ends, showEndPlanned: planned, items, ready: items.every((i) => i.status !== 'fail') };
}
