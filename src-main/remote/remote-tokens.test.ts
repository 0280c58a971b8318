import { describe, expect, it } from 'vitest';
import { RemoteTokens, type StoredRemoteToken } from './remote-tokens';

describe('remote tokens', () => {
  it('stores only a salted hash, never the secret, and verifies the token after a reload', () => {
    let saved: StoredRemoteToken[] = [];
    const tokens = new RemoteTokens([], (all) => (saved = all));
    const a = tokens.create('Stream Deck', 'remote-operator');
    const b = tokens.create('Stream Deck', 'remote-operator');
    expect(JSON.stringify(saved)).not.toContain(a.token.split('.')[1]);
    expect(saved[0]?.salt).not.toBe(saved[1]?.salt);
    const reloaded = new RemoteTokens(saved);
    expect(reloaded.verify(a.token)).toMatchObject({ name: 'Stream Deck', role: 'remote-operator' });
    expect(reloaded.verify(b.token)?.id).toBe(b.info.id);
  });

  it('refuses a wrong secret, a swapped id, garbage and a revoked token', () => {
    const tokens = new RemoteTokens();
    const a = tokens.create('A', 'remote-viewer');
    const b = tokens.create('B', 'remote-operator');
    const [idA, secretA] = a.token.slice(4).split('.') as [string, string];
    const [idB] = b.token.slice(4).split('.') as [string, string];
    expect(tokens.verify(`lbr_${idB}.${secretA}`)).toBeNull();
    expect(tokens.verify(`lbr_${idA}.${'A'.repeat(43)}`)).toBeNull();
    expect(tokens.verify('')).toBeNull();
    expect(tokens.verify(a.token)).not.toBeNull();
    expect(tokens.revoke(a.info.id)).toBe(true);
    expect(tokens.verify(a.token)).toBeNull();
    expect(tokens.list().map((t) => t.name)).toEqual(['B']);
  });
});
