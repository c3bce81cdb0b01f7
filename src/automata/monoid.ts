/**
 * The transition monoid of a complete DFA: the set of maps q ↦ δ(q, w) for
 * all words w, under composition (w then w'), with the identity for the
 * empty word. For a minimal DFA it is the syntactic monoid of the language,
 * and by Schützenberger's theorem the language is star-free iff the monoid
 * is aperiodic (every element m has m^k = m^(k+1) for some k).
 *
 * Built by the crawl of `crawl.ts` from the identity, multiplying by the
 * generators (the classes) on the right in class order, with elements as
 * state maps interned as rows (`rows.ts`). The breadth-first crawl discovers the
 * elements in shortlex order of their words, so each element is labelled by
 * its shortest word and, among those, the least in class order.
 */
import { complete, type Dfa } from './dfa.js';
import { classLabel } from '../syntax/regex/print.js';
import { WordflowError } from '../errors.js';
import { crawl, withinBudget } from './crawl.js';
import { rowInterner } from './rows.js';
import { LIMIT_FLAGS, limits as withDefaults, type Limits } from '../limits.js';
import { type GroupName, nameGroup } from './groups.js';

/** Multiplication tables are kept only for monoids this small. */
export const TABLE_LIMIT = 64;

/**
 * At most this many state images are stored (elements × states), whatever
 * --max-monoid says: 2^26 Int32 entries is 256 MiB.
 */
export const MAX_CELLS = 2 ** 26;

/** A transition monoid: elements as maps in BFS (shortlex) order, with their words, idempotents and aperiodicity. */
export interface Monoid {
  /** The complete DFA whose transformations these are. */
  readonly dfa: Dfa;
  readonly size: number;
  /** Element i maps state q to `maps[i·n + q]` (n = dfa.states). Element 0 is the identity. */
  readonly maps: Int32Array;
  /** BFS parent of each element (−1 for the identity) … */
  readonly parent: Int32Array;
  /** … and the class that extends the parent's word to this element's word. */
  readonly last: Int32Array;
  /** `right[e·k + c]` = the element of e's word followed by class c (k classes): the right Cayley graph. */
  readonly right: Int32Array;
  /** The element of each class (generator). */
  readonly generators: Int32Array;
  /** Elements e with e·e = e. */
  readonly idempotents: readonly number[];
  /** Every element m has m^k = m^(k+1) for some k. */
  readonly aperiodic: boolean;
  /** An element whose powers cycle with period > 1 (null when aperiodic). */
  readonly periodicWitness: number | null;
  /** `table[a·size + b]` = the element of a's word followed by b's word; null when size > TABLE_LIMIT. */
  readonly table: Int32Array | null;
}

/** The cycle lengths of a map's functional graph are all 1 (its powers stabilise). */
function powersStabilise(maps: Int32Array, at: number, n: number, mark: Int32Array, pos: Int32Array): boolean {
  mark.fill(0);
  for (let s = 0; s < n; s++) {
    if (mark[s] !== 0) continue;
    let q = s;
    let depth = 0;
    while (mark[q] === 0) {
      mark[q] = 1;
      pos[q] = depth++;
      q = maps[at + q]!;
    }
    if (mark[q] === 1 && depth - pos[q]! > 1) return false;
    for (let r = s; mark[r] === 1; r = maps[at + r]!) mark[r] = 2;
  }
  return true;
}

/**
 * The transition monoid of `dfa` (completed if partial). Throws a `limit`
 * error naming --max-monoid when it has more than `limits.maxMonoid`
 * elements.
 */
export function transitionMonoid(dfa: Dfa, limits: Partial<Limits> = {}): Monoid {
  const full = complete(dfa);
  const n = full.states;
  const k = full.alphabet.classes.length;
  const lim = withDefaults(limits);
  const memorySize = Math.max(1, Math.floor(MAX_CELLS / Math.max(1, n)));
  const rows = rowInterner(n, Math.max(16, Math.min(1024, lim.maxMonoid + 1)));
  let parent = new Int32Array(64);
  let last = new Int32Array(64);
  const staged = new Int32Array(n);

  /** The element of the map in `staged`, reached from `from` by class `cls`: interned if new, within the limits. */
  const intern = (from: number, cls: number): number => {
    const known = rows.find(staged, 0);
    if (known >= 0) return known;
    const id = withinBudget(rows.size, lim, 'maxMonoid');
    if (id >= memorySize) {
      throw new WordflowError(
        'limit',
        `the transition monoid of this ${n}-state DFA has more than ${memorySize.toLocaleString('en-US')} elements, ` +
          `more than wordflow can hold in memory whatever ${LIMIT_FLAGS.maxMonoid} allows`,
        undefined,
        undefined,
        undefined,
        'maxMonoid',
      );
    }
    if (id >= parent.length) {
      const p = new Int32Array(parent.length * 2);
      p.set(parent);
      parent = p;
      const l = new Int32Array(last.length * 2);
      l.set(last);
      last = l;
    }
    parent[id] = from;
    last[id] = cls;
    return rows.intern(staged, 0);
  };

  for (let q = 0; q < n; q++) staged[q] = q;
  intern(-1, -1);
  // Elements are the crawl's states and generators its classes: the crawl's table is the right Cayley graph.
  const right = crawl(
    k,
    () => rows.size,
    (e, row, at) => {
      for (let c = 0; c < k; c++) {
        const maps = rows.data();
        const src = e * n;
        for (let q = 0; q < n; q++) staged[q] = full.delta[maps[src + q]! * k + c]!;
        row[at + c] = intern(e, c);
      }
    },
  );
  const size = rows.size;
  const maps = rows.data().slice(0, size * n);
  const generators = right.slice(0, k);

  const idempotents: number[] = [];
  let periodicWitness: number | null = null;
  const mark = new Int32Array(n);
  const pos = new Int32Array(n);
  for (let i = 0; i < size; i++) {
    const at = i * n;
    let idem = true;
    for (let q = 0; q < n && idem; q++) idem = maps[at + maps[at + q]!] === maps[at + q];
    if (idem) idempotents.push(i);
    if (periodicWitness === null && !powersStabilise(maps, at, n, mark, pos)) periodicWitness = i;
  }

  let table: Int32Array | null = null;
  if (size <= TABLE_LIMIT) {
    table = new Int32Array(size * size);
    for (let a = 0; a < size; a++) {
      for (let b = 0; b < size; b++) {
        for (let q = 0; q < n; q++) staged[q] = maps[b * n + maps[a * n + q]!]!;
        table[a * size + b] = rows.find(staged, 0);
      }
    }
  }
  return {
    dfa: full,
    size,
    maps,
    parent: parent.slice(0, size),
    last: last.slice(0, size),
    right,
    generators,
    idempotents,
    aperiodic: periodicWitness === null,
    periodicWitness,
    table,
  };
}

/** The shortest (then least) word of element i, as classes. */
export function wordOf(m: Monoid, i: number): number[] {
  const out: number[] = [];
  for (let e = i; m.parent[e]! >= 0; e = m.parent[e]!) out.push(m.last[e]!);
  return out.reverse();
}

/** Element i's map as an array. */
export function mapOf(m: Monoid, i: number): number[] {
  const n = m.dfa.states;
  return Array.from(m.maps.subarray(i * n, i * n + n));
}

/** The element a word (of classes) evaluates to: a walk along the right Cayley graph from the identity. */
export function elementOf(m: Monoid, word: ArrayLike<number>): number {
  const k = m.dfa.alphabet.classes.length;
  let e = 0;
  for (let i = 0; i < word.length; i++) e = m.right[e * k + word[i]!]!;
  return e;
}

/** A word as text: class labels in a row (multi-character labels bracketed by the label itself), ε when empty. */
export function formatWord(m: Monoid, word: readonly number[]): string {
  if (word.length === 0) return 'ε';
  return word
    .map((c) => classLabel(m.dfa.alphabet, c))
    .join(word.some((c) => classLabel(m.dfa.alphabet, c).length > 1) ? ' ' : '');
}

/** Index and period of a transformation: the least i ≥ 0 and p ≥ 1 with x^i = x^(i+p). */
export function indexAndPeriod(map: ArrayLike<number>): { index: number; period: number } {
  const n = map.length;
  // dist[q]: steps from q to its cycle; cycle lengths gathered into their lcm.
  const dist = new Int32Array(n).fill(-1);
  const onPath = new Int32Array(n).fill(-1);
  let index = 0;
  let period = 1;
  const path: number[] = [];
  for (let s = 0; s < n; s++) {
    if (dist[s] !== -1) continue;
    path.length = 0;
    let q = s;
    while (dist[q] === -1 && onPath[q] === -1) {
      onPath[q] = path.length;
      path.push(q);
      q = map[q]!;
    }
    let tailEnd = path.length;
    let d: number;
    if (dist[q] === -1) {
      // A new cycle: path[onPath[q]..] lies on it.
      const start = onPath[q]!;
      const len = path.length - start;
      for (let i = start; i < path.length; i++) dist[path[i]!] = 0;
      let a = period;
      let b = len;
      while (b !== 0) [a, b] = [b, a % b];
      period = (period / a) * len;
      tailEnd = start;
      d = 0;
    } else d = dist[q]!;
    for (let i = tailEnd - 1; i >= 0; i--) dist[path[i]!] = ++d;
    if (tailEnd > 0) index = Math.max(index, dist[path[0]!]!);
    for (const r of path) onPath[r] = -1;
  }
  return { index, period };
}

/** A maximal subgroup of the monoid: the elements with the image and kernel of an idempotent. */
export interface MaximalSubgroup {
  /** Its identity element (an idempotent). */
  readonly idempotent: number;
  /** Its elements, in BFS (shortlex) order. */
  readonly elements: readonly number[];
  readonly name: GroupName;
}

/** What makes a monoid aperiodic or not, named. */
export interface MonoidStructure {
  /** The zero (z·m = m·z = z for every m), if there is one. The identity is element 0. */
  readonly zero: number | null;
  /** aperiodic: the least k ≥ 0 with x^k = x^(k+1) for every element x; null otherwise. */
  readonly aperiodicity: number | null;
  /** The monoid's periodic witness x with x^index = x^(index+period), period > 1, and the elements x^index and x^(index+1). */
  readonly witness: {
    readonly element: number;
    readonly index: number;
    readonly period: number;
    readonly power: number;
    readonly next: number;
  } | null;
  /** The maximal subgroup around the witness's cycle (at the idempotent power of x). */
  readonly group: MaximalSubgroup | null;
  /** The largest maximal subgroup, when larger than `group`. */
  readonly largestGroup: MaximalSubgroup | null;
  /** False when the monoid was too large to look for its groups (see `GROUP_CELLS`). */
  readonly groupsComputed: boolean;
}

/** Maximal subgroups are looked for only when elements × states is at most this (one string key per element). */
export const GROUP_CELLS = 2 ** 22;

/**
 * The zero, the aperiodicity index, the periodic witness with its period,
 * and the maximal subgroups behind non-aperiodicity. In a monoid of
 * transformations the maximal subgroup at an idempotent e is the set of
 * elements with e's image and e's kernel (such an m permutes the image, so
 * a power of m is e and m is invertible around e); it acts faithfully on
 * e's image, which is how `nameGroup` sees it.
 */
export function monoidStructure(m: Monoid): MonoidStructure {
  const { dfa, size, maps } = m;
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;

  let zero: number | null = null;
  for (const z of m.idempotents) {
    let ok = true;
    for (let c = 0; c < k && ok; c++) {
      for (let q = 0; q < n && ok; q++) {
        const zq = maps[z * n + q]!;
        ok = dfa.delta[zq * k + c] === zq && maps[z * n + dfa.delta[q * k + c]!] === zq;
      }
    }
    if (ok) {
      zero = z;
      break;
    }
  }

  let aperiodicity = 0;
  let witness: MonoidStructure['witness'] = null;
  for (let i = 0; i < size; i++) {
    const { index, period } = indexAndPeriod(maps.subarray(i * n, i * n + n));
    aperiodicity = Math.max(aperiodicity, index);
    if (witness === null && period > 1) witness = { element: i, index, period, power: -1, next: -1 };
  }

  const groupsComputed = size * n <= GROUP_CELLS;
  /** x^e: x's word read e times along the Cayley graph. */
  const power = (x: number, e: number): number => {
    const word = wordOf(m, x);
    let y = 0;
    for (let j = 0; j < e; j++) for (const c of word) y = m.right[y * k + c]!;
    return y;
  };

  let group: MaximalSubgroup | null = null;
  let largestGroup: MaximalSubgroup | null = null;
  if (witness !== null && groupsComputed) {
    witness = {
      ...witness,
      power: power(witness.element, witness.index),
      next: power(witness.element, witness.index + 1),
    };
    // The idempotent power x^ω: x^j for the multiple j of the period in [index, index + period).
    const j = Math.max(witness.period, Math.ceil(witness.index / witness.period) * witness.period);
    const omega = power(witness.element, j);
    const signature = (i: number): string => {
      const image = new Set<number>();
      const first = new Map<number, number>();
      const kernel: number[] = [];
      for (let q = 0; q < n; q++) {
        const t = maps[i * n + q]!;
        image.add(t);
        if (!first.has(t)) first.set(t, first.size);
        kernel.push(first.get(t)!);
      }
      return `${[...image].sort((a, b) => a - b).join(',')}|${kernel.join(',')}`;
    };
    const classes = new Map<string, number[]>();
    for (let i = 0; i < size; i++) {
      const s = signature(i);
      const list = classes.get(s);
      if (list === undefined) classes.set(s, [i]);
      else list.push(i);
    }
    const subgroupAt = (e: number): MaximalSubgroup => {
      const elements = classes.get(signature(e))!;
      const image = [...new Set(Array.from(maps.subarray(e * n, e * n + n)))].sort((a, b) => a - b);
      const position = new Map(image.map((t, i) => [t, i]));
      const perms = elements.map((x) => image.map((t) => position.get(maps[x * n + t]!)!));
      return { idempotent: e, elements, name: nameGroup(perms, image.length) };
    };
    group = subgroupAt(omega);
    for (const e of m.idempotents) {
      const size = classes.get(signature(e))!.length;
      if (size > (largestGroup?.elements.length ?? group.elements.length)) largestGroup = subgroupAt(e);
    }
  }
  return { zero, aperiodicity: witness === null ? aperiodicity : null, witness, group, largestGroup, groupsComputed };
}
