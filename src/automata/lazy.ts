/**
 * Lazy determinization for membership (the "hybrid" DFA of RE2 and
 * regex-automata): DFA states are built on the fly, only along the input
 * actually read, and kept in a bounded cache. When the cache is full it is
 * flushed — every cached state and transition forgotten — and building
 * resumes from the current state. Memory stays bounded whatever the size of
 * the full DFA, so `(a|b)*a(a|b){30}` (2^31 states) is decided in time
 * linear in the input.
 *
 * Each new state is computed by `subsetCore` — the very step the full
 * determinization uses — so the two cannot disagree. When the NFA's kernel
 * fits in bitsets, states are interned as rows (`rows.ts`: open addressing over
 * the set's words, no key strings, no per-state objects): that is what keeps
 * a cache that misses on every byte — `(a|b)*a(a|b){20}` on random text,
 * where each byte makes a new state — at several MB/s instead of under one.
 * Larger NFAs use the core's sorted-array sets under string keys. A run that
 * keeps flushing the cache with few units read per state built goes on as an
 * NFA simulation over bitsets instead (see `THRASH_FLUSHES`).
 */
import { classOf, fillClasses } from '../alphabet/alphabet.js';
import { astralCodePoint } from '../alphabet/decode.js';
import type { Nfa } from './nfa.js';
import { type RowInterner, rowInterner } from './rows.js';
import { BITSET_LIMIT, type BitsetStep, isEmptySet, type SubsetCore, subsetCore } from './subset.js';

/** A DFA built lazily from an NFA along the input read, within a bounded cache of states. */
export interface LazyDfa {
  readonly nfa: Nfa;
  /** A fresh run over input given in pieces. */
  start(): LazyRun;
  /** Whether the NFA accepts `s` (read as code points). */
  accepts(s: string): boolean;
  /** How many times the cache was flushed so far (for `--stats` and tests). */
  readonly flushes: number;
  /** States currently cached. */
  readonly cached: number;
}

/**
 * One run over input given in pieces. A surrogate pair split between two
 * pieces is read as one code point.
 */
export interface LazyRun {
  push(s: string): void;
  /** No continuation can be accepted. */
  readonly dead: boolean;
  /** Whether the input pushed so far is accepted. */
  accepts(): boolean;
}

/** Default cache size in states when none is given. */
export const DEFAULT_LAZY_CACHE = 10_000;

const UNKNOWN = -2;
const DEAD = -1;

/**
 * A run that has seen this many cache flushes, having read fewer than
 * `THRASH_UNITS_PER_STATE` units per state built, stops caching (RE2's rule
 * is alike: too many resets with too few bytes per state).
 */
export const THRASH_FLUSHES = 2;
/** See `THRASH_FLUSHES`. */
export const THRASH_UNITS_PER_STATE = 10;

/**
 * The cached states of one lazy DFA. Ids are valid until the next flush; a
 * run's `Cursor` can always enter its state again after one.
 */
interface StateCache {
  readonly flushes: number;
  readonly cached: number;
  /** A cursor on the start state. */
  cursor(): Cursor;
}

/**
 * A run's position: a state id, re-entered from its set when a flush has
 * passed. (Plain methods, no getter: V8 keeps object literals with accessors
 * in dictionary mode, which costs the per-unit loop half its speed.)
 */
interface Cursor {
  /** Moves on class `c`; false once dead (then it stays dead). */
  step(c: number): boolean;
  accepting(): boolean;
}

/** The transition table of a cache: `k` classes per state (UNKNOWN until built), grown up to `capacity` states. */
class Transitions {
  /** Row-major; read as `delta[q * k + c]` (a field, so a grown table is seen at once). */
  delta: Int32Array;
  constructor(
    private readonly k: number,
    private readonly capacity: number,
  ) {
    this.delta = new Int32Array(Math.min(capacity, 64) * k).fill(UNKNOWN);
  }
  /** Room for state `id`'s row. */
  ensure(id: number): void {
    if ((id + 1) * this.k <= this.delta.length) return;
    const grown = new Int32Array(Math.min(this.capacity, 2 * (id + 1)) * this.k).fill(UNKNOWN);
    grown.set(this.delta);
    this.delta = grown;
  }
  clear(): void {
    this.delta.fill(UNKNOWN);
  }
}

/** States as bitsets interned as rows (`rows.ts`): no allocation per step. */
function bitsetCache(core: SubsetCore, step: BitsetStep, k: number, capacity: number): StateCache {
  const W = step.words;
  let pool: RowInterner = rowInterner(W);
  let accepting = new Uint8Array(Math.min(capacity, 64));
  const table = new Transitions(k, capacity);
  let flushes = 0;
  const scratch = new Int32Array(W);
  const carried = new Int32Array(W);
  const startWords = new Int32Array(W);
  startWords.set(core.start());

  /** The id of the set in `src[0 .. W)` (DEAD when empty), flushing first when the cache is full. */
  const intern = (src: Int32Array): number => {
    if (isEmptySet(src, 0, W)) return DEAD;
    const before = pool.size;
    let id = pool.intern(src, 0);
    if (id < before) return id;
    if (pool.size > capacity) {
      // The cache filled once, so it will again: the next pool starts at full size (no rehashing as it grows).
      pool = rowInterner(W, capacity + 1);
      table.clear();
      flushes++;
      id = pool.intern(src, 0);
    }
    if (id >= accepting.length) {
      const grown = new Uint8Array(Math.min(capacity + 1, 2 * (id + 1)));
      grown.set(accepting);
      accepting = grown;
    }
    accepting[id] = step.acceptingAt(pool.data(), id * W) ? 1 : 0;
    table.ensure(id);
    return id;
  };

  return {
    get flushes() {
      return flushes;
    },
    get cached() {
      return pool.size;
    },
    cursor() {
      // A cursor keeps the pool its state lives in. After a flush that pool is
      // no longer the cache's, but the cursor still holds it, so the state's
      // words can be read from it and interned anew: no copy per step.
      let q = intern(startWords);
      let home = pool;
      const reenter = (): void => {
        const data = home.data();
        for (let x = 0, at = q * W; x < W; x++) carried[x] = data[at + x]!;
        q = intern(carried);
        home = pool;
      };
      // Thrashing: the run keeps flushing the cache, caching buys nothing, and
      // interning costs more than the step. The run then goes on as an NFA
      // simulation over its own set (as RE2 and regex-automata give up on the
      // lazy DFA for the NFA), never touching the cache again.
      const flushesAtStart = flushes;
      let units = 0;
      let sim: Int32Array | null = null;
      let simNext: Int32Array = scratch;
      const simulate = (c: number): boolean => {
        step.successorAt(sim!, 0, c, simNext);
        const t = sim!;
        sim = simNext;
        simNext = t;
        for (let x = 0; x < W; x++) if (sim[x] !== 0) return true;
        q = DEAD;
        return false;
      };
      return {
        step(c) {
          if (q === DEAD) return false;
          if (sim !== null) return simulate(c);
          if (home !== pool) reenter();
          units++;
          let target = table.delta[q * k + c]!;
          if (target === UNKNOWN) {
            step.successorAt(pool.data(), q * W, c, scratch);
            const before = pool;
            target = intern(scratch);
            if (pool === before) table.delta[q * k + c] = target;
            else if (thrashing(flushes - flushesAtStart, units) && target !== DEAD) {
              // A flush inside `intern` emptied the table; target is the only state, and the run leaves the cache.
              sim = Int32Array.from(scratch);
              simNext = new Int32Array(W);
            }
          }
          q = target;
          home = pool;
          return q !== DEAD;
        },
        accepting() {
          if (q === DEAD) return false;
          if (sim !== null) return step.acceptingAt(sim, 0);
          if (home !== pool) reenter();
          return accepting[q] === 1;
        },
      };
    },
  };

  /** Whether a run that has seen `seen` flushes in `units` units is thrashing: on average a new state every few units. */
  function thrashing(seen: number, units: number): boolean {
    return seen >= THRASH_FLUSHES && units < THRASH_UNITS_PER_STATE * capacity * seen;
  }
}

/** States as the core's sets (sorted kernel arrays for large NFAs) under string keys. */
function keyedCache(core: SubsetCore, k: number, capacity: number): StateCache {
  const ids = new Map<string, number>();
  let sets: Int32Array[] = [];
  let accepting: boolean[] = [];
  const table = new Transitions(k, capacity);
  let flushes = 0;
  const startSet = core.start();

  const intern = (set: Int32Array): number => {
    if (set.length === 0) return DEAD;
    const key = core.key(set);
    const known = ids.get(key);
    if (known !== undefined) return known;
    if (sets.length >= capacity) {
      ids.clear();
      sets = [];
      accepting = [];
      table.clear();
      flushes++;
    }
    const id = sets.length;
    ids.set(key, id);
    sets.push(set);
    accepting.push(core.accepting(set));
    table.ensure(id);
    return id;
  };

  return {
    get flushes() {
      return flushes;
    },
    get cached() {
      return sets.length;
    },
    cursor() {
      // Sets are immutable arrays here, so the run keeps a reference, not a copy.
      let set = startSet;
      let q = intern(set);
      let seen = flushes;
      return {
        step(c) {
          if (q === DEAD) return false;
          if (seen !== flushes) q = intern(set);
          let target = table.delta[q * k + c]!;
          if (target === UNKNOWN) {
            const at = flushes;
            target = intern(core.successor(set, c));
            if (at === flushes) table.delta[q * k + c] = target;
          }
          seen = flushes;
          q = target;
          if (q === DEAD) return false;
          set = sets[q]!;
          return true;
        },
        accepting() {
          if (q === DEAD) return false;
          if (seen !== flushes) {
            q = intern(set);
            seen = flushes;
          }
          return accepting[q]!;
        },
      };
    },
  };
}

/**
 * A lazy DFA of `nfa` caching at most `cacheStates` states (at least 2: the
 * current state and the one being added). `bitsetLimit` picks the set
 * representation as in `subsetCore` (tests force either).
 */
export function lazyDfa(nfa: Nfa, cacheStates = DEFAULT_LAZY_CACHE, bitsetLimit = BITSET_LIMIT): LazyDfa {
  const core = subsetCore(nfa, bitsetLimit);
  const k = nfa.alphabet.classes.length;
  const capacity = Math.max(2, cacheStates);
  const cache = core.bitset !== null ? bitsetCache(core, core.bitset, k, capacity) : keyedCache(core, k, capacity);

  const bmp = new Int32Array(0x10000);
  fillClasses(nfa.alphabet, 0, bmp);
  const astral = (high: number, low: number): number => classOf(nfa.alphabet, astralCodePoint(high, low));

  const lazy: LazyDfa = {
    nfa,
    get flushes() {
      return cache.flushes;
    },
    get cached() {
      return cache.cached;
    },
    start() {
      const at = cache.cursor();
      let alive = true;
      let pendingHigh = -1;
      return {
        // Decodes inline, a copy of `Utf16Decoder` (alphabet/decode.ts, the definition): a block decoder in
        // front of the cursor costs this loop a quarter more instructions. test/alphabet/decode.test.ts
        // checks that this copy agrees with it on pieces cut through surrogate pairs.
        push(s) {
          let i = 0;
          if (pendingHigh >= 0 && s.length > 0) {
            const l = s.charCodeAt(0);
            if (l >= 0xdc00 && l < 0xe000) {
              alive &&= at.step(astral(pendingHigh, l));
              i = 1;
            } else {
              alive &&= at.step(bmp[pendingHigh]!);
            }
            pendingHigh = -1;
          }
          for (; i < s.length && alive; i++) {
            const u = s.charCodeAt(i);
            if (u >= 0xd800 && u < 0xdc00) {
              if (i + 1 === s.length) {
                pendingHigh = u;
                return;
              }
              const l = s.charCodeAt(i + 1);
              if (l >= 0xdc00 && l < 0xe000) {
                alive = at.step(astral(u, l));
                i++;
                continue;
              }
            }
            alive = at.step(bmp[u]!);
          }
        },
        get dead() {
          return !alive;
        },
        accepts() {
          if (pendingHigh >= 0) {
            if (alive) alive = at.step(bmp[pendingHigh]!);
            pendingHigh = -1;
          }
          return alive && at.accepting();
        },
      };
    },
    accepts(s) {
      const run = lazy.start();
      run.push(s);
      return run.accepts();
    },
  };
  return lazy;
}
