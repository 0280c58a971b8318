import { z } from 'zod';
import { DEFAULT_OPERATOR_SETTINGS, OperatorSettingsSchema } from '../../shared/domain/operator-settings';
import { ShowPlanSchema } from '../../shared/domain/show-plan';
import { REMOTE_ROLES } from '../../shared/domain/roles';
import { TakeModeSchema } from '../../shared/domain/warm-standby';

/** Where the control API listens unless an admin chose another port. */
const DEFAULT_CONTROL_PORT = 17_878;

/** Local settings (never secrets): persisted by electron-store in the app, in memory in the web preview. */
export const WindowBoundsSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(400),
  height: z.number().int().min(300),
  maximized: z.boolean().optional(),
});
export type WindowBounds = z.infer<typeof WindowBoundsSchema>;

export const SettingsSchema = z.object({
  connection: z
    .object({
      /** A profile from ~/.aws/config; null means simulation mode. */
      profile: z.string().min(1).nullable().default(null),
      /** null: the region comes from AWS_REGION, AWS_DEFAULT_REGION or the profile, as with the AWS CLI. */
      region: z.string().min(1).nullable().default(null),
      stackName: z.string().min(1).default('lunora-booth'),
      /** The organisation's access portal session length (IAM Identity Center default: 8 hours). */
      ssoSessionMinutes: z
        .number()
        .int()
        .min(15)
        .max(90 * 24 * 60)
        .default(8 * 60),
    })
    .prefault({}),
  /** This console's own IAM Identity Center sign-ins: when each began (the token cache does not record it). No token. */
  ssoSignIns: z
    .array(z.object({ cacheFile: z.string(), startedAt: z.number(), writtenAt: z.number() }))
    .max(20)
    .default([]),
  windows: z.record(z.string(), WindowBoundsSchema).default({}),
  operator: OperatorSettingsSchema.default(DEFAULT_OPERATOR_SETTINGS),
  /** What shows cost this month before the current session, so the month-to-date survives restarts. */
  /** The presets and destinations last read from DynamoDB (see catalog-cache.ts); validated where it is read. */
  catalogCache: z.unknown().optional(),
  /** The show's planned start and end; a stored plan that no longer reads is dropped, not the whole file. */
  showPlan: ShowPlanSchema.nullable().default(null).catch(null),
  /** The control API (Stream Deck / Companion): its port, whether the LAN may reach it, and its tokens' hashes. */
  remote: z
    .object({
      port: z.number().int().min(0).max(65_535).default(DEFAULT_CONTROL_PORT),
      lan: z.boolean().default(false),
      /** A salted scrypt hash per token, never the token itself (see src-main/remote/remote-tokens.ts). */
      tokens: z
        .array(
          z.object({
            id: z.string(),
            name: z.string(),
            role: z.enum(REMOTE_ROLES),
            createdAt: z.number(),
            salt: z.string(),
            hash: z.string(),
          }),
        )
        .max(100)
        .default([]),
    })
    .prefault({})
    .catch({ port: DEFAULT_CONTROL_PORT, lan: false, tokens: [] }),
  /** The take mode the operator chose per destination (warm standby); a destination not named here takes cold. */
  takeModes: z.record(z.string(), TakeModeSchema).default({}).catch({}),
  spend: z
    .object({ month: z.string().regex(/^\d{4}-\d{2}$/), showsUsd: z.number().min(0) })
    .nullable()
    .default(null),
});
export type Settings = z.infer<typeof SettingsSchema>;

export interface SettingsStore {
  get(): Settings;
  update(patch: (current: Settings) => Settings): Settings;
}

/** Reads whatever was stored through the schema, so a hand-edited or older file falls back to defaults instead of crashing. */
export function parseSettings(raw: unknown): Settings {
  const parsed = SettingsSchema.safeParse(raw ?? {});
  return parsed.success ? parsed.data : SettingsSchema.parse({});
}

/**
 * Settings held in memory (tests, benches): unless told a port, their control API listens on any free port, so a
 * test never takes the port of a console running on the same computer, nor another test's.
 */
export function createMemorySettingsStore(initial?: unknown): SettingsStore {
  const parsed = parseSettings(initial);
  const portGiven = (initial as { remote?: { port?: unknown } } | undefined)?.remote?.port !== undefined;
  let current = portGiven ? parsed : { ...parsed, remote: { ...parsed.remote, port: 0 } };
  return {
    get: () => current,
    update(patch) {
      current = parseSettings(patch(current));
      return current;
    },
  };
}
