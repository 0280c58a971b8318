/**
 * The slate of a warm-standby channel, in MediaLive's SDK shape. PURE: the CloudFormation generator imports it too.
 * Kept apart from the encoder-settings compiler: it is the channel's inputs and its input-loss picture, not the
 * preset's encode.
 */
import type { EncoderSettings, InputAttachment, InputLossBehavior } from '@aws-sdk/client-medialive';

/** Where the stack keeps the slate clip and the input-loss still (an admin replaces them by uploading new files). */
export const DEFAULT_SLATE_CLIP_KEY = 'slate/lunora-slate.mp4';
export const DEFAULT_SLATE_IMAGE_KEY = 'slate/lunora-slate.png';

/**
 * An MP4 file input's URL in S3: "s3ssl://<bucket>/<path>/<file>.mp4" ("Setting up an MP4 input",
 * https://docs.aws.amazon.com/medialive/latest/ug/setup-mp4-obtain-info.html); MP4 inputs play files only, with the
 * .mp4 extension ("Support for live and file sources", https://docs.aws.amazon.com/medialive/latest/ug/inputs-live-vs-file.html).
 */
export function slateUrl(bucket: string, key: string): string {
  return `s3ssl://${bucket}/${key}`;
}

/**
 * The slate attachment, listed after the live one: a channel with no input switch in its schedule "starts ingesting
 * the first input attachment listed in the channel" (https://docs.aws.amazon.com/medialive/latest/ug/ips-start-channel-multi-inputs.html),
 * so a cold start still goes live. SourceEndBehavior LOOP: "Loop input if it is a file. This allows a file input to be
 * streamed indefinitely" (InputSettings.SourceEndBehavior, MediaLive API reference).
 */
export function compileSlateAttachment(name: string, inputId: string, audioSelectorName: string): InputAttachment {
  return {
    InputAttachmentName: name,
    InputId: inputId,
    InputSettings: { SourceEndBehavior: 'LOOP', AudioSelectors: [{ Name: audioSelectorName }] },
  };
}

/**
 * What the channel puts out when its live input is lost: after `BlackFrameMsec` of black, "a slate into the output"
 * (InputLossBehavior.InputLossImageType SLATE with InputLossImageSlate, the parent being GlobalConfiguration;
 * https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-properties-medialive-channel-inputlossbehavior.html).
 * The previous picture repeats for a second first, so a short glitch is not a flash of slate.
 */
function compileInputLossSlate(imageUri: string): InputLossBehavior {
  return {
    InputLossImageType: 'SLATE',
    InputLossImageSlate: { Uri: imageUri },
    RepeatFrameMsec: 1000,
    BlackFrameMsec: 0,
  };
}

/** The compiled encoder settings with the input-loss slate in their GlobalConfiguration (the rest kept). */
export function withInputLossSlate(settings: EncoderSettings, imageUri: string): EncoderSettings {
  return {
    ...settings,
    GlobalConfiguration: { ...settings.GlobalConfiguration, InputLossBehavior: compileInputLossSlate(imageUri) },
  };
}
