import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

vi.mock('electron', async () => (await import('./test-support/electron-fake')).electronModule);

import { ROLES, type Role } from '../../shared/domain/roles';
import { silentLogger } from '../core/logger';
import { createMemorySettingsStore, type SettingsStore } from '../core/settings';
import { pageUrl } from './app-url';
import { createWindowManager, SAVE_BOUNDS_DELAY_MS, WINDOW_TITLES, type WindowManager } from './windows';
import { createWindowRegistry, type WindowRegistry } from './window-registry';
import { fake, fakeEvent, FakeBrowserWindow, resetElectronFake } from './test-support/electron-fake';

const PRELOAD_DIR = path.join('/app', 'out', 'preload');

function asFake(window: unknown): FakeBrowserWindow {
  return window as FakeBrowserWindow;
}

describe('window manager', () => {
  let settings: SettingsStore;
  let registry: WindowRegistry;
  let manager: WindowManager;
  const created: Array<[unknown, Role]> = [];

  beforeEach(() => {
    resetElectronFake();
    settings = createMemorySettingsStore();
    registry = createWindowRegistry();
    created.length = 0;
    manager = createWindowManager({
      settings,
      registry,
      logger: silentLogger,
      preloadDir: PRELOAD_DIR,
      devTools: false,
      onCreated: (window, role) => created.push([window, role]),
    });
  });
  afterEach(() => vi.useRealTimers());

  describe.each(ROLES)('%s window', (role) => {
    it('is created with the hardened webPreferences and its own preload', () => {
      const window = asFake(manager.open(role));
      expect(window.options.webPreferences).toEqual({
        preload: path.join(PRELOAD_DIR, `${role}.cjs`),
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        nodeIntegrationInWorker: false,
        nodeIntegrationInSubFrames: false,
        webSecurity: true,
        allowRunningInsecureContent: false,
        webviewTag: false,
        spellcheck: false,
        navigateOnDragDrop: false,
        experimentalFeatures: false,
        safeDialogs: true,
        devTools: false,
      });
      expect(window.options.title).toBe(WINDOW_TITLES[role]);
      expect(window.webContents.getURL()).toBe(pageUrl(role));
      expect(registry.roleOf(window.webContents.id)).toBe(role);
      expect(created).toEqual([[window, role]]);
    });

    it('denies navigation away from its page, but not a reload of the page itself', () => {
      const contents = asFake(manager.open(role)).webContents;
      for (const url of [
        'https://evil.example/',
        'file:///etc/passwd',
        'app://booth/other/index.html',
        pageUrl(role === 'operator' ? 'admin' : 'operator'),
      ]) {
        const event = fakeEvent({ url, isMainFrame: true });
        contents.emit('will-navigate', event);
        expect(event.defaultPrevented, url).toBe(true);
      }
      const same = fakeEvent({ url: `${pageUrl(role)}#tiles`, isMainFrame: true });
      contents.emit('will-navigate', same);
      expect(same.defaultPrevented).toBe(false);
      const redirect = fakeEvent({ url: 'https://evil.example/', isMainFrame: true });
      contents.emit('will-redirect', redirect);
      expect(redirect.defaultPrevented).toBe(true);
      expect(fake.openExternal).not.toHaveBeenCalled();
    });

    it('denies new windows, handing only allow-listed https links to the system browser', () => {
      const contents = asFake(manager.open(role)).webContents;
      expect(contents.windowOpenHandler?.({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
      expect(contents.windowOpenHandler?.({ url: 'http://docs.aws.amazon.com/medialive/' })).toEqual({
        action: 'deny',
      });
      expect(contents.windowOpenHandler?.({ url: pageUrl('admin') })).toEqual({ action: 'deny' });
      expect(fake.openExternal).not.toHaveBeenCalled();
      expect(contents.windowOpenHandler?.({ url: 'https://docs.aws.amazon.com/medialive/' })).toEqual({
        action: 'deny',
      });
      expect(fake.openExternal).toHaveBeenCalledExactlyOnceWith('https://docs.aws.amazon.com/medialive/');
    });

    it('prevents <webview> attachment', () => {
      const contents = asFake(manager.open(role)).webContents;
      const event = fakeEvent({});
      contents.emit('will-attach-webview', event, {}, {});
      expect(event.defaultPrevented).toBe(true);
    });

    it('denies every permission request and check on its session', () => {
      const session = asFake(manager.open(role)).webContents.session;
      for (const permission of [
        'media',
        'notifications',
        'geolocation',
        'clipboard-read',
        'openExternal',
        'fullscreen',
      ]) {
        const callback = vi.fn();
        session.permissionRequestHandler?.({}, permission, callback, {});
        expect(callback, permission).toHaveBeenCalledExactlyOnceWith(false);
        expect(session.permissionCheckHandler?.({}, permission, 'app://booth', {}), permission).toBe(false);
      }
      expect(session.devicePermissionHandler?.({})).toBe(false);
    });

    it('keeps its own title when the page sets <title>', () => {
      const window = asFake(manager.open(role));
      const event = fakeEvent({});
      window.emit('page-title-updated', event, 'Vite App');
      expect(event.defaultPrevented).toBe(true);
    });
  });

  it('keeps one window per role and focuses it instead of opening another', () => {
    const first = asFake(manager.open('operator'));
    first.minimize();
    const again = asFake(manager.open('operator'));
    expect(again).toBe(first);
    expect(first.minimized).toBe(false);
    expect(first.focused).toBe(true);
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    manager.open('admin');
    expect(FakeBrowserWindow.instances).toHaveLength(2);
  });

  it('opens a new window after the previous one was closed, and forgets the closed one', () => {
    const first = asFake(manager.open('admin'));
    const id = first.webContents.id;
    first.close();
    expect(registry.roleOf(id)).toBeNull();
    expect(manager.get('admin')).toBeNull();
    const second = asFake(manager.open('admin'));
    expect(second).not.toBe(first);
  });

  it('shows the window when ready, maximised if it was', () => {
    settings.update((s) => ({
      ...s,
      windows: { operator: { x: 10, y: 10, width: 1000, height: 700, maximized: true } },
    }));
    const window = asFake(manager.open('operator'));
    expect(window.visible).toBe(false);
    window.emit('ready-to-show');
    expect(window.visible).toBe(true);
    expect(window.maximized).toBe(true);
  });

  describe('bounds', () => {
    it('restores saved bounds that are on a connected display', () => {
      settings.update((s) => ({ ...s, windows: { operator: { x: 2000, y: 50, width: 1200, height: 800 } } }));
      fake.displays.push({
        id: 2,
        workArea: { x: 1920, y: 0, width: 2560, height: 1400 },
        bounds: { x: 1920, y: 0, width: 2560, height: 1440 },
      });
      const window = asFake(manager.open('operator'));
      expect(window.options).toMatchObject({ x: 2000, y: 50, width: 1200, height: 800 });
    });

    it('ignores a saved position on a display that is gone, keeping the size and centring', () => {
      settings.update((s) => ({ ...s, windows: { operator: { x: 2000, y: 50, width: 1200, height: 800 } } }));
      const window = asFake(manager.open('operator'));
      expect(window.options.x).toBeUndefined();
      expect(window.options.y).toBeUndefined();
      expect(window.options).toMatchObject({ center: true, width: 1200, height: 800 });
    });

    it('saves bounds per role, debounced while moving and at once on close', () => {
      vi.useFakeTimers();
      const window = asFake(manager.open('admin'));
      window.userSetBounds({ x: 40, y: 60 });
      window.userSetBounds({ width: 1000.4, height: 700 });
      expect(settings.get().windows.admin).toBeUndefined();
      vi.advanceTimersByTime(SAVE_BOUNDS_DELAY_MS);
      expect(settings.get().windows.admin).toEqual({ x: 40, y: 60, width: 1000, height: 700, maximized: false });

      window.userSetBounds({ x: 80 });
      window.close();
      expect(settings.get().windows.admin).toMatchObject({ x: 80 });
      expect(settings.get().windows.operator).toBeUndefined();
      // The debounced save of the closed window must not fire later.
      const spy = vi.spyOn(settings, 'update');
      vi.advanceTimersByTime(SAVE_BOUNDS_DELAY_MS * 2);
      expect(spy).not.toHaveBeenCalled();
    });
  });
});
