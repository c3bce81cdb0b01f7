/**
 * Transformations of pieces of input: for every start state, the state the
 * piece leads to — an element of the transition monoid, as an `Int32Array`.
 * Composition is associative, which is what lets membership be computed in
 * pieces: in parallel (each worker maps its chunk) and incrementally (a tree
 * of pieces, see `incremental/`).
 *
 * All start states are run together as a vector of *distinct* states: runs
 * that meet are merged, and once a single state is left (most automata
 * synchronize within a few symbols) the rest of the piece is read by the
 * ordinary single-state runner. Runs that never meet (a dead state next to
 * live ones, or a parity counter) are, after `VECTOR_STEPS` units, finished
 * one by one by the fast runner, so the cost is at most a few single runs.
 */
import type { UnitAutomaton } from './units.js';

/** Units read as a vector before the remaining distinct runs are finished one by one. */
export const VECTOR_STEPS = 256;

/** Reads `[from, to)` of the current piece from one state; returns the state reached. */
export type SingleRun = (state: number, from: number, to: number) => number;

/** Runs of one unit automaton from several start states at once, merged as they meet. */
export interface VectorRun {
  /** Reads bytes `buf[from..to)` (a byte automaton). */
  feedBytes(buf: Uint8Array, from: number, to: number, single: SingleRun): void;
  /** Reads UTF-16 units `s[from..to)` (a UTF-16 automaton). */
  feedString(s: string, from: number, to: number, single: SingleRun): void;
  /** End unit state per start state, in the order of `starts`. */
  ends(): Int32Array;
}

/** A vector run of the unit automaton `a` from each of `starts` (unit states). */
export function vectorRun(a: UnitAutomaton, starts: ArrayLike<number>): VectorRun {
  const m = starts.length;
  const mark = new Int32Array(a.states).fill(-1);
  const slot = new Int32Array(a.states);
  const cur = new Int32Array(m);
  const owner = new Int32Array(m);
  let len = 0;
  for (let x = 0; x < m; x++) {
    const v = starts[x]!;
    if (mark[v] !== 0) {
      mark[v] = 0;
      slot[v] = len;
      cur[len++] = v;
    }
    owner[x] = slot[v]!;
  }
  let generation = 0;
  const remap = new Int32Array(m);
  const { delta, symbols, symbolOf } = a;

  /** One symbol for every distinct state, then merge the runs that met. */
  /** Keeps one run per distinct current state; `owner` follows the merge. */
  const mergeRuns = (): void => {
    generation++;
    let count = 0;
    for (let j = 0; j < len; j++) {
      const v = cur[j]!;
      if (mark[v] !== generation) {
        mark[v] = generation;
        slot[v] = count;
        cur[count++] = v;
      }
      remap[j] = slot[v]!;
    }
    if (count < len) {
      for (let x = 0; x < m; x++) owner[x] = remap[owner[x]!]!;
      len = count;
    }
  };
  const step = (sym: number): void => {
    for (let j = 0; j < len; j++) cur[j] = delta[cur[j]! * symbols + sym]!;
    mergeRuns();
  };
  /** Finishes every distinct run separately with the fast runner, then merges equal ends. */
  const finish = (i: number, to: number, single: SingleRun): void => {
    for (let j = 0; j < len; j++) cur[j] = single(cur[j]!, i, to);
    if (len > 1) mergeRuns();
  };
  return {
    feedBytes(buf, from, to, single) {
      let i = from;
      const limit = Math.min(to, from + VECTOR_STEPS);
      for (; i < limit && len > 1; i++) step(symbolOf[buf[i]!]!);
      if (i < to) finish(i, to, single);
    },
    feedString(s, from, to, single) {
      let i = from;
      const limit = Math.min(to, from + VECTOR_STEPS);
      for (; i < limit && len > 1; i++) step(symbolOf[s.charCodeAt(i)]!);
      if (i < to) finish(i, to, single);
    },
    ends() {
      const out = new Int32Array(m);
      for (let x = 0; x < m; x++) out[x] = cur[owner[x]!]!;
      return out;
    },
  };
}

/** `first` then `second`: `out[q] = second[first[q]]`. */
export function compose(first: Int32Array, second: Int32Array): Int32Array {
  const out = new Int32Array(first.length);
  for (let q = 0; q < first.length; q++) out[q] = second[first[q]!]!;
  return out;
}

/** The identity transformation on `n` states. */
export function identity(n: number): Int32Array {
  const out = new Int32Array(n);
  for (let q = 0; q < n; q++) out[q] = q;
  return out;
}
