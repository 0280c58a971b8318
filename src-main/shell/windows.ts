import path from 'node:path';
import { BrowserWindow, screen } from 'electron';
import type { Role } from '../../shared/domain/roles';
import type { SettingsStore } from '../core/settings';
import type { Logger } from '../core/logger';
import { pageUrl } from './app-url';
import { hardenSession, hardenWebContents, secureWebPreferences } from './harden';
import { boundsToSave, initialBounds } from './window-bounds';
import type { WindowRegistry } from './window-registry';

export const WINDOW_TITLES: Record<Role, string> = {
  operator: 'Lunora Booth — Operator',
  admin: 'Lunora Booth — Admin',
};

const DEFAULT_SIZE: Record<Role, { width: number; height: number }> = {
  operator: { width: 1280, height: 800 },
  admin: { width: 1100, height: 760 },
};

/** Saving on every move event would write the settings file dozens of times per drag. */
export const SAVE_BOUNDS_DELAY_MS = 500;

export interface WindowManagerOptions {
  settings: SettingsStore;
  registry: WindowRegistry;
  logger: Logger;
  /** Folder holding `<role>.cjs` preloads. */
  preloadDir: string;
  devTools: boolean;
  /** Called once per new window, before its page loads (the IPC binding attaches events here). */
  onCreated?(window: BrowserWindow, role: Role): void;
}

export interface WindowManager {
  /** Opens the role's window, or focuses it: one window per role. */
  open(role: Role): BrowserWindow;
  get(role: Role): BrowserWindow | null;
}

export function focusWindow(window: BrowserWindow): void {
  if (window.isMinimized()) window.restore();
  window.show();
  window.focus();
}

export function createWindowManager(options: WindowManagerOptions): WindowManager {
  const { settings, registry, logger } = options;
  const open = new Map<Role, BrowserWindow>();

  function saveBounds(window: BrowserWindow, role: Role): void {
    if (window.isDestroyed()) return;
    const bounds = boundsToSave(window.getNormalBounds(), window.isMaximized());
    if (bounds === null) return;
    settings.update((current) => ({ ...current, windows: { ...current.windows, [role]: bounds } }));
  }

  function create(role: Role): BrowserWindow {
    const placed = initialBounds(settings.get().windows[role], screen.getAllDisplays(), DEFAULT_SIZE[role]);
    const window = new BrowserWindow({
      title: WINDOW_TITLES[role],
      ...(placed.x !== undefined && placed.y !== undefined ? { x: placed.x, y: placed.y } : { center: true }),
      width: placed.width,
      height: placed.height,
      minWidth: 800,
      minHeight: 560,
      show: false,
      backgroundColor: '#0b0d12',
      webPreferences: secureWebPreferences(path.join(options.preloadDir, `${role}.cjs`), options.devTools),
    });
    const contents = window.webContents;
    const contentsId = contents.id;
    hardenWebContents(contents, role, logger);
    hardenSession(contents.session);
    registry.register(contentsId, role);
    open.set(role, window);

    // The page's <title> would otherwise replace the window title the operator relies on.
    window.on('page-title-updated', (event) => event.preventDefault());
    window.once('ready-to-show', () => {
      if (placed.maximized) window.maximize();
      window.show();
    });

    let timer: NodeJS.Timeout | null = null;
    const scheduleSave = () => {
      if (timer) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = null;
        saveBounds(window, role);
      }, SAVE_BOUNDS_DELAY_MS);
    };
    window.on('move', scheduleSave);
    window.on('resize', scheduleSave);
    window.on('close', () => {
      if (timer) clearTimeout(timer);
      timer = null;
      saveBounds(window, role);
    });
    window.on('closed', () => {
      registry.unregister(contentsId);
      if (open.get(role) === window) open.delete(role);
    });
    contents.on('render-process-gone', (_event, details) =>
      logger.error('shell: renderer gone', { role, reason: details.reason }),
    );

    options.onCreated?.(window, role);
    window.loadURL(pageUrl(role)).catch((error: unknown) => {
      logger.error('shell: page failed to load', {
        role,
        error: error instanceof Error ? error.message : String(error),
      });
    });
    return window;
  }

  return {
    open(role) {
      const existing = open.get(role);
      if (existing && !existing.isDestroyed()) {
        focusWindow(existing);
        return existing;
      }
      return create(role);
    },
    get(role) {
      const existing = open.get(role);
      return existing && !existing.isDestroyed() ? existing : null;
    },
  };
}
