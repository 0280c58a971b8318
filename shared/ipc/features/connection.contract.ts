import { z } from 'zod';
import { AwsProfileSchema, ConfigIssueSchema, ConnectionSettingsSchema } from '../../domain/aws-profile';
import { ConnectionInfoSchema } from '../../domain/connection';

export const CONNECTION_INVOKE_CONTRACT = {
  'connection.describe': { input: z.strictObject({}), output: ConnectionInfoSchema },
  'connection.profiles': {
    input: z.strictObject({}),
    output: z.strictObject({
      profiles: z.array(AwsProfileSchema),
      issues: z.array(ConfigIssueSchema),
      saved: ConnectionSettingsSchema,
    }),
  },
  'connection.configure': {
    input: ConnectionSettingsSchema,
    output: z.strictObject({ saved: ConnectionSettingsSchema, connection: ConnectionInfoSchema }),
  },
  'connection.retry': { input: z.strictObject({}), output: ConnectionInfoSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const CONNECTION_EVENT_CONTRACT = {
  'connection.changed': { payload: ConnectionInfoSchema },
} as const satisfies Record<string, { payload: z.ZodType }>;
