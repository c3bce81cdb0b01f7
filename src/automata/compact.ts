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

export function mergeEquivalentClasses(dfa: CompleteDfa): CompleteDfa {
  const k = dfa.alphabet.classes.length;
  const n = dfa.states;
  const groupOf = new Int32Array(k);
  // Columns compared by a hash first, then word by word (string keys of n
  // numbers per class cost more than the minimization for large DFAs).
  const seen = new Map<number, number[]>();
  const keep: number[] = [];
  const same = (c: number, d: number): boolean => {
    for (let q = 0; q < n; q++) if (dfa.delta[q * k + c] !== dfa.delta[q * k + d]) return false;
    return true;
  };
  for (let c = 0; c < k; c++) {
    let h = 0x811c9dc5;
    for (let q = 0; q < n; q++) h = Math.imul(h ^ dfa.delta[q * k + c]!, 0x01000193);
    const bucket = seen.get(h) ?? [];
    if (bucket.length === 0) seen.set(h, bucket);
    let g = -1;
    for (const x of bucket) if (same(keep[x]!, c)) g = x;
    if (g < 0) {
      g = keep.length;
      bucket.push(g);
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
