import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';
import { ACCELERATORS, buildMenuTemplate } from './menu';

function flatten(items: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return items.flatMap((item) => [item, ...(Array.isArray(item.submenu) ? flatten(item.submenu) : [])]);
}

function accelerators(items: MenuItemConstructorOptions[]): Record<string, string> {
  return Object.fromEntries(
    flatten(items).flatMap((item) =>
      item.accelerator ? [[item.label ?? item.role ?? '?', String(item.accelerator)]] : [],
    ),
  );
}

describe('application menu', () => {
  it('opens the operator and admin windows with Shift accelerators, never digits', () => {
    const openWindow = vi.fn();
    const items = flatten(buildMenuTemplate({ isMac: false, isDev: false, openWindow }));
    const operator = items.find((item) => item.id === 'open-operator');
    const admin = items.find((item) => item.id === 'open-admin');
    expect(operator?.accelerator).toBe('CmdOrCtrl+Shift+O');
    expect(admin?.accelerator).toBe('CmdOrCtrl+Shift+A');
    (operator?.click as () => void)();
    (admin?.click as () => void)();
    expect(openWindow.mock.calls).toEqual([['operator'], ['admin']]);
  });

  it('has the expected accelerators in production', () => {
    expect(accelerators(buildMenuTemplate({ isMac: false, isDev: false, openWindow: () => {} }))).toEqual({
      'Toggle Full Screen': 'F11',
      Operator: ACCELERATORS.openOperator,
      Admin: ACCELERATORS.openAdmin,
    });
    expect(
      accelerators(buildMenuTemplate({ isMac: true, isDev: false, openWindow: () => {} }))['Toggle Full Screen'],
    ).toBe('Ctrl+Cmd+F');
  });

  it('offers Reload and DevTools only in development', () => {
    const roles = (isDev: boolean) =>
      flatten(buildMenuTemplate({ isMac: false, isDev, openWindow: () => {} })).map((item) => item.role);
    expect(roles(false)).not.toContain('reload');
    expect(roles(false)).not.toContain('toggleDevTools');
    expect(roles(true)).toContain('reload');
    expect(accelerators(buildMenuTemplate({ isMac: false, isDev: true, openWindow: () => {} })).Reload).toBe(
      'CmdOrCtrl+R',
    );
  });

  it('binds no accelerator to a digit (digits arm destinations)', () => {
    for (const isMac of [true, false]) {
      for (const accelerator of Object.values(
        accelerators(buildMenuTemplate({ isMac, isDev: true, openWindow: () => {} })),
      )) {
        expect(accelerator).not.toMatch(/(^|\+)\d$/);
      }
    }
  });

  it('keeps an Edit menu (copy and paste in text fields on macOS) and a quit item', () => {
    const mac = buildMenuTemplate({ isMac: true, isDev: false, openWindow: () => {} });
    expect(mac.map((item) => item.role ?? item.label)).toEqual(['appMenu', 'editMenu', 'View', 'Window']);
    const other = flatten(buildMenuTemplate({ isMac: false, isDev: false, openWindow: () => {} }));
    expect(other.some((item) => item.role === 'quit')).toBe(true);
  });
});
