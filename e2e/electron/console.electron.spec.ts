import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { _electron as electron, type ElectronApplication, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

/**
 * The packaged shape of the app, in a real Electron: built main + preloads + renderer,
 * core in simulation mode, settings in a throw-away userData. Needs the Electron binary;
 * run through `npm run test:electron` (e2e/electron/run.mjs), which refuses to skip.
 */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const TILE = '[data-testid="destination-tile"]';

let app: ElectronApplication;
let window: Page;
let userData: string;

beforeAll(async () => {
  userData = await mkdtemp(path.join(os.tmpdir(), 'lunora-electron-e2e-'));
  app = await electron.launch({
    args: ['out/main/main.mjs'],
    cwd: root,
    env: { ...process.env, LUNORA_MODE: 'simulation', LUNORA_USER_DATA: userData },
    timeout: 60_000,
  });
  window = await app.firstWindow();
});

afterAll(async () => {
  await app?.close();
  if (userData) await rm(userData, { recursive: true, force: true });
});

describe('Lunora Booth in Electron', () => {
  it('opens the operator window on its app:// page', async () => {
    await window.waitForLoadState('domcontentloaded');
    expect(window.url()).toBe('app://booth/operator/index.html');
    const titles = await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().map((w) => w.getTitle()));
    expect(titles).toEqual(['Lunora Booth — Operator']);
  });

  it('shows five destination tiles', async () => {
    await window.waitForSelector(TILE, { timeout: 30_000 });
    await expect.poll(() => window.locator(TILE).count(), { timeout: 30_000 }).toBe(5);
  });

  it('runs every window with contextIsolation and sandbox, without Node integration', async () => {
    const preferences = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows().map((w) => {
        // Not in Electron's typings, but public at runtime and the documented way to read what a window really got.
        const p = (
          w.webContents as unknown as { getLastWebPreferences(): Record<string, unknown> }
        ).getLastWebPreferences();
        return {
          contextIsolation: p.contextIsolation,
          sandbox: p.sandbox,
          nodeIntegration: p.nodeIntegration,
          webviewTag: p.webviewTag,
          webSecurity: p.webSecurity,
        };
      }),
    );
    expect(preferences.length).toBeGreaterThan(0);
    for (const p of preferences) {
      expect(p).toEqual({
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webviewTag: false,
        webSecurity: true,
      });
    }
  });

  it('gives the page window.booth and nothing of Node', async () => {
    const seen = await window.evaluate(() => {
      const g = globalThis as unknown as Record<string, unknown> & { booth: { role: string } };
      return {
        require: typeof g['require'],
        process: typeof g['process'],
        bridge: Object.keys(g.booth).sort(),
        role: g.booth.role,
      };
    });
    expect(seen).toEqual({
      require: 'undefined',
      process: 'undefined',
      bridge: ['invoke', 'on', 'role'],
      role: 'operator',
    });
  });

  it('answers the operator over IPC and refuses it an admin-only channel', async () => {
    const answers = await window.evaluate(async () => {
      const booth = (
        globalThis as unknown as { booth: { invoke(c: string, p: unknown): Promise<{ ok: boolean; code?: string }> } }
      ).booth;
      return {
        describe: await booth.invoke('connection.describe', {}),
        presets: await booth.invoke('presets.listAll', {}),
      };
    });
    expect(answers.describe.ok).toBe(true);
    expect(answers.presets).toMatchObject({ ok: false });
  });

  it('opens the admin window from the menu, once', async () => {
    const opened = app.waitForEvent('window');
    await app.evaluate(({ Menu }) => {
      Menu.getApplicationMenu()?.getMenuItemById('open-admin')?.click();
    });
    const admin = await opened;
    await admin.waitForLoadState('domcontentloaded');
    expect(admin.url()).toBe('app://booth/admin/index.html');
    await app.evaluate(({ Menu }) => {
      Menu.getApplicationMenu()?.getMenuItemById('open-admin')?.click();
    });
    const titles = await app.evaluate(({ BrowserWindow }) =>
      BrowserWindow.getAllWindows()
        .map((w) => w.getTitle())
        .sort(),
    );
    expect(titles).toEqual(['Lunora Booth — Admin', 'Lunora Booth — Operator']);
  });
});
