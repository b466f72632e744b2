/**
 * Raw DEFLATE (RFC 1951), synchronous, for short links: `deflateRaw` finds repeats (LZ77, 32 KB window,
 * hash chains) and writes one block with the fixed Huffman codes; `inflateRaw` reads any raw DEFLATE
 * stream (stored, fixed or dynamic blocks, so also CompressionStream('deflate-raw') output) and gives up,
 * returning null, on a damaged stream or one that would grow past `maxBytes`.
 */

const LEN_BASE = [
  3, 4, 5, 6, 7, 8, 9, 10, 11, 13, 15, 17, 19, 23, 27, 31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258,
];
const LEN_EXTRA = [0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2, 2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0];
const DIST_BASE = [
  1, 2, 3, 4, 5, 7, 9, 13, 17, 25, 33, 49, 65, 97, 129, 193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145,
  8193, 12289, 16385, 24577,
];
const DIST_EXTRA = [0, 0, 0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13];
const CL_ORDER = [16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15];

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const MAX_CHAIN = 64;

class BitWriter {
  private bytes: number[] = [];
  private acc = 0;
  private n = 0;
  /** `count` bits of `value`, least significant first. */
  bits(value: number, count: number) {
    this.acc |= value << this.n;
    this.n += count;
    while (this.n >= 8) {
      this.bytes.push(this.acc & 0xff);
      this.acc >>>= 8;
      this.n -= 8;
    }
  }
  /** A Huffman code of `len` bits, most significant first. */
  code(value: number, len: number) {
    let r = 0;
    for (let i = 0; i < len; i++) r |= ((value >> i) & 1) << (len - 1 - i);
    this.bits(r, len);
  }
  finish(): Uint8Array {
    if (this.n > 0) this.bytes.push(this.acc & 0xff);
    return Uint8Array.from(this.bytes);
  }
}

function literal(w: BitWriter, sym: number) {
  if (sym < 144) w.code(0x30 + sym, 8);
  else if (sym < 256) w.code(0x190 + sym - 144, 9);
  else if (sym < 280) w.code(sym - 256, 7);
  else w.code(0xc0 + sym - 280, 8);
}

function lastBelow(table: number[], v: number): number {
  let i = table.length - 1;
  while (table[i] > v) i--;
  return i;
}

export function deflateRaw(data: Uint8Array): Uint8Array {
  const w = new BitWriter();
  w.bits(1, 1); // final block
  w.bits(1, 2); // fixed Huffman codes
  const head = new Int32Array(1 << 15).fill(-1);
  const prev = new Int32Array(data.length);
  const hash = (i: number) => ((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) & 0x7fff;
  const insert = (i: number) => {
    if (i + 2 >= data.length) return;
    const h = hash(i);
    prev[i] = head[h];
    head[h] = i;
  };
  let i = 0;
  while (i < data.length) {
    let bestLen = 0;
    let bestDist = 0;
    if (i + MIN_MATCH <= data.length) {
      let j = head[hash(i)];
      for (let chain = 0; j >= 0 && i - j <= WINDOW && chain < MAX_CHAIN; chain++, j = prev[j]) {
        let len = 0;
        const max = Math.min(MAX_MATCH, data.length - i);
        while (len < max && data[j + len] === data[i + len]) len++;
        if (len > bestLen) {
          bestLen = len;
          bestDist = i - j;
          if (len === max) break;
        }
      }
    }
    if (bestLen >= MIN_MATCH) {
      const lc = lastBelow(LEN_BASE, bestLen);
      literal(w, 257 + lc);
      w.bits(bestLen - LEN_BASE[lc], LEN_EXTRA[lc]);
      const dc = lastBelow(DIST_BASE, bestDist);
      w.code(dc, 5);
      w.bits(bestDist - DIST_BASE[dc], DIST_EXTRA[dc]);
      for (let k = 0; k < bestLen; k++) insert(i + k);
      i += bestLen;
    } else {
      literal(w, data[i]);
      insert(i);
      i++;
    }
  }
  literal(w, 256);
  return w.finish();
}

interface Huffman {
  count: Uint16Array;
  symbol: Uint16Array;
}

function huffman(lengths: ArrayLike<number>): Huffman {
  const count = new Uint16Array(16);
  for (let i = 0; i < lengths.length; i++) count[lengths[i]]++;
  // Where each code length starts in the symbol table (symbols of length 0 have no code).
  const offs = new Uint16Array(16);
  let o = 0;
  for (let len = 1; len < 16; len++) {
    offs[len] = o;
    o += count[len];
  }
  const symbol = new Uint16Array(o);
  for (let s = 0; s < lengths.length; s++) if (lengths[s]) symbol[offs[lengths[s]]++] = s;
  count[0] = 0;
  return { count, symbol };
}

class Damaged extends Error {}

export function inflateRaw(data: Uint8Array, maxBytes: number): Uint8Array | null {
  let pos = 0;
  let acc = 0;
  let n = 0;
  const bit = () => {
    if (n === 0) {
      if (pos >= data.length) throw new Damaged();
      acc = data[pos++];
      n = 8;
    }
    const b = acc & 1;
    acc >>= 1;
    n--;
    return b;
  };
  const bits = (count: number) => {
    let v = 0;
    for (let i = 0; i < count; i++) v |= bit() << i;
    return v;
  };
  const decode = (h: Huffman) => {
    let code = 0;
    let first = 0;
    let index = 0;
    for (let len = 1; len < 16; len++) {
      code |= bit();
      const c = h.count[len];
      if (code - first < c) return h.symbol[index + code - first];
      index += c;
      first = (first + c) << 1;
      code <<= 1;
    }
    throw new Damaged();
  };
  let out = new Uint8Array(Math.min(maxBytes, Math.max(1024, data.length * 4)));
  let size = 0;
  const push = (b: number) => {
    if (size >= out.length) {
      if (size >= maxBytes) throw new Damaged();
      const bigger = new Uint8Array(Math.min(maxBytes, out.length * 2));
      bigger.set(out);
      out = bigger;
    }
    out[size++] = b;
  };
  const fixedLit = huffman(Array.from({ length: 288 }, (_, i) => (i < 144 ? 8 : i < 256 ? 9 : i < 280 ? 7 : 8)));
  const fixedDist = huffman(new Array(30).fill(5));
  try {
    let final = 0;
    while (!final) {
      final = bit();
      const type = bits(2);
      if (type === 0) {
        n = 0; // to the byte boundary
        if (pos + 4 > data.length) return null;
        const len = data[pos] | (data[pos + 1] << 8);
        const nlen = data[pos + 2] | (data[pos + 3] << 8);
        pos += 4;
        if ((len ^ 0xffff) !== nlen || pos + len > data.length) return null;
        for (let k = 0; k < len; k++) push(data[pos++]);
        continue;
      }
      let lit = fixedLit;
      let dist = fixedDist;
      if (type === 2) {
        const nlit = bits(5) + 257;
        const ndist = bits(5) + 1;
        const ncode = bits(4) + 4;
        const cl = new Uint8Array(19);
        for (let k = 0; k < ncode; k++) cl[CL_ORDER[k]] = bits(3);
        const clh = huffman(cl);
        const lengths = new Uint8Array(nlit + ndist);
        for (let k = 0; k < nlit + ndist;) {
          const sym = decode(clh);
          if (sym < 16) lengths[k++] = sym;
          else {
            const [rep, v] =
              sym === 16 ? [3 + bits(2), k > 0 ? lengths[k - 1] : -1] : [sym === 17 ? 3 + bits(3) : 11 + bits(7), 0];
            if (v < 0 || k + rep > nlit + ndist) return null;
            for (let r = 0; r < rep; r++) lengths[k++] = v;
          }
        }
        lit = huffman(lengths.subarray(0, nlit));
        dist = huffman(lengths.subarray(nlit));
      } else if (type !== 1) return null;
      for (;;) {
        const sym = decode(lit);
        if (sym < 256) push(sym);
        else if (sym === 256) break;
        else {
          const lc = sym - 257;
          if (lc >= 29) return null;
          const len = LEN_BASE[lc] + bits(LEN_EXTRA[lc]);
          const dc = decode(dist);
          if (dc >= 30) return null;
          const d = DIST_BASE[dc] + bits(DIST_EXTRA[dc]);
          if (d > size) return null;
          for (let k = 0; k < len; k++) push(out[size - d]);
        }
      }
    }
  } catch (error) {
    if (error instanceof Damaged) return null;
    throw error;
  }
  return out.slice(0, size);
}
