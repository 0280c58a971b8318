import type { GlobalShortcuts } from '../../shared/domain/operator-settings';
import type { GlobalShortcut } from '../../shared/ipc/contract';
import type { Logger } from '../core/logger';

/** The part of Electron's globalShortcut this needs, so that tests hand in a fake. */
export interface ShortcutRegistry {
  register(accelerator: string, callback: () => void): boolean;
  unregister(accelerator: string): void;
}

/**
 * Keys that work while the app is not focused, off by default. They do exactly what the
 * operator window's own keys do (arm, take, disarm), so going live stays a two-step act.
 */
export function createGlobalShortcuts(
  registry: ShortcutRegistry,
  send: (shortcut: GlobalShortcut) => void,
  logger: Logger,
) {
  let registered: string[] = [];

  function clear(): void {
    for (const accelerator of registered) registry.unregister(accelerator);
    registered = [];
  }

  /** Registers the set for these settings and destinations (tile order), replacing the previous set. */
  function apply(settings: GlobalShortcuts, destinationIds: string[]): { failed: string[] } {
    clear();
    if (!settings.enabled) return { failed: [] };
    const wanted: Array<[string, GlobalShortcut]> = [
      ...destinationIds
        .slice(0, 9)
        .map((id, index): [string, GlobalShortcut] => [
          `${settings.modifier}+${index + 1}`,
          { action: 'arm', destinationId: id },
        ]),
      [`${settings.modifier}+Enter`, { action: 'take' }],
      [`${settings.modifier}+Backspace`, { action: 'disarm' }],
    ];
    const failed: string[] = [];
    for (const [accelerator, shortcut] of wanted) {
      // Another application may own the combination; say so rather than fail silently.
      if (registry.register(accelerator, () => send(shortcut))) registered.push(accelerator);
      else failed.push(accelerator);
    }
    if (failed.length > 0) logger.warn('shell: global shortcuts taken by another application', { failed });
    return { failed };
  }

  return { apply, clear, registered: () => [...registered] };
}
