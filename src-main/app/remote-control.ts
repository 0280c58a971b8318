import { BoothError } from '../../shared/domain/errors';
import type { RemoteStatus } from '../../shared/ipc/features/remote.contract';
import type { IncidentLog } from '../core/incidents/incident-log';
import type { Logger } from '../core/logger';
import type { SettingsStore } from '../core/settings';
import type { InvokeHandlers, Router } from '../ipc/router';
import { startControlApi, type ControlApi } from '../remote/control-api';
import { RemoteTokens } from '../remote/remote-tokens';

export interface RemoteControlDeps {
  settings: SettingsStore;
  logger: Logger;
  incidents: IncidentLog;
  publish: Router['publish'];
  /** Where to listen instead of the stored port (tests and benches pass 0: any free port), until an admin chooses. */
  port?: number;
  now?: () => number;
}

type RemoteAdminChannel =
  'remote.status' | 'remote.configure' | 'remote.tokens' | 'remote.createToken' | 'remote.revokeToken';

export interface RemoteControl {
  handlers: Pick<InvokeHandlers, RemoteAdminChannel>;
  /** Starts listening with the router every request goes through; a port in use is said, never thrown. */
  start(router: Router): Promise<void>;
  status(): RemoteStatus;
  tokens: RemoteTokens;
  close(): Promise<void>;
}

function inWords(error: unknown, port: number): string {
  const code = (error as NodeJS.ErrnoException | null)?.code;
  if (code === 'EADDRINUSE')
    return `Port ${port} is used by another program; choose another port (admin: Remote control).`;
  if (code === 'EACCES') return `This computer does not let the console listen on port ${port}; choose another port.`;
  return `The control API could not listen on port ${port}.`;
}

/**
 * The control API as the core runs it: the stored port and LAN choice, the tokens (hashes in the settings file),
 * and the admin's channels to change them. A change of port or LAN restarts the listener; a token revoked stops
 * working at once, on open sockets too.
 */
export function createRemoteControl(deps: RemoteControlDeps): RemoteControl {
  const { settings, logger } = deps;
  const tokens = new RemoteTokens(
    settings.get().remote.tokens,
    (all) => settings.update((current) => ({ ...current, remote: { ...current.remote, tokens: all } })),
    deps.now,
  );
  let portOverride = deps.port;
  let router: Router | null = null;
  let api: ControlApi | null = null;
  let problem: string | null = null;
  let closed = false;

  const wantedPort = () => portOverride ?? settings.get().remote.port;
  const status = (): RemoteStatus => ({
    listening: api !== null,
    address: api?.address ?? null,
    port: api?.port ?? wantedPort(),
    lan: api?.lan ?? settings.get().remote.lan,
    problem,
  });

  async function listen(): Promise<void> {
    if (!router || closed) return;
    await api?.close();
    api = null;
    const port = wantedPort();
    const lan = settings.get().remote.lan;
    try {
      api = await startControlApi({ router, tokens, logger, port, lan, ...(deps.now ? { now: deps.now } : {}) });
      problem = null;
    } catch (error) {
      problem = inWords(error, port);
      logger.warn('control-api: not listening', { port, lan, code: (error as NodeJS.ErrnoException).code });
    }
    deps.publish('remote.statusFeed', status());
  }

  const record = (title: string, detail: string) =>
    deps.incidents.record({ kind: 'action', level: 'info', title, detail, destinationId: null });

  return {
    tokens,
    status,
    async start(next) {
      router = next;
      await listen();
    },
    handlers: {
      'remote.status': async () => status(),
      'remote.configure': async ({ port, lan }) => {
        const wasLan = settings.get().remote.lan;
        settings.update((current) => ({ ...current, remote: { ...current.remote, port, lan } }));
        portOverride = undefined;
        await listen();
        if (lan !== wasLan) {
          record(
            lan ? 'Control API opened to the LAN' : 'Control API closed to the LAN',
            lan ? `Any computer on the network may now call port ${port} with a token.` : 'This computer only.',
          );
        }
        return status();
      },
      'remote.tokens': async () => ({ tokens: tokens.list() }),
      'remote.createToken': async ({ name, role }) => {
        if (tokens.list().some((t) => t.name.toLowerCase() === name.toLowerCase())) {
          throw new BoothError('conflict', `A token named “${name}” exists; give this one another name.`);
        }
        const made = tokens.create(name, role);
        record(`Control token created (${name})`, `Role ${role}. The secret was shown once and is not kept.`);
        return { secret: made.token, token: made.info };
      },
      'remote.revokeToken': async ({ id }) => {
        const token = tokens.list().find((t) => t.id === id);
        if (!token || !tokens.revoke(id)) throw new BoothError('not-found', 'This token was already revoked.');
        record(`Control token revoked (${token.name})`, 'Requests with it are refused from now on.');
        return { tokens: tokens.list() };
      },
    },
    async close() {
      closed = true;
      await api?.close();
      api = null;
    },
  };
}
