import type { EncoderSettings } from '@aws-sdk/client-medialive';

/**
 * Thumbnails on in a channel's configuration: "To enable the thumbnails feature, include the ThumbnailConfiguration
 * group of parameters in the JSON for the channel. Set the State parameter to AUTO (to enable) or DISABLED."
 * (https://docs.aws.amazon.com/medialive/latest/ug/thumbnails-enable.html). Kept apart from the preset compiler:
 * a preset says how to encode, not whether the console may look at the picture.
 */
export function withThumbnails(settings: EncoderSettings): EncoderSettings {
  return { ...settings, ThumbnailConfiguration: { State: 'AUTO' } };
}

/**
 * The flow's source thumbnails on: SourceMonitoringConfig.ThumbnailState ENABLED (MediaConnect's
 * MonitoringConfig; https://docs.aws.amazon.com/mediaconnect/latest/ug/monitor-with-thumbnails.html).
 */
export const SOURCE_MONITORING = { ThumbnailState: 'ENABLED' } as const;
