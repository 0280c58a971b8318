import { z } from 'zod';

export const AwsProfileSchema = z.strictObject({
  name: z.string(),
  /** How the profile gets credentials: IAM Identity Center first in lists, as operators should use it. */
  kind: z.enum(['sso', 'role', 'keys', 'process', 'other']),
  region: z.string().nullable(),
  /** IAM Identity Center profiles: the account and role they sign in to (sso_account_id, sso_role_name). */
  accountId: z.string().nullable(),
  roleName: z.string().nullable(),
  /** The profile (or its services section) sends requests elsewhere than AWS: LocalStack, moto. */
  customEndpoint: z.boolean(),
  /** What is wrong with the profile, naming the file and line (a missing sso-session, a region AWS has not). */
  problem: z.string().nullable(),
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
  /**
   * The organisation's AWS access portal session length, as its IAM Identity Center administrator set it: 8 hours
   * unless changed, from 15 minutes to 90 days. The token cache does not record it.
   */
  ssoSessionMinutes: z
    .number()
    .int()
    .min(15, 'at least 15 minutes')
    .max(90 * 24 * 60, 'at most 90 days')
    .default(8 * 60),
});
export type ConnectionSettings = z.infer<typeof ConnectionSettingsSchema>;

/** A line of ~/.aws/config or ~/.aws/credentials the console cannot use. */
export const ConfigIssueSchema = z.strictObject({
  file: z.string(),
  /** 1-based; null when the whole file is the problem (unreadable). */
  line: z.number().int().min(1).nullable(),
  message: z.string(),
});
export type ConfigIssue = z.infer<typeof ConfigIssueSchema>;
