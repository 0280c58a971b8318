import type { Logger } from './logger';

export interface ProcessLike {
  on(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  on(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
  off(event: 'uncaughtException', listener: (error: Error) => void): unknown;
  off(event: 'unhandledRejection', listener: (reason: unknown) => void): unknown;
}

function describe(reason: unknown): { name: string; message: string; stack: string | null } {
  if (reason instanceof Error) return { name: reason.name, message: reason.message, stack: reason.stack ?? null };
  return { name: typeof reason, message: String(reason), stack: null };
}

/**
 * Keeps the console running when an error escapes a socket, timer or promise: the process holds every
 * window and, in simulation, the simulator, and on a real account the channels keep billing with nobody
 * watching if it ends. Each escape is logged at error level with its stack, never swallowed.
 * Returns the function that removes the guard.
 */
export function installProcessGuard(logger: Logger, proc: ProcessLike = process): () => void {
  const onException = (error: Error) =>
    logger.error('process: an error escaped its handler; the console keeps running', describe(error));
  const onRejection = (reason: unknown) =>
    logger.error('process: a promise failed with nobody waiting for it; the console keeps running', describe(reason));
  proc.on('uncaughtException', onException);
  proc.on('unhandledRejection', onRejection);
  return () => {
    proc.off('uncaughtException', onException);
    proc.off('unhandledRejection', onRejection);
  };
}
