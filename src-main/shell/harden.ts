import { shell, type Session, type WebContents, type WebPreferences } from 'electron';
import type { Role } from '../../shared/domain/roles';
import type { Logger } from '../core/logger';
import { isRolePage } from './app-url';
import { isAllowedExternalUrl } from './external-links';

/** The one set of webPreferences every window gets; only the preload differs by role. */
export function secureWebPreferences(preload: string, devTools: boolean): WebPreferences {
  return {
    preload,
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
    devTools,
  };
}

function openIfAllowed(url: string, logger: Logger): void {
  if (isAllowedExternalUrl(url)) {
    void shell.openExternal(url);
  } else {
    logger.warn('shell: refused to open a link', { url: url.slice(0, 200) });
  }
}

/**
 * Denies everything a compromised or buggy page could use to leave its sandbox: navigating
 * away from its page, opening windows, attaching <webview>. Allow-listed https links go to
 * the system browser instead of a window of ours.
 */
export function hardenWebContents(contents: WebContents, role: Role, logger: Logger): void {
  const guard = (event: { preventDefault(): void; url: string }) => {
    if (isRolePage(event.url, role)) return;
    event.preventDefault();
    openIfAllowed(event.url, logger);
  };
  contents.on('will-navigate', (event) => guard(event));
  contents.on('will-redirect', (event) => guard(event));
  contents.setWindowOpenHandler(({ url }) => {
    openIfAllowed(url, logger);
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}

const hardenedSessions = new WeakSet<Session>();

/** Denies every permission request and check (camera, notifications, clipboard, HID…): the console needs none. */
export function hardenSession(session: Session): void {
  if (hardenedSessions.has(session)) return;
  hardenedSessions.add(session);
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
