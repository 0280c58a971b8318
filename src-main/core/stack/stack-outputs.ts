import { DescribeStacksCommand, type CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { z } from 'zod';
import { BoothError } from '../../../shared/domain/errors';
import { callAws } from '../../aws/retry';

/** What the console needs from the stack, read from its outputs instead of environment variables. */
export interface StackTopology {
  stackName: string;
  stackStatus: string;
  flowArn: string | null;
  tables: { presets: string | null; destinations: string | null; sessions: string | null };
  ingest: { main: string | null; backup: string | null };
  /** Channel id and ARN per destination key (the normalised destination id), and the stack's record for it. */
  channels: Map<string, StackChannel>;
  /** The EventBridge rule and its seat queues (`EventRuleName`, `EventQueueNames`); absent on older stacks. */
  events?: {
    ruleName: string | null;
    flowRuleName?: string | null;
    queues: string[];
    /** The CloudWatch alarms on the flow's source figures whose state changes reach the queues (`SourceAlarmNames`). */
    sourceAlarms?: string[];
    /** The rule that delivers them (`SourceAlarmRuleName`). */
    sourceAlarmRuleName?: string | null;
  };
  /** The schedule group and role of the safety stops (`SafetyStopGroupName`, `SafetyStopRoleArn`); absent on older stacks. */
  safetyStop?: { group: string | null; roleArn: string | null };
}

export interface StackChannel {
  id: string | null;
  arn: string | null;
  /** The `Destination<Dest>` output: what the stack's own destination list says; absent on older stacks. */
  record?: StackDestinationRecord;
}

/** The `Destination<Dest>` output's value (JSON), as cloudformation/generate.ts writes it. */
const StackDestinationRecordSchema = z.object({
  id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/),
  platform: z.string().min(1),
  name: z.string().min(1),
  preset_id: z.string().min(1),
});
export type StackDestinationRecord = z.infer<typeof StackDestinationRecordSchema>;

function parseRecord(value: string): StackDestinationRecord | undefined {
  try {
    const parsed = StackDestinationRecordSchema.safeParse(JSON.parse(value));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Destination ids and output suffixes meet in one form: lower-case letters and digits only. */
export function destinationKey(value: string): string {
  return value.toLowerCase().replace(/[^a-z0-9]/g, '');
}

export function parseStackOutputs(
  stackName: string,
  stackStatus: string,
  outputs: Array<{ OutputKey?: string; OutputValue?: string }>,
): StackTopology {
  const byKey = new Map<string, string>();
  for (const output of outputs)
    if (output.OutputKey && output.OutputValue) byKey.set(output.OutputKey, output.OutputValue);
  const channels = new Map<string, StackChannel>();
  for (const [key, value] of byKey) {
    const record = /^Destination(.+)$/.exec(key);
    if (record?.[1]) {
      const parsed = parseRecord(value);
      if (!parsed) continue;
      const dest = destinationKey(record[1]);
      channels.set(dest, { ...(channels.get(dest) ?? { id: null, arn: null }), record: parsed });
      continue;
    }
    const match = /^Channel(Id|Arn)(.+)$/.exec(key);
    if (!match?.[1] || !match[2]) continue;
    const dest = destinationKey(match[2]);
    const entry = channels.get(dest) ?? { id: null, arn: null };
    if (match[1] === 'Id') entry.id = value;
    else entry.arn = value;
    channels.set(dest, entry);
  }
  return {
    stackName,
    stackStatus,
    flowArn: byKey.get('FlowArn') ?? null,
    tables: {
      presets: byKey.get('PresetsTableName') ?? null,
      destinations: byKey.get('DestinationsTableName') ?? null,
      sessions: byKey.get('SessionsTableName') ?? null,
    },
    ingest: { main: byKey.get('MainIngestEndpoint') ?? null, backup: byKey.get('BackupIngestEndpoint') ?? null },
    channels,
    events: {
      ruleName: byKey.get('EventRuleName') ?? null,
      flowRuleName: byKey.get('FlowEventRuleName') ?? null,
      queues: (byKey.get('EventQueueNames') ?? '')
        .split(',')
        .map((q) => q.trim())
        .filter((q) => /^[A-Za-z0-9_-]{1,80}$/.test(q)),
      sourceAlarmRuleName: byKey.get('SourceAlarmRuleName') ?? null,
      sourceAlarms: (byKey.get('SourceAlarmNames') ?? '')
        .split(',')
        .map((a) => a.trim())
        .filter((a) => /^[A-Za-z0-9_.-]{1,255}$/.test(a)),
    },
    safetyStop: {
      group: byKey.get('SafetyStopGroupName') ?? null,
      roleArn: byKey.get('SafetyStopRoleArn') ?? null,
    },
  };
}

/**
 * Reads the stack's outputs. A stack that does not exist is refused by DescribeStacks with a ValidationError
 * "Stack with id <name> does not exist" (AWS CloudFormation API Reference, DescribeStacks,
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/APIReference/API_DescribeStacks.html); the console says
 * so in its own words, naming the region it looked in, since a stack in another region is invisible.
 */
export async function discoverStack(cloudformation: CloudFormationClient, stackName: string): Promise<StackTopology> {
  const missing = async () =>
    new BoothError(
      'not-found',
      `There is no stack "${stackName}" in ${await cloudformation.config.region()} for these credentials. Check the stack name and the region (Connection & readiness in the admin window).`,
    );
  let response;
  try {
    response = await callAws(`Read stack ${stackName}`, () =>
      cloudformation.send(new DescribeStacksCommand({ StackName: stackName })),
    );
  } catch (error) {
    if (error instanceof BoothError && error.code === 'not-found') throw await missing();
    throw error;
  }
  const stack = response.Stacks?.[0];
  if (!stack) throw await missing();
  return parseStackOutputs(stackName, stack.StackStatus ?? 'UNKNOWN', stack.Outputs ?? []);
}
