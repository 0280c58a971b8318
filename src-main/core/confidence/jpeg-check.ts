import { decode } from 'jpeg-js';

/** The largest thumbnail file the console accepts (the simulator's are ~5 kB; AWS documents no size, see README). */
export const MAX_THUMBNAIL_BYTES = 512 * 1024;
/** The largest picture, in pixels a side (MediaConnect documents 480 x 270 for its source thumbnails). */
const MAX_THUMBNAIL_SIDE = 1920;
/**
 * jpeg-js's own guards, checked as it reads the frame header and before each allocation, so that a hostile header
 * (a 60 000 x 60 000 frame in 600 bytes) is refused before any pixel buffer exists: 1920 x 1080 at most, and 48 MB
 * for the whole decode (jpeg-js keeps coefficients as 32-bit integers: a 1080p picture needs about 25 MB of them and
 * 6 MB of pixels; a 480 x 270 thumbnail about 2 MB in all).
 */
const DECODE_LIMITS = { maxResolutionInMP: 2.1, maxMemoryUsageInMB: 48 } as const;

export type JpegCheck =
  { ok: true; width: number; height: number } | { ok: false; reason: 'oversize' | 'corrupt'; detail: string };

const corrupt = (detail: string): JpegCheck => ({ ok: false, reason: 'corrupt', detail });
const oversize = (detail: string): JpegCheck => ({ ok: false, reason: 'oversize', detail });

/**
 * Decodes a thumbnail with jpeg-js in the main process before any of it reaches a window. The whole picture is
 * decoded, not only its header: a file whose markers are intact but whose picture data is damaged (a broken upload,
 * a proxy's truncation) fails here instead of being drawn as grey blocks on the tile. jpeg-js is pure JavaScript (no
 * native module to rebuild for Electron) and has the memory and resolution guards above. The decoded pixels are then
 * dropped: the original file goes to the renderer as a data: URL (its CSP allows img-src data:) and Chromium's
 * decoder draws it at the tile's size. No downscale: the file is a few kB to a few tens of kB, a smaller copy would
 * cost a second (pure-JS) encode per picture in the main process to save little on IPC, and the large view needs the
 * full picture anyway.
 */
export function checkJpeg(bytes: Uint8Array): JpegCheck {
  if (bytes.length === 0) return corrupt('an empty answer, 0 bytes');
  if (bytes.length > MAX_THUMBNAIL_BYTES)
    return oversize(`${Math.round(bytes.length / 1024)} kB is more than a thumbnail`);
  if (bytes.length < 4 || bytes[0] !== 0xff || bytes[1] !== 0xd8) return corrupt('not a JPEG');
  let image: { width: number; height: number };
  try {
    image = decode(bytes, { useTArray: true, formatAsRGBA: false, tolerantDecoding: false, ...DECODE_LIMITS });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (/maxResolutionInMP|maxMemoryUsageInMB|allocate enough memory/.test(message))
      return oversize('the picture is larger than a thumbnail may be');
    // jpeg-js reads past the end of a file cut short and stops at "marker was not found".
    if (/marker was not found/.test(message)) return corrupt('the picture is cut short');
    return corrupt('the picture data is damaged');
  }
  if (image.width === 0 || image.height === 0) return corrupt('the picture has no size');
  if (image.width > MAX_THUMBNAIL_SIDE || image.height > MAX_THUMBNAIL_SIDE)
    return oversize(`${image.width} x ${image.height} is more than a thumbnail`);
  return { ok: true, width: image.width, height: image.height };
}
