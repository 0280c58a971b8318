import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { ConnectionInfo, ConnectionProblem } from '../../shared/domain/connection';
import type { AwsClients } from '../aws/clients';
import { mapAwsError } from '../aws/errors';
import type { Logger } from '../core/logger';

/** The account behind the credentials, or null when STS cannot tell (the console still starts). */
export async function readCallerAccount(clients: AwsClients, logger: Logger): Promise<string | null> {
  try {
    return (await clients.sts.send(new GetCallerIdentityCommand({}))).Account ?? null;
  } catch (error) {
    logger.warn('connection: could not read the caller identity', {
      message: mapAwsError(error, 'Read identity').message,
    });
    return null;
  }
}

/** What both windows are told about the connection: where it looks, and whether the stack could be read. */
export function describeConnection(input: {
  mode: 'simulation' | 'aws';
  profile: string | null;
  region: string | null;
  regionSource: string;
  stackName: string;
  accountId: string | null;
  credentialsExpireAt: number | null;
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
    stackName: input.stackName,
    customEndpoint: input.endpointSources.length > 0,
    endpointSources: input.endpointSources,
    credentialsExpireAt: input.credentialsExpireAt,
    status: input.problem ? 'failed' : 'connected',
    problem: input.problem,
  };
}
