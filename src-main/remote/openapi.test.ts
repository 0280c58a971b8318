import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { controlApiOpenApi } from './openapi';

const ROOT = path.resolve(import.meta.dirname, '../..');

describe('the control API description', () => {
  it('the checked-in docs/control-api.openapi.json and the README table are what the contract generates', () => {
    const spec = controlApiOpenApi();
    const stored = JSON.parse(readFileSync(path.join(ROOT, 'docs/control-api.openapi.json'), 'utf8')) as unknown;
    expect(stored, 'stale: run npm run openapi:generate').toEqual(spec);
    const readme = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
    for (const route of Object.keys(spec['paths'] as object)) expect(readme).toContain(`\`POST ${route}\``);
  });

  it('names only operations a token may call, never an admin or window operation', () => {
    const routes = Object.keys(controlApiOpenApi()['paths'] as object);
    expect(routes).toEqual(expect.arrayContaining(['/api/v1/remote.arm', '/api/v1/remote.take']));
    for (const hidden of ['remote.createToken', 'remote.configure', 'channels.start', 'settings.updateCosts'])
      expect(routes).not.toContain(`/api/v1/${hidden}`);
  });
});
