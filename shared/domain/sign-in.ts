import { z } from 'zod';

/**
 * The in-app IAM Identity Center sign-in, as the windows see it. Only what the operator must read crosses to a
 * window: the user code and the verification page are shown to be typed and opened (RFC 8628 section 3.3); the
 * device code, tokens and client secret stay in the main process.
 */
export const SignInStatusSchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('idle') }),
  z.strictObject({ state: z.literal('starting'), profile: z.string() }),
  z.strictObject({
    state: z.literal('waiting'),
    profile: z.string(),
    userCode: z.string().max(64),
    verificationUri: z.string().max(2048),
    /** When the code stops being valid (epoch ms). */
    expiresAt: z.number(),
    /** Whether the console could open the page in the system browser itself. */
    browserOpened: z.boolean(),
  }),
  z.strictObject({ state: z.literal('signed-in'), profile: z.string(), at: z.number() }),
  z.strictObject({
    state: z.literal('failed'),
    profile: z.string(),
    reason: z.enum(['denied', 'expired', 'cancelled', 'network', 'refused', 'config']),
    message: z.string(),
  }),
]);
export type SignInStatus = z.infer<typeof SignInStatusSchema>;

/** When the console's control ends, and why: what the status bar and readiness say. */
export const ControlDeadlineSchema = z.strictObject({
  endsAt: z.number(),
  /** `refused`: IAM Identity Center refused the sign-in before its expected end; `endsAt` is when it did. */
  bound: z.enum(['portal-session', 'access-token', 'client-registration', 'refused']),
  startedAt: z.number(),
  startSource: z.enum(['console-sign-in', 'cache-written']),
  sessionMinutes: z.number().int(),
});
export type ControlDeadline = z.infer<typeof ControlDeadlineSchema>;
