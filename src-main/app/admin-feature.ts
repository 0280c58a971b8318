import { BoothError, isBoothError } from '../../shared/domain/errors';
import type { Preset } from '../../shared/domain/preset';
import type { FieldError } from '../../shared/domain/preset-validation';
import type { ADMIN_INVOKE_ROLES } from '../../shared/ipc/features/admin.roles';
import type {
  AdminAccess,
  AdminDestination,
  ApplyOutput,
  MigrationPlanOut,
  SettingChangeOut,
} from '../../shared/ipc/features/admin.contract';
import { channelIdOf } from '../core/destinations/configured-destinations';
import {
  createDestinationMigration,
  dynamoOnDemandBackup,
  type BackupFn,
  type ChannelRef,
  type MigrationPlan,
} from '../core/destinations/destination-migration';
import {
  DestinationConflictError,
  DestinationInputError,
  type DestinationRecord,
  type DestinationStore,
} from '../core/destinations/destination-store';
import { createStreamKeyService, type StreamKeyService } from '../core/destinations/stream-keys';
import type { Logger } from '../core/logger';
import { ChannelSettingsRejectedError, createPresetApplier, type PresetApplier } from '../core/presets/preset-applier';
import type { SettingChange } from '../core/presets/encoder-settings-diff';
import { PresetConflictError, PresetValidationError, type PresetStore } from '../core/presets/preset-store';
import { destinationKey, type StackTopology } from '../core/stack/stack-outputs';
import type { Feature, FeatureContext } from './feature';
import { PendingApplies } from '../core/presets/pending-applies';
import type { Notifier } from '../core/notifications/notifier';
import type { DestinationStatus } from '../../shared/domain/destination';

export type AdminChannel = keyof typeof ADMIN_INVOKE_ROLES;

/** What the handlers use; built from the context in production, replaceable in tests (e.g. a denying DynamoDB). */
export interface AdminServices {
  presets: PresetStore;
  destinations: DestinationStore;
  applier: PresetApplier;
  streamKeys: StreamKeyService;
  migration: ReturnType<typeof createDestinationMigration>;
  backup: BackupFn;
  stack: StackTopology;
  /** Who created a preset ("admin:<profile>"). */
  createdBy: string;
  logger: Logger;
  /**
   * Called after a write that changes what the operator's tiles show (a destination added, renamed, retired or
   * pointed at another preset; a preset edited or deleted). The core's channel monitor has a fixed destination
   * list today; booth-core can pass a reload here (see the note in the hand-over) without touching this file.
   */
  onChanged?: (change: { kind: 'preset' | 'destination'; id: string }) => void;
  /** When the lists come from the offline copy (DynamoDB unreachable): since when; null when live. */
  offlineSince?: () => number | null;
  /** The channels' states as the operator sees them, and a hook on their changes (for presets queued until a stop). */
  channelStates?: () => DestinationStatus[];
  onStatesChanged?: (listener: () => void) => () => void;
  /** Tells operator and admin what happened to a queued preset. */
  notify?: Notifier['notify'];
}

const MAX_VALUE_CHARS = 400;

/** A diff value as text for the table (secrets were redacted by the differ); null when absent. */
export function diffValueText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

const changesOut = (changes: SettingChange[]): SettingChangeOut[] =>
  changes.map((c) => ({ path: c.path, from: diffValueText(c.from), to: diffValueText(c.to) }));

/** The record as the admin window may see it: picked field by field. */
export function toAdminDestination(record: DestinationRecord, stack: StackTopology): AdminDestination {
  return {
    id: record.id,
    platform: record.platform,
    name: record.name,
    preset_id: record.preset_id ?? null,
    medialive_channel_id: record.medialive_channel_id ?? null,
    medialive_channel_arn: record.medialive_channel_arn ?? null,
    channelId: channelIdOf(record, stack),
    channel_status: record.channel_status ?? null,
    is_active: record.is_active !== false,
    created_at: record.created_at ?? null,
    updated_at: record.updated_at ?? null,
    version: record.version ?? null,
  };
}

const isCode = (error: unknown, code: string): error is BoothError => isBoothError(error) && error.code === code;

function planOut(plan: MigrationPlan): MigrationPlanOut {
  return {
    table: plan.table,
    scanned: plan.scanned,
    records: plan.records.map((r) => ({
      id: r.id,
      changes: r.changes.map((c) => ({ field: c.field, from: diffValueText(c.from), to: diffValueText(c.to) })),
      notes: r.notes,
    })),
  };
}

function servicesFrom(context: FeatureContext): AdminServices {
  const { clients, stack, logger } = context;
  if (!stack.tables.destinations) throw new Error('the stack has no destinations table');
  return {
    presets: context.presetStore,
    destinations: context.destinationStore,
    offlineSince: () => context.catalog.servedFromCacheAt,
    applier: createPresetApplier(clients.medialive, logger),
    streamKeys: createStreamKeyService(clients.medialive, logger),
    migration: createDestinationMigration(clients.dynamo, stack.tables.destinations, logger),
    // dynalite (simulation) has no CreateBackup, so there the
    // backup fails and the migration is refused, as it would be against a table that cannot be backed up.
    backup: dynamoOnDemandBackup(clients.dynamodb),
    stack,
    createdBy: `admin:${context.connection.profile ?? context.connection.mode}`,
    logger,
    channelStates: () => context.monitor.snapshot().destinations,
    onStatesChanged: (listener) => context.onDestinationsChanged(listener),
    notify: (input) => context.notifier.notify(input),
  };
}

/** Handlers and background work of the admin feature. */
export function createAdminFeature(context: FeatureContext, override?: Partial<AdminServices>): Feature<AdminChannel> {
  return createAdminHandlers({ ...servicesFrom(context), ...override });
}

/** The handlers over explicit services (unit tests call this with fakes). */
export function createAdminHandlers(services: AdminServices): Feature<AdminChannel> {
  const { presets, destinations, applier, streamKeys, migration, stack, logger } = services;
  const changed = (kind: 'preset' | 'destination', id: string) => {
    try {
      services.onChanged?.({ kind, id });
    } catch (error) {
      logger.warn('admin: change listener failed', { error: error instanceof Error ? error.message : String(error) });
    }
  };
  let access: AdminAccess = { canWrite: true, reason: null };

  /** AccessDenied on a write: remember it (the window goes read-only) and answer it as data. */
  function denied(error: unknown): { status: 'read-only'; reason: string } | null {
    if (!isCode(error, 'access-denied')) return null;
    const reason = `Read-only: AWS refused a write. ${error.message}`;
    if (access.canWrite)
      logger.warn('admin: write refused by AWS (AccessDenied); read-only from now on', { awsCode: error.awsCode });
    access = { canWrite: false, reason };
    return { status: 'read-only', reason };
  }

  const invalid = (errors: FieldError[]) => ({ status: 'invalid' as const, errors });

  async function destinationOrThrow(id: string): Promise<DestinationRecord> {
    const record = await destinations.get(id);
    if (!record) throw new BoothError('not-found', `There is no destination "${id}".`);
    return record;
  }

  async function presetOrThrow(id: string): Promise<Preset> {
    const preset = await presets.get(id);
    if (!preset || !preset.is_active)
      throw new BoothError('not-found', `There is no active preset "${id}"; it may have been deleted.`);
    return preset;
  }

  /** The destination's channel, or why there is none. */
  async function targetOf(
    destinationId: string,
  ): Promise<{ record: DestinationRecord; channelId: string } | { reason: string }> {
    const record = await destinationOrThrow(destinationId);
    if (record.is_active === false) return { reason: `${record.name} is retired.` };
    const channelId = channelIdOf(record, stack);
    if (!channelId) return { reason: `No MediaLive channel is mapped to ${record.name}: set its channel id first.` };
    return { record, channelId };
  }

  function presetConflict(error: PresetConflictError) {
    return { status: 'conflict' as const, current: error.current, message: error.message };
  }

  function destinationConflict(error: BoothError) {
    const current =
      error instanceof DestinationConflictError && error.current ? toAdminDestination(error.current, stack) : null;
    return { status: 'conflict' as const, current, message: error.message };
  }

  /** Applies a preset to a destination's channel now (IDLE only), and records it on the destination. */
  async function applyNow(destinationId: string, presetId: string): Promise<ApplyOutput> {
    const target = await targetOf(destinationId);
    if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
    const { record, channelId } = target;
    const preset = await presetOrThrow(presetId);
    const label = record.name;
    let result;
    try {
      // Read first: a channel that is not IDLE is refused without any write.
      const preview = await applier.preview({ channelId, label }, preset);
      if (preview.channelState !== 'IDLE') {
        return {
          status: 'refused',
          reason: preview.reason ?? `${label} is ${preview.channelState}.`,
          channelState: preview.channelState,
        };
      }
      result = await applier.apply({ channelId, label }, preset);
    } catch (error) {
      if (error instanceof ChannelSettingsRejectedError)
        return invalid(error.errors.length > 0 ? error.errors : [{ field: 'channel', message: error.message }]);
      if (error instanceof PresetValidationError) return invalid(error.errors);
      if (isCode(error, 'invalid-state')) return { status: 'refused', reason: error.message, channelState: null };
      const ro = denied(error);
      if (ro) return ro;
      throw error;
    }
    // The destination now runs this preset: record it, so tiles and the next preview agree.
    let note: string | null = null;
    if (record.preset_id !== preset.preset_id) {
      try {
        if (record.version === undefined)
          throw new BoothError('invalid-state', 'the record has no version (migrate it first)');
        await destinations.update(record.id, { preset_id: preset.preset_id }, record.version);
        changed('destination', record.id);
      } catch (error) {
        const ro = denied(error);
        note = `The channel runs "${preset.name}" now, but ${record.name}'s record still names its old preset: ${ro ? ro.reason : error instanceof Error ? error.message : String(error)}`;
        logger.warn('admin: applied preset not recorded on the destination', {
          destinationId,
          presetId: preset.preset_id,
        });
      }
    }
    return {
      status: 'applied',
      updated: result.applied,
      changes: changesOut(result.changes),
      channelState: result.channelState,
      note,
    };
  }

  const queue = new PendingApplies(applyNow, services.notify ?? (() => undefined), logger);
  const offStates = services.onStatesChanged?.(() => queue.observe(services.channelStates?.() ?? []));

  return {
    handlers: {
      'admin.access': async ({ recheck }) => {
        if (recheck) access = { canWrite: true, reason: null };
        const offline = services.offlineSince?.() ?? null;
        if (offline !== null) {
          return {
            canWrite: false,
            reason: `Read-only: DynamoDB cannot be reached; showing the presets and destinations saved at ${new Date(offline).toLocaleString()}.`,
          };
        }
        return access;
      },

      'presets.listAll': async () => ({ presets: await presets.listActive() }),

      'presets.create': async ({ draft }) => {
        try {
          const { preset, warnings } = await presets.create(draft, services.createdBy);
          return { status: 'saved', preset, warnings };
        } catch (error) {
          if (error instanceof PresetValidationError) return invalid(error.errors);
          const ro = denied(error);
          if (ro) return ro;
          throw error;
        }
      },

      'presets.update': async ({ preset_id, expected_version, draft }) => {
        try {
          const { preset, warnings } = await presets.update(preset_id, draft, expected_version);
          changed('preset', preset_id);
          return { status: 'saved', preset, warnings };
        } catch (error) {
          if (error instanceof PresetValidationError) return invalid(error.errors);
          if (error instanceof PresetConflictError) return presetConflict(error);
          const ro = denied(error);
          if (ro) return ro;
          throw error;
        }
      },

      'presets.delete': async ({ preset_id, expected_version }) => {
        try {
          const preset = await presets.softDelete(preset_id, expected_version);
          changed('preset', preset_id);
          return { status: 'deleted', preset };
        } catch (error) {
          if (error instanceof PresetConflictError) return presetConflict(error);
          const ro = denied(error);
          if (ro) return ro;
          throw error;
        }
      },

      'presets.previewApply': async ({ destinationId, presetId }) => {
        const target = await targetOf(destinationId);
        if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
        const preset = await presetOrThrow(presetId);
        try {
          const preview = await applier.preview({ channelId: target.channelId, label: target.record.name }, preset);
          return {
            status: 'preview',
            channelId: preview.channelId,
            channelState: preview.channelState,
            canApply: preview.canApply,
            reason: preview.reason ?? null,
            presetVersion: preset.version,
            changes: changesOut(preview.changes),
          };
        } catch (error) {
          if (error instanceof PresetValidationError) return invalid(error.errors);
          if (isCode(error, 'invalid-state')) return { status: 'refused', reason: error.message, channelState: null };
          throw error;
        }
      },

      'presets.apply': async ({ destinationId, presetId }) => applyNow(destinationId, presetId),

      'presets.applyAtNextStop': async ({ destinationId, presetId }) => {
        const target = await targetOf(destinationId);
        if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
        const preset = await presetOrThrow(presetId);
        if (!access.canWrite) return { status: 'read-only', reason: access.reason ?? 'Read-only.' };
        const state = services.channelStates?.().find((d) => d.id === destinationId)?.state ?? null;
        if (state === 'IDLE')
          return {
            status: 'refused',
            reason: `${target.record.name} is IDLE now: apply the preset directly.`,
            channelState: state,
          };
        const pending = queue.add({
          destinationId,
          destinationName: target.record.name,
          presetId,
          presetName: preset.name,
          requestedAt: Date.now(),
        });
        return {
          status: 'queued',
          pending,
          message: `"${preset.name}" will be applied to ${target.record.name} as soon as its channel is IDLE again.`,
        };
      },

      'presets.pendingApplies': async () => ({ pending: queue.list() }),

      'presets.cancelPendingApply': async ({ destinationId }) => ({ cancelled: queue.cancel(destinationId) }),

      'destinations.listAll': async () => ({
        destinations: (await destinations.listAll()).map((r) => toAdminDestination(r, stack)),
      }),

      'destinations.create': async ({ destination }) => {
        try {
          const created = await destinations.create(destination);
          changed('destination', created.id);
          return { status: 'saved', destination: toAdminDestination(created, stack) };
        } catch (error) {
          if (error instanceof DestinationInputError) return invalid(error.errors);
          if (isCode(error, 'conflict')) return destinationConflict(error);
          const ro = denied(error);
          if (ro) return ro;
          throw error;
        }
      },

      'destinations.update': async ({ id, expected_version, changes }) => {
        try {
          const updated = await destinations.update(id, changes, expected_version);
          changed('destination', id);
          return { status: 'saved', destination: toAdminDestination(updated, stack) };
        } catch (error) {
          if (error instanceof DestinationInputError) return invalid(error.errors);
          if (isCode(error, 'conflict')) return destinationConflict(error);
          const ro = denied(error);
          if (ro) return ro;
          throw error;
        }
      },

      'destinations.retire': async ({ id, expected_version }) => {
        try {
          const retired = await destinations.retire(id, expected_version);
          changed('destination', id);
          return { status: 'saved', destination: toAdminDestination(retired, stack) };
        } catch (error) {
          if (isCode(error, 'conflict')) return destinationConflict(error);
          const ro = denied(error);
          if (ro) return ro;
          throw error;
        }
      },

      'destinations.streamTarget': async ({ id }) => {
        const target = await targetOf(id);
        if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
        return { status: 'ok', target: await streamKeys.describe(target.channelId, target.record.name) };
      },

      'destinations.setStreamKey': async ({ id, url, streamKey }) => {
        const target = await targetOf(id);
        if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
        try {
          const view = await streamKeys.setStreamKey(
            { channelId: target.channelId, label: target.record.name },
            { url, streamKey },
          );
          return { status: 'saved', target: view };
        } catch (error) {
          if (error instanceof DestinationInputError) return invalid(error.errors);
          if (isCode(error, 'invalid-state')) return { status: 'refused', reason: error.message, channelState: null };
          const ro = denied(error);
          if (ro) return ro;
          throw error;
        }
      },

      'destinations.migrationDryRun': async () => planOut(await migration.dryRun(channelRefFor(stack))),

      'destinations.migrationApply': async () => {
        // Planned again here: main never trusts a plan that went through a renderer.
        const plan = await migration.dryRun(channelRefFor(stack));
        if (plan.records.length === 0) return { status: 'applied', backupArn: '', migrated: [], skipped: [] };
        try {
          return { status: 'applied', ...(await migration.apply(plan, services.backup)) };
        } catch (error) {
          const ro = denied(error);
          if (ro) return ro;
          if (isCode(error, 'invalid-state')) return { status: 'refused', reason: error.message };
          throw error;
        }
      },
    },
    stop() {
      offStates?.();
    },
  };
}

function channelRefFor(stack: StackTopology): (id: string) => ChannelRef | undefined {
  return (id) => {
    const entry = stack.channels.get(destinationKey(id));
    return entry?.id && entry.arn ? { channelId: entry.id, channelArn: entry.arn } : undefined;
  };
}
