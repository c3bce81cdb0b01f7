/**
 * Alphabet compression after minimization: classes whose columns in the
 * minimal DFA are identical are one *word* as far as the language is
 * concerned, so they are merged (`(a|b)*` has the words `[ab]` and `other`).
 * Merged classes keep the order of their smallest code points, which keeps
 * breadth-first searches in class order yielding the least strings.
 */
import { merge } from '../alphabet/alphabet.js';
import type { Dfa } from './dfa.js';
import { canonical } from './minimize.js';

export function mergeEquivalentClasses(dfa: Dfa): Dfa {
  const k = dfa.alphabet.classes.length;
  const n = dfa.states;
  const groupOf = new Int32Array(k);
  const seen = new Map<string, number>();
  const keep: number[] = [];
  for (let c = 0; c < k; c++) {
    let key = '';
    for (let q = 0; q < n; q++) key += dfa.delta[q * k + c] + ',';
    let g = seen.get(key);
    if (g === undefined) {
      g = keep.length;
      seen.set(key, g);
      keep.push(c);
    }
    groupOf[c] = g;
  }
  if (keep.length === k) return dfa;
  const g = keep.length;
  const delta = new Int32Array(n * g);
  for (let q = 0; q < n; q++) for (let j = 0; j < g; j++) delta[q * g + j] = dfa.delta[q * k + keep[j]!]!;
  return canonical({ ...dfa, alphabet: merge(dfa.alphabet, groupOf, g), delta });
}
