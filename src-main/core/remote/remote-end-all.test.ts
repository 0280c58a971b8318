import { describe, expect, it, vi } from 'vitest';
import { END_ALL_CONFIRM_MS, RemoteEndAll } from './remote-end-all';

function rig() {
  let now = 1_000;
  const endAll = vi.fn(async () => ({ results: [{ destinationId: 'youtube', ok: true, message: 'stopping' }] }));
  const log: string[] = [];
  const ending = new RemoteEndAll({
    now: () => now,
    endAll,
    record: (title, detail) => log.push(`${title}: ${detail}`),
  });
  return { ending, endAll, log, advance: (ms: number) => (now += ms) };
}

describe('RemoteEndAll', () => {
  it('ends the show only with the code of a request by the same control, once', async () => {
    const { ending, endAll, log } = rig();
    const { confirmation } = ending.request('Deck A');
    await expect(ending.confirm(confirmation, 'Deck B')).rejects.toMatchObject({ code: 'invalid-state' });
    await expect(ending.confirm('0000', 'Deck A')).rejects.toMatchObject({ code: 'invalid-state' });
    expect(endAll).not.toHaveBeenCalled();
    await expect(ending.confirm(confirmation, 'Deck A')).resolves.toMatchObject({ results: [{ ok: true }] });
    await expect(ending.confirm(confirmation, 'Deck A')).rejects.toMatchObject({ code: 'invalid-state' });
    expect(endAll).toHaveBeenCalledTimes(1);
    expect(log).toEqual([
      expect.stringMatching(/^End all requested from remote \(Deck A\): Nothing stopped yet/),
      'End all from remote (Deck A): 1 of 1 stopped.',
    ]);
  });

  it('refuses a confirmation that comes after the request expired; a new request replaces the old code', async () => {
    const { ending, endAll, advance } = rig();
    const late = ending.request('Deck A');
    advance(END_ALL_CONFIRM_MS);
    await expect(ending.confirm(late.confirmation, 'Deck A')).rejects.toThrow(/expired/);
    const first = ending.request('Deck A');
    const second = ending.request('Deck A');
    expect(second.confirmation).not.toBe(first.confirmation);
    await expect(ending.confirm(first.confirmation, 'Deck A')).rejects.toMatchObject({ code: 'invalid-state' });
    await ending.confirm(second.confirmation, 'Deck A');
    expect(endAll).toHaveBeenCalledTimes(1);
  });
});
