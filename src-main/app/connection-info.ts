import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { callerIdentityOf, type AwsCaller } from '../../shared/domain/caller-identity';
import type { ConnectionInfo, ConnectionProblem } from '../../shared/domain/connection';
import type { ControlDeadline } from '../../shared/domain/sign-in';
import type { AwsClients } from '../aws/clients';
import { mapAwsError } from '../aws/errors';
import type { Logger } from '../core/logger';

/** The account and principal behind the credentials, or nulls when STS cannot tell (the console still starts). */
export async function readCallerIdentity(
  clients: AwsClients,
  logger: Logger,
): Promise<{ accountId: string | null; principal: string | null; caller: AwsCaller | null }> {
  try {
    const identity = await clients.sts.send(new GetCallerIdentityCommand({}));
    return {
      accountId: identity.Account ?? null,
      principal: principalName(identity.Arn),
      caller: callerIdentityOf(identity.Arn),
    };
  } catch (error) {
    logger.warn('connection: could not read the caller identity', {
      message: mapAwsError(error, 'Read identity').message,
    });
    return { accountId: null, principal: null, caller: null };
  }
}

/**
 * The person or role in a caller ARN: its last path element (arn:aws:sts::1:assumed-role/Role/alice -> alice,
 * arn:aws:iam::1:user/bob -> bob), as GetCallerIdentity returns it.
 */
export function principalName(arn: string | undefined): string | null {
  if (!arn) return null;
  const resource = arn.split(':').slice(5).join(':');
  const name = resource.split('/').pop();
  return name && name !== '' ? name : null;
}

/** What both windows are told about the connection: where it looks, and whether the stack could be read. */
export function describeConnection(input: {
  mode: 'simulation' | 'aws';
  profile: string | null;
  region: string | null;
  regionSource: string;
  stackName: string;
  accountId: string | null;
  /** The role and person behind the credentials (STS GetCallerIdentity), when STS could tell. */
  caller?: AwsCaller | null;
  credentialsExpireAt: number | null;
  deadline?: ControlDeadline | null;
  canSignIn?: boolean;
  /** The endpoint settings in force; the simulator is one. */
  endpointSources: string[];
  problem: ConnectionProblem | null;
}): ConnectionInfo {
  return {
    mode: input.mode,
    profile: input.profile,
    region: input.region,
    regionSource: input.regionSource,
    accountId: input.accountId,
    caller: input.caller ?? null,
    stackName: input.stackName,
    customEndpoint: input.endpointSources.length > 0,
    endpointSources: input.endpointSources,
    credentialsExpireAt: input.credentialsExpireAt,
    deadline: input.deadline ?? null,
    canSignIn: input.canSignIn ?? false,
    status: input.problem ? 'failed' : 'connected',
    problem: input.problem,
  };
}
