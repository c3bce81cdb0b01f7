/**
 * Deterministic finite automata over an alphabet of code-point classes.
 *
 * A `Dfa` is a flat transition table: `delta[q * classes + c]` is the state
 * reached from `q` on class `c`, or `-1` when the automaton is partial and has
 * no such transition (the string is then rejected). States are integers
 * `0..states-1`. A DFA is *complete* when no entry is `-1`; the type
 * `CompleteDfa` says so, and only `complete`, `minimize` and what is built
 * from them produce one.
 */
import { type Alphabet, classOf } from '../alphabet/alphabet.js';
import { classesOfText, codePointOf } from '../alphabet/decode.js';

/** A DFA as a flat transition table over alphabet classes (see the module comment). */
export interface Dfa {
  readonly alphabet: Alphabet;
  readonly states: number;
  readonly start: number;
  /** `accepting[q] === 1` iff `q` is accepting. */
  readonly accepting: Uint8Array;
  /** Row-major `states × classes` transition table; `-1` = no transition. */
  readonly delta: Int32Array;
}

declare const COMPLETE: unique symbol;

/**
 * A DFA with a transition from every state on every class (no `-1` in
 * `delta`): what the compiled matcher and the vocabularies require, since
 * every word must be a total map. Made by `complete` (which checks) and
 * `minimize`; `isComplete` narrows a `Dfa` to it.
 */
export type CompleteDfa = Dfa & { readonly [COMPLETE]: true };

/** Number of classes (columns of `delta`). */
export function classCount(dfa: Dfa): number {
  return dfa.alphabet.classes.length;
}

/** The state after class `c` from `q`, or -1. */
export function step(dfa: Dfa, q: number, c: number): number {
  return q < 0 ? -1 : dfa.delta[q * dfa.alphabet.classes.length + c]!;
}

/** The classes of each code point of `s` (strings are sequences of code points, read by `alphabet/decode.ts`). */
export function classesOfString(dfa: Dfa, s: string): number[] {
  return Array.from(classesOfText(dfa.alphabet, s));
}

/** The state reached on a sequence of classes, or -1 if the run dies. */
export function runClasses(dfa: Dfa, word: ArrayLike<number>, from = dfa.start): number {
  const k = dfa.alphabet.classes.length;
  let q = from;
  for (let i = 0; i < word.length && q >= 0; i++) q = dfa.delta[q * k + word[i]!]!;
  return q;
}

/**
 * Whether the DFA accepts the string `s` (read as code points): the
 * definition, one class lookup and one transition per code point. For many
 * strings or long ones, `compileMatcher(dfa).accepts(s)` gives the same
 * verdicts many times faster.
 */
export function accepts(dfa: Dfa, s: string): boolean {
  const k = dfa.alphabet.classes.length;
  let q = dfa.start;
  // The string iterator splits as `alphabet/decode.ts` does (tested), and costs no array per call.
  for (const ch of s) {
    q = dfa.delta[q * k + classOf(dfa.alphabet, codePointOf(ch))]!;
    if (q < 0) return false;
  }
  return dfa.accepting[q] === 1;
}

/** Whether every state has a transition on every class (no `-1` in `delta`). */
export function isComplete(dfa: Dfa): dfa is CompleteDfa {
  return !dfa.delta.includes(-1);
}

/**
 * The same language with every missing transition sent to a new dead state
 * (appended last). A complete DFA is returned as it is.
 */
export function complete(dfa: Dfa): CompleteDfa {
  if (isComplete(dfa)) return dfa;
  const k = dfa.alphabet.classes.length;
  const dead = dfa.states;
  const delta = new Int32Array((dfa.states + 1) * k);
  for (let i = 0; i < dfa.delta.length; i++) delta[i] = dfa.delta[i]! < 0 ? dead : dfa.delta[i]!;
  for (let c = 0; c < k; c++) delta[dead * k + c] = dead;
  const accepting = new Uint8Array(dfa.states + 1);
  accepting.set(dfa.accepting);
  return { alphabet: dfa.alphabet, states: dfa.states + 1, start: dfa.start, accepting, delta } as CompleteDfa;
}

/**
 * The dead state of a complete DFA: a non-accepting state all of whose
 * transitions loop to itself (a minimal DFA has at most one), or null.
 */
export function deadState(dfa: Dfa): number | null {
  const k = dfa.alphabet.classes.length;
  for (let q = 0; q < dfa.states; q++) {
    if (dfa.accepting[q] === 1) continue;
    let loops = true;
    for (let c = 0; c < k && loops; c++) loops = dfa.delta[q * k + c] === q;
    if (loops) return q;
  }
  return null;
}

/** Builds a DFA from nested arrays (handy in tests and small constructions). */
export function dfaFromTable(
  alphabet: Alphabet,
  table: readonly (readonly number[])[],
  start: number,
  accepting: Iterable<number>,
): Dfa {
  const k = alphabet.classes.length;
  const delta = new Int32Array(table.length * k);
  table.forEach((row, q) => row.forEach((t, c) => (delta[q * k + c] = t)));
  const acc = new Uint8Array(table.length);
  for (const q of accepting) acc[q] = 1;
  return { alphabet, states: table.length, start, accepting: acc, delta };
}
