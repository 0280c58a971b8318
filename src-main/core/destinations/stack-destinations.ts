import { isBoothError } from '../../../shared/domain/errors';
import type { StackTopology } from '../stack/stack-outputs';
import { channelIdOf } from './configured-destinations';
import { DestinationInputError, type DestinationRecord, type DestinationStore } from './destination-store';

/** One destination the stack has a channel for, with the record the stack's own destination list gives it. */
export interface StackDestination {
  id: string;
  platform: string;
  name: string;
  preset_id: string | null;
  channelId: string;
}

/**
 * One entry per `ChannelId<Dest>` output, in the outputs' order, with the platform, name and default preset of the
 * `Destination<Dest>` output; an older stack without it gives the output's suffix as id and name, platform custom.
 */
function stackDestinations(stack: StackTopology): StackDestination[] {
  const list: StackDestination[] = [];
  for (const [key, channel] of stack.channels) {
    if (!channel.id) continue;
    const record = channel.record;
    list.push({
      id: record?.id ?? key,
      platform: record?.platform ?? 'custom',
      name: record?.name ?? key,
      preset_id: record?.preset_id ?? null,
      channelId: channel.id,
    });
  }
  return list;
}

export interface StackPlanEntry extends StackDestination {
  /** null: it will be created; else why it is left out (a record exists, its channel is used). */
  skip: string | null;
}

/** What creating the destinations from the stack would do; nothing is written. */
export async function planFromStack(
  store: Pick<DestinationStore, 'listAll'>,
  stack: StackTopology,
): Promise<StackPlanEntry[]> {
  const records = await store.listAll();
  return stackDestinations(stack).map((d) => {
    const same = records.find((r) => r.id === d.id);
    if (same) return { ...d, skip: `a destination with the id "${d.id}" exists already (${same.name}): kept as it is` };
    const user = records.find((r) => r.is_active !== false && channelIdOf(r, stack) === d.channelId);
    if (user) return { ...d, skip: `its channel is used by ${user.name}` };
    return { ...d, skip: null };
  });
}

export interface StackCreation {
  created: DestinationRecord[];
  skipped: Array<{ id: string; name: string; reason: string }>;
}

/**
 * Creates the destinations the plan allows, each following the stack for its channel (no channel id of its own).
 * Existing records are never overwritten: every write is conditional, so one created meanwhile is skipped, not replaced.
 */
export async function createFromStack(
  store: Pick<DestinationStore, 'listAll' | 'create'>,
  stack: StackTopology,
  now = new Date(),
): Promise<StackCreation> {
  const result: StackCreation = { created: [], skipped: [] };
  // In the stack's order (the booth's order), after any order already set.
  const placed = (await store.listAll()).filter((r) => r.is_active !== false && r.sort_order !== undefined);
  let place = placed.length > 0 ? Math.max(...placed.map((r) => r.sort_order ?? 0)) + 1 : 0;
  for (const entry of await planFromStack(store, stack)) {
    if (entry.skip) {
      result.skipped.push({ id: entry.id, name: entry.name, reason: entry.skip });
      continue;
    }
    try {
      const record = await store.create(
        { id: entry.id, platform: entry.platform, name: entry.name, preset_id: entry.preset_id, sort_order: place },
        now,
      );
      place += 1;
      result.created.push(record);
    } catch (error) {
      if (error instanceof DestinationInputError || (isBoothError(error) && error.code === 'conflict')) {
        const reason =
          error instanceof DestinationInputError ? error.errors.map((e) => e.message).join('; ') : error.message;
        result.skipped.push({ id: entry.id, name: entry.name, reason });
        continue;
      }
      throw error;
    }
  }
  return result;
}
