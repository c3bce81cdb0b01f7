/**
 * Set algebra on regular languages, greenery-style: every binary operation is
 * one product crawl over the two complete DFAs (after refining their
 * alphabets to a common one), differing only in the acceptance rule.
 * Concatenation, star and reverse go through an ε-NFA and the subset
 * construction. Results are minimal complete DFAs with merged classes.
 */
import { refine } from '../alphabet/alphabet.js';
import { crawl, withinBudget } from './crawl.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { mergeEquivalentClasses } from './compact.js';
import { determinize } from './determinize.js';
import { type CompleteDfa, type Dfa, complete } from './dfa.js';
import { minimize } from './minimize.js';
import type { Nfa } from './nfa.js';

/** Re-indexes a DFA's columns onto a refined alphabet. */
function reindex(dfa: Dfa, alphabet: Dfa['alphabet'], toOld: Int32Array): Dfa {
  const k = dfa.alphabet.classes.length;
  const k2 = toOld.length;
  const delta = new Int32Array(dfa.states * k2);
  for (let q = 0; q < dfa.states; q++) for (let c = 0; c < k2; c++) delta[q * k2 + c] = dfa.delta[q * k + toOld[c]!]!;
  return { ...dfa, alphabet, delta };
}

/** Both DFAs, complete, over their common refined alphabet. */
export function align(a: Dfa, b: Dfa): [Dfa, Dfa] {
  if (a.alphabet === b.alphabet) return [complete(a), complete(b)];
  const r = refine(a.alphabet, b.alphabet);
  return [reindex(complete(a), r.alphabet, r.toA), reindex(complete(b), r.alphabet, r.toB)];
}

/** How a product state's acceptance follows from its two components. */
export type Combine = (inA: boolean, inB: boolean) => boolean;

/**
 * The product automaton of `a` and `b` (reachable pairs only), accepting per
 * `combine`, not minimized. Pair states are numbered in BFS order.
 */
export function product(a0: Dfa, b0: Dfa, combine: Combine, limits: Limits = DEFAULT_LIMITS): Dfa {
  const [a, b] = align(a0, b0);
  const k = a.alphabet.classes.length;
  const index = new Map<number, number>();
  const pairs: number[] = [];
  const id = (p: number, q: number): number => {
    const key = p * b.states + q;
    let s = index.get(key);
    if (s === undefined) {
      s = withinBudget(pairs.length / 2, limits);
      index.set(key, s);
      pairs.push(p, q);
    }
    return s;
  };
  id(a.start, b.start);
  const delta = crawl(
    k,
    () => pairs.length / 2,
    (s, row, at) => {
      const p = pairs[2 * s]!;
      const q = pairs[2 * s + 1]!;
      for (let c = 0; c < k; c++) row[at + c] = id(a.delta[p * k + c]!, b.delta[q * k + c]!);
    },
  );
  const n = pairs.length / 2;
  const accepting = new Uint8Array(n);
  for (let s = 0; s < n; s++) {
    accepting[s] = combine(a.accepting[pairs[2 * s]!] === 1, b.accepting[pairs[2 * s + 1]!] === 1) ? 1 : 0;
  }
  return { alphabet: a.alphabet, states: n, start: 0, accepting, delta };
}

const tidy = (dfa: Dfa): CompleteDfa => mergeEquivalentClasses(minimize(dfa));

/** L(a) ∪ L(b), as a minimal complete DFA. */
export const union = (a: Dfa, b: Dfa, limits?: Limits): CompleteDfa => tidy(product(a, b, (x, y) => x || y, limits));
/** L(a) ∩ L(b), as a minimal complete DFA. */
export const intersection = (a: Dfa, b: Dfa, limits?: Limits): CompleteDfa =>
  tidy(product(a, b, (x, y) => x && y, limits));
/** L(a) \ L(b), as a minimal complete DFA. */
export const difference = (a: Dfa, b: Dfa, limits?: Limits): CompleteDfa =>
  tidy(product(a, b, (x, y) => x && !y, limits));
/** The strings in exactly one of L(a) and L(b), as a minimal complete DFA. */
export const symmetricDifference = (a: Dfa, b: Dfa, limits?: Limits): CompleteDfa =>
  tidy(product(a, b, (x, y) => x !== y, limits));

/** All strings of code points not in the language. */
export function complement(a: Dfa): CompleteDfa {
  const c = complete(a);
  return tidy({ ...c, accepting: c.accepting.map((x) => 1 - x) });
}

interface NfaParts {
  edges: number[][];
  epsilon: number[][];
  accepting: number[];
}

/** Copies a DFA's states into NFA parts at offset `base`. */
function copyInto(parts: NfaParts, dfa: Dfa, base: number): void {
  const k = dfa.alphabet.classes.length;
  for (let q = 0; q < dfa.states; q++) {
    const e: number[] = [];
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t >= 0) e.push(c, t + base);
    }
    parts.edges.push(e);
    parts.epsilon.push([]);
  }
}

function finish(alphabet: Dfa['alphabet'], parts: NfaParts, start: number, limits: Limits): CompleteDfa {
  const accepting = new Uint8Array(parts.edges.length);
  for (const q of parts.accepting) accepting[q] = 1;
  const nfa: Nfa = {
    alphabet,
    states: parts.edges.length,
    start,
    accepting,
    edges: parts.edges.map((e) => Int32Array.from(e)),
    epsilon: parts.epsilon.map((e) => Int32Array.from(e)),
  };
  return tidy(complete(determinize(nfa, limits)));
}

/** L(a)·L(b). */
export function concat(a0: Dfa, b0: Dfa, limits: Limits = DEFAULT_LIMITS): CompleteDfa {
  const [a, b] = align(a0, b0);
  const parts: NfaParts = { edges: [], epsilon: [], accepting: [] };
  copyInto(parts, a, 0);
  copyInto(parts, b, a.states);
  for (let q = 0; q < a.states; q++) if (a.accepting[q]) parts.epsilon[q]!.push(a.states + b.start);
  for (let q = 0; q < b.states; q++) if (b.accepting[q]) parts.accepting.push(a.states + q);
  return finish(a.alphabet, parts, a.start, limits);
}

/** L(a)*. */
export function star(a0: Dfa, limits: Limits = DEFAULT_LIMITS): CompleteDfa {
  const a = complete(a0);
  const parts: NfaParts = { edges: [], epsilon: [], accepting: [] };
  copyInto(parts, a, 0);
  const s = parts.edges.length;
  parts.edges.push([]);
  parts.epsilon.push([a.start]);
  parts.accepting.push(s);
  for (let q = 0; q < a.states; q++) if (a.accepting[q]) parts.epsilon[q]!.push(s);
  return finish(a.alphabet, parts, s, limits);
}

/** The reversal: every member read backwards. */
export function reverse(a0: Dfa, limits: Limits = DEFAULT_LIMITS): CompleteDfa {
  const a = complete(a0);
  const k = a.alphabet.classes.length;
  const parts: NfaParts = {
    edges: Array.from({ length: a.states }, () => []),
    epsilon: Array.from({ length: a.states }, () => []),
    accepting: [a.start],
  };
  for (let q = 0; q < a.states; q++) for (let c = 0; c < k; c++) parts.edges[a.delta[q * k + c]!]!.push(c, q);
  const s = parts.edges.length;
  parts.edges.push([]);
  parts.epsilon.push([]);
  for (let q = 0; q < a.states; q++) if (a.accepting[q]) parts.epsilon[s]!.push(q);
  return finish(a.alphabet, parts, s, limits);
}

/** Whether the language is empty (no accepting state is reachable). */
export function isEmpty(dfa: Dfa): boolean {
  return shortestMember(dfa) === null;
}

/**
 * The shortest, then least, member as a sequence of classes, or null. BFS with
 * classes in order finds the least among the shortest, because classes are
 * numbered by their smallest code point.
 */
export function shortestMember(dfa: Dfa): number[] | null {
  const k = dfa.alphabet.classes.length;
  const parent = new Int32Array(dfa.states).fill(-2);
  const via = new Int32Array(dfa.states);
  parent[dfa.start] = -1;
  const queue = [dfa.start];
  for (let i = 0; i < queue.length; i++) {
    const q = queue[i]!;
    if (dfa.accepting[q]) {
      const word: number[] = [];
      for (let s = q; parent[s]! >= 0; s = parent[s]!) word.push(via[s]!);
      return word.reverse();
    }
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t >= 0 && parent[t] === -2) {
        parent[t] = q;
        via[t] = c;
        queue.push(t);
      }
    }
  }
  return null;
}

/** A class word as a string, each class by its smallest code point. */
export function representative(dfa: Dfa, word: readonly number[]): string {
  return String.fromCodePoint(...word.map((c) => dfa.alphabet.classes[c]!.ranges[0]![0]));
}

/** Whether the language is finite: no cycle through a live, reachable state. */
export function isFinite(dfa0: Dfa): boolean {
  const dfa = minimize(dfa0);
  const k = dfa.alphabet.classes.length;
  const dead = dfa.states - 1;
  const hasDead =
    dfa.accepting[dead] === 0 && Array.from({ length: k }, (_, c) => dfa.delta[dead * k + c]).every((t) => t === dead);
  // Colour-based DFS for a cycle among live states (all but the dead one).
  const colour = new Uint8Array(dfa.states);
  const stack: [number, number][] = [[dfa.start, 0]];
  if (hasDead && dfa.start === dead) return true;
  colour[dfa.start] = 1;
  while (stack.length > 0) {
    const top = stack[stack.length - 1]!;
    const [q, c] = top;
    if (c === k) {
      colour[q] = 2;
      stack.pop();
      continue;
    }
    top[1]++;
    const t = dfa.delta[q * k + c]!;
    if (hasDead && t === dead) continue;
    if (colour[t] === 1) return false;
    if (colour[t] === 0) {
      colour[t] = 1;
      stack.push([t, 0]);
    }
  }
  return true;
}

/** Whether L(a) ⊆ L(b). */
export function isSubset(a: Dfa, b: Dfa, limits?: Limits): boolean {
  return shortestMember(product(a, b, (x, y) => x && !y, limits)) === null;
}

/** Whether two languages are equal, and if not a shortest (then least) string telling them apart. */
export interface Equivalence {
  readonly equal: boolean;
  /** The shortest, then least, string in exactly one language, or null. */
  readonly witness: string | null;
  /** Which side holds the witness. */
  readonly in: 'A' | 'B' | null;
}

/** Equivalence with the shortest (then least) distinguishing string. */
export function equivalence(a: Dfa, b: Dfa, limits?: Limits): Equivalence {
  const x = product(a, b, (p, q) => p !== q, limits);
  const word = shortestMember(x);
  if (word === null) return { equal: true, witness: null, in: null };
  const witness = representative(x, word);
  const [aa] = align(a, b);
  let q = aa.start;
  const k = aa.alphabet.classes.length;
  for (const c of word) q = aa.delta[q * k + c]!;
  return { equal: false, witness, in: aa.accepting[q] ? 'A' : 'B' };
}
