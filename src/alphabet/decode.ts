/**
 * How wordflow reads a JavaScript string as code points — the one definition,
 * streaming. A high surrogate followed by a low surrogate is one astral code
 * point; every other unit, lone surrogates included, is the code point of its
 * own value (as `String.prototype[Symbol.iterator]` and `codePointAt` read
 * them). Input may come in pieces: a high surrogate that ends a piece stays
 * pending until the next piece shows whether its low surrogate follows, or
 * until the end of the input makes it a lone code point.
 *
 * The compiled matcher reads strings by other means for speed (a unit
 * automaton whose pending states play the part of `pending`, and an inline
 * copy of this loop in `codePointRunner`); `test/alphabet/decode.test.ts`
 * checks them against this decoder on pieces cut through surrogate pairs.
 */
import { type Alphabet, classOf, fillClasses } from './alphabet.js';

/** No high surrogate pending. */
export const NO_PENDING = -1;

/** The astral code point of a surrogate pair. */
export function astralCodePoint(high: number, low: number): number {
  return 0x10000 + ((high - 0xd800) << 10) + (low - 0xdc00);
}

/**
 * The alphabet's classes of code points, for decoders that read classes: a
 * dense table for the BMP and a binary search for astral code points. Built
 * once per alphabet user (the table is 256 KiB) and shared by its decoders.
 */
export class ClassTable {
  /** The class of every BMP code point, lone surrogates included. */
  readonly bmp = new Int32Array(0x10000);

  constructor(readonly alphabet: Alphabet) {
    fillClasses(alphabet, 0, this.bmp);
  }

  /** The class of one code point. */
  classOf(cp: number): number {
    return cp < 0x10000 ? this.bmp[cp]! : classOf(this.alphabet, cp);
  }
}

/**
 * A streaming decoder of UTF-16 pieces into code points — or, given a
 * `ClassTable`, straight into their classes (one pass, no code point stored).
 */
export class Utf16Decoder {
  /** The high surrogate that ended the last piece, or `NO_PENDING`. */
  pending = NO_PENDING;
  private readonly bmp: Int32Array | null;

  constructor(private readonly classes: ClassTable | null = null) {
    this.bmp = classes === null ? null : classes.bmp;
  }

  /** What a decoded astral code point is written as. */
  private astral(cp: number): number {
    return this.classes === null ? cp : classOf(this.classes.alphabet, cp);
  }

  /**
   * Writes the code points (or classes) completed by `s[from .. to)` to `out`
   * from index 0 and returns how many: at most `to - from + 1` (a pending
   * high surrogate resolved, then one per unit). A high surrogate ending the
   * piece is kept pending, not written.
   */
  decode(s: string, from: number, to: number, out: Int32Array): number {
    const bmp = this.bmp;
    let n = 0;
    let i = from;
    if (this.pending !== NO_PENDING && i < to) {
      const u = s.charCodeAt(i);
      if (u >= 0xdc00 && u < 0xe000) {
        out[n++] = this.astral(astralCodePoint(this.pending, u));
        i++;
      } else {
        out[n++] = bmp === null ? this.pending : bmp[this.pending]!;
      }
      this.pending = NO_PENDING;
    }
    while (i < to) {
      const u = s.charCodeAt(i++);
      if (u >= 0xd800 && u < 0xdc00) {
        if (i === to) {
          this.pending = u;
          break;
        }
        const l = s.charCodeAt(i);
        if (l >= 0xdc00 && l < 0xe000) {
          out[n++] = this.astral(astralCodePoint(u, l));
          i++;
          continue;
        }
      }
      out[n++] = bmp === null ? u : bmp[u]!;
    }
    return n;
  }

  /** The end of the input: a pending high surrogate is a lone code point (or its class), written to `out[0]`; returns 0 or 1. */
  end(out: Int32Array): number {
    if (this.pending === NO_PENDING) return 0;
    out[0] = this.bmp === null ? this.pending : this.bmp[this.pending]!;
    this.pending = NO_PENDING;
    return 1;
  }
}

/** The code points of a whole string. */
export function codePointsOf(s: string): Int32Array {
  const out = new Int32Array(s.length);
  const decoder = new Utf16Decoder();
  const n = decoder.decode(s, 0, s.length, out);
  return out.subarray(0, n + decoder.end(out.subarray(n)));
}

/** The classes of the code points of a whole string (binary search per code point: no table to build). */
export function classesOfText(alphabet: Alphabet, s: string): Int32Array {
  const out = codePointsOf(s);
  for (let i = 0; i < out.length; i++) out[i] = classOf(alphabet, out[i]!);
  return out;
}

/**
 * The code point of one element of `[...s]` (a string of one code point:
 * a surrogate pair, or one unit), which splits strings as `Utf16Decoder` does.
 */
export function codePointOf(ch: string): number {
  return ch.codePointAt(0)!;
}

/** Units decoded per block by streaming readers (`DECODE_BLOCK + 1` entries hold a block's output). */
export const DECODE_BLOCK = 4096;
