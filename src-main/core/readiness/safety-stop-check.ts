import { GetScheduleGroupCommand, type SchedulerClient } from '@aws-sdk/client-scheduler';
import type { ReadinessItem } from '../../../shared/domain/readiness';
import { mapAwsError } from '../../aws/errors';
import type { StackTopology } from '../stack/stack-outputs';

const FIX =
  'Deploy the current stack (cloudformation/events.yaml creates the schedule group and its role) and attach the current operator policy.';

/**
 * The safety stops can be made: the stack names its schedule group and role, and the group exists and may be read by
 * this profile (GetScheduleGroup, https://docs.aws.amazon.com/scheduler/latest/APIReference/API_GetScheduleGroup.html).
 * The role is known from the stack's output only: reading it would need iam:GetRole, which the operator has no use for.
 * A warning, not a failure: a take still happens without a safety stop, and the tile says so.
 */
export async function checkSafetyStop(
  scheduler: SchedulerClient,
  stack: StackTopology,
  region: string,
): Promise<ReadinessItem> {
  const base = { id: 'safety-stop', group: 'stack', label: 'Safety stop in AWS' } as const;
  const group = stack.safetyStop?.group;
  if (!group || !stack.safetyStop?.roleArn)
    return {
      ...base,
      status: 'warn',
      detail:
        'The stack has no safety-stop schedule group or role (outputs SafetyStopGroupName, SafetyStopRoleArn): a channel left running keeps billing if this PC goes down.',
      fix: FIX,
    };
  try {
    const found = await scheduler.send(new GetScheduleGroupCommand({ Name: group }));
    const active = found.State === undefined || found.State === 'ACTIVE';
    return {
      ...base,
      status: active ? 'pass' : 'warn',
      detail: active
        ? `Schedule group ${group} is ready: each channel started gets an auto-stop at the planned end plus the grace.`
        : `Schedule group ${group} is ${found.State}: no safety stop can be made.`,
      fix: active ? null : FIX,
    };
  } catch (error) {
    const mapped = mapAwsError(error, 'Read the schedule group');
    return {
      ...base,
      status: 'warn',
      detail: mapped.code === 'not-found' ? `Schedule group ${group} does not exist in ${region}.` : mapped.message,
      fix: FIX,
    };
  }
}
