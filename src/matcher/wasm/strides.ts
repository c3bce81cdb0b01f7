/**
 * Multi-byte strides for the generated matcher: tables that move a byte
 * automaton over two or four bytes with one dependent load.
 *
 * A DFA loop is bound by the latency of its chain of table loads (each load's
 * address needs the previous state), not by how many loads it issues. So the
 * input is mapped to *column classes* off the chain: a byte pair to its pair
 * class (one load from a 64 Ki-entry table indexed by the two bytes as one
 * 16-bit word), two pair classes to a quad class, and only the last load
 * `q = row(q)[quad class]` depends on the state. Classes are columns of the
 * transition monoid deduplicated over all unit states — two pairs that move
 * every state alike are one class — which keeps the tables small: a few
 * dozen pair classes and a few hundred quad classes for realistic patterns.
 *
 * "No byte" is symbol `U` (the identity), so a stride that runs off the end of
 * the input is a class like any other: `(b, none)` for a last odd byte.
 */
import { rowInterner } from '../../automata/rows.js';
import type { UnitAutomaton } from '../units.js';

/** Deduplicated state columns: `ids[i]` is the class of the i-th column offered. */
export interface Columns {
  readonly ids: Int32Array;
  /** One column per class: the unit state reached from each unit state. */
  readonly columns: readonly Int32Array[];
}

/**
 * Interns `count` columns of `n` states each, `fill(i, out)` writing the i-th;
 * returns null as soon as there are more than `maxClasses` distinct ones.
 */
export function internColumns(
  count: number,
  n: number,
  fill: (i: number, out: Int32Array) => void,
  maxClasses: number,
): Columns | null {
  const ids = new Int32Array(count);
  const rows = rowInterner(n);
  const scratch = new Int32Array(n);
  for (let i = 0; i < count; i++) {
    fill(i, scratch);
    const id = rows.intern(scratch, 0);
    if (id >= maxClasses) return null;
    ids[i] = id;
  }
  const data = rows.data();
  const columns = Array.from({ length: rows.size }, (_, c) => data.slice(c * n, (c + 1) * n));
  return { ids, columns };
}

/** Pair classes of a unit automaton. */
export interface PairClasses {
  readonly count: number;
  /** Class of the symbol pair `s, t` at `s * (symbols + 1) + t`; symbol `symbols` is "no unit". */
  readonly ofSymbols: Int32Array;
  /** Byte automata: class of the byte pair `b0, b1`, at index `b0 | b1 << 8` (a little-endian 16-bit load). */
  readonly ofPair: Int32Array;
  /** Byte automata: class of a last byte with nothing after it. */
  readonly ofLast: Int32Array;
  /** The class of no bytes at all (the identity). */
  readonly identity: number;
  readonly columns: readonly Int32Array[];
}

/** Work budget (columns × states) for computing classes; past it a shorter stride is used. */
export const MAX_CLASS_WORK = 1 << 24;

/**
 * The pair classes of `a` (null past `MAX_CLASS_WORK` or `maxClasses` classes):
 * pairs of symbols, "no unit" included, that move every unit state alike.
 */
export function pairClasses(a: UnitAutomaton, maxClasses = 4096): PairClasses | null {
  const U = a.symbols;
  const n = a.states;
  const V = U + 1;
  if (V * V * n > MAX_CLASS_WORK) return null;
  const next = (u: number, s: number): number => (s === U ? u : a.delta[u * U + s]!);
  const cols = internColumns(
    V * V,
    n,
    (i, out) => {
      const s = Math.floor(i / V);
      const t = i % V;
      for (let u = 0; u < n; u++) out[u] = next(next(u, s), t);
    },
    maxClasses,
  );
  if (cols === null) return null;
  const bytes = a.symbolOf.length === 256;
  const ofPair = new Int32Array(bytes ? 1 << 16 : 0);
  const ofLast = new Int32Array(bytes ? 256 : 0);
  if (bytes) {
    for (let b0 = 0; b0 < 256; b0++) {
      const s = a.symbolOf[b0]!;
      for (let b1 = 0; b1 < 256; b1++) ofPair[b0 | (b1 << 8)] = cols.ids[s * V + a.symbolOf[b1]!]!;
      ofLast[b0] = cols.ids[s * V + U]!;
    }
  }
  return {
    count: cols.columns.length,
    ofSymbols: cols.ids,
    ofPair,
    ofLast,
    identity: cols.ids[U * V + U]!,
    columns: cols.columns,
  };
}

/** Quad classes: pairs of pair classes. */
export interface QuadClasses {
  readonly count: number;
  /** Class of pair classes `x` then `y`, at `x * pairs + y`. */
  readonly ofPairs: Int32Array;
  readonly columns: readonly Int32Array[];
}

/** The classes of pairs of pair classes (null past `MAX_CLASS_WORK` or `maxClasses` classes). */
export function quadClasses(p: PairClasses, states: number, maxClasses: number): QuadClasses | null {
  const P = p.count;
  if (P * P * states > MAX_CLASS_WORK) return null;
  const cols = internColumns(
    P * P,
    states,
    (i, out) => {
      const x = p.columns[Math.floor(i / P)]!;
      const y = p.columns[i % P]!;
      for (let u = 0; u < states; u++) out[u] = y[x[u]!]!;
    },
    maxClasses,
  );
  return cols === null ? null : { count: cols.columns.length, ofPairs: cols.ids, columns: cols.columns };
}
