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

const NAMED: Record<number, string> = {
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
};

/** Metacharacters that need a backslash outside a class. */
const META = new Set([...'\\.|&~*+?()[]{}^$']);
/** Characters that need a backslash inside a class. */
const CLASS_META = new Set([...'\\]-^[']);
/** Non-ASCII code points that would be invisible or would combine with a neighbour. */
const INVISIBLE = /[\p{Z}\p{C}\p{M}]/u;

function hexEscape(cp: number): string {
  if (cp < 0x80) return '\\x' + cp.toString(16).padStart(2, '0');
  return cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : `\\u{${cp.toString(16)}}`;
}

/**
 * One code point written so that the expression parser reads it back as
 * that code point, whatever follows it: U+0000 is `\x00` (not `\0`, which a
 * digit would turn into an octal escape), lone surrogates are `\u{d83d}`
 * (two `\uXXXX` in a row would fuse into one code point), and invisible or
 * combining characters are hex escapes.
 */
export function formatCodePoint(cp: number, inClass = false): string {
  const named = NAMED[cp];
  if (named !== undefined) return named;
  if (cp >= 0xd800 && cp <= 0xdfff) return `\\u{${cp.toString(16)}}`;
  const ch = String.fromCodePoint(cp);
  if ((inClass ? CLASS_META : META).has(ch)) return '\\' + ch;
  if (cp < 0x20 || cp === 0x7f) return hexEscape(cp);
  if (cp >= 0x80 && INVISIBLE.test(ch)) return hexEscape(cp);
  return ch;
}

function formatRanges(ranges: readonly Range[]): string {
  return ranges
    .map(([lo, hi]) => {
      if (lo === hi) return formatCodePoint(lo, true);
      if (hi === lo + 1) return formatCodePoint(lo, true) + formatCodePoint(hi, true);
      return `${formatCodePoint(lo, true)}-${formatCodePoint(hi, true)}`;
    })
    .join('');
}

/**
 * A readable label in the expression syntax: `a`, `[0-9]`, `[^a-z]`, `.`,
 * `[]`. Chooses the shorter of the set and its complement.
 */
export function format(a: CharSet): string {
  if (a.ranges.length === 0) return '[]';
  if (a.ranges.length === 1 && a.ranges[0]![0] === 0 && a.ranges[0]![1] === MAX_CODE_POINT) return '.';
  if (a.ranges.length === 1 && a.ranges[0]![0] === a.ranges[0]![1]) return formatCodePoint(a.ranges[0]![0]);
  const c = complement(a);
  const direct = `[${formatRanges(a.ranges)}]`;
  const negated = `[^${formatRanges(c.ranges)}]`;
  return negated.length < direct.length ? negated : direct;
}
