/**
 * The alphabet of an automaton: a partition of all code points into
 * *classes*, each a `CharSet`, such that every expression in play treats the
 * members of one class alike. Automata have one transition per class, and a
 * vocabulary has one word per class.
 *
 * Invariant: `classes` are non-empty, pairwise disjoint and cover
 * `[0, MAX_CODE_POINT]`; `starts`/`classAt` list the maximal intervals of the
 * partition in order, so `classOf` is one binary search.
 */
import { type CharSet, type Range, MAX_CODE_POINT, fromRanges, intersect, isEmpty } from './charset.js';

/** A partition of all code points into classes (see the module comment for its invariant). */
export interface Alphabet {
  /** Class id → the code points in it. */
  readonly classes: readonly CharSet[];
  /** The class holding the code points that no input set mentions, if any. */
  readonly other: number | null;
  /** Sorted starts of the maximal intervals of the partition. */
  readonly starts: Int32Array;
  /** Class id of the interval beginning at `starts[i]`. */
  readonly classAt: Int32Array;
}

function build(classes: readonly CharSet[], other: number | null): Alphabet {
  const intervals: [number, number][] = [];
  classes.forEach((set, id) => {
    for (const [lo] of set.ranges) intervals.push([lo, id]);
  });
  intervals.sort((a, b) => a[0] - b[0]);
  return {
    classes,
    other,
    starts: Int32Array.from(intervals, (x) => x[0]),
    classAt: Int32Array.from(intervals, (x) => x[1]),
  };
}

/**
 * The coarsest partition in which each of `sets` is a union of classes.
 * Code points with the same membership signature across `sets` share a class;
 * classes are numbered by their smallest code point, so the result does not
 * depend on the order of `sets`.
 *
 * One sweep over the sorted range boundaries keeps the sets covering the
 * current point; each elementary interval's signature is that cover, so the
 * cost is O(b log b + b·c) for b boundaries and covers of c sets (c is small
 * in practice: a literal inside `[a-z]` inside `.`), not boundaries × sets.
 */
export function partition(sets: readonly CharSet[]): Alphabet {
  const unique = dedupe(sets);
  // Boundary events: +id at lo, −id at hi + 1, encoded as one sortable number.
  const events: number[] = [];
  unique.forEach((s, id) => {
    for (const [lo, hi] of s.ranges) {
      events.push(lo * 2 ** 21 + id * 2 + 1);
      if (hi < MAX_CODE_POINT) events.push((hi + 1) * 2 ** 21 + id * 2);
    }
  });
  if (unique.length >= 2 ** 20) throw new RangeError('too many distinct sets for one alphabet');
  events.sort((a, b) => a - b);
  const active = new Set<number>();
  const bySignature = new Map<string, Range[]>();
  const order: string[] = [];
  const emit = (lo: number, hi: number): void => {
    const sig = [...active].sort((a, b) => a - b).join(',');
    let list = bySignature.get(sig);
    if (list === undefined) {
      bySignature.set(sig, (list = []));
      order.push(sig);
    }
    list.push([lo, hi]);
  };
  let from = 0;
  for (let i = 0; i < events.length;) {
    const at = Math.floor(events[i]! / 2 ** 21);
    if (at > from) emit(from, at - 1);
    from = Math.max(from, at);
    for (; i < events.length && Math.floor(events[i]! / 2 ** 21) === at; i++) {
      const code = events[i]! % 2 ** 21;
      if (code & 1) active.add(code >>> 1);
      else active.delete(code >>> 1);
    }
  }
  emit(from, MAX_CODE_POINT);
  const classes = order.map((sig) => fromRanges(bySignature.get(sig)!));
  const otherIndex = order.indexOf('');
  return build(classes, otherIndex < 0 ? null : otherIndex);
}

function dedupe(sets: readonly CharSet[]): CharSet[] {
  const seen = new Set<string>();
  const out: CharSet[] = [];
  for (const s of sets) {
    if (s.ranges.length === 0) continue;
    const key = s.ranges.map(([lo, hi]) => `${lo}-${hi}`).join(',');
    if (!seen.has(key)) {
      seen.add(key);
      out.push(s);
    }
  }
  return out;
}

/** The class of a code point (binary search over the intervals). */
export function classOf(alphabet: Alphabet, cp: number): number {
  return alphabet.classAt[intervalAt(alphabet, cp)]!;
}

/**
 * The ids (ascending) of the classes that meet `set`; when `set` is a union
 * of classes, exactly those. Binary search per range of `set`.
 */
export function classesOf(alphabet: Alphabet, set: CharSet): number[] {
  const { starts, classAt } = alphabet;
  const found: number[] = [];
  for (const [lo, hi] of set.ranges) {
    // The interval containing `lo`, then every interval starting up to `hi`.
    for (let i = intervalAt(alphabet, lo); i < starts.length && starts[i]! <= hi; i++) found.push(classAt[i]!);
  }
  found.sort((a, b) => a - b);
  return found.filter((c, i) => i === 0 || c !== found[i - 1]);
}

/** Index of the partition interval containing `cp` (binary search over `starts`). */
export function intervalAt(alphabet: Alphabet, cp: number): number {
  const starts = alphabet.starts;
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= cp) lo = mid;
    else hi = mid - 1;
  }
  return lo;
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

/**
 * The common refinement of two alphabets: each class of the result lies in
 * exactly one class of `a` and one of `b`. Returns the refinement and, per
 * new class, its class in `a` and in `b`.
 */
export function refine(a: Alphabet, b: Alphabet): { alphabet: Alphabet; toA: Int32Array; toB: Int32Array } {
  const pieces: { set: CharSet; ca: number; cb: number; isOther: boolean }[] = [];
  a.classes.forEach((sa, ca) => {
    b.classes.forEach((sb, cb) => {
      const set = intersect(sa, sb);
      if (!isEmpty(set)) pieces.push({ set, ca, cb, isOther: ca === a.other && cb === b.other });
    });
  });
  pieces.sort((x, y) => x.set.ranges[0]![0] - y.set.ranges[0]![0]);
  const otherIndex = pieces.findIndex((p) => p.isOther);
  return {
    alphabet: build(
      pieces.map((p) => p.set),
      otherIndex < 0 ? null : otherIndex,
    ),
    toA: Int32Array.from(pieces, (p) => p.ca),
    toB: Int32Array.from(pieces, (p) => p.cb),
  };
}

/**
 * Merges classes into groups: `groupOf[c]` is the new id of old class `c`
 * (new ids must be 0..k-1). Used to coarsen an alphabet once a minimal DFA
 * shows that two classes behave identically.
 */
export function merge(alphabet: Alphabet, groupOf: ArrayLike<number>, groups: number): Alphabet {
  const members: Range[][] = Array.from({ length: groups }, () => []);
  for (let c = 0; c < alphabet.classes.length; c++) members[groupOf[c]!]!.push(...alphabet.classes[c]!.ranges);
  const classes = members.map((r) => fromRanges(r));
  const other = alphabet.other === null ? null : groupOf[alphabet.other]!;
  // A merged class that swallowed `other` is still the unmentioned rest.
  return build(classes, other);
}
