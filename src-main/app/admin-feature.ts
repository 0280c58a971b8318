import type { DestinationStatus } from '../../shared/domain/destination';
import type { ADMIN_INVOKE_ROLES } from '../../shared/ipc/features/admin.roles';
import type { AdminAccess, ApplyOutput } from '../../shared/ipc/features/admin.contract';
import { findChannelTarget } from '../core/destinations/channel-target';
import {
  createDestinationMigration,
  dynamoOnDemandBackup,
  type BackupFn,
  type ChannelRef,
} from '../core/destinations/destination-migration';
import { listChannelChoices, type ChannelChoice } from '../core/destinations/channel-choices';
import { channelIdOf } from '../core/destinations/configured-destinations';
import { DestinationInputError, type DestinationStore } from '../core/destinations/destination-store';
import { createFromStack, planFromStack } from '../core/destinations/stack-destinations';
import { ChannelWriteGuard } from '../core/channels/channel-write-guard';
import { createStreamKeyService, type StreamKeyService } from '../core/destinations/stream-keys';
import type { Logger } from '../core/logger';
import type { Notifier } from '../core/notifications/notifier';
import { applyPresetNow, requireActivePreset, type ApplyWorkflowDeps } from '../core/presets/apply-workflow';
import { PendingApplies } from '../core/presets/pending-applies';
import { createPresetApplier, type PresetApplier } from '../core/presets/preset-applier';
import type { PresetStore } from '../core/presets/preset-store';
import { destinationKey, type StackTopology } from '../core/stack/stack-outputs';
import {
  destinationConflict,
  guarded,
  invalidDestination,
  invalidPreset,
  isCode,
  outcomeOf,
  presetConflict,
  refusedMigration,
  refusedState,
  rejectedSettings,
  type OutcomeMapper,
  type ReadOnly,
} from './admin-outcomes';
import { changesOut, planOut, toAdminDestination } from './admin-views';
import type { Feature, FeatureContext } from './feature';

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
  /** The account's MediaLive channels (ListChannels), to pick one for a destination. */
  listChannels: () => Promise<ChannelChoice[]>;
  /** Who created a preset ("admin:<profile>"). */
  createdBy: string;
  logger: Logger;
  /**
   * Called after a write that changes what the operator's tiles show (a destination added, renamed, retired or
   * pointed at another preset; a preset edited or deleted): booth-core re-reads the destinations for the tiles.
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

function servicesFrom(context: FeatureContext): AdminServices {
  const { clients, stack, logger } = context;
  if (!stack.tables.destinations) throw new Error('the stack has no destinations table');
  const createdBy = `admin:${context.connection.profile ?? context.connection.mode}`;
  // Preset applies and stream-key changes both rewrite the whole channel: one at a time, across consoles too.
  const guard = new ChannelWriteGuard({
    medialive: clients.medialive,
    dynamo: clients.dynamo,
    table: stack.tables.sessions,
    owner: createdBy,
    logger,
    now: context.now,
  });
  return {
    presets: context.presetStore,
    destinations: context.destinationStore,
    offlineSince: () => context.catalog.servedFromCacheAt,
    applier: createPresetApplier(clients.medialive, logger, guard),
    streamKeys: createStreamKeyService(clients.medialive, logger, guard),
    migration: createDestinationMigration(clients.dynamo, stack.tables.destinations, logger),
    // dynalite (simulation) has no CreateBackup, so there the
    // backup fails and the migration is refused, as it would be against a table that cannot be backed up.
    backup: dynamoOnDemandBackup(clients.dynamodb),
    stack,
    listChannels: () => listChannelChoices(clients.medialive),
    createdBy,
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
  const readOnly: OutcomeMapper<ReadOnly> = (error) => {
    if (!isCode(error, 'access-denied')) return null;
    const reason = `Read-only: AWS refused a write. ${error.message}`;
    if (access.canWrite)
      logger.warn('admin: write refused by AWS (AccessDenied); read-only from now on', {
        awsCode: error.awsCode,
        detail: error.detail,
      });
    access = { canWrite: false, reason };
    return { status: 'read-only', reason };
  };
  const conflictingDestination = destinationConflict(stack);

  /**
   * A channel the admin picked must exist in this account and region; its ARN is taken from MediaLive, never from the
   * window. Clearing the channel (null) clears the ARN too, so the record follows the stack again.
   */
  async function withChannelFromAws(input: unknown): Promise<unknown> {
    if (typeof input !== 'object' || input === null || !('medialive_channel_id' in input)) return input;
    const id: unknown = input.medialive_channel_id;
    if (id === null) return { ...input, medialive_channel_arn: null };
    if (typeof id !== 'string' || id.trim() === '') return input;
    const choice = (await services.listChannels()).find((c) => c.id === id.trim());
    if (!choice)
      throw new DestinationInputError([
        {
          field: 'medialive_channel_id',
          message: `There is no MediaLive channel ${id.trim()} in this account and region: pick one from the list.`,
        },
      ]);
    return { ...input, medialive_channel_id: choice.id, medialive_channel_arn: choice.arn };
  }
  const targetOf = (destinationId: string) => findChannelTarget(destinations, stack, destinationId);

  const workflow: ApplyWorkflowDeps = {
    presets,
    destinations,
    applier,
    stack,
    logger,
    onRecorded: (destinationId) => changed('destination', destinationId),
    describeRecordFailure: (error) =>
      readOnly(error)?.reason ?? (error instanceof Error ? error.message : String(error)),
  };

  /** Applies a preset to a destination's channel now (IDLE only), and records it on the destination. */
  async function applyNow(destinationId: string, presetId: string): Promise<ApplyOutput> {
    const outcome = await applyPresetNow(workflow, destinationId, presetId);
    switch (outcome.status) {
      case 'refused':
        return outcome;
      case 'failed':
        return outcomeOf(outcome.error, [rejectedSettings, invalidPreset, refusedState, readOnly]);
      case 'applied':
        return {
          status: 'applied',
          updated: outcome.result.applied,
          changes: changesOut(outcome.result.changes),
          channelState: outcome.result.channelState,
          note: outcome.note,
        };
    }
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

      'presets.create': async ({ draft }) =>
        guarded(
          async () => {
            const { preset, warnings } = await presets.create(draft, services.createdBy);
            return { status: 'saved' as const, preset, warnings };
          },
          invalidPreset,
          readOnly,
        ),

      'presets.update': async ({ preset_id, expected_version, draft }) =>
        guarded(
          async () => {
            const { preset, warnings } = await presets.update(preset_id, draft, expected_version);
            changed('preset', preset_id);
            return { status: 'saved' as const, preset, warnings };
          },
          invalidPreset,
          presetConflict,
          readOnly,
        ),

      'presets.delete': async ({ preset_id, expected_version }) =>
        guarded(
          async () => {
            const preset = await presets.softDelete(preset_id, expected_version);
            changed('preset', preset_id);
            return { status: 'deleted' as const, preset };
          },
          presetConflict,
          readOnly,
        ),

      'presets.previewApply': async ({ destinationId, presetId }) => {
        const target = await targetOf(destinationId);
        if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
        const preset = await requireActivePreset(presets, presetId);
        return guarded(
          async () => {
            const preview = await applier.preview({ channelId: target.channelId, label: target.record.name }, preset);
            return {
              status: 'preview' as const,
              channelId: preview.channelId,
              channelState: preview.channelState,
              canApply: preview.canApply,
              reason: preview.reason ?? null,
              presetVersion: preset.version,
              changes: changesOut(preview.changes),
            };
          },
          invalidPreset,
          refusedState,
        );
      },

      'presets.apply': async ({ destinationId, presetId }) => applyNow(destinationId, presetId),

      'presets.applyAtNextStop': async ({ destinationId, presetId }) => {
        const target = await targetOf(destinationId);
        if ('reason' in target) return { status: 'refused', reason: target.reason, channelState: null };
        const preset = await requireActivePreset(presets, presetId);
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

      'destinations.create': async ({ destination }) =>
        guarded(
          async () => {
            const created = await destinations.create(await withChannelFromAws(destination));
            changed('destination', created.id);
            return { status: 'saved' as const, destination: toAdminDestination(created, stack) };
          },
          invalidDestination,
          conflictingDestination,
          readOnly,
        ),

      'destinations.update': async ({ id, expected_version, changes }) =>
        guarded(
          async () => {
            const updated = await destinations.update(id, await withChannelFromAws(changes), expected_version);
            changed('destination', id);
            return { status: 'saved' as const, destination: toAdminDestination(updated, stack) };
          },
          invalidDestination,
          conflictingDestination,
          readOnly,
        ),

      'destinations.retire': async ({ id, expected_version }) =>
        guarded(
          async () => {
            const retired = await destinations.retire(id, expected_version);
            changed('destination', id);
            return { status: 'saved' as const, destination: toAdminDestination(retired, stack) };
          },
          conflictingDestination,
          readOnly,
        ),

      'destinations.reorder': async ({ order, basis }) => {
        const all = async () => (await destinations.listAll()).map((r) => toAdminDestination(r, stack));
        try {
          const saved = await destinations.reorder(order, basis);
          // One reload of the tiles for the whole order.
          changed('destination', order[0] ?? '');
          return { status: 'saved' as const, destinations: saved.map((r) => toAdminDestination(r, stack)) };
        } catch (error) {
          if (isCode(error, 'conflict')) {
            // A partial write (see the store) changed some records: the tiles follow what is stored.
            changed('destination', order[0] ?? '');
            return { status: 'conflict' as const, message: error.message, destinations: await all() };
          }
          return outcomeOf(error, [invalidDestination, readOnly]);
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
        return guarded(
          async () => {
            const view = await streamKeys.setStreamKey(
              { channelId: target.channelId, label: target.record.name },
              { url, streamKey },
            );
            return { status: 'saved' as const, target: view };
          },
          invalidDestination,
          refusedState,
          readOnly,
        );
      },

      'destinations.channels': async () => {
        const [channels, records] = await Promise.all([services.listChannels(), destinations.listActive()]);
        return {
          channels: channels.map((c) => {
            const user = records.find((r) => channelIdOf(r, stack) === c.id);
            return {
              id: c.id,
              name: c.name,
              state: c.state,
              inputs: c.inputs,
              usedBy: user ? { id: user.id, name: user.name } : null,
            };
          }),
        };
      },

      'destinations.stackPlan': async () => ({ entries: await planFromStack(destinations, stack) }),

      'destinations.createFromStack': async () =>
        guarded(async () => {
          const result = await createFromStack(destinations, stack);
          for (const record of result.created) changed('destination', record.id);
          logger.info('admin: destinations created from the stack outputs', {
            created: result.created.map((r) => r.id),
            skipped: result.skipped.map((s) => s.id),
          });
          return {
            status: 'created' as const,
            created: result.created.map((r) => toAdminDestination(r, stack)),
            skipped: result.skipped,
          };
        }, readOnly),

      'destinations.migrationDryRun': async () => planOut(await migration.dryRun(channelRefFor(stack))),

      'destinations.migrationApply': async () => {
        // Planned again here: main never trusts a plan that went through a renderer.
        const plan = await migration.dryRun(channelRefFor(stack));
        if (plan.records.length === 0) return { status: 'applied', backupArn: '', migrated: [], skipped: [] };
        return guarded(
          async () => ({ status: 'applied' as const, ...(await migration.apply(plan, services.backup)) }),
          readOnly,
          refusedMigration,
        );
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
