import { z } from 'zod';
import { AwsProfileSchema, ConfigIssueSchema, ConnectionSettingsSchema } from '../../domain/aws-profile';
import { ConnectionInfoSchema } from '../../domain/connection';
import { SignInStatusSchema } from '../../domain/sign-in';

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
  'connection.signIn': { input: z.strictObject({}), output: SignInStatusSchema },
  'connection.signInCancel': { input: z.strictObject({}), output: SignInStatusSchema },
  'connection.signInStatus': { input: z.strictObject({}), output: SignInStatusSchema },
} as const satisfies Record<string, { input: z.ZodType; output: z.ZodType }>;

export const CONNECTION_EVENT_CONTRACT = {
  'connection.changed': { payload: ConnectionInfoSchema },
  'connection.signInChanged': { payload: SignInStatusSchema },
} as const satisfies Record<string, { payload: z.ZodType }>;
