/**
 * Sparse matrices by columns, shared by the linear (`onehot`) and the
 * second-order recurrent (`sigmoid`) embeddings: both use the transition
 * matrix of a word, one entry per column at row δ(q, c), so a letter costs
 * O(n) instead of O(n²).
 */
import type { Dfa } from '../automata/dfa.js';

/** A sparse n×n matrix by columns: column j holds entries colStart[j]..colStart[j+1]-1. */
export interface SparseColumns {
  readonly colStart: Int32Array;
  readonly rows: Int32Array;
  readonly values: Float64Array;
}

/** value · M_c, where M_c sends e_q to e_δ(q,c) (one entry per column). */
export function transitionColumns(dfa: Dfa, c: number, value: number): SparseColumns {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const colStart = new Int32Array(n + 1);
  const rows = new Int32Array(n);
  for (let q = 0; q < n; q++) {
    colStart[q + 1] = q + 1;
    rows[q] = dfa.delta[q * k + c]!;
  }
  return { colStart, rows, values: new Float64Array(n).fill(value) };
}

/** out += M x (out must not alias x). */
export function addProduct(m: SparseColumns, x: Float64Array, out: Float64Array): void {
  const { colStart, rows, values } = m;
  for (let j = 0; j < x.length; j++) {
    const xj = x[j]!;
    if (xj === 0) continue;
    for (let e = colStart[j]!; e < colStart[j + 1]!; e++) out[rows[e]!]! += values[e]! * xj;
  }
}

/** The non-zero entries as [row, column, value] triples, column by column. */
export function entries(m: SparseColumns): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let j = 0; j + 1 < m.colStart.length; j++) {
    for (let e = m.colStart[j]!; e < m.colStart[j + 1]!; e++) out.push([m.rows[e]!, j, m.values[e]!]);
  }
  return out;
}
