import { describe, expect, it } from 'vitest';
import { mapAwsError } from './errors';

function awsError(name: string, status: number, message = 'AWS said no', extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), {
    name,
    $metadata: { httpStatusCode: status },
    $fault: status >= 500 ? 'server' : 'client',
    ...extra,
  });
}

describe('mapAwsError', () => {
  it.each([
    ['TooManyRequestsException', 429, 'throttled', true],
    ['Throttling', 400, 'throttled', true],
    ['ThrottlingException', 400, 'throttled', true],
    ['ExpiredTokenException', 403, 'expired-credentials', false],
    ['ForbiddenException', 403, 'access-denied', false],
    ['AccessDeniedException', 400, 'access-denied', false],
    ['NotFoundException', 404, 'not-found', false],
    ['ConflictException', 409, 'conflict', false],
    ['ConditionalCheckFailedException', 400, 'conflict', false],
    ['UnprocessableEntityException', 422, 'validation', false],
    ['InternalServerErrorException', 500, 'unavailable', true],
    ['BadGatewayException', 502, 'unavailable', true],
    ['GatewayTimeoutException', 504, 'unavailable', true],
    ['BadRequestException', 400, 'invalid-state', false],
  ])('%s (%i) becomes %s', (name, status, code, retryable) => {
    const mapped = mapAwsError(awsError(name, status), 'Start YouTube');
    expect(mapped.code).toBe(code);
    expect(mapped.retryable).toBe(retryable);
    expect(mapped.awsCode).toBe(name);
    expect(mapped.message).toMatch(/^Start YouTube failed: /);
    // The exception's name and AWS's text go to the log's detail, never into the operator's headline.
    expect(mapped.message).not.toContain(name);
    expect(mapped.message).not.toContain('AWS said no');
    expect(mapped.detail).toBe(`${name}: AWS said no`);
  });

  it('keeps an ARN out of the headline and masks it in the detail', () => {
    const denied = awsError(
      'AccessDenied',
      403,
      'User: arn:aws:sts::123456789012:assumed-role/booth/admin is not authorized to perform: dynamodb:PutItem',
    );
    const mapped = mapAwsError(denied, 'Save destination');
    expect(mapped.message).toBe(
      'Save destination failed: These credentials are not allowed to do this. Ask an admin for the operator or admin policy of the stack.',
    );
    expect(mapped.detail).toBe('AccessDenied: User: arn:… is not authorized to perform: dynamodb:PutItem');
    expect(mapped.detail).not.toContain('123456789012');
  });

  it('recognises a stack that does not exist as not-found', () => {
    expect(mapAwsError(awsError('ValidationError', 400, 'Stack with id nope does not exist'), 'Read stack').code).toBe(
      'not-found',
    );
  });

  it('treats refused connections as network and timeouts as timeout (outcome unknown, not retried blindly)', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' });
    expect(mapAwsError(refused, 'Read channels')).toMatchObject({ code: 'network', retryable: false });
    const timeout = Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
    expect(mapAwsError(timeout, 'Start Twitch')).toMatchObject({ code: 'timeout', retryable: false });
  });

  it('lists validation errors from MediaLive', () => {
    const error = awsError('UnprocessableEntityException', 422, 'Unprocessable', {
      validationErrors: [{ elementPath: 'encoderSettings.videoDescriptions', errorMessage: 'is required' }],
    });
    const mapped = mapAwsError(error, 'Apply preset');
    expect(mapped.message).toBe(
      'Apply preset failed: AWS rejected the settings. encoderSettings.videoDescriptions: is required',
    );
  });

  it('handles things that are not errors at all', () => {
    expect(mapAwsError('boom', 'Start')).toMatchObject({ code: 'internal' });
    expect(mapAwsError(undefined, 'Start')).toMatchObject({ code: 'internal' });
  });
});
