import { z } from 'zod';

export const ConnectionInfoSchema = z.strictObject({
  mode: z.enum(['simulation', 'aws']),
  profile: z.string().nullable(),
  region: z.string(),
  accountId: z.string().nullable(),
  stackName: z.string(),
  /** True when requests go to an endpoint other than AWS's own (simulator, LocalStack, moto). */
  customEndpoint: z.boolean(),
  /** When the current credentials expire (epoch ms), when known. */
  credentialsExpireAt: z.number().nullable(),
});
export type ConnectionInfo = z.infer<typeof ConnectionInfoSchema>;
