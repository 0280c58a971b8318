import { describe, expect, it } from 'vitest';
import { principalName } from './connection-info';
import { externalSimulator } from './connection-mode';

describe('a simulator running as its own process (LUNORA_SIM_ENDPOINT)', () => {
  it('is used when both endpoints name this machine', () => {
    expect(
      externalSimulator({
        LUNORA_SIM_ENDPOINT: 'http://127.0.0.1:4566/',
        LUNORA_SIM_DYNAMO_ENDPOINT: 'http://localhost:4567',
      }),
    ).toEqual({ endpoint: 'http://127.0.0.1:4566', dynamoEndpoint: 'http://localhost:4567', region: 'us-east-1' });
    expect(externalSimulator({})).toBeNull();
  });

  it('refuses, in words, an address off this machine, a non-URL, or a missing DynamoDB endpoint', () => {
    expect(() =>
      externalSimulator({
        LUNORA_SIM_ENDPOINT: 'http://10.0.0.5:4566',
        LUNORA_SIM_DYNAMO_ENDPOINT: 'http://127.0.0.1:1',
      }),
    ).toThrow(/must be an http address on this machine/);
    expect(() =>
      externalSimulator({ LUNORA_SIM_ENDPOINT: 'not a url', LUNORA_SIM_DYNAMO_ENDPOINT: 'http://127.0.0.1:1' }),
    ).toThrow(/is not a URL/);
    expect(() => externalSimulator({ LUNORA_SIM_ENDPOINT: 'http://127.0.0.1:4566' })).toThrow(
      /without LUNORA_SIM_DYNAMO_ENDPOINT/,
    );
  });
});

describe('the operator named on the channels it starts', () => {
  it('is the last element of the caller ARN', () => {
    expect(principalName('arn:aws:sts::123456789012:assumed-role/AWSReservedSSO_Operator_1/alice@example.com')).toBe(
      'alice@example.com',
    );
    expect(principalName('arn:aws:iam::123456789012:user/bob')).toBe('bob');
    expect(principalName(undefined)).toBeNull();
  });
});
