import type { z } from 'zod';
import type { ErrorCode } from '../domain/errors';
import type { EventChannel, InvokeChannel } from './channels';
import type { FieldProblem } from './field-problems';
import { ADMIN_EVENT_CONTRACT, ADMIN_INVOKE_CONTRACT } from './features/admin.contract';
import { ARMING_INVOKE_CONTRACT } from './features/arming.contract';
import { CONFIDENCE_EVENT_CONTRACT, CONFIDENCE_INVOKE_CONTRACT } from './features/confidence.contract';
import { CONNECTION_EVENT_CONTRACT, CONNECTION_INVOKE_CONTRACT } from './features/connection.contract';
import { COSTS_EVENT_CONTRACT, COSTS_INVOKE_CONTRACT } from './features/costs.contract';
import { FLOW_EVENT_CONTRACT, FLOW_INVOKE_CONTRACT } from './features/flow.contract';
import { HISTORY_EVENT_CONTRACT, HISTORY_INVOKE_CONTRACT } from './features/history.contract';
import { INCIDENTS_EVENT_CONTRACT, INCIDENTS_INVOKE_CONTRACT } from './features/incidents.contract';
import { OPERATOR_EVENT_CONTRACT, OPERATOR_INVOKE_CONTRACT } from './features/operator.contract';
import { READINESS_EVENT_CONTRACT, READINESS_INVOKE_CONTRACT } from './features/readiness.contract';
import { REMOTE_EVENT_CONTRACT, REMOTE_INVOKE_CONTRACT } from './features/remote.contract';
import { SHOW_EVENT_CONTRACT, SHOW_INVOKE_CONTRACT } from './features/show.contract';
import { WARM_EVENT_CONTRACT, WARM_INVOKE_CONTRACT } from './features/warm.contract';

export type { GlobalShortcut } from './features/operator.contract';

/** Every invoke channel: renderer -> main, request/response. Each feature module declares its own. */
export const INVOKE_CONTRACT = {
  ...CONNECTION_INVOKE_CONTRACT,
  ...OPERATOR_INVOKE_CONTRACT,
  ...ADMIN_INVOKE_CONTRACT,
  ...FLOW_INVOKE_CONTRACT,
  ...INCIDENTS_INVOKE_CONTRACT,
  ...HISTORY_INVOKE_CONTRACT,
  ...READINESS_INVOKE_CONTRACT,
  ...SHOW_INVOKE_CONTRACT,
  ...REMOTE_INVOKE_CONTRACT,
  ...ARMING_INVOKE_CONTRACT,
  ...CONFIDENCE_INVOKE_CONTRACT,
  ...WARM_INVOKE_CONTRACT,
  ...COSTS_INVOKE_CONTRACT,
} as const satisfies Record<InvokeChannel, { input: z.ZodType; output: z.ZodType }>;

/** Every event channel: main -> renderer only. */
export const EVENT_CONTRACT = {
  ...CONNECTION_EVENT_CONTRACT,
  ...OPERATOR_EVENT_CONTRACT,
  ...ADMIN_EVENT_CONTRACT,
  ...FLOW_EVENT_CONTRACT,
  ...INCIDENTS_EVENT_CONTRACT,
  ...HISTORY_EVENT_CONTRACT,
  ...READINESS_EVENT_CONTRACT,
  ...SHOW_EVENT_CONTRACT,
  ...REMOTE_EVENT_CONTRACT,
  ...CONFIDENCE_EVENT_CONTRACT,
  ...WARM_EVENT_CONTRACT,
  ...COSTS_EVENT_CONTRACT,
} as const satisfies Record<EventChannel, { payload: z.ZodType }>;

export type InvokeInput<C extends InvokeChannel> = z.input<(typeof INVOKE_CONTRACT)[C]['input']>;
export type InvokeOutput<C extends InvokeChannel> = z.output<(typeof INVOKE_CONTRACT)[C]['output']>;
export type EventPayload<C extends EventChannel> = z.output<(typeof EVENT_CONTRACT)[C]['payload']>;

/**
 * A refusal in words. `fields`, on an invalid request, names each field that was wrong and what it takes, so a form
 * can mark those inputs; `message` then says the same in one line.
 */
export type IpcFailure = { ok: false; code: ErrorCode; message: string; fields?: FieldProblem[] };
export type IpcResult<T> = { ok: true; data: T } | IpcFailure;
