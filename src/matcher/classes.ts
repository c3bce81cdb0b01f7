/**
 * Code point → class lookups for matchers: a dense table for the BMP (one
 * load per UTF-16 unit) and a binary search over the alphabet's intervals for
 * astral code points. Both are views of the same `Alphabet` partition, so they
 * agree with `classOf` by construction.
 */
import { type Alphabet, intervalAt } from '../alphabet/alphabet.js';

/** Class of every BMP code point (lone surrogates included), as `Int32Array(65536)`. */
export function bmpClasses(alphabet: Alphabet): Int32Array {
  const out = new Int32Array(0x10000);
  fillClasses(alphabet, 0, out);
  return out;
}

/**
 * Writes the class of code points `base .. base + out.length - 1` into `out`,
 * walking the partition's intervals rather than searching per code point.
 * (A `Uint16Array` holds the classes of alphabets of up to 65 536 classes.)
 */
export function fillClasses(alphabet: Alphabet, base: number, out: Int32Array | Uint16Array): void {
  const { starts, classAt } = alphabet;
  let i = intervalAt(alphabet, base);
  let cp = base;
  const end = base + out.length;
  while (cp < end) {
    const next = i + 1 < starts.length ? Math.min(starts[i + 1]!, end) : end;
    out.fill(classAt[i]!, cp - base, next - base);
    cp = next;
    i++;
  }
}

export { intervalAt };

/**
 * A compact key for the classes of `base .. base + size - 1`: the runs of equal
 * class. Two ranges with equal keys behave identically in every automaton over
 * this alphabet.
 */
export function rangeKey(alphabet: Alphabet, base: number, size: number): string {
  const { starts, classAt } = alphabet;
  let i = intervalAt(alphabet, base);
  let key = '';
  let cp = base;
  const end = base + size;
  while (cp < end) {
    key += `${cp - base}:${classAt[i]!},`;
    cp = i + 1 < starts.length ? starts[i + 1]! : end;
    i++;
  }
  return key;
}
