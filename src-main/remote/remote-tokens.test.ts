import { describe, expect, it } from 'vitest';
import { RemoteTokens, type StoredRemoteToken } from './remote-tokens';

describe('remote tokens', () => {
  it('stores only a salted hash, never the secret, and verifies the token after a reload', async () => {
    let saved: StoredRemoteToken[] = [];
    const tokens = new RemoteTokens([], (all) => (saved = all));
    const a = tokens.create('Stream Deck', 'remote-operator');
    const b = tokens.create('Stream Deck', 'remote-operator');
    expect(JSON.stringify(saved)).not.toContain(a.token.split('.')[1]);
    expect(saved[0]?.salt).not.toBe(saved[1]?.salt);
    const reloaded = new RemoteTokens(saved);
    expect(await reloaded.verify(a.token)).toMatchObject({ name: 'Stream Deck', role: 'remote-operator' });
    expect((await reloaded.verify(b.token))?.id).toBe(b.info.id);
  });

  it('refuses a wrong secret, a swapped id, garbage and a revoked token', async () => {
    const tokens = new RemoteTokens();
    const a = tokens.create('A', 'remote-viewer');
    const b = tokens.create('B', 'remote-operator');
    const [idA, secretA] = a.token.slice(4).split('.') as [string, string];
    const [idB] = b.token.slice(4).split('.') as [string, string];
    expect(await tokens.verify(`lbr_${idB}.${secretA}`)).toBeNull();
    expect(await tokens.verify(`lbr_${idA}.${'A'.repeat(43)}`)).toBeNull();
    expect(await tokens.verify('')).toBeNull();
    expect(await tokens.verify(a.token)).not.toBeNull();
    expect(tokens.revoke(a.info.id)).toBe(true);
    expect(await tokens.verify(a.token)).toBeNull();
    expect(tokens.list().map((t) => t.name)).toEqual(['B']);
  });

  it('checks a secret off the main thread: the event loop turns while the (slow) hash runs', async () => {
    const tokens = new RemoteTokens();
    const a = tokens.create('A', 'remote-operator');
    const [id] = a.token.slice(4).split('.') as [string, string];
    for (const presented of [`lbr_${id}.${'B'.repeat(43)}`, a.token]) {
      let turned = false;
      setImmediate(() => (turned = true));
      await tokens.verify(presented);
      expect(turned).toBe(true);
    }
  });

  it('a token revoked while its secret is being checked stays refused', async () => {
    const tokens = new RemoteTokens();
    const a = tokens.create('A', 'remote-operator');
    const checking = tokens.verify(a.token);
    tokens.revoke(a.info.id);
    expect(await checking).toBeNull();
  });
});
