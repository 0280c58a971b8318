import { z } from 'zod';

export const AwsProfileSchema = z.strictObject({
  name: z.string(),
  /** How the profile gets credentials: IAM Identity Center first in lists, as operators should use it. */
  kind: z.enum(['sso', 'role', 'keys', 'process', 'other']),
  region: z.string().nullable(),
  /** The profile (or its services section) sends requests elsewhere than AWS: LocalStack, moto. */
  customEndpoint: z.boolean(),
});
export type AwsProfile = z.infer<typeof AwsProfileSchema>;

export const ConnectionSettingsSchema = z.strictObject({
  /** null: simulation mode. */
  profile: z
    .string()
    .min(1)
    .max(128)
    .regex(/^[\w.+@=,-]+$/, 'a profile name from ~/.aws/config')
    .nullable(),
  /** null: resolved as the SDK does (AWS_REGION, AWS_DEFAULT_REGION, then the profile's region). */
  region: z
    .string()
    .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'an AWS region such as us-east-1')
    .nullable(),
  stackName: z.string().regex(/^[A-Za-z][A-Za-z0-9-]{0,127}$/, 'a CloudFormation stack name (letters, digits, dashes)'),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;
