import { DescribeFlowCommand } from '@aws-sdk/client-mediaconnect';
import { DescribeChannelCommand } from '@aws-sdk/client-medialive';
import type { ReadinessItem } from '../../../shared/domain/readiness';
import type { AwsClients } from '../../aws/clients';
import { mapAwsError } from '../../aws/errors';
import type { ConfiguredDestination } from '../channels/channel-monitor';

/**
 * Where the tiles' pictures are off. A channel has thumbnails when its EncoderSettings.ThumbnailConfiguration.State is
 * AUTO ("You must enable the thumbnails feature in each channel", and only while it is idle:
 * https://docs.aws.amazon.com/medialive/latest/ug/thumbnails-enable.html); the flow's source picture needs
 * SourceMonitoringConfig.ThumbnailState ENABLED (https://docs.aws.amazon.com/mediaconnect/latest/api/API_MonitoringConfig.html).
 * Warnings, not failures: a channel without pictures still goes on air.
 */
export async function checkThumbnails(
  clients: Pick<AwsClients, 'medialive' | 'mediaconnect'>,
  destinations: ConfiguredDestination[],
  flowArn: string | null,
): Promise<ReadinessItem[]> {
  const withChannel = destinations.filter((d): d is ConfiguredDestination & { channelId: string } => !!d.channelId);
  const states = await Promise.all(
    withChannel.map(async (d) => {
      try {
        const c = await clients.medialive.send(new DescribeChannelCommand({ ChannelId: d.channelId }));
        return { d, on: c.EncoderSettings?.ThumbnailConfiguration?.State === 'AUTO', error: null };
      } catch (error) {
        return { d, on: false, error: mapAwsError(error, `Read ${d.name}'s channel`).message };
      }
    }),
  );
  const off = states.filter((s) => !s.on && s.error === null).map((s) => s.d.name);
  const unread = states.filter((s) => s.error !== null);
  const channels: ReadinessItem = {
    id: 'thumbnails-channels',
    group: 'destinations',
    label: 'Pictures on the tiles (channel thumbnails)',
    status: off.length > 0 || unread.length > 0 ? 'warn' : 'pass',
    detail:
      off.length > 0
        ? `Thumbnails are off in ${off.join(', ')}: their tiles will show no picture.`
        : unread.length > 0
          ? (unread[0]?.error ?? 'A channel could not be read.')
          : `Thumbnails are on in all ${states.length} channels.`,
    fix:
      off.length > 0
        ? 'Deploy the current stack (cloudformation/channels.yaml sets ThumbnailConfiguration State AUTO), with the channels idle.'
        : null,
  };
  if (!flowArn) return [channels];
  let flowItem: ReadinessItem;
  try {
    const out = await clients.mediaconnect.send(new DescribeFlowCommand({ FlowArn: flowArn }));
    const on = out.Flow?.SourceMonitoringConfig?.ThumbnailState === 'ENABLED';
    flowItem = {
      id: 'thumbnails-flow',
      group: 'flow',
      label: 'Picture on the source cards (flow thumbnails)',
      status: on ? 'pass' : 'warn',
      detail: on
        ? 'Source thumbnails are on in the flow.'
        : 'Source thumbnails are off in the flow: the source cards show no picture.',
      fix: on
        ? null
        : 'Deploy the current stack (cloudformation/flow.yaml sets SourceMonitoringConfig ThumbnailState ENABLED).',
    };
  } catch (error) {
    flowItem = {
      id: 'thumbnails-flow',
      group: 'flow',
      label: 'Picture on the source cards (flow thumbnails)',
      status: 'warn',
      detail: mapAwsError(error, 'Read the flow').message,
      fix: null,
    };
  }
  return [channels, flowItem];
}
