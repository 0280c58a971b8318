import { describe, expect, it } from 'vitest';
import { BoothError } from '../../shared/domain/errors';
import { connectionProblem, missingOutputs, missingRegion } from './connection-problem';

const AWS = { mode: 'aws', profile: 'booth', region: 'eu-west-1', stackName: 'lunora-booth' } as const;
const awsError = (name: string, status: number, message = 'refused') =>
  Object.assign(new Error(message), { name, $metadata: { httpStatusCode: status } });

describe('connectionProblem', () => {
  it('a stack that is not there: names the stack, the region and the profile, and says a stack elsewhere is invisible', () => {
    const problem = connectionProblem(new BoothError('not-found', 'x'), AWS);
    expect(problem).toMatchObject({
      kind: 'stack',
      message: 'There is no stack "lunora-booth" in eu-west-1 for profile booth.',
    });
    expect(problem.fix).toContain('not visible from eu-west-1');
  });

  it('an expired sign-in: says to sign in again with the profile, then retry', () => {
    expect(connectionProblem(awsError('ExpiredTokenException', 403), AWS)).toMatchObject({
      kind: 'sign-in',
      fix: 'Press Sign in (or run aws sso login --profile booth), then retry.',
    });
  });

  it('a refused permission: names who may not read what, without the exception name', () => {
    const problem = connectionProblem(
      awsError('AccessDenied', 403, 'User: arn:aws:sts::1:assumed-role/x is not authorized'),
      AWS,
    );
    expect(problem).toMatchObject({
      kind: 'access-denied',
      message: 'Profile booth may not read stack lunora-booth in eu-west-1.',
    });
    expect(problem.message).not.toMatch(/arn:|AccessDenied/);
  });

  it('no answer: the network, with the region', () => {
    expect(
      connectionProblem(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }), AWS),
    ).toMatchObject({
      kind: 'network',
      message: 'AWS did not answer from eu-west-1.',
    });
  });

  it('anything else keeps what AWS said, after what was being read', () => {
    expect(connectionProblem(awsError('SomethingOdd', 418), AWS).message).toMatch(
      /^Stack lunora-booth in eu-west-1 could not be read: /,
    );
  });

  it('no region, and missing outputs, each say where to fix them', () => {
    expect(missingRegion('booth').fix).toContain('add "region = …" to profile booth');
    expect(missingOutputs(AWS, ['PresetsTableName']).message).toBe(
      'Stack lunora-booth in eu-west-1 has no PresetsTableName output.',
    );
  });
});
