import { describe, expect, it } from 'vitest';
import { encode } from 'jpeg-js';
import { testPatternJpeg } from '../../simulator/thumbnails/test-pattern';
import { checkJpeg, MAX_THUMBNAIL_BYTES } from './jpeg-check';

const good = testPatternJpeg('live', 'Twitch', Date.UTC(2026, 0, 1, 12, 0, 0));
/** A real JPEG of any size (jpeg-js's encoder), grey. */
const jpegOf = (width: number, height: number) =>
  encode({ width, height, data: Buffer.alloc(width * height * 4, 128) }, 50).data;
/** The frame header's offset (SOF0, the baseline frame jpeg-js writes). */
const sofOf = (bytes: Buffer) => bytes.indexOf(Buffer.from([0xff, 0xc0]));

describe('checkJpeg', () => {
  it('decodes a well-formed JPEG and gives its size', () => {
    expect(checkJpeg(good)).toEqual({ ok: true, width: 480, height: 270 });
  });

  it('refuses a picture cut short', () => {
    expect(checkJpeg(good.subarray(0, Math.floor(good.length / 2)))).toEqual({
      ok: false,
      reason: 'corrupt',
      detail: 'the picture is cut short',
    });
    // Only the end-of-image marker missing.
    expect(checkJpeg(good.subarray(0, good.length - 2))).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('refuses a file whose markers are intact but whose picture data is damaged', () => {
    const damaged = Buffer.from(good);
    const sos = damaged.indexOf(Buffer.from([0xff, 0xda]));
    for (let i = sos + 20; i < damaged.length - 2; i += 3) damaged[i] = 0x00;
    expect(checkJpeg(damaged)).toEqual({ ok: false, reason: 'corrupt', detail: 'the picture data is damaged' });
  });

  it('refuses an empty answer and what is not a JPEG', () => {
    expect(checkJpeg(new Uint8Array())).toEqual({ ok: false, reason: 'corrupt', detail: 'an empty answer, 0 bytes' });
    expect(checkJpeg(Buffer.from('<html>502 Bad Gateway</html>'))).toEqual({
      ok: false,
      reason: 'corrupt',
      detail: 'not a JPEG',
    });
    // A PNG's signature.
    expect(checkJpeg(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toMatchObject({
      reason: 'corrupt',
    });
    expect(checkJpeg(Buffer.from([0xff, 0xd8]))).toMatchObject({ ok: false, reason: 'corrupt' });
  });

  it('refuses an oversize file before decoding it', () => {
    const big = Buffer.concat([good, Buffer.alloc(MAX_THUMBNAIL_BYTES)]);
    expect(checkJpeg(big)).toMatchObject({ ok: false, reason: 'oversize', detail: expect.stringMatching(/kB/) });
  });

  it('refuses a hostile header (a huge frame in a small file) without allocating its pixels', () => {
    const huge = Buffer.from(good);
    const sof = sofOf(huge);
    huge.writeUInt16BE(60_000, sof + 5);
    huge.writeUInt16BE(60_000, sof + 7);
    const before = process.memoryUsage().arrayBuffers;
    expect(checkJpeg(huge)).toEqual({
      ok: false,
      reason: 'oversize',
      detail: 'the picture is larger than a thumbnail may be',
    });
    // 60 000 x 60 000 x 3 would be 10 GB; nothing like it was allocated.
    expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(64 * 1024 * 1024);
  });

  it('refuses a picture wider than a thumbnail even when its pixel count is small', () => {
    expect(checkJpeg(jpegOf(2400, 16))).toEqual({
      ok: false,
      reason: 'oversize',
      detail: '2400 x 16 is more than a thumbnail',
    });
    expect(checkJpeg(jpegOf(1920, 1080))).toEqual({ ok: true, width: 1920, height: 1080 });
  });

  it('refuses a frame with no size', () => {
    const none = Buffer.from(good);
    none.writeUInt16BE(0, sofOf(none) + 7);
    expect(checkJpeg(none)).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
