import { describe, expect, it, vi } from 'vitest';
import { ArmHolder, type ArmHolderDeps, type Hand } from './arm-holder';
import type { ArmState } from '../../../shared/ipc/features/arming.contract';

const CONSOLE: Hand = { by: 'operator window', surface: 'console' };
const DECK: Hand = { by: 'Deck A', surface: 'remote' };

function setup(overrides: Partial<ArmHolderDeps> = {}) {
  let now = 1_000;
  let ids = 0;
  const sent: string[] = [];
  const states: ArmState[] = [];
  const log: string[] = [];
  const holder = new ArmHolder({
    now: () => now,
    timeoutMs: () => 5_000,
    newId: () => `m${++ids}`,
    hasDestination: (id) => ['youtube', 'twitch'].includes(id),
    stateOf: () => 'STARTING',
    start: async (id) => {
      sent.push(`start ${id}`);
      return { outcome: 'requested', state: 'STARTING' };
    },
    stop: async (id) => {
      sent.push(`stop ${id}`);
      return { outcome: 'requested', state: 'STOPPING' };
    },
    switchSource: async (target) => {
      sent.push(`switch ${target}`);
      return { outcome: 'requested', message: 'switched' } as never;
    },
    changed: (state) => states.push(state),
    record: (title) => log.push(title),
    ...overrides,
  });
  return { holder, sent, states, log, advance: (ms: number) => (now += ms) };
}

describe('the booth’s one arm, whichever surface made it', () => {
  it('a Stream Deck take takes what the operator armed at the console (an end too), once', async () => {
    const { holder, sent, log } = setup();
    holder.arm(CONSOLE, 'youtube', 'stop', 'w1');
    const [first, second] = await Promise.allSettled([holder.take(DECK), holder.take(DECK)]);
    expect(first).toMatchObject({ status: 'fulfilled', value: { destinationId: 'youtube', action: 'stop' } });
    expect(second).toMatchObject({ status: 'rejected', reason: { code: 'invalid-state' } });
    expect(sent).toEqual(['stop youtube']);
    expect(log).toContain('Take from remote (Deck A)');
  });

  it('the window’s take of an arm a Stream Deck took first answers "already" with the state now; nothing more is sent', async () => {
    const { holder, sent } = setup();
    holder.arm(CONSOLE, 'youtube', 'start', 'w1');
    await holder.take(DECK);
    await expect(holder.take(CONSOLE, 'w1')).resolves.toEqual({
      destinationId: 'youtube',
      action: 'start',
      outcome: 'already',
      state: 'STARTING',
    });
    expect(sent).toEqual(['start youtube']);
    // A replaced arm is refused in words.
    holder.arm(CONSOLE, 'twitch', 'start', 'w2');
    holder.arm(DECK, 'youtube');
    await expect(holder.take(CONSOLE, 'w2')).rejects.toMatchObject({
      code: 'invalid-state',
      message: expect.stringContaining('Something else was armed from Stream Deck (Deck A)'),
    });
    expect(sent).toEqual(['start youtube']);
  });

  it('the window takes a Stream Deck’s arm by its id; an arm it never saw is not taken', async () => {
    const { holder, sent } = setup();
    const deckArm = holder.arm(DECK, 'twitch');
    await expect(holder.take(CONSOLE, 'stale')).rejects.toMatchObject({ code: 'invalid-state' });
    await expect(holder.take(CONSOLE, deckArm.id)).resolves.toMatchObject({ destinationId: 'twitch' });
    expect(sent).toEqual(['start twitch']);
  });

  it('the window’s disarm lets go of its own arm only: a newer Stream Deck arm stays', () => {
    const { holder } = setup();
    holder.arm(CONSOLE, 'youtube', 'start', 'w1');
    holder.arm(DECK, 'twitch');
    expect(holder.disarm(CONSOLE, 'w1').armed).toMatchObject({ destinationId: 'twitch', surface: 'remote' });
    expect(holder.disarm(DECK).armed).toBeNull();
  });

  it('says how each arm ended: replaced by whom, taken, timed out', async () => {
    const { holder, states, advance } = setup();
    holder.arm(CONSOLE, 'youtube', 'start', 'w1');
    holder.arm(DECK, 'twitch');
    expect(states.at(-1)?.ended).toEqual({ id: 'w1', how: 'replaced', by: 'Deck A', surface: 'remote' });
    advance(5_000);
    expect(holder.current()).toBeNull();
    expect(states.at(-1)?.ended).toMatchObject({ id: 'm1', how: 'expired' });
    await expect(holder.take(DECK)).rejects.toMatchObject({ message: expect.stringContaining('Nothing is armed') });
  });

  it('publishes a take’s end after the request has left', async () => {
    const { holder, states } = setup();
    holder.arm(CONSOLE, 'youtube', 'start', 'w1');
    const before = states.length;
    const take = holder.take(CONSOLE, 'w1');
    expect(states).toHaveLength(before);
    await take;
    await vi.waitFor(() => expect(states.at(-1)?.ended).toMatchObject({ id: 'w1', how: 'taken' }));
  });

  it('a go-live arm and a switch arm replace each other; a switch taken from the console is the same one request', async () => {
    const { holder, sent } = setup();
    holder.arm(DECK, 'youtube');
    const sw = holder.armSwitch(DECK, 'backup', false);
    expect(holder.state().armed).toBeNull();
    await holder.takeSwitch(CONSOLE, sw.id);
    await expect(holder.takeSwitch(DECK)).rejects.toMatchObject({ code: 'invalid-state' });
    expect(sent).toEqual(['switch backup']);
  });

  it('the window’s switch arm, taken from a Stream Deck: one UpdateFlow; the window’s late take answers that result', async () => {
    const { holder, sent, states, log } = setup();
    holder.armSwitch(CONSOLE, 'backup', false, 'w-switch');
    // Both pressed at once: the deck's take consumes the arm, the window's take of the same arm sends nothing more.
    const [deck, window] = await Promise.all([holder.takeSwitch(DECK), holder.takeSwitch(CONSOLE, 'w-switch')]);
    expect(sent).toEqual(['switch backup']);
    expect(deck.message).toBe('switched');
    expect(window.message).toBe('Taken from Stream Deck (Deck A) first: switched');
    expect(states.map((s) => s.ended).filter(Boolean)).toContainEqual({
      id: 'w-switch',
      how: 'taken',
      by: 'Deck A',
      surface: 'remote',
    });
    expect(log).toContain('Backup switch from remote (Deck A)');
  });

  it('a window switch arm that was disarmed, replaced or timed out is refused at its take, and nothing is sent', async () => {
    const { holder, sent, advance } = setup();
    holder.armSwitch(CONSOLE, 'backup', false, 'w1');
    holder.arm(DECK, 'youtube');
    await expect(holder.takeSwitch(CONSOLE, 'w1')).rejects.toThrow(
      'Something else was armed from Stream Deck (Deck A)',
    );
    holder.armSwitch(CONSOLE, 'main', false, 'w2');
    holder.disarm(DECK);
    await expect(holder.takeSwitch(CONSOLE, 'w2')).rejects.toThrow('Disarmed from Stream Deck (Deck A) meanwhile');
    holder.armSwitch(CONSOLE, 'main', false, 'w3');
    advance(5_000);
    await expect(holder.takeSwitch(CONSOLE, 'w3')).rejects.toThrow('timed out');
    await expect(holder.takeSwitch(CONSOLE, 'never')).rejects.toThrow('never reached the console');
    expect(sent).toEqual([]);
  });

  it('a failed switch reaches both takes as the failure, from one request', async () => {
    let calls = 0;
    const { holder: failing } = setup({
      switchSource: async () => {
        calls += 1;
        throw new Error('MediaConnect refused the update');
      },
    });
    failing.armSwitch(CONSOLE, 'backup', false, 'w1');
    const outcomes = await Promise.allSettled([failing.takeSwitch(DECK), failing.takeSwitch(CONSOLE, 'w1')]);
    expect(outcomes.map((o) => o.status)).toEqual(['rejected', 'rejected']);
    expect(calls).toBe(1);
  });

  it('an arm of a destination not in the show is refused', () => {
    const { holder } = setup();
    expect(() => holder.arm(DECK, 'nowhere')).toThrow(/no destination/);
  });
});
