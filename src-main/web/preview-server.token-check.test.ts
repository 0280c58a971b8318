import { request } from 'node:http';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { silentLogger } from '../core/logger';
import { createRouter } from '../ipc/router';
import { fakeHandlers } from '../ipc/test-support/fake-handlers';
import { startWebPreview, type WebPreview } from './preview-server';

let preview: WebPreview | null = null;
afterEach(async () => {
  await preview?.close();
  preview = null;
});

function head(url: string, headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: 'HEAD', headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on('error', reject);
    req.end();
  });
}

describe('web preview: may this window still connect (after its socket was refused)?', () => {
  it("answers 426 for this run's token and 403 for any other, or from a foreign page", async () => {
    preview = await startWebPreview({
      router: createRouter(fakeHandlers(), silentLogger),
      logger: silentLogger,
      rendererDir: mkdtempSync(path.join(tmpdir(), 'booth-renderer-')),
    });
    const token = new URL(preview.operatorUrl).hash.replace('#token=', '');
    expect(await head(`${preview.origin}/ipc?token=${token}`)).toBe(426);
    expect(await head(`${preview.origin}/ipc?token=${token}`, { origin: preview.origin })).toBe(426);
    expect(await head(`${preview.origin}/ipc?token=from-an-earlier-run`)).toBe(403);
    expect(await head(`${preview.origin}/ipc?token=${token}`, { origin: 'http://evil.example' })).toBe(403);
    expect(await head(`${preview.origin}/ipc?token=${token}`, { host: 'evil.example' })).toBe(421);
  });
});
