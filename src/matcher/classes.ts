/**
 * Code point → class lookups for matchers: a dense table for the BMP (one
 * load per UTF-16 unit) and a binary search over the alphabet's intervals for
 * astral code points. Both are views of the same `Alphabet` partition, so they
 * agree with `classOf` by construction.
 */
import { type Alphabet, fillClasses, intervalAt } from '../alphabet/alphabet.js';

/** Class of every BMP code point (lone surrogates included), as `Int32Array(65536)`. */
export function bmpClasses(alphabet: Alphabet): Int32Array {
  const out = new Int32Array(0x10000);
  fillClasses(alphabet, 0, out);
  return out;
}

export { fillClasses, intervalAt };

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
