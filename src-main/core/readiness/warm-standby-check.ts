import type { ChannelSummary } from '@aws-sdk/client-medialive';
import type { ReadinessItem } from '../../../shared/domain/readiness';
import { warmAttachments } from '../../../shared/domain/warm-standby';
import type { ConfiguredDestination } from '../channels/channel-monitor';
import type { SlateFinding } from './slate-object-check';

/**
 * Which destinations can run warm (standby on a slate, then a take that switches inputs): those whose channel has a
 * slate attachment beside its live one. The others keep working cold (StartChannel at the take); that is said, not
 * failed, so a stack deployed before warm standby stays ready.
 */
export function checkWarmStandby(
  destinations: readonly ConfiguredDestination[],
  channels: ReadonlyMap<string, ChannelSummary>,
  slates: readonly SlateFinding[] = [],
): ReadinessItem | null {
  const warm: string[] = [];
  const cold: string[] = [];
  const slateProblems = new Map(slates.filter((s) => s.problem).map((s) => [s.destinationName, s.problem!]));
  for (const dest of destinations) {
    const channel = dest.channelId ? channels.get(dest.channelId) : undefined;
    if (!channel) continue;
    const names = (channel.InputAttachments ?? []).map((a) => a.InputAttachmentName ?? '');
    if (!warmAttachments(names).ok) cold.push(dest.name);
    else if (!slateProblems.has(dest.name)) warm.push(dest.name);
  }
  if (warm.length + cold.length + slateProblems.size === 0) return null;
  const parts = [
    warm.length > 0
      ? cold.length + slateProblems.size === 0
        ? `Every destination can run warm (standby on its slate, take in seconds): ${warm.join(', ')}.`
        : `Can run warm: ${warm.join(', ')}.`
      : null,
    // A channel started to standby on a slate file that is not there has nothing to play: said per destination.
    ...[...slateProblems].map(([name, problem]) => `${name} cannot run warm: ${problem}.`),
    cold.length > 0 ? `Cold only (no slate input on the channel): ${cold.join(', ')}.` : null,
  ];
  const fixes = [
    slateProblems.size > 0
      ? 'Upload the slate clip and still to the slate bucket (the channels stack names them), or let the operator role read them (s3:GetObject, and s3:ListBucket to tell a missing file from a refusal); until then those run cold.'
      : null,
    cold.length > 0
      ? 'Update the channels stack (it attaches a slate input to every channel) to run those warm; they work cold as they are.'
      : null,
  ].filter(Boolean);
  return {
    id: 'warm-standby',
    group: 'destinations',
    label: 'Warm standby',
    status: slateProblems.size > 0 ? 'warn' : cold.length === 0 ? 'pass' : 'info',
    detail: parts.filter(Boolean).join(' '),
    fix: fixes.length > 0 ? fixes.join(' ') : null,
  };
}
