import type { EncoderSettings, OutputDestination } from '@aws-sdk/client-medialive';

/** Encoding parameters of a seeded channel (the plan's presets). */
export interface SeedEncoding {
  width: number;
  height: number;
  fps: number;
  videoBitrateBps: number;
  profile: 'BASELINE' | 'MAIN' | 'HIGH';
  /** GOP length in frames. */
  gopFrames: number;
  audioBitrateBps: number;
}

export type SeedOutputKind = 'rtmp' | 'mediapackage';

export const AUDIO_SELECTOR_NAME = 'default';
export const VIDEO_DESCRIPTION_NAME = 'video_1';
export const AUDIO_DESCRIPTION_NAME = 'audio_1';

/** Complete SINGLE_PIPELINE EncoderSettings (SDK shape) for one destination. */
export function buildSeedEncoderSettings(enc: SeedEncoding, kind: SeedOutputKind, destinationRefId: string): EncoderSettings {
  const outputCommon = {
    VideoDescriptionName: VIDEO_DESCRIPTION_NAME,
    AudioDescriptionNames: [AUDIO_DESCRIPTION_NAME],
  };
  const outputGroup: NonNullable<EncoderSettings['OutputGroups']>[number] =
    kind === 'mediapackage'
      ? {
          Name: 'mediapackage',
          OutputGroupSettings: { MediaPackageGroupSettings: { Destination: { DestinationRefId: destinationRefId } } },
          Outputs: [{ OutputName: 'hls', ...outputCommon, OutputSettings: { MediaPackageOutputSettings: {} } }],
        }
      : {
          Name: 'rtmp',
          OutputGroupSettings: {
            RtmpGroupSettings: {
              AuthenticationScheme: 'COMMON',
              CacheFullBehavior: 'DISCONNECT_IMMEDIATELY',
              CacheLength: 30,
              CaptionData: 'ALL',
              InputLossAction: 'EMIT_OUTPUT',
              RestartDelay: 15,
            },
          },
          Outputs: [
            {
              OutputName: 'rtmp',
              ...outputCommon,
              OutputSettings: {
                RtmpOutputSettings: {
                  Destination: { DestinationRefId: destinationRefId },
                  CertificateMode: 'VERIFY_AUTHENTICITY',
                  ConnectionRetryInterval: 2,
                  NumRetries: 10,
                },
              },
            },
          ],
        };

  return {
    TimecodeConfig: { Source: 'SYSTEMCLOCK' },
    AudioDescriptions: [
      {
        Name: AUDIO_DESCRIPTION_NAME,
        AudioSelectorName: AUDIO_SELECTOR_NAME,
        AudioTypeControl: 'FOLLOW_INPUT',
        LanguageCodeControl: 'FOLLOW_INPUT',
        CodecSettings: {
          AacSettings: {
            Bitrate: enc.audioBitrateBps,
            CodingMode: 'CODING_MODE_2_0',
            InputType: 'NORMAL',
            Profile: 'LC',
            RateControlMode: 'CBR',
            RawFormat: 'NONE',
            SampleRate: 48000,
            Spec: 'MPEG4',
          },
        },
      },
    ],
    VideoDescriptions: [
      {
        Name: VIDEO_DESCRIPTION_NAME,
        Width: enc.width,
        Height: enc.height,
        RespondToAfd: 'NONE',
        ScalingBehavior: 'DEFAULT',
        Sharpness: 50,
        CodecSettings: {
          H264Settings: {
            AdaptiveQuantization: 'MEDIUM',
            AfdSignaling: 'NONE',
            Bitrate: enc.videoBitrateBps,
            BufSize: enc.videoBitrateBps * 2,
            ColorMetadata: 'INSERT',
            EntropyEncoding: enc.profile === 'BASELINE' ? 'CAVLC' : 'CABAC',
            FlickerAq: 'ENABLED',
            FramerateControl: 'SPECIFIED',
            FramerateNumerator: enc.fps,
            FramerateDenominator: 1,
            GopBReference: 'DISABLED',
            GopClosedCadence: 1,
            GopNumBFrames: enc.profile === 'BASELINE' ? 0 : 2,
            GopSize: enc.gopFrames,
            GopSizeUnits: 'FRAMES',
            Level: 'H264_LEVEL_AUTO',
            LookAheadRateControl: 'MEDIUM',
            ParControl: 'SPECIFIED',
            ParNumerator: 1,
            ParDenominator: 1,
            Profile: enc.profile,
            RateControlMode: 'CBR',
            ScanType: 'PROGRESSIVE',
            SceneChangeDetect: 'ENABLED',
            SpatialAq: 'ENABLED',
            Syntax: 'DEFAULT',
            TemporalAq: 'ENABLED',
            TimecodeInsertion: 'DISABLED',
          },
        },
      },
    ],
    OutputGroups: [outputGroup],
  };
}

/** The channel destination the output group refers to (SINGLE_PIPELINE: one Settings entry). */
export function buildSeedDestination(
  kind: SeedOutputKind,
  id: string,
  target: { url?: string; streamName?: string; mediaPackageChannelId?: string },
): OutputDestination {
  if (kind === 'mediapackage') {
    return { Id: id, MediaPackageSettings: [{ ChannelId: target.mediaPackageChannelId ?? 'lunora-primary' }] };
  }
  return { Id: id, Settings: [{ Url: target.url, StreamName: target.streamName }] };
}
