import { BoothError } from '../../../shared/domain/errors';
import type { StackTopology } from '../stack/stack-outputs';
import { channelIdOf } from './configured-destinations';
import type { DestinationRecord, DestinationStore } from './destination-store';

/** An active destination and the channel its settings and stream key live on. */
export interface ChannelTarget {
  record: DestinationRecord;
  channelId: string;
}

/**
 * The destination's channel, or why it has none (retired, no channel mapped) in words.
 * An unknown destination id is an error (not-found), not a reason.
 */
export async function findChannelTarget(
  destinations: Pick<DestinationStore, 'get'>,
  stack: StackTopology,
  destinationId: string,
): Promise<ChannelTarget | { reason: string }> {
  const record = await destinations.get(destinationId);
  if (!record) throw new BoothError('not-found', `There is no destination "${destinationId}".`);
  if (record.is_active === false) return { reason: `${record.name} is retired.` };
  const channelId = channelIdOf(record, stack);
  if (!channelId) return { reason: `No MediaLive channel is mapped to ${record.name}: set its channel id first.` };
  return { record, channelId };
}
