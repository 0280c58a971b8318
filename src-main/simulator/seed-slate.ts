import type { Input, InputAttachment } from '@aws-sdk/client-medialive';
import { DEFAULT_AUDIO_SELECTOR_NAME } from '../core/presets/encoder-settings-compiler';
import { isObject, toWire, type JsonObject } from './world/wire';

/** Where a deployed stack would keep the slate clip and the input-loss still, per account. */
export const slateBucket = (accountId: string): string => `lunora-booth-slates-${accountId}`;
export const SLATE_CLIP_KEY = 'slate/lunora-slate.mp4';
export const SLATE_IMAGE_KEY = 'slate/lunora-slate.png';

export interface SlateSeed {
  inputId: string;
  attachmentName: string;
}

/**
 * Gives a seeded channel its slate: an MP4_FILE input read from S3 (URL form s3ssl://bucket/path/file.mp4, "Setting up
 * an MP4 input", https://docs.aws.amazon.com/medialive/latest/ug/setup-mp4-obtain-info.html), attached after the live
 * input with SourceEndBehavior LOOP ("Loop input if it is a file. This allows a file input to be streamed
 * indefinitely", InputSettings.SourceEndBehavior), and InputLossBehavior showing the slate still when the live input is
 * lost. The live attachment stays first: a channel without a switch in its schedule starts on its first attachment
 * (https://docs.aws.amazon.com/medialive/latest/ug/ips-start-channel-multi-inputs.html), so cold starts are unchanged.
 */
export function attachSlate(
  channel: JsonObject,
  opts: { destinationId: string; inputId: string; region: string; accountId: string; roleArn: string },
): { input: JsonObject; slate: SlateSeed } {
  const attachmentName = `lunora-${opts.destinationId}-slate`;
  const bucket = slateBucket(opts.accountId);
  const input: Input = {
    Arn: `arn:aws:medialive:${opts.region}:${opts.accountId}:input:${opts.inputId}`,
    Id: opts.inputId,
    Name: attachmentName,
    Type: 'MP4_FILE',
    InputClass: 'SINGLE_PIPELINE',
    InputSourceType: 'STATIC',
    State: 'ATTACHED',
    AttachedChannels: [String(channel['id'])],
    Sources: [{ Url: `s3ssl://${bucket}/${SLATE_CLIP_KEY}` }],
    RoleArn: opts.roleArn,
    Destinations: [],
    MediaConnectFlows: [],
    SecurityGroups: [],
    InputDevices: [],
    InputPartnerIds: [],
    Tags: { Project: 'lunora-booth', Destination: opts.destinationId, Role: 'slate' },
  };
  const attachment: InputAttachment = {
    InputAttachmentName: attachmentName,
    InputId: opts.inputId,
    InputSettings: {
      AudioSelectors: [{ Name: DEFAULT_AUDIO_SELECTOR_NAME }],
      DeblockFilter: 'DISABLED',
      DenoiseFilter: 'DISABLED',
      FilterStrength: 1,
      InputFilter: 'AUTO',
      Smpte2038DataPreference: 'IGNORE',
      SourceEndBehavior: 'LOOP',
    },
  };
  const attachments: unknown[] = Array.isArray(channel['inputAttachments']) ? channel['inputAttachments'] : [];
  channel['inputAttachments'] = [...attachments, toWire(attachment) as JsonObject];
  const settings = isObject(channel['encoderSettings']) ? channel['encoderSettings'] : {};
  const global = isObject(settings['globalConfiguration']) ? settings['globalConfiguration'] : {};
  settings['globalConfiguration'] = {
    ...global,
    inputLossBehavior: {
      inputLossImageType: 'SLATE',
      inputLossImageSlate: { uri: `s3ssl://${bucket}/${SLATE_IMAGE_KEY}` },
      repeatFrameMsec: 1000,
      blackFrameMsec: 0,
    },
  };
  channel['encoderSettings'] = settings;
  return { input: toWire(input) as JsonObject, slate: { inputId: opts.inputId, attachmentName } };
}
