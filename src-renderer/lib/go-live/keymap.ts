import type { Shortcuts } from '../../../shared/domain/operator-settings';

/**
 * Which key does what, from the settings and the tile order: a destination with its own key keeps it, in every bank;
 * the others fill banks of ten in tile order, the digits 1-9 then 0 of the keyboard's top row (minus any digit a
 * destination took as its own). One bank is live at a time: B moves to the next, and a digit arms that bank's
 * destination. With ten or fewer there is one bank and the digits alone are the keys. Plain TypeScript so it is
 * unit-tested without a DOM.
 */

export interface Keymap {
  /** Normalised key -> destination id, for the destinations with a key of their own (any bank). */
  arm: Map<string, string>;
  /** Destination id -> the key as shown on its tile and in the help: "4", "Y", or "2·4" (bank 2, digit 4). */
  keyOf: Map<string, string>;
  /** The banks: destination ids in slot order; slot i is armed by `bankDigits[i]` while its bank is the current one. */
  banks: string[][];
  /** The digits that arm within a bank, in slot order (1-9 then 0, minus own and reserved keys). */
  bankDigits: string[];
  /** Destination id -> its bank (0-based) and digit, for the destinations in banks. */
  slotOf: Map<string, { bank: number; key: string }>;
  /** Moves to the next bank (wrapping); only meaningful with more than one bank. */
  nextBank: string;
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
const NEXT_BANK_KEY = 'B';

export type KeyCommand =
  | { type: 'arm'; destinationId: string }
  | { type: 'take' }
  | { type: 'disarm' }
  | { type: 'help' }
  | { type: 'endAll' }
  | { type: 'acknowledge' }
  | { type: 'armSwitch' }
  | { type: 'armTest' }
  | { type: 'nextBank' }
  /** A bank digit with no destination on it in the current bank: nothing is armed, the operator is told. */
  | { type: 'noDestination'; key: string; bank: number };

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

/** The top row, left to right: 0 is the tenth. */
const DIGITS = ['1', '2', '3', '4', '5', '6', '7', '8', '9', '0'];

/** A bank digit as shown when there is more than one bank: bank number, a middle dot, the digit. */
const bankedLabel = (bank: number, key: string) => `${bank + 1}·${key}`;

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
      NEXT_BANK_KEY,
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
  const bankDigits = DIGITS.filter((digit) => !arm.has(digit) && !reserved.has(digit));
  const banked = destinationIds.filter((id) => !keyOf.has(id) && present.has(id));
  const banks: string[][] = [];
  if (bankDigits.length > 0)
    for (let i = 0; i < banked.length; i += bankDigits.length) banks.push(banked.slice(i, i + bankDigits.length));
  const slotOf = new Map<string, { bank: number; key: string }>();
  banks.forEach((ids, bank) =>
    ids.forEach((id, slot) => {
      const key = bankDigits[slot]!;
      slotOf.set(id, { bank, key });
      keyOf.set(id, banks.length > 1 ? bankedLabel(bank, key) : key);
    }),
  );
  return {
    arm,
    keyOf,
    banks,
    bankDigits,
    slotOf,
    nextBank: NEXT_BANK_KEY,
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

/**
 * The command a key press means, or null (modified keys belong to the browser / OS). `bank` is the current bank
 * (0-based; clamped to the banks there are): a bank digit arms that bank's destination on it.
 */
export function commandFor(event: KeyLike, keymap: Keymap, bank = 0): KeyCommand | null {
  if (event.ctrlKey || event.metaKey || event.altKey) return null;
  const key = normalizeKey(event.key);
  if (key === normalizeKey(keymap.take)) return { type: 'take' };
  if (key === normalizeKey(keymap.disarm)) return { type: 'disarm' };
  if (key === normalizeKey(keymap.help)) return { type: 'help' };
  if (key === normalizeKey(keymap.endAll)) return { type: 'endAll' };
  if (key === normalizeKey(keymap.acknowledge)) return { type: 'acknowledge' };
  if (key === normalizeKey(keymap.switchSource)) return { type: 'armSwitch' };
  if (key === normalizeKey(keymap.testBackup)) return { type: 'armTest' };
  if (key === normalizeKey(keymap.nextBank)) return { type: 'nextBank' };
  const own = keymap.arm.get(key);
  if (own) return { type: 'arm', destinationId: own };
  const slot = keymap.bankDigits.indexOf(key);
  if (slot === -1) return null;
  const current = currentBank(bank, keymap);
  const id = keymap.banks[current]?.[slot];
  return id ? { type: 'arm', destinationId: id } : { type: 'noDestination', key, bank: current };
}

/** The bank in force: the one chosen, or the last one when destinations went away meanwhile. */
export function currentBank(bank: number, keymap: Pick<Keymap, 'banks'>): number {
  return Math.max(0, Math.min(bank, keymap.banks.length - 1));
}

/**
 * The next bank (wrapping), or bank `to` (a click on the bank bar), and whether what is armed must be disarmed: a
 * take after a bank change would act on a tile the operator has moved away from, so changing bank while armed
 * disarms (nothing is sent). With one bank, or to the bank already in force, nothing changes and nothing is disarmed.
 */
export function switchBank(
  bank: number,
  keymap: Pick<Keymap, 'banks'>,
  armed: boolean,
  to?: number,
): { bank: number; disarm: boolean; changed: boolean } {
  const count = keymap.banks.length;
  const from = currentBank(bank, keymap);
  const next = to === undefined ? (from + 1) % Math.max(1, count) : currentBank(to, keymap);
  if (count <= 1 || next === from) return { bank: from, disarm: false, changed: false };
  return { bank: next, disarm: armed, changed: true };
}

/** Keys typed into a field, or pressed while a dialog holds focus, are not console shortcuts. */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!target || typeof (target as Element).closest !== 'function') return false;
  const element = target as HTMLElement;
  if (element.isContentEditable) return true;
  return element.closest('input, textarea, select, [contenteditable="true"], [data-keys-own]') !== null;
}
