import type { DescribeChannelResponse, UpdateChannelRequest } from '@aws-sdk/client-medialive';

/**
 * An UpdateChannel request that changes only `changes` and carries everything else as the channel has it now
 * (read with DescribeChannel right before). UpdateChannel is not a patch for every member: the MediaLive API
 * reference says of RoleArn "If you do not specify this on an update call but the role was previously set that
 * role will be removed" (UpdateChannelRequest.RoleArn in AWS's MediaLive model), and the role is what MediaPackage
 * output, logging and SSM parameters need. The other settings are sent back as read, so no default of the service
 * can replace them either. The maintenance window's day and start time are sent as they are; a scheduled date is
 * not (sending it would ask for a reschedule).
 */
export function channelUpdate(
  channelId: string,
  channel: DescribeChannelResponse,
  changes: Pick<UpdateChannelRequest, 'EncoderSettings' | 'Destinations'>,
): UpdateChannelRequest {
  const maintenance =
    channel.Maintenance?.MaintenanceDay || channel.Maintenance?.MaintenanceStartTime
      ? {
          MaintenanceDay: channel.Maintenance.MaintenanceDay,
          MaintenanceStartTime: channel.Maintenance.MaintenanceStartTime,
        }
      : undefined;
  return {
    ChannelId: channelId,
    Name: channel.Name,
    RoleArn: channel.RoleArn,
    LogLevel: channel.LogLevel,
    InputSpecification: channel.InputSpecification,
    CdiInputSpecification: channel.CdiInputSpecification,
    InputAttachments: channel.InputAttachments,
    Destinations: changes.Destinations ?? channel.Destinations,
    EncoderSettings: changes.EncoderSettings ?? channel.EncoderSettings,
    ...(maintenance ? { Maintenance: maintenance } : {}),
  };
}
