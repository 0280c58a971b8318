/**
 * Who gets a key press in the operator window. Drawers (settings, readiness, notifications, help)
 * sit beside the tiles and leave the console's keys working; a modal dialog (End all, a source
 * switch, a confirmation) takes every key. Plain TypeScript so it is unit-tested without a DOM.
 */

export type KeyTarget =
  /** A modal dialog is open: it handles the key itself, the console does nothing. */
  | 'dialog'
  /** Escape with a drawer open: the drawer closes, nothing is disarmed. */
  | 'close-drawer'
  /** A field (or a key-capture button) has focus: the key is typed into it, never a shortcut. */
  | 'field'
  /** The console's own shortcuts: arm, take, disarm, End all, help… */
  | 'console';

export interface KeyContext {
  key: string;
  /** A modal dialog is on screen. */
  modalOpen: boolean;
  /** A drawer is open. */
  drawerOpen: boolean;
  /** Focus is in a text/number field, a select, or an element that keeps its own keys. */
  inField: boolean;
}

export function routeKey(context: KeyContext): KeyTarget {
  if (context.modalOpen) return 'dialog';
  // Escape closes the drawer first, even from a field in it; the next Escape disarms.
  if (context.drawerOpen && context.key === 'Escape') return 'close-drawer';
  if (context.inField) return 'field';
  return 'console';
}
