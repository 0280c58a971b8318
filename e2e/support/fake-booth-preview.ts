import path from 'node:path';
import { afterAll, beforeAll } from 'vitest';
import type { Browser } from 'playwright-core';
import type { Router } from '../../src-main/ipc/router';
import { silentLogger } from '../../src-main/core/logger';
import { startWebPreview, type WebPreview } from '../../src-main/web/preview-server';
import { launchChromium } from './browser';
import { REPO } from './harness';

/** The preview only serves the files here; the page talks to the fake `window.booth`, never to this router. */
const unusedRouter: Router = {
  invoke: async () => ({ ok: false, code: 'unavailable', message: 'no core in layout tests' }),
  publish: () => {},
  attach: () => () => {},
};

export interface FakeBoothPreview {
  readonly preview: WebPreview;
  readonly browser: Browser;
}

/**
 * For layout suites: one web preview serving the built renderer (no core behind it) and one Chromium for the
 * whole file, opened before its tests and closed after them.
 */
export function useFakeBoothPreview(): FakeBoothPreview {
  let preview: WebPreview | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    preview = await startWebPreview({
      router: unusedRouter,
      logger: silentLogger,
      rendererDir: path.join(REPO, 'out/renderer'),
    });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await preview?.close();
  });
  return {
    get preview() {
      if (!preview) throw new Error('the preview starts in beforeAll');
      return preview;
    },
    get browser() {
      if (!browser) throw new Error('Chromium starts in beforeAll');
      return browser;
    },
  };
}
