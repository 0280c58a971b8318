import { encode } from 'jpeg-js';

type Rgb = readonly [number, number, number];

/** The picture the simulator shows for a thumbnail: what the channel's (or the flow's) input carries. */
export type PatternKind = 'live' | 'slate' | 'source' | 'black';

/** 480 x 270: the size MediaConnect documents for its source thumbnails (monitor-with-thumbnails). */
const THUMB_WIDTH = 480;
const THUMB_HEIGHT = 270;
/** The pattern is laid out on a grid of 8-pixel cells (one font pixel each). */
const CELL = 8;
const COLS = THUMB_WIDTH / CELL;
const ROWS = Math.ceil(THUMB_HEIGHT / CELL);
/** jpeg-js's quality (1..100): burnt-in text stays legible on the tile and in the large view. */
const QUALITY = 80;

/** A 3x5 block font: enough for names in capitals, digits and a timecode. */
const GLYPHS: Record<string, string> = {
  '0': '111101101101111',
  '1': '010110010010111',
  '2': '111001111100111',
  '3': '111001111001111',
  '4': '101101111001001',
  '5': '111100111001111',
  '6': '111100111101111',
  '7': '111001001010010',
  '8': '111101111101111',
  '9': '111101111001111',
  A: '010101111101101',
  B: '110101110101110',
  C: '011100100100011',
  D: '110101101101110',
  E: '111100110100111',
  F: '111100110100100',
  G: '011100101101011',
  H: '101101111101101',
  I: '111010010010111',
  J: '001001001101010',
  K: '101101110101101',
  L: '100100100100111',
  M: '101111111101101',
  N: '110101101101101',
  O: '010101101101010',
  P: '110101110100100',
  Q: '010101101110011',
  R: '110101110101101',
  S: '011100010001110',
  T: '111010010010010',
  U: '101101101101111',
  V: '101101101101010',
  W: '101101111111101',
  X: '101101010101101',
  Y: '101101010010010',
  Z: '111001010100111',
  ':': '000010000010000',
  '-': '000000111000000',
  '.': '000000000000010',
  '/': '001001010100100',
};

/** 75% colour bars (white, yellow, cyan, green, magenta, red, blue). */
const BARS: Rgb[] = [
  [191, 191, 191],
  [191, 191, 0],
  [0, 191, 191],
  [0, 191, 0],
  [191, 0, 191],
  [191, 0, 0],
  [0, 0, 191],
];

/** An RGBA picture drawn in whole cells, as jpeg-js takes it. */
class Canvas {
  readonly data = Buffer.alloc(THUMB_WIDTH * THUMB_HEIGHT * 4);
  constructor() {
    for (let i = 3; i < this.data.length; i += 4) this.data[i] = 255;
  }
  /** A rectangle in cells, cut at the picture's edges. */
  fill(x0: number, y0: number, w: number, h: number, [r, g, b]: Rgb): void {
    const left = Math.max(0, x0 * CELL);
    const right = Math.min(THUMB_WIDTH, (x0 + w) * CELL);
    const top = Math.max(0, y0 * CELL);
    const bottom = Math.min(THUMB_HEIGHT, (y0 + h) * CELL);
    for (let y = top; y < bottom; y++)
      for (let x = left; x < right; x++) {
        const i = (y * THUMB_WIDTH + x) * 4;
        this.data[i] = r;
        this.data[i + 1] = g;
        this.data[i + 2] = b;
      }
  }
  /** Text in the 3x5 font, one cell a font pixel, 4 cells a character, cut at the picture's width. */
  text(x0: number, y0: number, text: string, rgb: Rgb): void {
    [...text.toUpperCase()].forEach((ch, i) => {
      const glyph = GLYPHS[ch];
      if (!glyph) return;
      for (let p = 0; p < 15; p++)
        if (glyph[p] === '1') this.fill(x0 + i * 4 + (p % 3), y0 + Math.floor(p / 3), 1, 1, rgb);
    });
  }
}

/** Characters that fit on one line of the pattern. */
const LINE_CHARS = Math.floor((COLS - 2) / 4);

/** "HH:MM:SS:FF" of the simulator's clock at 25 frames a second (UTC), as burnt into a test signal. */
function timecodeOf(epochMs: number): string {
  const d = new Date(epochMs);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}:${p(Math.floor(d.getUTCMilliseconds() / 40))}`;
}

/**
 * The simulator's thumbnail, a baseline JPEG made by jpeg-js (the library the console decodes with, so both ends use
 * one codec; Chromium draws the same file). Live (and a flow source): colour bars over a black band with the name and
 * a running timecode. Slate: a dark blue card saying SLATE, the name and the timecode. Black: nothing at all, as a lost
 * input shows.
 */
export function testPatternJpeg(kind: PatternKind, name: string, epochMs: number): Buffer {
  const c = new Canvas();
  const label = name.slice(0, LINE_CHARS);
  const tc = timecodeOf(epochMs);
  if (kind === 'live' || kind === 'source') {
    const barWidth = COLS / BARS.length;
    BARS.forEach((rgb, i) =>
      c.fill(Math.round(i * barWidth), 0, Math.round((i + 1) * barWidth) - Math.round(i * barWidth), 18, rgb),
    );
    c.fill(0, 18, COLS, ROWS - 18, [16, 16, 16]);
    c.text(2, 20, kind === 'source' ? `SRC ${label}`.slice(0, LINE_CHARS) : label, [235, 235, 235]);
    c.text(2, 27, tc, [255, 220, 0]);
  } else if (kind === 'slate') {
    c.fill(0, 0, COLS, ROWS, [24, 36, 92]);
    c.fill(1, 1, COLS - 2, 1, [200, 200, 200]);
    c.fill(1, ROWS - 2, COLS - 2, 1, [200, 200, 200]);
    c.text(2, 4, 'SLATE', [255, 180, 0]);
    c.text(2, 13, label, [235, 235, 235]);
    c.text(2, 24, tc, [255, 255, 255]);
  }
  return encode({ width: THUMB_WIDTH, height: THUMB_HEIGHT, data: c.data }, QUALITY).data;
}
