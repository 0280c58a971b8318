import { describe, expect, it } from 'vitest';
import { splitStreamKeyFromUrl, StreamTargetSchema } from './destination-inputs';

describe('a stream key typed into the URL path', () => {
  it.each([
    [
      'rtmp://a.rtmp.youtube.com/live2/abcd-1234-efgh-5678-ijkl',
      'rtmp://a.rtmp.youtube.com/live2',
      'abcd-1234-efgh-5678-ijkl',
    ],
    [
      'rtmps://live.twitch.tv:443/app/live_123456789_AbCdEfGhIj',
      'rtmps://live.twitch.tv:443/app',
      'live_123456789_AbCdEfGhIj',
    ],
    [
      'rtmps://live-api-s.facebook.com:443/rtmp/FB-1234567890-0-AbCdEf?s_bl=1&a=Xy',
      'rtmps://live-api-s.facebook.com:443/rtmp',
      'FB-1234567890-0-AbCdEf?s_bl=1&a=Xy',
    ],
  ])('%s: the last segment is the key', (url, base, key) => {
    expect(splitStreamKeyFromUrl(url)).toEqual({ url: base, key });
  });

  it.each([
    'rtmp://a.rtmp.youtube.com/live2',
    'rtmps://live.example.com:443/app/',
    'rtmp://ingest.example.com/live/stream',
    'rtmp://ingest.example.com/applicationname',
    'rtmp://ingest.example.com/live/program-feed-east',
  ])('%s: no key-like segment, the URL is kept', (url) => {
    expect(splitStreamKeyFromUrl(url)).toEqual({ url, key: null });
  });

  it('moves the key out of the URL, refuses a second key, and asks for a key when there is none', () => {
    expect(
      StreamTargetSchema.parse({ url: 'rtmp://a.rtmp.youtube.com/live2/abcd-1234-efgh-5678', streamKey: '' }),
    ).toEqual({
      url: 'rtmp://a.rtmp.youtube.com/live2',
      streamKey: 'abcd-1234-efgh-5678',
      keyFromUrl: true,
    });
    const both = StreamTargetSchema.safeParse({
      url: 'rtmp://a.rtmp.youtube.com/live2/abcd-1234-efgh-5678',
      streamKey: 'x',
    });
    expect(both.success ? [] : both.error.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['url', expect.stringContaining('keep only one')],
    ]);
    const none = StreamTargetSchema.safeParse({ url: 'rtmp://a.rtmp.youtube.com/live2', streamKey: '' });
    expect(none.success ? [] : none.error.issues.map((i) => i.path.join('.'))).toEqual(['streamKey']);
  });
});
