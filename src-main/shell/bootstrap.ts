import path from 'node:path';
import { app, BrowserWindow, dialog, globalShortcut, Menu, Notification, protocol, session, shell } from 'electron';
import type { ConnectionInfo } from '../../shared/domain/connection';
import type { OperatorSettingsService } from '../core/operator-settings-service';
import type { Logger } from '../core/logger';
import { createConsoleLogger } from '../core/logger';
import type { SettingsStore } from '../core/settings';
import type { Router } from '../ipc/router';
import { APP_SCHEME } from './app-url';
import { APP_SCHEME_PRIVILEGES, createAppProtocolHandler } from './app-protocol';
import { isAllowedSignInUrl } from './external-links';
import { hardenSession } from './harden';
import { bindIpc } from './ipc-binding';
import { buildMenuTemplate } from './menu';
import { createGlobalShortcuts } from './global-shortcuts';
import { createElectronSettingsStore } from './settings-store';
import { attachDesktopAlerts, billingChannelNames, quitWarning } from './show-guards';
import { createWindowManager, focusWindow, type WindowManager } from './windows';
import { createWindowRegistry } from './window-registry';

/** The plain-Node core as the shell sees it (`src-main/app/booth-core.ts`). */
export interface CoreHandle {
  router: Router;
  connection: ConnectionInfo;
  settings: OperatorSettingsService;
  destinationIds(): string[];
  /** After every reconnection (another stack's destinations need other shortcuts). */
  onConnectionChanged(listener: (connection: ConnectionInfo) => void): () => void;
  close(): Promise<void>;
}

export interface ShellOptions {
  startCore(options: {
    settings: SettingsStore;
    logger: Logger;
    env?: NodeJS.ProcessEnv;
    openExternal?: (url: string) => Promise<boolean>;
  }): Promise<CoreHandle>;
  /** The build output folder holding `renderer/` and `preload/`. */
  outDir: string;
  logger?: Logger;
  createSettings?(): SettingsStore;
  env?: NodeJS.ProcessEnv;
}

export interface ShellHandle {
  windows: WindowManager;
  core: CoreHandle;
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Composition root of the desktop app. Returns null when another instance already owns the
 * lock (this one quits and the other focuses its window), or when the core failed to start.
 */
export async function runShell(options: ShellOptions): Promise<ShellHandle | null> {
  const logger = options.logger ?? createConsoleLogger(app.isPackaged ? 'info' : 'debug');
  const env = options.env ?? process.env;

  // Tests and rehearsals get their own settings and their own single-instance lock (both live in userData).
  const userData = env['LUNORA_USER_DATA']?.trim();
  if (userData) app.setPath('userData', path.resolve(userData));

  // Two consoles driving the same channels would race each other; the second launch only focuses the first.
  if (!app.requestSingleInstanceLock()) {
    logger.info('shell: another instance is running; handing over to it');
    app.quit();
    return null;
  }

  // Both must happen before `ready`.
  app.enableSandbox();
  protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

  let windows: WindowManager | null = null;
  app.on('second-instance', () => {
    if (!windows) return;
    const operator = windows.get('operator');
    if (operator) focusWindow(operator);
    else windows.open('operator');
  });

  // Safety net for any webContents we did not create ourselves (DevTools, anything future).
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-attach-webview', (event) => event.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });

  await app.whenReady();

  protocol.handle(APP_SCHEME, createAppProtocolHandler(path.join(options.outDir, 'renderer')));
  hardenSession(session.defaultSession);

  let core: CoreHandle;
  try {
    const settings = (options.createSettings ?? createElectronSettingsStore)();
    // The sign-in's verification page goes to the system browser, and only an AWS page does.
    const openExternal = async (url: string): Promise<boolean> => {
      if (!isAllowedSignInUrl(url)) {
        logger.warn('shell: refused to open a sign-in page', { url: url.slice(0, 200) });
        return false;
      }
      await shell.openExternal(url);
      return true;
    };
    core = await options.startCore({ settings, logger, env, openExternal });
    const registry = createWindowRegistry();
    const ipc = bindIpc(core.router, registry, logger);
    windows = createWindowManager({
      settings,
      registry,
      logger,
      preloadDir: path.join(options.outDir, 'preload'),
      devTools: !app.isPackaged,
      onCreated: (window, role) => ipc.attachWindow(window.webContents, role),
    });
    const manager = windows;
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({
          isMac: process.platform === 'darwin',
          isDev: !app.isPackaged,
          openWindow: (role) => manager.open(role),
        }),
      ),
    );
    manager.open('operator');

    const shortcuts = createGlobalShortcuts(
      globalShortcut,
      (shortcut) => core.router.publish('shortcuts.global', shortcut),
      logger,
    );
    const applyShortcuts = () => shortcuts.apply(core.settings.get().globalShortcuts, core.destinationIds());
    applyShortcuts();
    core.settings.onChange(applyShortcuts);
    core.onConnectionChanged(applyShortcuts);
    if (Notification.isSupported())
      attachDesktopAlerts(core.router, (title, body) => new Notification({ title, body }).show());

    app.on('activate', () => {
      if (BrowserWindow.getAllWindows().length === 0) manager.open('operator');
    });
    app.on('window-all-closed', () => {
      if (process.platform !== 'darwin') app.quit();
    });

    // Quitting never stops channels: if some still bill, the operator confirms first. Then quit waits
    // for the core (pollers, sockets) to stop; the `before-quit` after that passes through.
    let quitState: 'running' | 'confirming' | 'closing' | 'closed' = 'running';
    const close = () => {
      quitState = 'closing';
      shortcuts.clear();
      ipc.dispose();
      core
        .close()
        .catch((error: unknown) => logger.error('shell: core did not close cleanly', { error: message(error) }))
        .finally(() => {
          quitState = 'closed';
          app.quit();
        });
    };
    app.on('before-quit', (event) => {
      if (quitState === 'closed') return;
      event.preventDefault();
      if (quitState !== 'running') return;
      quitState = 'confirming';
      void billingChannelNames(core.router)
        .catch(() => [])
        .then(async (names) => {
          if (names.length === 0) return close();
          const { message, detail } = quitWarning(names);
          const { response } = await dialog.showMessageBox({
            type: 'warning',
            buttons: ['Keep the console open', 'Quit and leave them running'],
            defaultId: 0,
            cancelId: 0,
            message,
            detail,
          });
          if (response === 1) close();
          else quitState = 'running';
        });
    });
  } catch (error) {
    logger.error('shell: the console could not start', { error: message(error) });
    dialog.showErrorBox('Lunora Booth could not start', message(error));
    app.exit(1);
    return null;
  }
  return { windows, core };
}
