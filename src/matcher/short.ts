/**
 * Membership of short strings (validation-style inputs of a few dozen
 * characters), where a call must cost about what V8's RegExp#test costs.
 *
 * Two UTF-16 units per dependent table load: a pair of ASCII units indexes a
 * 2^14-entry table of pair classes directly (`strides.ts`: pairs of symbols
 * that move every state alike), so the loop is two `charCodeAt`, one class
 * load and one transition load per two characters. A pair with a non-ASCII
 * unit takes two single-unit steps through the classes of `(unit, no unit)`,
 * so surrogates and pending states work exactly as in the unit automaton.
 * Every table lives in one `Int32Array` (one base pointer and bound for the
 * JIT to keep in registers), and the loop returns as soon as the dead state
 * is reached, as a backtracking matcher does on the first mismatch.
 */
import type { UnitAutomaton } from './units.js';
import { pairClasses } from './wasm/strides.js';

/** Largest `states × pair classes` table built for short strings (elements). */
export const MAX_SHORT_TABLE = 1 << 18;

/** Where strings from some length on go instead (a faster loop for long input). */
export interface LongPath {
  readonly from: number;
  /** The verdict, or undefined to decline (the pair loop then reads the string). */
  readonly accepts: (s: string) => boolean | undefined;
}

/**
 * Whole-string membership for `a`'s DFA, by pairs of units; null when the
 * pair table would be larger than `MAX_SHORT_TABLE` (callers keep the
 * one-unit loop then). With `long`, strings of `long.from` units and more are
 * handed to `long.accepts` by this same function: the caller's per-call path
 * is then one call, with no dispatching closure in front (which measurably
 * costs a short call).
 */
export function shortAccepts(a: UnitAutomaton, long?: LongPath): ((s: string) => boolean) | null {
  const n = a.states;
  const U = a.symbols;
  const V = U + 1;
  if (V * V * n > 16 * MAX_SHORT_TABLE) return null;
  const pairs = pairClasses(a, Math.max(1, Math.floor(MAX_SHORT_TABLE / n)));
  if (pairs === null) return null;
  const P = pairs.count;
  const ASCII = n * P;
  const ASCII1 = ASCII + (1 << 14);
  const SINGLE = ASCII1 + 128;
  const ACCEPT = SINGLE + U;
  const T = new Int32Array(ACCEPT + n * P);
  for (let c = 0; c < P; c++) {
    const col = pairs.columns[c]!;
    for (let u = 0; u < n; u++) T[u * P + c] = col[u]! * P;
  }
  for (let x = 0; x < 128; x++) {
    const sx = a.symbolOf[x]! * V;
    for (let y = 0; y < 128; y++) T[ASCII + ((x << 7) | y)] = pairs.ofSymbols[sx + a.symbolOf[y]!]!;
  }
  for (let s = 0; s < U; s++) T[SINGLE + s] = pairs.ofSymbols[s * V + U]!;
  for (let x = 0; x < 128; x++) T[ASCII1 + x] = pairs.ofSymbols[a.symbolOf[x]! * V + U]!;
  for (let u = 0; u < n; u++) T[ACCEPT + u * P] = a.dfa.accepting[a.outcome[u]!]!;
  const symbol = a.symbolOf;
  const dead = a.dead < 0 ? -1 : a.dead * P;
  const start = a.dfa.start * P;
  const longFrom = long?.from ?? Infinity;
  const longAccepts = long?.accepts ?? ((): undefined => undefined);
  return (s) => {
    const len = s.length;
    if (len >= longFrom) {
      const verdict = longAccepts(s);
      if (verdict !== undefined) return verdict;
    }
    let q = start;
    let i = 0;
    for (; i + 1 < len; i += 2) {
      const x = s.charCodeAt(i);
      const y = s.charCodeAt(i + 1);
      if ((x | y) < 128) q = T[q + T[ASCII + ((x << 7) | y)]!]!;
      else q = T[T[q + T[SINGLE + symbol[x]!]!]! + T[SINGLE + symbol[y]!]!]!;
      if (q === dead) return false;
    }
    if (i < len) {
      const x = s.charCodeAt(i);
      q = T[q + (x < 128 ? T[ASCII1 + x]! : T[SINGLE + symbol[x]!]!)]!;
    }
    return T[ACCEPT + q] === 1;
  };
}
