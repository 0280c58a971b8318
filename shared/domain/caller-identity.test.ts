import { describe, expect, it } from 'vitest';
import { callerIdentityOf, describeCaller } from './caller-identity';

describe('caller identity from the GetCallerIdentity ARN', () => {
  it('reads the role and the person of an assumed role (an IAM Identity Center sign-in)', () => {
    const caller = callerIdentityOf(
      'arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Operator_1/alice@example.com',
    );
    expect(caller).toEqual({ role: 'AWSReservedSSO_Operator_1', user: 'alice@example.com' });
    expect(describeCaller(caller)).toBe('alice@example.com as AWSReservedSSO_Operator_1');
  });

  it('reads an IAM user, with its path, as a user without a role', () => {
    expect(callerIdentityOf('arn:aws:iam::123456789012:user/booth/bob')).toEqual({ role: null, user: 'bob' });
    expect(describeCaller({ role: null, user: 'bob' })).toBe('bob');
  });

  it('says nothing when STS could not tell', () => {
    expect(callerIdentityOf(undefined)).toEqual({ role: null, user: null });
    expect(describeCaller(null)).toBeNull();
    expect(describeCaller({ role: null, user: null })).toBeNull();
  });
});
