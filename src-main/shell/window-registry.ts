import type { Role } from '../../shared/domain/roles';

/**
 * Which webContents are ours, and with which role. The IPC binding asks it who a sender is,
 * so a role can only come from the window we created, never from a payload.
 */
export interface WindowRegistry {
  register(webContentsId: number, role: Role): void;
  unregister(webContentsId: number): void;
  roleOf(webContentsId: number): Role | null;
}

export function createWindowRegistry(): WindowRegistry {
  const roles = new Map<number, Role>();
  return {
    register: (id, role) => void roles.set(id, role),
    unregister: (id) => void roles.delete(id),
    roleOf: (id) => roles.get(id) ?? null,
  };
}
