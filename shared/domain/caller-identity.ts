/**
 * Who the credentials are, read from the ARN STS GetCallerIdentity returns: an assumed role
 * (`arn:aws:sts::123456789012:assumed-role/<role name>/<role session name>`, what an IAM Identity Center sign-in
 * gives, the session name being the user) or an IAM user (`arn:aws:iam::123456789012:user/<user name>`)
 * (AWS STS API Reference, GetCallerIdentity, https://docs.aws.amazon.com/STS/latest/APIReference/API_GetCallerIdentity.html).
 */
export interface AwsCaller {
  /** The role assumed; null for an IAM user or root. */
  role: string | null;
  /** The person: the role session name, or the IAM user's name. */
  user: string | null;
}

export function callerIdentityOf(arn: string | undefined): AwsCaller {
  if (!arn) return { role: null, user: null };
  const resource = arn.split(':').slice(5).join(':');
  const parts = resource.split('/').filter((part) => part !== '');
  if (parts[0] === 'assumed-role' && parts.length >= 3) return { role: parts[1] ?? null, user: parts.at(-1) ?? null };
  if (parts[0] === 'user' && parts.length >= 2) return { role: null, user: parts.at(-1) ?? null };
  return { role: null, user: parts.at(-1) ?? null };
}

/** "alice@example.com as LunoraOperator", "bob", or null when STS could not tell. */
export function describeCaller(caller: AwsCaller | null | undefined): string | null {
  if (!caller?.user && !caller?.role) return null;
  if (caller.user && caller.role) return `${caller.user} as ${caller.role}`;
  return caller.user ?? `role ${caller.role ?? ''}`;
}
