/**
 * Sets of Unicode code points as sorted, disjoint, non-adjacent closed
 * intervals. Every character class, literal and `.` of an expression becomes
 * one of these; the alphabet partition is computed from them.
 *
 * Invariant of every `CharSet` produced here: `ranges` is sorted by `lo`,
 * `lo <= hi`, and consecutive ranges are separated by at least one code point
 * (`next.lo > prev.hi + 1`). Two equal sets therefore have equal `ranges`.
 */

/** The largest Unicode code point. */
export const MAX_CODE_POINT = 0x10ffff;

/** A closed interval `[lo, hi]` of code points. */
export type Range = readonly [lo: number, hi: number];

/** A set of code points in normal form (see the module comment). */
export interface CharSet {
  readonly ranges: readonly Range[];
}

/** The empty set. */
export const EMPTY: CharSet = { ranges: [] };

/** Every code point, `[^]` or `.`. */
export const ALL: CharSet = { ranges: [[0, MAX_CODE_POINT]] };

/** Normalizes arbitrary (unsorted, overlapping) ranges into a `CharSet`. */
export function fromRanges(ranges: readonly Range[]): CharSet {
  const sorted = ranges
    .filter(([lo, hi]) => lo <= hi)
    .map(([lo, hi]) => [Math.max(0, lo), Math.min(MAX_CODE_POINT, hi)] as [number, number])
    .sort((a, b) => a[0] - b[0]);
  const out: [number, number][] = [];
  for (const [lo, hi] of sorted) {
    const last = out[out.length - 1];
    if (last !== undefined && lo <= last[1] + 1) {
      if (hi > last[1]) last[1] = hi;
    } else {
      out.push([lo, hi]);
    }
  }
  return { ranges: out };
}

/** The set holding one code point. */
export function single(cp: number): CharSet {
  return { ranges: [[cp, cp]] };
}

/** The set `[lo-hi]`. */
export function range(lo: number, hi: number): CharSet {
  return fromRanges([[lo, hi]]);
}

export function union(a: CharSet, b: CharSet): CharSet {
  return fromRanges([...a.ranges, ...b.ranges]);
}

export function unionAll(sets: readonly CharSet[]): CharSet {
  return fromRanges(sets.flatMap((s) => s.ranges));
}

/** Complement relative to all code points. */
export function complement(a: CharSet): CharSet {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of a.ranges) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CODE_POINT) out.push([next, MAX_CODE_POINT]);
  return { ranges: out };
}

export function intersect(a: CharSet, b: CharSet): CharSet {
  const out: Range[] = [];
  let i = 0;
  let j = 0;
  while (i < a.ranges.length && j < b.ranges.length) {
    const [alo, ahi] = a.ranges[i]!;
    const [blo, bhi] = b.ranges[j]!;
    const lo = Math.max(alo, blo);
    const hi = Math.min(ahi, bhi);
    if (lo <= hi) out.push([lo, hi]);
    if (ahi < bhi) i++;
    else j++;
  }
  return { ranges: out };
}

export function subtract(a: CharSet, b: CharSet): CharSet {
  return intersect(a, complement(b));
}

export function isEmpty(a: CharSet): boolean {
  return a.ranges.length === 0;
}

export function equals(a: CharSet, b: CharSet): boolean {
  if (a.ranges.length !== b.ranges.length) return false;
  return a.ranges.every(([lo, hi], k) => lo === b.ranges[k]![0] && hi === b.ranges[k]![1]);
}

/** Membership by binary search over the ranges. */
export function has(a: CharSet, cp: number): boolean {
  let lo = 0;
  let hi = a.ranges.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const [rlo, rhi] = a.ranges[mid]!;
    if (cp < rlo) hi = mid - 1;
    else if (cp > rhi) lo = mid + 1;
    else return true;
  }
  return false;
}

/** Number of code points in the set. */
export function size(a: CharSet): number {
  let n = 0;
  for (const [lo, hi] of a.ranges) n += hi - lo + 1;
  return n;
}

/** The smallest code point of a non-empty set. */
export function first(a: CharSet): number | undefined {
  return a.ranges[0]?.[0];
}
