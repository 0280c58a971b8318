/**
 * Compiles a preset into MediaLive EncoderSettings (SDK shape, PascalCase members).
 * PURE: no AWS calls, no Node APIs. The CloudFormation generator imports it too.
 */
import type {
  AudioDescription,
  EncoderSettings,
  H264Settings,
  OutputDestination,
  OutputGroup,
  VideoDescription,
} from '@aws-sdk/client-medialive';
import type { Preset } from '../../../shared/domain/preset';

export type CompileTarget =
  { kind: 'rtmp'; destinationRefId: string } | { kind: 'mediapackage'; destinationRefId: string };

export interface CompileOptions {
  /** The audio selector defined on the channel's input attachment (MediaLive refuses an unknown one). */
  audioSelectorName?: string;
}

/** What the compiler reads of a preset (a draft from the admin form compiles too). */
export type CompilablePreset = Pick<Preset, 'video' | 'audio'> & {
  platform_settings?: Preset['platform_settings'] | undefined;
};

export const DEFAULT_AUDIO_SELECTOR_NAME = 'default';
export const VIDEO_DESCRIPTION_NAME = 'video_1';
export const AUDIO_DESCRIPTION_NAME = 'audio_1';

/** "1920x1080" -> { width, height }; throws on a malformed string (validation runs first). */
function parseResolution(resolution: string): { width: number; height: number } {
  const match = /^(\d{2,4})x(\d{2,4})$/.exec(resolution);
  if (!match) throw new Error(`resolution "${resolution}" is not WIDTHxHEIGHT`);
  return { width: Number(match[1]), height: Number(match[2]) };
}

/**
 * A frame rate as MediaLive's numerator/denominator: integers as n/1, the NTSC rates
 * (23.976, 29.97, 59.94) as n*1000/1001, anything else to the millihertz, reduced.
 */
export function framerateFraction(fps: number): { numerator: number; denominator: number } {
  if (Number.isInteger(fps)) return { numerator: fps, denominator: 1 };
  const ntsc = Math.round((fps * 1001) / 1000);
  if (Math.abs((ntsc * 1000) / 1001 - fps) < 0.005) return { numerator: ntsc * 1000, denominator: 1001 };
  let numerator = Math.round(fps * 1000);
  let denominator = 1000;
  const g = gcd(numerator, denominator);
  numerator /= g;
  denominator /= g;
  return { numerator, denominator };
}

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

function compileH264(preset: CompilablePreset): H264Settings {
  const v = preset.video;
  const { numerator, denominator } = framerateFraction(v.framerate);
  const baseline = v.profile === 'BASELINE';
  const lowLatency = preset.platform_settings?.low_latency === true;
  // A platform with a fixed keyframe interval (YouTube, Twitch) flags extra I-frames as irregular keyframes.
  const fixedKeyframes = preset.platform_settings?.recommended_keyframe !== undefined;

  const rate: H264Settings =
    v.rate_control === 'QVBR'
      ? { RateControlMode: 'QVBR', MaxBitrate: v.bitrate, BufSize: v.bitrate * 2 }
      : v.rate_control === 'VBR'
        ? {
            RateControlMode: 'VBR',
            Bitrate: v.bitrate,
            MaxBitrate: Math.max(v.bitrate, preset.platform_settings?.max_bitrate ?? v.bitrate),
            BufSize: v.bitrate * 2,
          }
        : { RateControlMode: 'CBR', Bitrate: v.bitrate, BufSize: lowLatency ? v.bitrate : v.bitrate * 2 };

  return {
    ...rate,
    AdaptiveQuantization: 'MEDIUM',
    AfdSignaling: 'NONE',
    ColorMetadata: 'INSERT',
    EntropyEncoding: baseline ? 'CAVLC' : 'CABAC',
    FlickerAq: 'ENABLED',
    FramerateControl: 'SPECIFIED',
    FramerateNumerator: numerator,
    FramerateDenominator: denominator,
    GopBReference: 'DISABLED',
    GopClosedCadence: 1,
    GopNumBFrames: baseline || lowLatency ? 0 : 2,
    GopSize: v.gop_size,
    GopSizeUnits: 'FRAMES',
    Level: v.level as NonNullable<H264Settings['Level']>,
    LookAheadRateControl: lowLatency ? 'LOW' : 'MEDIUM',
    ParControl: 'SPECIFIED',
    ParNumerator: 1,
    ParDenominator: 1,
    Profile: v.profile,
    ScanType: 'PROGRESSIVE',
    SceneChangeDetect: fixedKeyframes ? 'DISABLED' : 'ENABLED',
    SpatialAq: 'ENABLED',
    Syntax: 'DEFAULT',
    TemporalAq: 'ENABLED',
    TimecodeInsertion: 'DISABLED',
  };
}

function compileVideo(preset: CompilablePreset): VideoDescription {
  const { width, height } = parseResolution(preset.video.resolution);
  return {
    Name: VIDEO_DESCRIPTION_NAME,
    Width: width,
    Height: height,
    RespondToAfd: 'NONE',
    ScalingBehavior: 'DEFAULT',
    Sharpness: 50,
    CodecSettings: { H264Settings: compileH264(preset) },
  };
}

function compileAudio(preset: CompilablePreset, audioSelectorName: string): AudioDescription {
  const a = preset.audio;
  return {
    Name: AUDIO_DESCRIPTION_NAME,
    AudioSelectorName: audioSelectorName,
    AudioTypeControl: 'FOLLOW_INPUT',
    LanguageCodeControl: 'FOLLOW_INPUT',
    CodecSettings: {
      AacSettings: {
        Bitrate: a.bitrate,
        CodingMode: a.coding_mode,
        InputType: 'NORMAL',
        Profile: 'LC',
        RateControlMode: 'CBR',
        RawFormat: 'NONE',
        SampleRate: a.sample_rate,
        Spec: 'MPEG4',
      },
    },
  };
}

function compileOutputGroup(target: CompileTarget): OutputGroup {
  const names = { VideoDescriptionName: VIDEO_DESCRIPTION_NAME, AudioDescriptionNames: [AUDIO_DESCRIPTION_NAME] };
  if (target.kind === 'mediapackage') {
    return {
      Name: 'mediapackage',
      OutputGroupSettings: {
        MediaPackageGroupSettings: { Destination: { DestinationRefId: target.destinationRefId } },
      },
      Outputs: [{ OutputName: 'hls', ...names, OutputSettings: { MediaPackageOutputSettings: {} } }],
    };
  }
  return {
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
        ...names,
        OutputSettings: {
          RtmpOutputSettings: {
            Destination: { DestinationRefId: target.destinationRefId },
            CertificateMode: 'VERIFY_AUTHENTICITY',
            ConnectionRetryInterval: 2,
            NumRetries: 10,
          },
        },
      },
    ],
  };
}

/** One video (H.264), one audio (AAC) and one output group (RTMP or MediaPackage) for one destination. */
export function compileEncoderSettings(
  preset: CompilablePreset,
  target: CompileTarget,
  options: CompileOptions = {},
): EncoderSettings {
  return {
    TimecodeConfig: { Source: 'SYSTEMCLOCK' },
    VideoDescriptions: [compileVideo(preset)],
    AudioDescriptions: [compileAudio(preset, options.audioSelectorName ?? DEFAULT_AUDIO_SELECTOR_NAME)],
    OutputGroups: [compileOutputGroup(target)],
  };
}

/**
 * The channel destination an RTMP output refers to. SINGLE_PIPELINE: one Settings entry.
 * The stream key goes to MediaLive only; never log or return this object to a renderer.
 */
export function compileRtmpDestination(id: string, url: string, streamKey: string): OutputDestination {
  return { Id: id, Settings: [{ Url: url, StreamName: streamKey }] };
}

/** The channel destination for the primary (MediaPackage) output group. */
export function compileMediaPackageDestination(id: string, mediaPackageChannelId: string): OutputDestination {
  return { Id: id, MediaPackageSettings: [{ ChannelId: mediaPackageChannelId }] };
}
