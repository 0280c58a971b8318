import type { MenuItemConstructorOptions } from 'electron';
import type { Role } from '../../shared/domain/roles';

/**
 * Application menu accelerators, kept as data so a test can assert them. No bare digits and
 * no Shift+digit: digits arm destinations inside the operator window.
 */
export const ACCELERATORS = {
  openOperator: 'CmdOrCtrl+Shift+O',
  openAdmin: 'CmdOrCtrl+Shift+A',
  reload: 'CmdOrCtrl+R',
  toggleDevTools: 'CmdOrCtrl+Alt+I',
  toggleFullScreenMac: 'Ctrl+Cmd+F',
  toggleFullScreen: 'F11',
} as const;

export interface MenuOptions {
  isMac: boolean;
  /** Reload and DevTools exist only in development: an accidental reload mid-show drops the operator's view state. */
  isDev: boolean;
  openWindow: (role: Role) => void;
}

export function buildMenuTemplate({ isMac, isDev, openWindow }: MenuOptions): MenuItemConstructorOptions[] {
  const view: MenuItemConstructorOptions[] = [
    ...(isDev
      ? ([
          { label: 'Reload', role: 'reload', accelerator: ACCELERATORS.reload },
          { label: 'Toggle Developer Tools', role: 'toggleDevTools', accelerator: ACCELERATORS.toggleDevTools },
          { type: 'separator' },
        ] satisfies MenuItemConstructorOptions[])
      : []),
    {
      label: 'Toggle Full Screen',
      role: 'togglefullscreen',
      accelerator: isMac ? ACCELERATORS.toggleFullScreenMac : ACCELERATORS.toggleFullScreen,
    },
  ];
  return [
    ...(isMac
      ? ([{ role: 'appMenu' }] satisfies MenuItemConstructorOptions[])
      : [{ label: 'File', submenu: [{ role: 'quit' }] } satisfies MenuItemConstructorOptions]),
    // The Edit menu is what makes copy/paste work in text fields on macOS.
    { role: 'editMenu' },
    { label: 'View', submenu: view },
    {
      label: 'Window',
      submenu: [
        {
          id: 'open-operator',
          label: 'Operator',
          accelerator: ACCELERATORS.openOperator,
          click: () => openWindow('operator'),
        },
        { id: 'open-admin', label: 'Admin', accelerator: ACCELERATORS.openAdmin, click: () => openWindow('admin') },
        { type: 'separator' },
        { role: 'minimize' },
        { role: 'close' },
      ],
    },
  ];
}
