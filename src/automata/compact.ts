/**
 * Alphabet compression after minimization: classes whose columns in the
 * minimal DFA are identical are one *word* as far as the language is
 * concerned, so they are merged (`(a|b)*` has the words `[ab]` and `other`).
 * Merged classes keep the order of their smallest code points, which keeps
 * breadth-first searches in class order yielding the least strings.
 */
import { merge } from '../alphabet/alphabet.js';
import type { CompleteDfa } from './dfa.js';
import { canonical } from './minimize.js';
import { rowInterner } from './rows.js';

export function mergeEquivalentClasses(dfa: CompleteDfa): CompleteDfa {
  const k = dfa.alphabet.classes.length;
  const n = dfa.states;
  const groupOf = new Int32Array(k);
  // Columns interned as rows (string keys of n numbers per class cost more
  // than the minimization for large DFAs); a group is numbered by its first column.
  const columns = rowInterner(n, k);
  const column = new Int32Array(n);
  const keep: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let q = 0; q < n; q++) column[q] = dfa.delta[q * k + c]!;
    const g = columns.intern(column, 0);
    if (g === keep.length) keep.push(c);
    groupOf[c] = g;
  }
  if (keep.length === k) return dfa;
  const g = keep.length;
  const delta = new Int32Array(n * g);
  for (let q = 0; q < n; q++) for (let j = 0; j < g; j++) delta[q * g + j] = dfa.delta[q * k + keep[j]!]!;
  return canonical({ ...dfa, alphabet: merge(dfa.alphabet, groupOf, g), delta });
}
