// What the admin window is shown of the core's records, diffs and plans: picked field by field, values as text.
import type { AdminDestination, MigrationPlanOut, SettingChangeOut } from '../../shared/ipc/features/admin.contract';
import { channelIdOf } from '../core/destinations/configured-destinations';
import type { MigrationPlan } from '../core/destinations/destination-migration';
import type { DestinationRecord } from '../core/destinations/destination-store';
import type { SettingChange } from '../core/presets/encoder-settings-diff';
import { destinationKey, type StackTopology } from '../core/stack/stack-outputs';

const MAX_VALUE_CHARS = 400;

/** A diff value as text for the table (secrets were redacted by the differ); null when absent. */
export function diffValueText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > MAX_VALUE_CHARS ? `${text.slice(0, MAX_VALUE_CHARS - 1)}…` : text;
}

export const changesOut = (changes: SettingChange[]): SettingChangeOut[] =>
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
    stackChannelId: stack.channels.get(destinationKey(record.id))?.id ?? null,
    is_active: record.is_active !== false,
    created_at: record.created_at ?? null,
    updated_at: record.updated_at ?? null,
    version: record.version ?? null,
  };
}

export function planOut(plan: MigrationPlan): MigrationPlanOut {
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
