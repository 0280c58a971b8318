import type { SomeCompanionConfigField } from '@companion-module/base';

/** What an admin types into the Companion instance; the token is kept in Companion's secrets, not its config. */
export interface BoothConfig {
  host?: string;
  port?: number;
}

export interface BoothSecrets {
  token?: string;
}

/** The console's default control port (admin: Remote control). */
const DEFAULT_PORT = 17878;

/** The console's tokens are `lbr_<id>.<secret>` (shown once in its admin window, Remote control). */
const TOKEN_SHAPE = /^lbr_[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}$/;
const HOST_SHAPE =
  /^(?:(?:\d{1,3}\.){3}\d{1,3}|localhost|[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)*)$/;

export function configFields(): SomeCompanionConfigField[] {
  return [
    {
      type: 'static-text',
      id: 'info',
      width: 12,
      label: 'Lunora Booth',
      value:
        'The console’s address and a control token from its admin window (Remote control). An operator token arms and takes; a viewer token only shows the tally.',
    },
    {
      type: 'textinput',
      id: 'host',
      width: 8,
      label: 'Console address',
      default: '127.0.0.1',
      tooltip:
        '127.0.0.1 when Companion runs on the console’s computer; its LAN address when the admin opened it to the LAN.',
    },
    { type: 'number', id: 'port', width: 4, label: 'Port', default: DEFAULT_PORT, min: 1, max: 65_535 },
    { type: 'secret-text', id: 'token', width: 12, label: 'Control token (lbr_…)' },
  ];
}

export type ConfigCheck = { ok: true; baseUrl: string; token: string } | { ok: false; message: string };

/** The config as the client needs it, or what is wrong with it in words (Companion shows it as BadConfig). */
export function checkConfig(config: BoothConfig, secrets: BoothSecrets): ConfigCheck {
  const host = String(config.host ?? '').trim();
  const port = Number(config.port ?? DEFAULT_PORT);
  const token = String(secrets.token ?? '').trim();
  if (!HOST_SHAPE.test(host) || host.split('.').some((part) => /^\d+$/.test(part) && Number(part) > 255)) {
    return { ok: false, message: `“${host}” is not a computer name or IPv4 address.` };
  }
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    return { ok: false, message: `Port “${String(config.port)}” is not a port number (1 to 65535).` };
  }
  if (token === '') return { ok: false, message: 'Paste a control token from the console (admin: Remote control).' };
  if (!TOKEN_SHAPE.test(token)) {
    return { ok: false, message: 'This is not a console control token (they start with lbr_); copy it again.' };
  }
  return { ok: true, baseUrl: `http://${host}:${port}`, token };
}
