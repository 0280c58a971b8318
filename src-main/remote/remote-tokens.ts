import { randomBytes, randomUUID, scrypt, scryptSync, timingSafeEqual } from 'node:crypto';
import type { RemoteRole } from '../../shared/domain/roles';

/** What is kept of a token: its name, role and a salted scrypt hash. The secret itself is never stored. */
export interface StoredRemoteToken {
  id: string;
  name: string;
  role: RemoteRole;
  createdAt: number;
  salt: string;
  hash: string;
}

export type RemoteTokenInfo = Omit<StoredRemoteToken, 'salt' | 'hash'>;

/** Tokens are `lbr_<id>.<secret>`: the id finds the record without trying every hash. */
const PREFIX = 'lbr_';
const TOKEN_PATTERN = /^lbr_([0-9a-f-]{36})\.([A-Za-z0-9_-]{43})$/;
const KEY_BYTES = 32;

/** The token's id (its public half), or null when it is not shaped like one of ours. */
export function tokenIdOf(presented: string): string | null {
  return TOKEN_PATTERN.exec(presented)?.[1] ?? null;
}

function hashOf(secret: string, salt: string): Buffer {
  return scryptSync(secret, Buffer.from(salt, 'base64url'), KEY_BYTES);
}

/**
 * The check of a presented secret runs on libuv's thread pool: scrypt takes tens of milliseconds on purpose, and
 * run synchronously it held the main process (and any take in flight) for that long at each first request of a
 * token and at each guess.
 */
function hashOffThread(secret: string, salt: string): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(secret, Buffer.from(salt, 'base64url'), KEY_BYTES, (error, key) => (error ? reject(error) : resolve(key))),
  );
}

/**
 * The control API's tokens: several, named, each with a role, revocable. `create` returns the secret once
 * (for the admin to copy); after that only the hash is known, so a leaked settings file grants nothing.
 */
export class RemoteTokens {
  readonly #tokens = new Map<string, StoredRemoteToken>();
  /** scrypt is slow on purpose; a verified token is remembered so a burst of requests stays fast. */
  readonly #verified = new Map<string, string>();
  readonly #revoked = new Set<(id: string) => void>();

  constructor(
    initial: readonly StoredRemoteToken[] = [],
    private readonly persist: (tokens: StoredRemoteToken[]) => void = () => {},
    private readonly now: () => number = Date.now,
  ) {
    for (const token of initial) this.#tokens.set(token.id, token);
  }

  list(): RemoteTokenInfo[] {
    return [...this.#tokens.values()].map(({ id, name, role, createdAt }) => ({ id, name, role, createdAt }));
  }

  create(name: string, role: RemoteRole): { token: string; info: RemoteTokenInfo } {
    const id = randomUUID();
    const secret = randomBytes(KEY_BYTES).toString('base64url');
    const salt = randomBytes(16).toString('base64url');
    const stored: StoredRemoteToken = {
      id,
      name,
      role,
      createdAt: this.now(),
      salt,
      hash: hashOf(secret, salt).toString('base64url'),
    };
    this.#tokens.set(id, stored);
    this.persist([...this.#tokens.values()]);
    return { token: `${PREFIX}${id}.${secret}`, info: { id, name, role, createdAt: stored.createdAt } };
  }

  revoke(id: string): boolean {
    const existed = this.#tokens.delete(id);
    for (const [token, tokenId] of this.#verified) if (tokenId === id) this.#verified.delete(token);
    if (existed) {
      this.persist([...this.#tokens.values()]);
      for (const listener of this.#revoked) listener(id);
    }
    return existed;
  }

  /** The control API closes the open sockets of a token the moment it is revoked. */
  onRevoke(listener: (id: string) => void): () => void {
    this.#revoked.add(listener);
    return () => this.#revoked.delete(listener);
  }

  isActive(id: string): boolean {
    return this.#tokens.has(id);
  }

  /** The token's record, or null for anything malformed, unknown, wrong or revoked. */
  async verify(presented: string): Promise<RemoteTokenInfo | null> {
    const match = TOKEN_PATTERN.exec(presented);
    if (!match) return null;
    const [, id, secret] = match as unknown as [string, string, string];
    const stored = this.#tokens.get(id);
    if (!stored) return null;
    if (this.#verified.get(presented) !== id) {
      const expected = Buffer.from(stored.hash, 'base64url');
      const actual = await hashOffThread(secret, stored.salt);
      if (expected.length !== actual.length || !timingSafeEqual(expected, actual)) return null;
      // Revoked while it was being checked: it stays refused.
      if (this.#tokens.get(id) !== stored) return null;
      this.#verified.set(presented, id);
    }
    return { id: stored.id, name: stored.name, role: stored.role, createdAt: stored.createdAt };
  }
}
