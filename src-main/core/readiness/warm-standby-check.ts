import type { ChannelSummary } from '@aws-sdk/client-medialive';
import type { ReadinessItem } from '../../../shared/domain/readiness';
import { warmAttachments } from '../../../shared/domain/warm-standby';
import type { ConfiguredDestination } from '../channels/channel-monitor';

/**
 * Which destinations can run warm (standby on a slate, then a take that switches inputs): those whose channel has a
 * slate attachment beside its live one. The others keep working cold (StartChannel at the take); that is said, not
 * failed, so a stack deployed before warm standby stays ready.
 */
export function checkWarmStandby(
  destinations: readonly ConfiguredDestination[],
  channels: ReadonlyMap<string, ChannelSummary>,
): ReadinessItem | null {
  const warm: string[] = [];
  const cold: string[] = [];
  for (const dest of destinations) {
    const channel = dest.channelId ? channels.get(dest.channelId) : undefined;
    if (!channel) continue;
    const names = (channel.InputAttachments ?? []).map((a) => a.InputAttachmentName ?? '');
    (warmAttachments(names).ok ? warm : cold).push(dest.name);
  }
  if (warm.length + cold.length === 0) return null;
  return {
    id: 'warm-standby',
    group: 'destinations',
    label: 'Warm standby',
    status: cold.length === 0 ? 'pass' : 'info',
    detail:
      cold.length === 0
        ? `Every destination can run warm (standby on its slate, take in seconds): ${warm.join(', ')}.`
        : `${warm.length > 0 ? `Can run warm: ${warm.join(', ')}. ` : ''}Cold only (no slate input on the channel): ${cold.join(', ')}.`,
    fix:
      cold.length === 0
        ? null
        : 'Update the channels stack (it attaches a slate input to every channel) to run those warm; they work cold as they are.',
  };
}
