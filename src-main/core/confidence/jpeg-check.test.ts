import { describe, expect, it } from 'vitest';
import { encodeBlockJpeg } from '../../simulator/thumbnails/jpeg-encoder';
import { drawPattern } from '../../simulator/thumbnails/test-pattern';
import { checkJpeg, MAX_THUMBNAIL_BYTES } from './jpeg-check';

const good = encodeBlockJpeg(drawPattern('live', 'Twitch', Date.UTC(2026, 0, 1, 12, 0, 0)));

describe('checkJpeg', () => {
  it('reads the size of a well-formed JPEG', () => {
    expect(checkJpeg(good)).toEqual({ ok: true, width: 480, height: 270 });
  });
  it('refuses a picture cut short', () => {
    expect(checkJpeg(good.subarray(0, good.length / 2))).toMatchObject({ ok: false, reason: 'corrupt' });
  });
  it('refuses what is not a JPEG', () => {
    expect(checkJpeg(Buffer.from('<html>502</html>'))).toMatchObject({ ok: false, reason: 'corrupt' });
    expect(checkJpeg(new Uint8Array())).toMatchObject({ ok: false, reason: 'corrupt' });
  });
  it('refuses an oversize file before reading it', () => {
    const big = Buffer.concat([good, Buffer.alloc(MAX_THUMBNAIL_BYTES)]);
    expect(checkJpeg(big)).toMatchObject({ ok: false, reason: 'oversize' });
  });
  it('refuses a frame larger than a thumbnail', () => {
    const huge = Buffer.from(good);
    const sof = huge.indexOf(Buffer.from([0xff, 0xc0]));
    huge.writeUInt16BE(8000, sof + 5);
    expect(checkJpeg(huge)).toMatchObject({ ok: false, reason: 'oversize' });
  });
  it('refuses a segment that runs past the end', () => {
    const broken = Buffer.from(good);
    broken.writeUInt16BE(0xfff0, 4); // APP0's length
    expect(checkJpeg(broken)).toMatchObject({ ok: false, reason: 'corrupt' });
  });
});
