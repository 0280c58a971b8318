import { EventEmitter } from 'node:events';
import { describe, expect, it } from 'vitest';
import type { Logger } from './logger';
import { installProcessGuard, type ProcessLike } from './process-guard';

function recordingLogger() {
  const errors: Array<{ message: string; fields: unknown }> = [];
  const logger: Logger = {
    debug() {},
    info() {},
    warn() {},
    error: (message, fields) => errors.push({ message, fields }),
  };
  return { logger, errors };
}

describe('process guard', () => {
  it('logs an escaped exception and a lost rejection with their stacks, and removes itself', () => {
    const fake = new EventEmitter() as EventEmitter & ProcessLike;
    const { logger, errors } = recordingLogger();
    const remove = installProcessGuard(logger, fake);
    fake.emit('uncaughtException', new RangeError('socket went away'));
    fake.emit('unhandledRejection', 'a plain string');
    expect(errors).toEqual([
      {
        message: expect.stringMatching(/escaped its handler; the console keeps running/),
        fields: { name: 'RangeError', message: 'socket went away', stack: expect.stringContaining('RangeError') },
      },
      {
        message: expect.stringMatching(/promise failed/),
        fields: { name: 'string', message: 'a plain string', stack: null },
      },
    ]);
    remove();
    expect(fake.listenerCount('uncaughtException')).toBe(0);
    expect(fake.listenerCount('unhandledRejection')).toBe(0);
  });
});
