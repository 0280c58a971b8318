import { paginateListChannels, type MediaLiveClient } from '@aws-sdk/client-medialive';
import { callAws } from '../../aws/retry';

/** A MediaLive channel an admin can point a destination at, as ListChannels describes it. */
export interface ChannelChoice {
  id: string;
  arn: string | null;
  name: string;
  state: string;
  /** The attached inputs' names (their ids when unnamed). */
  inputs: string[];
}

/**
 * Every MediaLive channel of the account and region: paginated ListChannels, whose ChannelSummary carries Id, Arn,
 * Name, State and InputAttachments (InputAttachmentName, InputId). See "ChannelSummary" in the AWS Elemental
 * MediaLive API Reference (https://docs.aws.amazon.com/medialive/latest/apireference/channels.html).
 */
export async function listChannelChoices(medialive: MediaLiveClient): Promise<ChannelChoice[]> {
  const choices: ChannelChoice[] = [];
  await callAws('List the MediaLive channels', async () => {
    choices.length = 0;
    for await (const page of paginateListChannels({ client: medialive }, { MaxResults: 100 })) {
      for (const c of page.Channels ?? []) {
        if (!c.Id) continue;
        choices.push({
          id: c.Id,
          arn: c.Arn ?? null,
          name: c.Name ?? c.Id,
          state: c.State ?? 'UNKNOWN',
          inputs: (c.InputAttachments ?? []).map((a) => a.InputAttachmentName ?? a.InputId ?? '?'),
        });
      }
    }
  });
  return choices.sort((a, b) => a.name.localeCompare(b.name));
}
