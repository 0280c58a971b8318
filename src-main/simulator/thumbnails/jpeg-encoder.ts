/**
 * A baseline JPEG (ITU-T T.81) whose 8x8 blocks are each one flat colour: every block carries its DC coefficient and
 * an end-of-block, no AC. The simulator's test patterns are drawn in whole blocks, so nothing is lost, and the file is
 * a real JPEG any decoder (Chromium's included) reads. No JPEG library is installed in this project; this is the
 * smallest honest encoder for block-drawn pictures, not a general one.
 */
export interface BlockImage {
  /** Pixels (the file's size); the block grid is ceil(width / 8) by ceil(height / 8). */
  width: number;
  height: number;
  /** RGB per block, row by row: [r, g, b] with 0..255 each. */
  blocks: ReadonlyArray<readonly [number, number, number]>;
}

/** Every quantizer 8: the DC of a flat block is then its level - 128 exactly (T.81 A.3.3: F(0,0) = 8 x mean). */
const QUANT = 8;
/** T.81 Table K.3, the standard luminance DC table: code counts by length 1..16, then the categories 0..11. */
const DC_COUNTS = [0, 1, 5, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0];
const DC_SYMBOLS = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11];
/** An AC table with one code of length 1, for the only AC symbol sent: end of block (0x00). */
const AC_COUNTS = [1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0];
const AC_SYMBOLS = [0];

/** Canonical Huffman codes (T.81 Annex C) from the counts per length. */
function huffmanCodes(counts: number[], symbols: number[]): Map<number, { code: number; length: number }> {
  const out = new Map<number, { code: number; length: number }>();
  let code = 0;
  let k = 0;
  counts.forEach((n, i) => {
    for (let j = 0; j < n; j++) out.set(symbols[k++] ?? 0, { code: code++, length: i + 1 });
    code <<= 1;
  });
  return out;
}
const DC_CODES = huffmanCodes(DC_COUNTS, DC_SYMBOLS);
const AC_EOB = huffmanCodes(AC_COUNTS, AC_SYMBOLS).get(0) ?? { code: 0, length: 1 };

class BitWriter {
  private readonly bytes: number[] = [];
  private acc = 0;
  private n = 0;
  write(value: number, length: number): void {
    for (let i = length - 1; i >= 0; i--) {
      this.acc = (this.acc << 1) | ((value >> i) & 1);
      this.n++;
      if (this.n === 8) this.flushByte();
    }
  }
  private flushByte(): void {
    this.bytes.push(this.acc);
    // A 0xFF in entropy-coded data is followed by a stuffed zero byte (T.81 F.1.2.3).
    if (this.acc === 0xff) this.bytes.push(0);
    this.acc = 0;
    this.n = 0;
  }
  finish(): number[] {
    // The last byte is padded with 1 bits.
    while (this.n !== 0) this.write(1, 1);
    return this.bytes;
  }
}

const clamp = (v: number) => Math.max(0, Math.min(255, Math.round(v)));

/** JFIF YCbCr from RGB (the JFIF 1.02 conversion). */
function ycbcr([r, g, b]: readonly [number, number, number]): [number, number, number] {
  return [
    clamp(0.299 * r + 0.587 * g + 0.114 * b),
    clamp(-0.1687 * r - 0.3313 * g + 0.5 * b + 128),
    clamp(0.5 * r - 0.4187 * g - 0.0813 * b + 128),
  ];
}

function segment(marker: number, payload: number[]): number[] {
  const length = payload.length + 2;
  return [0xff, marker, length >> 8, length & 0xff, ...payload];
}

export function encodeBlockJpeg(image: BlockImage): Buffer {
  const cols = Math.ceil(image.width / 8);
  const rows = Math.ceil(image.height / 8);
  if (image.blocks.length !== cols * rows)
    throw new Error(`expected ${cols * rows} blocks, got ${image.blocks.length}`);
  const app0 = segment(0xe0, [0x4a, 0x46, 0x49, 0x46, 0, 1, 2, 0, 0, 1, 0, 1, 0, 0]);
  const dqt = segment(0xdb, [0x00, ...new Array<number>(64).fill(QUANT)]);
  const sof = segment(0xc0, [
    8,
    image.height >> 8,
    image.height & 0xff,
    image.width >> 8,
    image.width & 0xff,
    3,
    ...[1, 2, 3].flatMap((id) => [id, 0x11, 0]),
  ]);
  const dht = segment(0xc4, [0x00, ...DC_COUNTS, ...DC_SYMBOLS, 0x10, ...AC_COUNTS, ...AC_SYMBOLS]);
  const sos = segment(0xda, [3, 1, 0x00, 2, 0x00, 3, 0x00, 0, 63, 0]);
  const bits = new BitWriter();
  const previous = [0, 0, 0];
  for (const block of image.blocks) {
    const levels = ycbcr(block);
    for (let c = 0; c < 3; c++) {
      const dc = (levels[c] ?? 0) - 128;
      const diff = dc - (previous[c] ?? 0);
      previous[c] = dc;
      const magnitude = Math.abs(diff);
      const category = magnitude === 0 ? 0 : Math.floor(Math.log2(magnitude)) + 1;
      const huff = DC_CODES.get(category);
      if (!huff) throw new Error(`DC difference ${diff} out of range`);
      bits.write(huff.code, huff.length);
      // Negative differences are sent as diff - 1 in `category` bits (T.81 F.1.2.1).
      if (category > 0) bits.write(diff < 0 ? diff - 1 + (1 << category) : diff, category);
      bits.write(AC_EOB.code, AC_EOB.length);
    }
  }
  return Buffer.from([0xff, 0xd8, ...app0, ...dqt, ...sof, ...dht, ...sos, ...bits.finish(), 0xff, 0xd9]);
}
