import { describe, expect, it } from 'vitest';
import { checkConfig } from './config';

const TOKEN = `lbr_${'0123abcd-0123-4567-89ab-0123456789ab'}.${'A'.repeat(43)}`;

describe('checkConfig', () => {
  it('accepts a host, a port and a console token', () => {
    expect(checkConfig({ host: '127.0.0.1', port: 17878 }, { token: TOKEN })).toEqual({
      ok: true,
      baseUrl: 'http://127.0.0.1:17878',
      token: TOKEN,
    });
    expect(checkConfig({ host: 'booth-pc.local', port: 20000 }, { token: ` ${TOKEN} ` })).toMatchObject({ ok: true });
  });

  it.each([
    [{ host: '', port: 17878 }, { token: TOKEN }, /not a computer name/],
    [{ host: 'http://127.0.0.1', port: 17878 }, { token: TOKEN }, /not a computer name/],
    [{ host: '300.1.1.1', port: 17878 }, { token: TOKEN }, /not a computer name/],
    [{ host: '127.0.0.1', port: 0 }, { token: TOKEN }, /not a port number/],
    [{ host: '127.0.0.1', port: 70_000 }, { token: TOKEN }, /not a port number/],
    [{ host: '127.0.0.1', port: 17878 }, {}, /Paste a control token/],
    [{ host: '127.0.0.1', port: 17878 }, { token: 'hunter2' }, /not a console control token/],
  ])('refuses %j %j in words', (config, secrets, message) => {
    const checked = checkConfig(config, secrets);
    expect(checked.ok).toBe(false);
    if (!checked.ok) expect(checked.message).toMatch(message);
  });
});
