import type { MediaLiveClient } from '@aws-sdk/client-medialive';
import { describe, expect, it } from 'vitest';
import { silentLogger } from '../logger';
import { storedPreset } from '../test-support/fixtures';
import { ChannelSettingsRejectedError, createPresetApplier, presetFieldForElementPath } from './preset-applier';

const preset = storedPreset();

describe('presetFieldForElementPath', () => {
  it.each([
    ['/encoderSettings/videoDescriptions/0/codecSettings/h264Settings/bitrate', 'video.bitrate'],
    ['/encoderSettings/videoDescriptions/0/width', 'video.resolution'],
    ['/encoderSettings/videoDescriptions/0/codecSettings/h264Settings/gopSize', 'video.gop_size'],
    ['/encoderSettings/audioDescriptions/0/codecSettings/aacSettings/bitrate', 'audio.bitrate'],
    ['/encoderSettings/audioDescriptions/0/codecSettings/aacSettings/sampleRate', 'audio.sample_rate'],
    [
      '/encoderSettings/audioDescriptions/0/audioSelectorName',
      'channel.encoderSettings.audioDescriptions.0.audioSelectorName',
    ],
  ])('%s -> %s', (path, field) => expect(presetFieldForElementPath(path)).toBe(field));
});

/** An IDLE channel with one RTMP destination, whose UpdateChannel fails with `updateError`. */
function refusingChannel(updateError: Error): MediaLiveClient {
  return {
    async send(command: { constructor: { name: string } }) {
      if (command.constructor.name === 'DescribeChannelCommand') {
        return {
          State: 'IDLE',
          Destinations: [{ Id: 'd', Settings: [{ Url: 'rtmp://x/app', StreamName: 'k' }] }],
          EncoderSettings: {},
        };
      }
      throw updateError;
    },
  } as unknown as MediaLiveClient;
}

const applyOn = (medialive: MediaLiveClient) =>
  createPresetApplier(medialive, silentLogger)
    .apply({ channelId: 'c', label: 'Custom' }, preset)
    .catch((e: unknown) => e);

describe('422 from UpdateChannel', () => {
  it('becomes field-level errors', async () => {
    const error = await applyOn(
      refusingChannel(
        Object.assign(new Error('Failed to update channel'), {
          name: 'UnprocessableEntityException',
          $metadata: { httpStatusCode: 422 },
          validationErrors: [
            {
              elementPath: '/encoderSettings/videoDescriptions/0/codecSettings/h264Settings/bitrate',
              errorMessage: 'too high',
            },
          ],
        }),
      ),
    );
    expect(error).toBeInstanceOf(ChannelSettingsRejectedError);
    expect((error as ChannelSettingsRejectedError).errors).toEqual([
      { field: 'video.bitrate', message: expect.stringContaining('too high') },
    ]);
  });
});

describe('UpdateChannel refused for the state the channel was in', () => {
  it('says it was still applying another change when the channel is IDLE again by the time it is re-read', async () => {
    const error = await applyOn(
      refusingChannel(
        Object.assign(new Error('Channel cannot be updated: it is in state UPDATING'), {
          name: 'ConflictException',
          $metadata: { httpStatusCode: 409 },
        }),
      ),
    );
    expect(error).toMatchObject({
      code: 'invalid-state',
      message: 'Custom was still applying another change; nothing was written. Try again in a moment.',
    });
  });
});
