/** A window's role decides which IPC channels it may use; enforced in main, not only hidden in the UI. */
export const ROLES = ['operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/**
 * The roles of a control-API token (a Stream Deck, a hotkey box, a script): the third transport's callers.
 * An operator token reads, arms, takes and disarms; a viewer token only reads.
 */
export const REMOTE_ROLES = ['remote-operator', 'remote-viewer'] as const;
export type RemoteRole = (typeof REMOTE_ROLES)[number];

/** Whoever a transport vouches for: a window or a control-API token. */
export type CallerRole = Role | RemoteRole;
