/**
 * Membership of short strings (validation-style inputs of a few dozen
 * characters), where a call must cost about what V8's RegExp#test costs.
 *
 * Two UTF-16 units per table load: a pair of ASCII units indexes a
 * 2^14-entry table of pair classes directly (`strides.ts`: pairs of symbols
 * that move every state alike), and the loop reads four units per iteration
 * (two pair steps, one dead-state test, one loop test). A `charCodeAt` costs
 * about ten instructions and three taken branches (V8 dispatches on the
 * string's representation each time), so the loop is bound by instructions,
 * not by the chain of table loads: four-unit classes (one dependent load per
 * four units) measured no faster, and fewer tests per unit did. From the first non-ASCII unit on,
 * the loop goes on by pairs, a pair with a non-ASCII unit taking two
 * single-unit steps through the classes of `(unit, no unit)`, so surrogates
 * and pending states work exactly as in the unit automaton. Every table
 * lives in one `Int32Array` (one base pointer and bound for the JIT to keep
 * in registers), and the loop returns at the dead state (tested every four
 * units), as a backtracking matcher does on the first mismatch.
 */
import type { UnitAutomaton } from './units.js';
import { pairClasses } from './wasm/strides.js';

/**
 * Strings from this many units on are first offered to the last-letter test
 * (`PairLoop.endOk`). The test costs about what reading two units costs, on
 * every call; below this length the loop reads the whole string in about
 * the time a RegExp call takes to start, so the test would only add to it.
 */
export const END_CHECK_FROM = 24;

/**
 * Offsets of the class tables in `PairLoop.T`. A `const enum`, so the
 * compiler writes them into the loop as literals: a module constant is a
 * variable load in V8's bytecode, and the loop's bytecode size is what
 * decides whether V8 inlines it.
 */
const enum At {
  /** The pair class of two ASCII units `x, y`, at `(x << 7) | y`. */
  AsciiPairs = 0,
  /** The class of an ASCII unit with no unit after it (`1 << 14`). */
  AsciiLast = 16384,
  /** The class of a unit's symbol with no unit after it (`AsciiLast + 128`). */
  Single = 16512,
}

/** Largest `states × pair classes` table built for short strings (elements). */
export const MAX_SHORT_TABLE = 1 << 18;

/** Where strings from some length on go instead (a faster loop for long input). */
export interface LongPath {
  readonly from: number;
  /** The verdict, or undefined to decline (the pair loop then reads the string). */
  readonly accepts: (s: string) => boolean | undefined;
}

/**
 * The tables of the pair loop, with the long-string hand-off. Every loop has
 * this one shape (built by one literal in `pairLoop`), so the one function
 * `pairLoopAccepts` that reads them sees a single hidden class.
 */
export interface PairLoop {
  /**
   * The class tables at the offsets `At` (ASCII pairs at 0, so the loop
   * indexes them with `(x << 7) | y` as is), then the transition rows: a
   * state is its row's offset, and entries are target rows' offsets; a
   * state's acceptance flag is at `accept` past its offset.
   */
  readonly T: Int32Array;
  readonly accept: number;
  /** UTF-16 unit → symbol (for non-ASCII units). */
  readonly symbol: Uint16Array;
  /**
   * Per symbol: 1 when some state reaches acceptance on it. A string of
   * `END_CHECK_FROM` units or more whose last unit's symbol has 0 here is
   * rejected without reading the rest — the usual case for the inputs that
   * make backtracking engines explode (`(a+)+b` on `aaaa…`).
   */
  readonly endOk: Uint8Array;
  /** The dead row (pre-multiplied), or -1. */
  readonly dead: number;
  readonly start: number;
  readonly longFrom: number;
  /** `min(END_CHECK_FROM, longFrom)`: below it neither the hand-off nor the last-letter test applies. */
  readonly checkFrom: number;
  readonly long: (s: string) => boolean | undefined;
}

const declineAll = (): undefined => undefined;

/**
 * `longFrom` when there is no long path: a small integer rather than
 * `Infinity`, so the field keeps one representation (V8 generalizes a field
 * that has held both integers and doubles, and every record's map with it).
 */
const NEVER = 0x3fffffff;

/**
 * The pair loop of `a`'s DFA; null when the pair table would be larger than
 * `MAX_SHORT_TABLE` (callers keep the one-unit loop then). With `long`,
 * strings of `long.from` units and more are offered to `long.accepts` first.
 */
export function pairLoop(a: UnitAutomaton, long?: LongPath): PairLoop | null {
  const n = a.states;
  const U = a.symbols;
  const V = U + 1;
  if (V * V * n > 16 * MAX_SHORT_TABLE) return null;
  const pairs = pairClasses(a, Math.max(1, Math.floor(MAX_SHORT_TABLE / n)));
  if (pairs === null) return null;
  const P = pairs.count;
  // The class tables first, at fixed offsets, so that the loop adds no offset to their indices.
  const rows = At.Single + U;
  const accept = n * P;
  const T = new Int32Array(rows + 2 * n * P);
  for (let x = 0; x < 128; x++) {
    const sx = a.symbolOf[x]! * V;
    for (let y = 0; y < 128; y++) T[At.AsciiPairs + ((x << 7) | y)] = pairs.ofSymbols[sx + a.symbolOf[y]!]!;
    T[At.AsciiLast + x] = pairs.ofSymbols[sx + U]!;
  }
  for (let s = 0; s < U; s++) T[At.Single + s] = pairs.ofSymbols[s * V + U]!;
  for (let c = 0; c < P; c++) {
    const col = pairs.columns[c]!;
    for (let u = 0; u < n; u++) T[rows + u * P + c] = rows + col[u]! * P;
  }
  for (let u = 0; u < n; u++) T[rows + u * P + accept] = a.dfa.accepting[a.outcome[u]!]!;
  const endOk = new Uint8Array(U);
  for (let sym = 0; sym < U; sym++) {
    const c = T[At.Single + sym]!;
    for (let u = 0; u < n && endOk[sym] === 0; u++) endOk[sym] = T[T[rows + u * P + c]! + accept]! === 1 ? 1 : 0;
  }
  const row = (state: number): number => rows + state * P;
  return loopRecord(
    T,
    accept,
    a.symbolOf,
    endOk,
    a.dead < 0 ? -1 : row(a.dead),
    row(a.dfa.start),
    long?.from ?? NEVER,
    long?.accepts ?? declineAll,
  );
}

/**
 * A loop record that hands every string to `decide` (no tables): for engines
 * and automata without a pair loop, with the same shape as the others.
 */
export function handOffLoop(decide: (s: string) => boolean): PairLoop {
  return loopRecord(new Int32Array(1), 0, new Uint16Array(0), new Uint8Array(0), -1, 0, 0, decide);
}

/** The one literal that builds loop records (one hidden class for all). */
function loopRecord(
  T: Int32Array,
  accept: number,
  symbol: Uint16Array,
  endOk: Uint8Array,
  dead: number,
  start: number,
  longFrom: number,
  long: (s: string) => boolean | undefined,
): PairLoop {
  return { T, accept, symbol, endOk, dead, start, longFrom, checkFrom: Math.min(END_CHECK_FROM, longFrom), long };
}

/**
 * Whole-string membership by a pair loop. One function for every loop (not a
 * closure per pattern): a call site that serves many patterns — a cache of
 * compiled languages, a benchmark loop — calls one target and reads one
 * record shape, which V8 inlines; closures per pattern measured 30–60% slower
 * there.
 */
export function pairLoopAccepts(loop: PairLoop, s: string): boolean {
  const len = s.length;
  const { T, dead } = loop;
  if (len >= loop.checkFrom) {
    const verdict = longVerdict(loop, s);
    if (verdict !== undefined) return verdict;
  }
  let q = loop.start;
  let i = 0;
  for (; i + 3 < len; i += 4) {
    const w = s.charCodeAt(i);
    const x = s.charCodeAt(i + 1);
    const y = s.charCodeAt(i + 2);
    const z = s.charCodeAt(i + 3);
    if ((w | x | y | z) >= 128) return restAccepts(loop, s, q, i);
    q = T[T[q + T[(w << 7) | x]!]! + T[(y << 7) | z]!]!;
    if (q === dead) return false;
  }
  // At most three units left: no dead-state test (the dead row leads to itself).
  if (i + 1 < len) {
    const x = s.charCodeAt(i);
    const y = s.charCodeAt(i + 1);
    if ((x | y) >= 128) return restAccepts(loop, s, q, i);
    q = T[q + T[(x << 7) | y]!]!;
    i += 2;
  }
  if (i < len) {
    const x = s.charCodeAt(i);
    if (x >= 128) return restAccepts(loop, s, q, i);
    q = T[q + T[At.AsciiLast + x]!]!;
  }
  return T[q + loop.accept] === 1;
}

/**
 * The verdict on a string of `checkFrom` units or more without the pair loop,
 * if there is one: by the long path, or by the last letter. (This and
 * `restAccepts` are functions of their own because V8 inlines functions of
 * up to 460 bytes of bytecode, and `pairLoopAccepts` must stay under that to
 * be inlined into its callers, which is worth 2–3 ns a call; it is 422 now.)
 */
function longVerdict(loop: PairLoop, s: string): boolean | undefined {
  if (s.length >= loop.longFrom) {
    const verdict = loop.long(s);
    if (verdict !== undefined) return verdict;
  }
  return loop.endOk[loop.symbol[s.charCodeAt(s.length - 1)]!] === 0 ? false : undefined;
}

/** The pair loop from unit `i` in state `q`, for strings with non-ASCII units. */
function restAccepts(loop: PairLoop, s: string, q: number, i: number): boolean {
  const len = s.length;
  const { T, symbol, dead } = loop;
  for (; i + 1 < len; i += 2) {
    const x = s.charCodeAt(i);
    const y = s.charCodeAt(i + 1);
    if ((x | y) < 128) q = T[q + T[(x << 7) | y]!]!;
    else q = T[T[q + T[At.Single + symbol[x]!]!]! + T[At.Single + symbol[y]!]!]!;
    if (q === dead) return false;
  }
  if (i < len) {
    const x = s.charCodeAt(i);
    q = T[q + (x < 128 ? T[At.AsciiLast + x]! : T[At.Single + symbol[x]!]!)]!;
  }
  return T[q + loop.accept] === 1;
}

/** `pairLoop` as a function of the string (for callers that want one). */
export function shortAccepts(a: UnitAutomaton, long?: LongPath): ((s: string) => boolean) | null {
  const loop = pairLoop(a, long);
  return loop === null ? null : (s) => pairLoopAccepts(loop, s);
}
