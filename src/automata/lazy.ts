/**
 * Lazy determinization for membership (the "hybrid" DFA of RE2 and
 * regex-automata): DFA states are built on the fly, only along the input
 * actually read, and kept in a bounded cache. When the cache is full it is
 * flushed — every cached state and transition forgotten except the current
 * state — and building resumes. Memory stays bounded whatever the size of the
 * full DFA, so `(a|b)*a(a|b){30}` (2^31 states) is decided in time linear in
 * the input.
 *
 * Each new state is computed by `subsetCore` — the very step the full
 * determinization uses — so the two cannot disagree.
 */
import { classOf } from '../alphabet/alphabet.js';
import type { Nfa } from './nfa.js';
import { subsetCore } from './subset.js';

/** A DFA built lazily from an NFA along the input read, within a bounded cache of states. */
export interface LazyDfa {
  readonly nfa: Nfa;
  /** A fresh run: the id of the start state (ids are only valid until the next flush). */
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
 * A lazy DFA of `nfa` caching at most `cacheStates` states (at least 2: the
 * current state and the one being added).
 */
export function lazyDfa(nfa: Nfa, cacheStates = DEFAULT_LAZY_CACHE): LazyDfa {
  const core = subsetCore(nfa);
  const k = nfa.alphabet.classes.length;
  const capacity = Math.max(2, cacheStates);
  const ids = new Map<string, number>();
  let sets: Int32Array[] = [];
  let accepting: boolean[] = [];
  let delta = new Int32Array(Math.min(capacity, 64) * k).fill(UNKNOWN);
  let flushes = 0;
  const startSet = core.start();

  const flush = (): void => {
    ids.clear();
    sets = [];
    accepting = [];
    delta.fill(UNKNOWN);
    flushes++;
  };
  const add = (set: Int32Array): number => {
    if (set.length === 0) return DEAD;
    const key = core.key(set);
    const known = ids.get(key);
    if (known !== undefined) return known;
    if (sets.length >= capacity) flush();
    const id = sets.length;
    ids.set(key, id);
    sets.push(set);
    accepting.push(core.accepting(set));
    if ((id + 1) * k > delta.length) {
      const grown = new Int32Array(Math.min(capacity, 2 * (id + 1)) * k).fill(UNKNOWN);
      grown.set(delta);
      delta = grown;
    }
    return id;
  };
  /** The state after class c from q, building it (and flushing first if the cache is full). */
  const next = (q: number, c: number): number => {
    const known = delta[q * k + c]!;
    if (known !== UNKNOWN) return known;
    const target = core.successor(sets[q]!, c);
    if (target.length === 0) {
      delta[q * k + c] = DEAD;
      return DEAD;
    }
    const existing = ids.get(core.key(target));
    if (existing !== undefined) {
      delta[q * k + c] = existing;
      return existing;
    }
    if (sets.length >= capacity) {
      flush();
      return add(target);
    }
    const id = add(target);
    delta[q * k + c] = id;
    return id;
  };

  const bmp = new Int32Array(0x10000);
  for (let i = 0; i < nfa.alphabet.starts.length; i++) {
    const lo = nfa.alphabet.starts[i]!;
    if (lo > 0xffff) break;
    const hi = i + 1 < nfa.alphabet.starts.length ? Math.min(nfa.alphabet.starts[i + 1]!, 0x10000) : 0x10000;
    bmp.fill(nfa.alphabet.classAt[i]!, lo, hi);
  }

  const lazy: LazyDfa = {
    nfa,
    get flushes() {
      return flushes;
    },
    get cached() {
      return sets.length;
    },
    start() {
      // State ids do not survive a flush, so the run keeps its own *set* and
      // re-adds it when the cache was flushed behind its back.
      let set = startSet;
      let q = add(set);
      let seenFlushes = flushes;
      let pendingHigh = -1;
      const step = (c: number): void => {
        if (q === DEAD) return;
        if (seenFlushes !== flushes) {
          q = add(set);
          seenFlushes = flushes;
        }
        q = next(q, c);
        if (seenFlushes !== flushes) seenFlushes = flushes;
        set = q === DEAD ? set : sets[q]!;
      };
      const classAt = (cp: number): number => (cp < 0x10000 ? bmp[cp]! : classOf(nfa.alphabet, cp));
      return {
        push(s) {
          let i = 0;
          if (pendingHigh >= 0 && s.length > 0) {
            const l = s.charCodeAt(0);
            if (l >= 0xdc00 && l < 0xe000) {
              step(classAt(0x10000 + ((pendingHigh - 0xd800) << 10) + (l - 0xdc00)));
              i = 1;
            } else {
              step(bmp[pendingHigh]!);
            }
            pendingHigh = -1;
          }
          for (; i < s.length && q !== DEAD; i++) {
            const u = s.charCodeAt(i);
            if (u >= 0xd800 && u < 0xdc00) {
              if (i + 1 === s.length) {
                pendingHigh = u;
                return;
              }
              const l = s.charCodeAt(i + 1);
              if (l >= 0xdc00 && l < 0xe000) {
                step(classAt(0x10000 + ((u - 0xd800) << 10) + (l - 0xdc00)));
                i++;
                continue;
              }
            }
            step(bmp[u]!);
          }
        },
        get dead() {
          return q === DEAD;
        },
        accepts() {
          if (pendingHigh >= 0) {
            if (q !== DEAD) step(bmp[pendingHigh]!);
            pendingHigh = -1;
          }
          if (q === DEAD) return false;
          if (seenFlushes !== flushes) {
            q = add(set);
            seenFlushes = flushes;
          }
          return accepting[q]!;
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
