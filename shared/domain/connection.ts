import { z } from 'zod';
import { ControlDeadlineSchema } from './sign-in';

/** Why the console is not connected, in operator words: what failed (naming the region) and what to do. */
export const ConnectionProblemSchema = z.strictObject({
  /** Which part failed: the region, the sign-in, a permission, the stack, its outputs, the network. */
  kind: z.enum(['region', 'sign-in', 'access-denied', 'stack', 'stack-outputs', 'network', 'other']),
  message: z.string(),
  fix: z.string(),
});
export type ConnectionProblem = z.infer<typeof ConnectionProblemSchema>;

export const ConnectionInfoSchema = z.strictObject({
  mode: z.enum(['simulation', 'aws']),
  profile: z.string().nullable(),
  /** null when nothing names a region (no setting, no AWS_REGION / AWS_DEFAULT_REGION, no region in the profile). */
  region: z.string().nullable(),
  /** Where the region came from, in words ("from profile booth", "set by AWS_REGION"). */
  regionSource: z.string(),
  accountId: z.string().nullable(),
  /** The role and person behind the credentials, from STS GetCallerIdentity; null when STS could not tell. */
  caller: z.strictObject({ role: z.string().nullable(), user: z.string().nullable() }).nullable().optional(),
  stackName: z.string(),
  /** True when requests go to an endpoint other than AWS's own (simulator, LocalStack, moto). */
  customEndpoint: z.boolean(),
  /** The endpoint settings in force, by name (AWS_ENDPOINT_URL, a profile's endpoint_url, a services section). */
  endpointSources: z.array(z.string()),
  /** When the current credentials expire (epoch ms), when known. */
  credentialsExpireAt: z.number().nullable(),
  /** IAM Identity Center profiles: when control ends and why; null for credentials without a schedule. */
  deadline: ControlDeadlineSchema.nullable(),
  /** The profile signs in through IAM Identity Center, so the console can sign it in itself. */
  canSignIn: z.boolean(),
  /** `failed`: the stack could not be read; the console runs without tiles until the problem is fixed. */
  status: z.enum(['connected', 'failed']),
  problem: ConnectionProblemSchema.nullable(),
});
export type ConnectionInfo = z.infer<typeof ConnectionInfoSchema>;
