import type { Shortcuts } from '../../../shared/domain/operator-settings';

/**
 * Which key does what, from the settings and the tile order: a destination with its own key
 * keeps it; the others take the next free digit 1-9 in tile order; the rest have none.
 * Plain TypeScript so it is unit-tested without a DOM.
 */

export interface Keymap {
  /** Normalised key -> destination id. */
  arm: Map<string, string>;
  /** Destination id -> the key as shown on its tile. */
  keyOf: Map<string, string>;
  take: string;
  disarm: string;
  help: string;
  endAll: string;
  /** Acknowledges the alarm on the armed (or focused) tile. */
  acknowledge: string;
  /** Arms the SRT source switch (to the source that is not the primary); the take key sends it. */
  switchSource: string;
  /** Arms "Test backup"; the take key runs it. */
  testBackup: string;
}

/** Not in the settings (yet): a fixed letter, reserved so that no destination takes it. */
const ACKNOWLEDGE_KEY = 'A';
const SWITCH_SOURCE_KEY = 'S';
const TEST_BACKUP_KEY = 'T';

export type KeyCommand =
  | { type: 'arm'; destinationId: string }
  | { type: 'take' }
  | { type: 'disarm' }
  | { type: 'help' }
  | { type: 'endAll' }
  | { type: 'acknowledge' }
  | { type: 'armSwitch' }
  | { type: 'armTest' };

/** Letters match whatever the Shift or Caps Lock state; everything else matches exactly. */
function normalizeKey(key: string): string {
  return key.length === 1 ? key.toLowerCase() : key;
}

/** A key as printed on a keycap or in the help. */
export function keyLabel(key: string): string {
  if (key === ' ') return 'Space';
  if (key === 'Escape') return 'Esc';
  if (key.length === 1) return key.toUpperCase();
  return key;
}

const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

export function buildKeymap(destinationIds: readonly string[], shortcuts: Shortcuts): Keymap {
  const reserved = new Set(
    [
      shortcuts.take,
      shortcuts.disarm,
      shortcuts.help,
      shortcuts.endAll,
      ACKNOWLEDGE_KEY,
      SWITCH_SOURCE_KEY,
      TEST_BACKUP_KEY,
    ].map(normalizeKey),
  );
  const arm = new Map<string, string>();
  const keyOf = new Map<string, string>();
  const present = new Set(destinationIds);

  // Own keys first, in tile order, so a digit someone chose is never handed to another tile.
  for (const id of destinationIds) {
    const own = shortcuts.destinations[id];
    if (!own) continue;
    const key = normalizeKey(own);
    if (reserved.has(key) || arm.has(key)) continue;
    arm.set(key, id);
    keyOf.set(id, own);
  }
  const free = DIGITS.filter((digit) => !arm.has(digit) && !reserved.has(digit));
  for (const id of destinationIds) {
    if (keyOf.has(id) || !present.has(id)) continue;
    const digit = free.shift();
    if (!digit) break;
    arm.set(digit, id);
    keyOf.set(id, digit);
  }
  return {
    arm,
    keyOf,
    take: shortcuts.take,
    disarm: shortcuts.disarm,
    help: shortcuts.help,
    endAll: shortcuts.endAll,
    acknowledge: ACKNOWLEDGE_KEY,
    switchSource: SWITCH_SOURCE_KEY,
    testBackup: TEST_BACKUP_KEY,
  };
}

export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
}

/** The command a key press means, or null (modified keys belong to the browser / OS). */
export function commandFor(event: KeyLike, keymap: Keymap): KeyCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = normalizeKey(event.key);
  if (key === normalizeKey(keymap.take)) return { type: 'take' };
  if (key === normalizeKey(keymap.disarm)) return { type: 'disarm' };
  if (key === normalizeKey(keymap.help)) return { type: 'help' };
  if (key === normalizeKey(keymap.endAll)) return { type: 'endAll' };
  if (key === normalizeKey(keymap.acknowledge)) return { type: 'acknowledge' };
  if (key === normalizeKey(keymap.switchSource)) return { type: 'armSwitch' };
  if (key === normalizeKey(keymap.testBackup)) return { type: 'armTest' };
  const id = keymap.arm.get(key);
  return id ? { type: 'arm', destinationId: id } : null;
}

/** Keys typed into a field, or pressed while a dialog holds focus, are not console shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return element.closest('input, textarea, select, [contenteditable="true"], [data-keys-own]') !== null;
}
