import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { AwsClients } from '../aws/clients';
import { mapAwsError } from '../aws/errors';
import { hasEndpointOverride, type AwsTarget } from '../aws/target';
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

/** What both windows are told about the connection chosen at start. */
export function describeConnection(input: {
  target: AwsTarget;
  stackName: string;
  accountId: string | null;
  credentialsExpireAt: number | null;
  env: NodeJS.ProcessEnv;
}): ConnectionInfo {
  const { target } = input;
  return {
    mode: target.mode,
    profile: target.mode === 'aws' ? target.profile : null,
    region: target.region,
    accountId: input.accountId,
    stackName: input.stackName,
    customEndpoint: target.mode === 'simulation' || hasEndpointOverride(input.env),
    credentialsExpireAt: input.credentialsExpireAt,
  };
}
