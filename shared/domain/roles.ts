/** A window's role decides which IPC channels it may use; enforced in main, not only hidden in the UI. */
export const ROLES = ['operator', 'admin'] as const;
export type Role = (typeof ROLES)[number];
