/**
 * The compiled matcher in plain JavaScript: the UTF-16 unit automaton with
 * every state id pre-multiplied by the row width, so one step is
 * `q = table[q + symbol[unit]]` — two typed-array loads and an add per code
 * unit, surrogate pairs included (they go through pending states).
 *
 * When the unit automaton would be too large (expressions that split the
 * astral planes very finely), `codePointRunner` decodes code points instead:
 * a dense class table for the BMP and a binary search for astral code points.
 * Both runners expose the same `StringRunner` interface and agree with
 * `accepts` in `automata/dfa.ts` (property-tested).
 */
import { classOf } from '../alphabet/alphabet.js';
import { type CompleteDfa, deadState } from '../automata/dfa.js';
import { bmpClasses } from './classes.js';
import type { UnitAutomaton } from './units.js';

/**
 * Runs a DFA over JavaScript strings, in pieces if need be. States are the
 * runner's own numbers (`enter`/`settle` convert from and to DFA states), so
 * a surrogate pair split between two pieces is still read as one code point.
 */
export interface StringRunner {
  readonly dfa: CompleteDfa;
  /** The runner state for the DFA state `q` with nothing pending. */
  enter(q: number): number;
  /** Reads `s[from..to)` (UTF-16 offsets) from runner state `state`. */
  run(state: number, s: string, from?: number, to?: number): number;
  /** The DFA state of the input read so far (pending units resolved as lone). */
  settle(state: number): number;
  /** Whether reading more can never lead to acceptance. */
  isDead(state: number): boolean;
  /** Whether the whole of `s` is in the language (one call, no piece bookkeeping). */
  accepts(this: void, s: string): boolean;
}

/** Whether the whole of `s` is in the language, via a runner. */
export function runnerAccepts(r: StringRunner, s: string): boolean {
  return r.dfa.accepting[r.settle(r.run(r.enter(r.dfa.start), s))] === 1;
}

/** The fast runner over the UTF-16 unit automaton. */
export function unitRunner(a: UnitAutomaton): StringRunner {
  const w = a.symbols;
  const table = new Int32Array(a.delta.length);
  for (let i = 0; i < table.length; i++) table[i] = a.delta[i]! * w;
  // Symbols fit a byte for nearly every expression; the smaller table stays in cache.
  const symbol = a.symbols <= 256 ? Uint8Array.from(a.symbolOf) : a.symbolOf;
  const dead = a.dead < 0 ? -1 : a.dead * w;
  const run =
    dead < 0
      ? (q: number, s: string, from: number, to: number): number => {
          for (let i = from; i < to; i++) q = table[q + symbol[s.charCodeAt(i)]!]!;
          return q;
        }
      : (q: number, s: string, from: number, to: number): number => {
          // Checking for the dead state every 16 units keeps the inner loop branch-free.
          let i = from;
          while (i < to && q !== dead) {
            const stop = Math.min(to, i + 16);
            for (; i < stop; i++) q = table[q + symbol[s.charCodeAt(i)]!]!;
          }
          return q;
        };
  // Acceptance by pre-multiplied state, so the short-string path needs no division.
  const acceptAt = new Uint8Array(a.states * w);
  for (let u = 0; u < a.states; u++) acceptAt[u * w] = a.dfa.accepting[a.outcome[u]!]!;
  const start = a.dfa.start * w;
  return {
    dfa: a.dfa,
    enter: (q) => q * w,
    run: (state, s, from = 0, to = s.length) => run(state, s, from, to),
    settle: (state) => a.outcome[state / w]!,
    isDead: (state) => state === dead,
    accepts(s) {
      let q = start;
      const n = s.length;
      for (let i = 0; i < n; i++) {
        q = table[q + symbol[s.charCodeAt(i)]!]!;
        if (q === dead) return false;
      }
      return acceptAt[q] === 1;
    },
  };
}

/**
 * The fallback runner: decodes code points. A high surrogate at the end of a
 * piece is kept pending in the state (`q + n·(1 + h)` for high surrogate
 * `0xD800 + h`) until the next piece shows whether a low surrogate follows.
 * The decoding is an inline copy of `Utf16Decoder` (alphabet/decode.ts, the
 * definition), since the runner's state is a number and its loop is tuned;
 * test/alphabet/decode.test.ts checks the copy against the definition on
 * pieces cut through surrogate pairs.
 */
export function codePointRunner(dfa: CompleteDfa): StringRunner {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const bmp = bmpClasses(dfa.alphabet);
  const { delta } = dfa;
  const dead = deadState(dfa) ?? -1;
  const astral = (cp: number): number => classOf(dfa.alphabet, cp);
  const settle = (state: number): number => {
    if (state < n) return state;
    const q = state % n;
    const h = Math.floor(state / n) - 1;
    return delta[q * k + bmp[0xd800 + h]!]!;
  };
  const runner: StringRunner = {
    dfa,
    enter: (q) => q,
    settle,
    isDead: (state) => state === dead,
    accepts: (s) => dfa.accepting[settle(runner.run(dfa.start, s))] === 1,
    run(state, s, from = 0, to = s.length) {
      let i = from;
      let q = state;
      if (q >= n && i < to) {
        const h = Math.floor(q / n) - 1;
        q %= n;
        const u = s.charCodeAt(i);
        if (u >= 0xdc00 && u < 0xe000) {
          q = delta[q * k + astral(0x10000 + (h << 10) + (u - 0xdc00))]!;
          i++;
        } else {
          q = delta[q * k + bmp[0xd800 + h]!]!;
        }
      } else if (q >= n) {
        return q;
      }
      while (i < to) {
        if (q === dead) return q;
        const u = s.charCodeAt(i++);
        if (u >= 0xd800 && u < 0xdc00) {
          if (i === to) return q + n * (1 + (u - 0xd800));
          const l = s.charCodeAt(i);
          if (l >= 0xdc00 && l < 0xe000) {
            q = delta[q * k + astral(0x10000 + ((u - 0xd800) << 10) + (l - 0xdc00))]!;
            i++;
            continue;
          }
        }
        q = delta[q * k + bmp[u]!]!;
      }
      return q;
    },
  };
  return runner;
}
