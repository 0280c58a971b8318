/** Small deterministic PRNG (mulberry32) so runs are reproducible per seed. */
export interface Prng {
  next(): number; // [0, 1)
  range(min: number, max: number): number;
  gaussian(): number; // ~N(0,1)
  int(min: number, maxInclusive: number): number;
  hex(len: number): string;
  alnum(len: number): string;
}

export function createPrng(seed: number): Prng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = (alphabet: string, len: number): string => {
    let s = '';
    for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)] ?? '0';
    return s;
  };
  return {
    next,
    range: (min, max) => min + (max - min) * next(),
    gaussian: () => {
      const u = Math.max(next(), 1e-12);
      const v = next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    },
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    hex: (len) => pick('0123456789abcdef', len),
    alnum: (len) => pick('abcdefghijklmnopqrstuvwxyz0123456789', len),
  };
}
