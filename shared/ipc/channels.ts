import type { CallerRole } from '../domain/roles';
import { ADMIN_EVENT_ROLES, ADMIN_INVOKE_ROLES } from './features/admin.roles';
import { ARMING_INVOKE_ROLES } from './features/arming.roles';
import { CONFIDENCE_EVENT_ROLES, CONFIDENCE_INVOKE_ROLES } from './features/confidence.roles';
import { CONNECTION_EVENT_ROLES, CONNECTION_INVOKE_ROLES } from './features/connection.roles';
import { COSTS_EVENT_ROLES, COSTS_INVOKE_ROLES } from './features/costs.roles';
import { FLOW_EVENT_ROLES, FLOW_INVOKE_ROLES } from './features/flow.roles';
import { HISTORY_EVENT_ROLES, HISTORY_INVOKE_ROLES } from './features/history.roles';
import { INCIDENTS_EVENT_ROLES, INCIDENTS_INVOKE_ROLES } from './features/incidents.roles';
import { OPERATOR_EVENT_ROLES, OPERATOR_INVOKE_ROLES } from './features/operator.roles';
import { READINESS_EVENT_ROLES, READINESS_INVOKE_ROLES } from './features/readiness.roles';
import { REMOTE_EVENT_ROLES, REMOTE_INVOKE_ROLES } from './features/remote.roles';
import { SHOW_EVENT_ROLES, SHOW_INVOKE_ROLES } from './features/show.roles';
import { WARM_EVENT_ROLES, WARM_INVOKE_ROLES } from './features/warm.roles';

/**
 * Channel names and the roles allowed to use them, without schemas, so that the
 * sandboxed preloads can bundle the allow-list without pulling in the validators.
 * Each feature module declares its own channels; this is their union.
 */
export const INVOKE_ROLES = {
  ...CONNECTION_INVOKE_ROLES,
  ...OPERATOR_INVOKE_ROLES,
  ...ADMIN_INVOKE_ROLES,
  ...FLOW_INVOKE_ROLES,
  ...INCIDENTS_INVOKE_ROLES,
  ...HISTORY_INVOKE_ROLES,
  ...READINESS_INVOKE_ROLES,
  ...SHOW_INVOKE_ROLES,
  ...REMOTE_INVOKE_ROLES,
  ...ARMING_INVOKE_ROLES,
  ...CONFIDENCE_INVOKE_ROLES,
  ...WARM_INVOKE_ROLES,
  ...COSTS_INVOKE_ROLES,
} as const satisfies Record<string, readonly CallerRole[]>;

export const EVENT_ROLES = {
  ...CONNECTION_EVENT_ROLES,
  ...OPERATOR_EVENT_ROLES,
  ...ADMIN_EVENT_ROLES,
  ...FLOW_EVENT_ROLES,
  ...INCIDENTS_EVENT_ROLES,
  ...HISTORY_EVENT_ROLES,
  ...READINESS_EVENT_ROLES,
  ...SHOW_EVENT_ROLES,
  ...REMOTE_EVENT_ROLES,
  ...CONFIDENCE_EVENT_ROLES,
  ...WARM_EVENT_ROLES,
  ...COSTS_EVENT_ROLES,
} as const satisfies Record<string, readonly CallerRole[]>;

export type InvokeChannel = keyof typeof INVOKE_ROLES;
export type EventChannel = keyof typeof EVENT_ROLES;

export const INVOKE_CHANNELS = Object.keys(INVOKE_ROLES) as InvokeChannel[];
export const EVENT_CHANNELS = Object.keys(EVENT_ROLES) as EventChannel[];

export function invokeChannelsFor(role: CallerRole): InvokeChannel[] {
  return INVOKE_CHANNELS.filter((channel) => (INVOKE_ROLES[channel] as readonly CallerRole[]).includes(role));
}

export function eventChannelsFor(role: CallerRole): EventChannel[] {
  return EVENT_CHANNELS.filter((channel) => (EVENT_ROLES[channel] as readonly CallerRole[]).includes(role));
}

export function isInvokeChannel(value: unknown): value is InvokeChannel {
  return typeof value === 'string' && Object.hasOwn(INVOKE_ROLES, value);
}

/** Prefix of the Electron ipcMain channel names, so that ours cannot collide with Electron's own. */
export const ELECTRON_CHANNEL_PREFIX = 'booth:';
