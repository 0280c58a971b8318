import type { z } from 'zod';
import {
  EVENT_ROLES,
  INVOKE_ROLES,
  isInvokeChannel,
  type EventChannel,
  type InvokeChannel,
} from '../../shared/ipc/channels';
import {
  EVENT_CONTRACT,
  INVOKE_CONTRACT,
  type EventPayload,
  type InvokeOutput,
  type IpcResult,
} from '../../shared/ipc/contract';
import { isBoothError } from '../../shared/domain/errors';
import { fieldProblems } from '../../shared/ipc/field-problems';
import type { CallerRole } from '../../shared/domain/roles';
import type { Logger } from '../core/logger';

/** Who is calling, as established by the transport. `null` means the transport could not vouch for the sender. */
export interface CallerIdentity {
  role: CallerRole;
  /** A control-API token's name, for the incident log and the operator's screen; absent for a window. */
  label?: string;
}

export type InvokeHandlers = {
  [C in InvokeChannel]: (
    input: z.output<(typeof INVOKE_CONTRACT)[C]['input']>,
    caller: CallerIdentity,
  ) => Promise<InvokeOutput<C>>;
};

export type EventSink = (channel: EventChannel, payload: unknown) => void;

export interface Router {
  /** Runs the whole boundary for one request; never throws, always answers. */
  invoke(channel: unknown, payload: unknown, caller: CallerIdentity | null): Promise<IpcResult<unknown>>;
  /** Validates an event and delivers it to every attached window whose role may receive it. */
  publish<C extends EventChannel>(channel: C, payload: EventPayload<C>): void;
  /** A transport attaches one sink per window; returns the detach function. */
  attach(role: CallerRole, sink: EventSink): () => void;
}

function firstIssue(error: z.ZodError): string {
  const issue = error.issues[0];
  if (!issue) return 'invalid payload';
  const path = issue.path.length > 0 ? issue.path.join('.') : 'payload';
  return `${path}: ${issue.message}`;
}

/**
 * The one transport-agnostic IPC boundary. In order: known channel, vouched-for sender,
 * role allowed, input parsed, service called, output parsed strictly (so an extra SDK
 * field or a secret makes the call fail instead of leaking), answered as data.
 */
export function createRouter(handlers: InvokeHandlers, logger: Logger): Router {
  const sinks = new Set<{ role: CallerRole; sink: EventSink }>();

  async function invoke(
    channel: unknown,
    payload: unknown,
    caller: CallerIdentity | null,
  ): Promise<IpcResult<unknown>> {
    if (!isInvokeChannel(channel)) {
      logger.warn('ipc: refused unknown channel', {
        channel: typeof channel === 'string' ? channel.slice(0, 80) : typeof channel,
      });
      return { ok: false, code: 'unknown-channel', message: 'This request is not part of the console contract.' };
    }
    if (caller === null) {
      logger.warn('ipc: refused sender that is not one of our windows', { channel });
      return { ok: false, code: 'forbidden', message: 'The request did not come from a console window.' };
    }
    if (!(INVOKE_ROLES[channel] as readonly CallerRole[]).includes(caller.role)) {
      logger.warn('ipc: refused channel for role', { channel, role: caller.role });
      return { ok: false, code: 'forbidden', message: `The ${caller.role} window may not use ${channel}.` };
    }
    const spec = INVOKE_CONTRACT[channel];
    const input = spec.input.safeParse(payload ?? {});
    if (!input.success) {
      // The window shows the message as the refusal's headline: the fields in its own words, not zod's.
      const fields = fieldProblems(channel, input.error.issues);
      logger.debug('ipc: refused invalid input', { channel, issue: firstIssue(input.error) });
      const message = fields.map((f) => f.message).join(' ') || 'This request is not valid.';
      return { ok: false, code: 'invalid-input', message, fields };
    }
    let result: unknown;
    try {
      const handler = handlers[channel] as (input: unknown, caller: CallerIdentity) => Promise<unknown>;
      result = await handler(input.data, caller);
    } catch (error) {
      if (isBoothError(error)) {
        // What AWS (or whatever answered) said stays in the log; the window gets the message in words.
        if (error.detail) logger.warn('ipc: answered a failure', { channel, code: error.code, detail: error.detail });
        return { ok: false, code: error.code, message: error.message };
      }
      logger.error('ipc: handler failed', { channel, error: error instanceof Error ? error.message : String(error) });
      return {
        ok: false,
        code: 'internal',
        message: 'The console hit an unexpected error; the details are in the log.',
      };
    }
    const output = spec.output.safeParse(result);
    if (!output.success) {
      logger.error('ipc: handler output broke the contract', { channel, issue: firstIssue(output.error) });
      return {
        ok: false,
        code: 'internal',
        message: 'The console produced an answer outside its contract; the details are in the log.',
      };
    }
    return { ok: true, data: output.data };
  }

  function publish<C extends EventChannel>(channel: C, payload: EventPayload<C>): void {
    const parsed = EVENT_CONTRACT[channel].payload.safeParse(payload);
    if (!parsed.success) {
      logger.error('ipc: event payload broke the contract', { channel, issue: firstIssue(parsed.error) });
      return;
    }
    const allowed = EVENT_ROLES[channel] as readonly CallerRole[];
    for (const { role, sink } of sinks) {
      if (!allowed.includes(role)) continue;
      try {
        sink(channel, parsed.data);
      } catch (error) {
        logger.warn('ipc: event sink failed', {
          channel,
          error: error instanceof Error ? error.message : String(error),
        });
      }
    }
  }

  function attach(role: CallerRole, sink: EventSink): () => void {
    const entry = { role, sink };
    sinks.add(entry);
    return () => {
      sinks.delete(entry);
    };
  }

  return { invoke, publish, attach };
}
