/**
 * Automata over input *units* derived from a code-point DFA: one over UTF-16
 * code units (for JavaScript strings) and one over UTF-8 bytes (for files and
 * streams). Reading a code point that takes several units is spread over
 * *pending* states, so every matcher loop is one table load per unit, chunks
 * may end anywhere, and the transformation of a piece of input is an ordinary
 * map on states.
 *
 * Invariants shared by both (what every path relies on):
 * - unit states `0 .. dfa.states-1` are the DFA's own states with nothing
 *   pending, so entering and leaving the unit automaton is the identity;
 * - `outcome[u]` is the DFA state the input read so far denotes — for a
 *   pending state, as if the input ended there (a lone high surrogate is one
 *   code point in a JavaScript string; a truncated UTF-8 sequence decodes to
 *   U+FFFD, as `TextDecoder` and `Buffer#toString` do);
 * - the DFA's dead state stays dead: no pending state is made for it.
 *
 * Decoding follows the WHATWG UTF-8 decoder exactly (maximal subparts of
 * ill-formed sequences become one U+FFFD each and the offending byte is read
 * again), so the byte automaton accepts a byte string iff the DFA accepts its
 * decoding. A string is split into pieces before a byte that is not a
 * continuation byte (or after three continuation bytes in a row) without
 * changing its decoding, which is how parallel chunks are cut.
 */
import { classOf } from '../alphabet/alphabet.js';
import { type CompleteDfa, deadState } from '../automata/dfa.js';
import { fillClasses, rangeKey } from './classes.js';

/** A complete automaton over input units (UTF-16 code units or UTF-8 bytes) derived from a code-point DFA. */
export interface UnitAutomaton {
  readonly dfa: CompleteDfa;
  /** Unit states: the DFA's states first, then the pending states. */
  readonly states: number;
  /** Number of unit symbols (columns of `delta`). */
  readonly symbols: number;
  /** Unit (UTF-16 code unit or byte) → symbol. */
  readonly symbolOf: Uint16Array;
  /** `states × symbols`, row-major; complete. */
  readonly delta: Int32Array;
  /** Per unit state: the DFA state of the input read so far, pending units resolved. */
  readonly outcome: Int32Array;
  /** The DFA's dead state (also a unit state), or -1. */
  readonly dead: number;
}

/**
 * Largest table (states × symbols) built for a unit automaton; beyond it the
 * matchers fall back to decoding code points (same results, slower). 2^22
 * entries is 16 MiB, far above any realistic expression.
 */
export const MAX_UNIT_TABLE = 1 << 22;

/** Whether a unit state accepts. */
export function unitAccepts(a: UnitAutomaton, u: number): boolean {
  return a.dfa.accepting[a.outcome[u]!] === 1;
}

interface Builder {
  readonly symbols: number;
  readonly symbolOf: Uint16Array;
  /** Pending groups. */
  readonly groups: number;
  /** The DFA class used if input ends in (or breaks off) group g. */
  readonly breakClass: Int32Array;
  /** What symbol `s` does from a settled state: a class (>= 0) or group `-1 - g`. */
  readonly settled: Int32Array;
  /**
   * What symbol `s` does in group g (`g * symbols + s`): a class (>= 0), a
   * group (`-1 - g'`), or `BREAK` (resolve g with its break class, then read
   * the unit again from the settled state).
   */
  readonly inGroup: Int32Array;
}

const BREAK = -0x40000000;

function assemble(dfa: CompleteDfa, b: Builder): UnitAutomaton | null {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const dead = deadState(dfa) ?? -1;
  const live = dead < 0 ? n : n - 1;
  const states = n + live * b.groups;
  if (states * b.symbols > MAX_UNIT_TABLE) return null;
  // Pending state of (q, g): DFA states other than the dead one, in order.
  const pend = (q: number, g: number): number =>
    q === dead ? dead : n + g * live + (dead >= 0 && q > dead ? q - 1 : q);
  const delta = new Int32Array(states * b.symbols);
  const outcome = new Int32Array(states);
  const settledStep = (q: number, s: number): number => {
    const a = b.settled[s]!;
    return a >= 0 ? dfa.delta[q * k + a]! : pend(q, -1 - a);
  };
  for (let q = 0; q < n; q++) {
    outcome[q] = q;
    for (let s = 0; s < b.symbols; s++) delta[q * b.symbols + s] = settledStep(q, s);
  }
  for (let g = 0; g < b.groups; g++) {
    for (let q = 0; q < n; q++) {
      if (q === dead) continue;
      const u = pend(q, g);
      const broken = dfa.delta[q * k + b.breakClass[g]!]!;
      outcome[u] = broken;
      for (let s = 0; s < b.symbols; s++) {
        const a = b.inGroup[g * b.symbols + s]!;
        delta[u * b.symbols + s] =
          a === BREAK ? settledStep(broken, s) : a >= 0 ? dfa.delta[q * k + a]! : pend(q, -1 - a);
      }
    }
  }
  return { dfa, states, symbols: b.symbols, symbolOf: b.symbolOf, delta, outcome, dead };
}

/** Interns signature strings as consecutive ids. */
function interner(): { id(key: string): number; readonly size: number } {
  const ids = new Map<string, number>();
  return {
    id(key) {
      let v = ids.get(key);
      if (v === undefined) {
        v = ids.size;
        ids.set(key, v);
      }
      return v;
    },
    get size() {
      return ids.size;
    },
  };
}

/**
 * The automaton over UTF-16 code units: a high surrogate moves to a pending
 * state of its group (high surrogates whose 1024 astral code points fall in
 * the same classes), a low surrogate completes it; anything else resolves the
 * high surrogate as a lone code point first. Null when over `MAX_UNIT_TABLE`.
 */
export function utf16Automaton(dfa: CompleteDfa): UnitAutomaton | null {
  const alphabet = dfa.alphabet;
  const k = alphabet.classes.length;
  if (k > 0xffff) return null;
  // The class of every BMP unit, in the array that becomes the unit → symbol
  // table below (non-surrogates keep their class as symbol): one 128 KB
  // table per automaton, no second one.
  const symbolOf = new Uint16Array(0x10000);
  fillClasses(alphabet, 0, symbolOf);
  // The classes of the surrogate units read as code points (lone surrogates), kept before the table is rewritten.
  const surrogateClasses = symbolOf.slice(0xd800, 0xe000);
  const loneClass = (u: number): number => surrogateClasses[u - 0xd800]!;
  // Groups of high surrogates.
  const groupKeys = interner();
  const groupOfHigh = new Int32Array(1024);
  const breakClasses: number[] = [];
  const combined: Int32Array[] = [];
  for (let h = 0; h < 1024; h++) {
    const base = 0x10000 + (h << 10);
    const g = groupKeys.id(`${loneClass(0xd800 + h)}|${rangeKey(alphabet, base, 1024)}`);
    groupOfHigh[h] = g;
    if (g === combined.length) {
      breakClasses.push(loneClass(0xd800 + h));
      const classes = new Int32Array(1024);
      fillClasses(alphabet, base, classes);
      combined.push(classes);
    }
  }
  const groups = combined.length;
  // Symbols: one per DFA class (non-surrogates), one per high group, then low-surrogate signatures.
  const lowKeys = interner();
  const lowSymbol = new Int32Array(1024);
  const lowRep: number[] = [];
  for (let l = 0; l < 1024; l++) {
    let key = `${loneClass(0xdc00 + l)}`;
    for (let g = 0; g < groups; g++) key += `,${combined[g]![l]!}`;
    const id = lowKeys.id(key);
    lowSymbol[l] = id;
    if (id === lowRep.length) lowRep.push(l);
  }
  const symbols = k + groups + lowRep.length;
  if (symbols > 0xffff) return null;
  for (let h = 0; h < 1024; h++) symbolOf[0xd800 + h] = k + groupOfHigh[h]!;
  for (let l = 0; l < 1024; l++) symbolOf[0xdc00 + l] = k + groups + lowSymbol[l]!;
  const settled = new Int32Array(symbols);
  const inGroup = new Int32Array(groups * symbols);
  for (let s = 0; s < symbols; s++) {
    if (s < k) settled[s] = s;
    else if (s < k + groups) settled[s] = -1 - (s - k);
    else settled[s] = loneClass(0xdc00 + lowRep[s - k - groups]!);
  }
  for (let g = 0; g < groups; g++) {
    for (let s = 0; s < symbols; s++) {
      inGroup[g * symbols + s] = s >= k + groups ? combined[g]![lowRep[s - k - groups]!]! : BREAK;
    }
  }
  return assemble(dfa, { symbols, symbolOf, groups, breakClass: Int32Array.from(breakClasses), settled, inGroup });
}

/**
 * The automaton over UTF-8 bytes (WHATWG decoding, see the module comment).
 * Pending groups are equivalence classes of valid proper prefixes of encoded
 * code points: two prefixes are alike when every completion yields the same
 * class and they allow the same next bytes. Null when over `MAX_UNIT_TABLE`.
 */
export function utf8Automaton(dfa: CompleteDfa): UnitAutomaton | null {
  const alphabet = dfa.alphabet;
  const replacement = classOf(alphabet, 0xfffd);
  // A pending group: allowed range of the next byte, and per allowed byte
  // either a class (completed code point, >= 0) or a further group (-1 - g).
  interface Group {
    lo: number;
    hi: number;
    next: Int32Array;
  }
  const groups: Group[] = [];
  const groupKeys = interner();
  const groupOf = (lo: number, hi: number, next: Int32Array): number => {
    const id = groupKeys.id(`${lo},${hi}:${next.join(',')}`);
    if (id === groups.length) groups.push({ lo, hi, next });
    return id;
  };
  // Build the prefix groups from the longest prefixes up. `need1(base)` is the
  // group of a prefix whose code point is base + (last byte & 0x3f).
  const need1 = (base: number): number => {
    const next = new Int32Array(64);
    fillClasses(alphabet, base, next);
    return groupOf(0x80, 0xbf, next);
  };
  const need1Memo = new Map<string, number>();
  const need1Cached = (base: number): number => {
    const key = rangeKey(alphabet, base, 64);
    let g = need1Memo.get(key);
    if (g === undefined) {
      g = need1(base);
      need1Memo.set(key, g);
    }
    return g;
  };
  // Prefix with two bytes to go: base code point, allowed range of the next byte.
  const need2 = (base: number, lo: number, hi: number): number => {
    const next = new Int32Array(hi - lo + 1);
    for (let b = lo; b <= hi; b++) next[b - lo] = -1 - need1Cached(base + ((b & 0x3f) << 6));
    return groupOf(lo, hi, next);
  };
  const need3 = (base: number, lo: number, hi: number): number => {
    const next = new Int32Array(hi - lo + 1);
    for (let b = lo; b <= hi; b++) next[b - lo] = -1 - need2(base + ((b & 0x3f) << 12), 0x80, 0xbf);
    return groupOf(lo, hi, next);
  };
  // What each byte does from a settled state: class (>= 0) or group (-1 - g).
  const settledAction = new Int32Array(256);
  for (let b = 0; b < 256; b++) {
    if (b < 0x80) settledAction[b] = classOf(alphabet, b);
    else if (b >= 0xc2 && b <= 0xdf) settledAction[b] = -1 - need1Cached((b & 0x1f) << 6);
    else if (b >= 0xe0 && b <= 0xef)
      settledAction[b] = -1 - need2((b & 0x0f) << 12, b === 0xe0 ? 0xa0 : 0x80, b === 0xed ? 0x9f : 0xbf);
    else if (b >= 0xf0 && b <= 0xf4)
      settledAction[b] = -1 - need3((b & 0x07) << 18, b === 0xf0 ? 0x90 : 0x80, b === 0xf4 ? 0x8f : 0xbf);
    else settledAction[b] = replacement;
  }
  // Byte symbols: bytes that act alike everywhere.
  const symbolKeys = interner();
  const symbolOf = new Uint16Array(256);
  const rep: number[] = [];
  for (let b = 0; b < 256; b++) {
    let key = `${settledAction[b]!}`;
    for (const g of groups) key += b >= g.lo && b <= g.hi ? `,${g.next[b - g.lo]!}` : ',x';
    const s = symbolKeys.id(key);
    symbolOf[b] = s;
    if (s === rep.length) rep.push(b);
  }
  const symbols = rep.length;
  const settled = Int32Array.from(rep, (b) => settledAction[b]!);
  const inGroup = new Int32Array(groups.length * symbols);
  groups.forEach((g, gi) => {
    rep.forEach((b, s) => {
      inGroup[gi * symbols + s] = b >= g.lo && b <= g.hi ? g.next[b - g.lo]! : BREAK;
    });
  });
  return assemble(dfa, {
    symbols,
    symbolOf,
    groups: groups.length,
    breakClass: new Int32Array(groups.length).fill(replacement),
    settled,
    inGroup,
  });
}
