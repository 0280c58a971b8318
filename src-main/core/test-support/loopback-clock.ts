import { ManualClock } from './manual-clock';

interface Stack {
  middlewareStack: { add(mw: unknown, options: { step: string; name: string }): void };
}

/**
 * A ManualClock shared by the simulator and the SDK clients under test: time stands still while a request crosses
 * the loopback socket (settle waits until no tracked client has a request under way).
 */
export function loopbackClock(): {
  clock: ManualClock;
  /** Counts the client's requests in flight; `onRequest` hears each command's name as it leaves. */
  track<T extends object>(client: T, onRequest?: (command: string) => void): T;
} {
  let inFlight = 0;
  const idle = async () => {
    do await new Promise((resolve) => setImmediate(resolve));
    while (inFlight > 0);
  };
  const track = <T extends object>(client: T, onRequest?: (command: string) => void): T => {
    (client as unknown as Stack).middlewareStack.add(
      (next: (args: unknown) => Promise<unknown>, context: { commandName?: string }) => async (args: unknown) => {
        onRequest?.(context.commandName ?? '');
        inFlight += 1;
        try {
          return await next(args);
        } finally {
          inFlight -= 1;
        }
      },
      { step: 'initialize', name: 'testInFlight' },
    );
    return client;
  };
  return { clock: new ManualClock({ settle: idle }), track };
}
