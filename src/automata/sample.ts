/**
 * Seeded uniform sampling of members of a given length: each member of
 * length n is equally likely. Walks the DFA choosing each class with weight
 * |class| × (completions from its target), then a uniform code point in the
 * class. Randomness comes from a seeded xoshiro128** generator, so the same
 * seed gives the same members on every machine.
 */
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { type CharSet, size } from '../alphabet/charset.js';
import {
  acceptingLayer,
  checkCountBudget,
  type CountingEdges,
  countingEdges,
  fromCodePoints,
  nextLayer,
} from './count.js';
import type { Dfa } from './dfa.js';

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

/** A uniform BigInt in [0, bound), by rejection over 32-bit chunks (built in linear time, from hex). */
export function uniformBelow(next: () => number, bound: bigint): bigint {
  if (bound <= 0n) throw new RangeError('bound must be positive');
  const bits = bound.toString(2).length;
  const chunks = Math.ceil(bits / 32);
  const excess = BigInt(chunks * 32 - bits);
  const hex: string[] = new Array<string>(chunks);
  for (;;) {
    for (let i = 0; i < chunks; i++) hex[i] = next().toString(16).padStart(8, '0');
    const x = BigInt('0x' + hex.join('')) >> excess;
    if (x < bound) return x;
  }
}

/**
 * What sampling costs in counting-table cells per cell: three passes over the
 * layers, and the garbage collector moving the live checkpoints, measured at
 * about four times the time of counting.
 */
const SAMPLE_COST = 4;

/**
 * `count` uniformly random members of length `length` (with repetition), or
 * an empty array when there are none.
 *
 * The walk from the start needs, at step r, the completion counts of length
 * r − 1, in decreasing order of r. Keeping every layer would take
 * states × length² bits; instead the layers are recomputed from checkpoints,
 * recursively: a span is cut into about ∛length pieces whose first layers are
 * kept, and each piece is walked from the top down the same way. About three
 * levels suffice, so the work is a few times that of counting and at most
 * ~3∛length layers are alive at once. All walks advance together, so the
 * recomputation is shared between the samples.
 */
export function sampleMembers(
  dfa: Dfa,
  length: number,
  count: number,
  seed: number,
  limits: Limits = DEFAULT_LIMITS,
): string[] {
  checkCountBudget(dfa, length, limits, SAMPLE_COST);
  if (count === 0) return [];
  const k = dfa.alphabet.classes.length;
  const edges = countingEdges(dfa);
  const pieces = Math.max(2, Math.ceil(Math.cbrt(length)));
  const top = forward(edges, acceptingLayer(dfa), 0, length, pieces);
  if (top.last[dfa.start] === 0n) return [];
  const weights = dfa.alphabet.classes.map((cls) => BigInt(size(cls)));
  const next = rng(seed);
  const states: number[] = new Array<number>(count).fill(dfa.start);
  const cps: number[][] = Array.from({ length: count }, () => []);
  // Each walk unranks one uniform index below the number of members: at each
  // step the index picks a class by its weight |class| × completions, then a
  // code point within the class, and the remainder goes on. One big draw per
  // member, and each step costs a division with a small quotient.
  const ranks: bigint[] = Array.from({ length: count }, () => uniformBelow(next, top.last[dfa.start]!));
  const stepAll = (below: readonly bigint[]): void => {
    for (let i = 0; i < count; i++) {
      const q = states[i]!;
      let rank = ranks[i]!;
      for (let c = 0; c < k; c++) {
        const t = dfa.delta[q * k + c]!;
        if (t < 0) continue;
        const per = below[t]!;
        if (per === 0n) continue;
        const weight = weights[c]! * per;
        if (rank < weight) {
          cps[i]!.push(codePointAt(dfa.alphabet.classes[c]!, Number(rank / per)));
          rank %= per;
          states[i] = t;
          break;
        }
        rank -= weight;
      }
      ranks[i] = rank;
    }
  };
  // Walks down through the layers from `to` to `from`, given the checkpoints of a forward pass.
  const walkDown = (marks: bigint[][], from: number, to: number, stride: number): void => {
    for (let i = marks.length - 1; i >= 0; i--) {
      const lo = from + i * stride;
      const hi = Math.min(to, lo + stride);
      const mark = marks[i]!;
      marks.length = i;
      if (hi - lo <= pieces) {
        const layers: bigint[][] = [mark];
        for (let r = lo + 1; r <= hi; r++) layers.push(nextLayer(edges, layers[layers.length - 1]!));
        for (let r = hi; r > lo; r--) stepAll(layers[r - lo - 1]!);
      } else {
        const inner = forward(edges, mark, lo, hi, pieces);
        walkDown(inner.marks, lo, hi, inner.stride);
      }
    }
  };
  walkDown(top.marks, 0, length, top.stride);
  return cps.map((word) => fromCodePoints(word));
}

/**
 * A forward pass from the layer `base` of length `from` to length `to`,
 * keeping the layers at `from + i × stride` (the span cut into `pieces`).
 */
function forward(
  edges: CountingEdges,
  base: bigint[],
  from: number,
  to: number,
  pieces: number,
): { marks: bigint[][]; stride: number; last: bigint[] } {
  const stride = Math.max(1, Math.ceil((to - from) / pieces));
  const marks: bigint[][] = [base];
  let layer = base;
  for (let r = from + 1; r <= to; r++) {
    layer = nextLayer(edges, layer);
    if ((r - from) % stride === 0 && r < to) marks.push(layer);
  }
  return { marks, stride, last: layer };
}

/** The `offset`-th code point of a set (0-based, in increasing order). */
function codePointAt(set: CharSet, offset: number): number {
  let rest = offset;
  for (const [lo, hi] of set.ranges) {
    if (rest <= hi - lo) return lo + rest;
    rest -= hi - lo + 1;
  }
  throw new RangeError('offset past the end of the set');
}
