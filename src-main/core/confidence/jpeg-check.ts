/** The largest thumbnail the console accepts (MediaLive's and MediaConnect's are a few tens of kB). */
export const MAX_THUMBNAIL_BYTES = 512 * 1024;
/** The largest picture, in pixels a side (MediaConnect documents 480 x 270). */
const MAX_THUMBNAIL_SIDE = 1920;

export type JpegCheck =
  { ok: true; width: number; height: number } | { ok: false; reason: 'oversize' | 'corrupt'; detail: string };

/** Start-of-frame markers that carry the picture's size (T.81 Table B.1: SOF0-SOF15 except DHT, JPG and DAC). */
const SOF = new Set([0xc0, 0xc1, 0xc2, 0xc3, 0xc5, 0xc6, 0xc7, 0xc9, 0xca, 0xcb, 0xcd, 0xce, 0xcf]);

/**
 * Reads a JPEG's structure in the main process before any of it reaches a window: the start and end of image, the
 * marker segments up to the frame header, and the frame's size. It decodes no pixel; a picture that passes is handed
 * to the renderer as a data: URL for Chromium's own decoder to draw at the tile's size (the CSP allows img-src data:).
 */
export function checkJpeg(bytes: Uint8Array): JpegCheck {
  if (bytes.length > MAX_THUMBNAIL_BYTES)
    return { ok: false, reason: 'oversize', detail: `${Math.round(bytes.length / 1024)} kB is more than a thumbnail` };
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8)
    return { ok: false, reason: 'corrupt', detail: 'not a JPEG (no start of image)' };
  if (bytes[bytes.length - 2] !== 0xff || bytes[bytes.length - 1] !== 0xd9)
    return { ok: false, reason: 'corrupt', detail: 'the picture is cut short (no end of image)' };
  let i = 2;
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return { ok: false, reason: 'corrupt', detail: `no marker at byte ${i}` };
    const marker = bytes[i + 1] ?? 0;
    if (marker === 0xff) {
      i += 1; // fill byte
      continue;
    }
    const length = ((bytes[i + 2] ?? 0) << 8) | (bytes[i + 3] ?? 0);
    if (length < 2 || i + 2 + length > bytes.length)
      return { ok: false, reason: 'corrupt', detail: `a segment runs past the end (byte ${i})` };
    if (SOF.has(marker)) {
      if (length < 7) return { ok: false, reason: 'corrupt', detail: 'the frame header is too short' };
      const height = ((bytes[i + 5] ?? 0) << 8) | (bytes[i + 6] ?? 0);
      const width = ((bytes[i + 7] ?? 0) << 8) | (bytes[i + 8] ?? 0);
      if (width === 0 || height === 0) return { ok: false, reason: 'corrupt', detail: 'the picture has no size' };
      if (width > MAX_THUMBNAIL_SIDE || height > MAX_THUMBNAIL_SIDE)
        return { ok: false, reason: 'oversize', detail: `${width} x ${height} is more than a thumbnail` };
      return { ok: true, width, height };
    }
    if (marker === 0xda) break; // scan data before any frame header
    i += 2 + length;
  }
  return { ok: false, reason: 'corrupt', detail: 'no frame header' };
}
