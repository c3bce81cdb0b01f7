/**
 * The subset construction (Rabin–Scott) under a state budget. The result is a
 * *partial* DFA: the empty subset is not a state, so missing transitions are
 * `-1`. States are numbered in breadth-first order from the start (0).
 */
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { crawl, type Progress, withinBudget } from './crawl.js';
import type { Dfa } from './dfa.js';
import type { Nfa } from './nfa.js';
import { rowInterner } from './rows.js';
import { type BitsetStep, isEmptySet, type SubsetCore, subsetCore } from './subset.js';

export type { Progress } from './crawl.js';

/**
 * The subset construction of `nfa`: a partial DFA (no empty-subset state),
 * states in breadth-first order. Stops with a `limit` error past
 * `limits.maxStates`; calls `onProgress` now and then on long runs.
 */
export function determinize(
  nfa: Nfa,
  limits: Limits = DEFAULT_LIMITS,
  onProgress?: Progress,
  core: SubsetCore = subsetCore(nfa),
): Dfa {
  if (core.bitset !== null) return determinizeBitsets(nfa, core, core.bitset, limits, onProgress);
  const k = nfa.alphabet.classes.length;
  const ids = new Map<string, number>();
  const sets: Int32Array[] = [];

  const idOf = (set: Int32Array): number => {
    if (set.length === 0) return -1;
    const key = core.key(set);
    let id = ids.get(key);
    if (id === undefined) {
      id = withinBudget(sets.length, limits);
      ids.set(key, id);
      sets.push(set);
    }
    return id;
  };

  idOf(core.start());
  if (sets.length === 0) sets.push(new Int32Array(0)); // start closure is empty only for a stateless NFA
  const delta = crawl(
    k,
    () => sets.length,
    (s, row, at) => {
      const next = core.successors(sets[s]!);
      for (let c = 0; c < k; c++) row[at + c] = idOf(next[c]!);
    },
    onProgress,
  );
  const accepting = new Uint8Array(sets.length);
  for (let s = 0; s < sets.length; s++) accepting[s] = core.accepting(sets[s]!) ? 1 : 0;
  return { alphabet: nfa.alphabet, states: sets.length, start: 0, accepting, delta };
}

/**
 * The same construction on bitset sets, interned as rows (`rows.ts`): successors
 * are written into one scratch buffer and looked up by hashing their words,
 * so a state costs no allocation (sets of the blow-up family's 2^17 states
 * are two or three words each). States are numbered in the same order.
 */
function determinizeBitsets(nfa: Nfa, core: SubsetCore, step: BitsetStep, limits: Limits, onProgress?: Progress): Dfa {
  const k = nfa.alphabet.classes.length;
  const W = step.words;
  const pool = rowInterner(W);
  const start = core.start();
  if (start.length === 0 || isEmptySet(start, 0, W)) {
    // Start closure is empty only for a stateless NFA: one rejecting state with no edges.
    return {
      alphabet: nfa.alphabet,
      states: 1,
      start: 0,
      accepting: new Uint8Array(1),
      delta: new Int32Array(k).fill(-1),
    };
  }
  const scratch = new Int32Array(k * W);
  pool.intern(start, 0);
  const delta = crawl(
    k,
    () => pool.size,
    (s, row, at) => {
      step.successorsAt(pool.data(), s * W, scratch);
      for (let c = 0; c < k; c++) {
        row[at + c] = isEmptySet(scratch, c * W, W) ? -1 : withinBudget(pool.intern(scratch, c * W), limits);
      }
    },
    onProgress,
  );
  const n = pool.size;
  const accepting = new Uint8Array(n);
  const data = pool.data();
  for (let s = 0; s < n; s++) accepting[s] = step.acceptingAt(data, s * W) ? 1 : 0;
  return { alphabet: nfa.alphabet, states: n, start: 0, accepting, delta };
}
