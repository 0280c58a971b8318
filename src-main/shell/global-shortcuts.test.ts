import { describe, expect, it, vi } from 'vitest';
import { silentLogger } from '../core/logger';
import { createGlobalShortcuts, type ShortcutRegistry } from './global-shortcuts';

function fakeRegistry(taken: string[] = []) {
  const callbacks = new Map<string, () => void>();
  const registry: ShortcutRegistry = {
    register: (accelerator, callback) => {
      if (taken.includes(accelerator)) return false;
      callbacks.set(accelerator, callback);
      return true;
    },
    unregister: (accelerator) => void callbacks.delete(accelerator),
  };
  return { registry, callbacks };
}

describe('global shortcuts', () => {
  it('registers nothing while disabled (the default)', () => {
    const { registry, callbacks } = fakeRegistry();
    const shortcuts = createGlobalShortcuts(registry, vi.fn(), silentLogger);
    shortcuts.apply({ enabled: false, modifier: 'CommandOrControl+Alt' }, ['primary', 'youtube']);
    expect(callbacks.size).toBe(0);
  });

  it('maps digits to arm in tile order, plus take and disarm, and keeps going live two-step', () => {
    const { registry, callbacks } = fakeRegistry();
    const send = vi.fn();
    const shortcuts = createGlobalShortcuts(registry, send, silentLogger);
    shortcuts.apply({ enabled: true, modifier: 'CommandOrControl+Alt' }, ['primary', 'youtube']);
    expect([...callbacks.keys()]).toEqual([
      'CommandOrControl+Alt+1',
      'CommandOrControl+Alt+2',
      'CommandOrControl+Alt+Enter',
      'CommandOrControl+Alt+Backspace',
    ]);
    callbacks.get('CommandOrControl+Alt+2')!();
    callbacks.get('CommandOrControl+Alt+Enter')!();
    expect(send.mock.calls.map(([s]) => s)).toEqual([{ action: 'arm', destinationId: 'youtube' }, { action: 'take' }]);
  });

  it('replaces the previous set, reports combinations another app owns, and clears on quit', () => {
    const { registry, callbacks } = fakeRegistry(['Alt+Shift+Enter']);
    const shortcuts = createGlobalShortcuts(registry, vi.fn(), silentLogger);
    shortcuts.apply({ enabled: true, modifier: 'CommandOrControl+Alt' }, ['a']);
    const result = shortcuts.apply({ enabled: true, modifier: 'Alt+Shift' }, [
      'a',
      'b',
      'c',
      'd',
      'e',
      'f',
      'g',
      'h',
      'i',
      'j',
    ]);
    expect(result.failed).toEqual(['Alt+Shift+Enter']);
    expect([...callbacks.keys()].some((k) => k.startsWith('CommandOrControl'))).toBe(false);
    expect([...callbacks.keys()]).toHaveLength(10); // nine digits (the tenth destination has none) and disarm
    shortcuts.clear();
    expect(callbacks.size).toBe(0);
  });
});
