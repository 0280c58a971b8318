import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, resolveAppRequest } from './app-protocol';
import { CONTENT_SECURITY_POLICY } from '../app/content-security-policy';

describe('app:// protocol', () => {
  let base: string;
  let root: string;
  let handler: (request: Request) => Promise<Response>;

  beforeAll(async () => {
    base = await mkdtemp(path.join(os.tmpdir(), 'lunora-protocol-'));
    root = path.join(base, 'renderer');
    await mkdir(path.join(root, 'operator'), { recursive: true });
    await mkdir(path.join(root, 'assets'), { recursive: true });
    await writeFile(path.join(root, 'operator', 'index.html'), '<!doctype html><title>op</title>');
    await writeFile(path.join(root, 'assets', 'main.js'), 'console.log(1)');
    // Files just outside the served folder, which traversal would reach.
    await writeFile(path.join(base, 'secret.json'), '{"aws_secret_access_key":"x"}');
    await mkdir(path.join(base, 'renderer-evil'), { recursive: true });
    await writeFile(path.join(base, 'renderer-evil', 'x.js'), 'evil()');
    handler = createAppProtocolHandler(root);
  });
  afterAll(() => rm(base, { recursive: true, force: true }));

  const get = (url: string, method = 'GET') => handler(new Request(url, { method }));

  it('serves a page with the CSP as a response header and the right type', async () => {
    const response = await get('app://booth/operator/index.html');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    // The checklist's floor, whatever else the shared policy adds.
    for (const directive of ["default-src 'none'", "script-src 'self'", "style-src 'self'", "connect-src 'self'"]) {
      expect(CONTENT_SECURITY_POLICY).toContain(directive);
    }
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-(inline|eval)/);
    expect(await response.text()).toContain('<title>op</title>');
  });

  it('serves index.html for a folder URL and scripts as JavaScript', async () => {
    expect((await get('app://booth/operator/')).status).toBe(200);
    const script = await get('app://booth/assets/main.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it.each([
    'app://booth/../secret.json',
    'app://booth/%2e%2e/secret.json',
    'app://booth/operator/..%2F..%2Fsecret.json',
    'app://booth/..%2f..%2fsecret.json',
    'app://booth/%2E%2E%2Frenderer-evil/x.js',
    'app://booth/operator%5C..%5C..%5Csecret.json',
    'app://booth/operator/index.html%00.js',
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBeGreaterThanOrEqual(400);
    expect(await response.text()).not.toContain('aws_secret');
    expect(response.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
  });

  it('refuses unknown files, unknown types, other hosts and other methods', async () => {
    expect((await get('app://booth/operator/missing.html')).status).toBe(404);
    expect((await get('app://booth/operator')).status).toBe(404);
    expect((await get('app://elsewhere/operator/index.html')).status).toBe(403);
    expect((await get('app://booth/operator/index.html', 'POST')).status).toBe(405);
  });

  it('never resolves outside the root', () => {
    expect(resolveAppRequest('app://booth/..%2F..%2Fetc/passwd', '/srv/out/renderer')).toEqual({
      ok: false,
      status: 403,
    });
    expect(resolveAppRequest('app://booth/admin/index.html', '/srv/out/renderer')).toEqual({
      ok: true,
      file: path.resolve('/srv/out/renderer/admin/index.html'),
      mime: 'text/html; charset=utf-8',
    });
    expect(resolveAppRequest('app://booth/%E0%A4%A', '/srv/out/renderer')).toEqual({ ok: false, status: 400 });
  });
});
