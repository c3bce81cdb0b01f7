/**
 * Seeded uniform sampling of members of a given length: each member of
 * length n is equally likely. Walks the DFA choosing each class with weight
 * |class| × (completions from its target), then a uniform code point in the
 * class. Randomness comes from a seeded xoshiro128** generator, so the same
 * seed gives the same members on every machine.
 */
import { limitError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { completionCounts } from './count.js';
import { type Dfa, complete } from './dfa.js';

/** A seeded 32-bit generator (xoshiro128**, seeded through splitmix32). */
export function rng(seed: number): () => number {
  let s = seed >>> 0;
  const split = (): number => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = split();
  let b = split();
  let c = split();
  let d = split();
  return () => {
    const result = Math.imul(rotl(Math.imul(b, 5) >>> 0, 7), 9) >>> 0;
    const t = (b << 9) >>> 0;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/** A uniform BigInt in [0, bound), by rejection over 32-bit chunks. */
export function uniformBelow(next: () => number, bound: bigint): bigint {
  if (bound <= 0n) throw new RangeError('bound must be positive');
  const bits = bound.toString(2).length;
  const chunks = Math.ceil(bits / 32);
  const excess = BigInt(chunks * 32 - bits);
  for (;;) {
    let x = 0n;
    for (let i = 0; i < chunks; i++) x = (x << 32n) | BigInt(next());
    x >>= excess;
    if (x < bound) return x;
  }
}

/**
 * `count` uniformly random members of length `length` (with repetition), or
 * an empty array when there are none.
 */
export function sampleMembers(
  dfa0: Dfa,
  length: number,
  count: number,
  seed: number,
  limits: Limits = DEFAULT_LIMITS,
): string[] {
  if (length > limits.maxEnumLength) throw limitError('length', 'maxEnumLength', limits.maxEnumLength);
  const dfa = complete(dfa0);
  const k = dfa.alphabet.classes.length;
  const table = completionCounts(dfa, length);
  if (table[length]![dfa.start] === 0n) return [];
  const next = rng(seed);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const cps: number[] = [];
    let q = dfa.start;
    for (let r = length; r > 0; r--) {
      let pick = uniformBelow(next, table[r]![q]!);
      for (let c = 0; c < k; c++) {
        const t = dfa.delta[q * k + c]!;
        const cls = dfa.alphabet.classes[c]!;
        const per = table[r - 1]![t]!;
        if (per === 0n) continue;
        let weight = 0n;
        for (const [lo, hi] of cls.ranges) weight += BigInt(hi - lo + 1);
        weight *= per;
        if (pick < weight) {
          // Uniform code point within the class: pick / per indexes it.
          let offset = Number(pick / per);
          for (const [lo, hi] of cls.ranges) {
            if (offset <= hi - lo) {
              cps.push(lo + offset);
              break;
            }
            offset -= hi - lo + 1;
          }
          q = t;
          break;
        }
        pick -= weight;
      }
    }
    out.push(String.fromCodePoint(...cps));
  }
  return out;
}
