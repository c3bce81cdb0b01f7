/**
 * The subset construction (Rabin–Scott) under a state budget. The result is a
 * *partial* DFA: the empty subset is not a state, so missing transitions are
 * `-1`. States are numbered in breadth-first order from the start (0).
 */
import { limitError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { Dfa } from './dfa.js';
import type { Nfa } from './nfa.js';
import { type BitsetStep, setPool, type SubsetCore, subsetCore } from './subset.js';

/** Called now and then during long constructions, with the states built so far. */
export type Progress = (statesSoFar: number) => void;

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
  let delta = new Int32Array(Math.max(16, k * 16));

  const idOf = (set: Int32Array): number => {
    if (set.length === 0) return -1;
    const key = core.key(set);
    let id = ids.get(key);
    if (id === undefined) {
      id = sets.length;
      if (id >= limits.maxStates) throw limitError('DFA states', 'maxStates', limits.maxStates);
      ids.set(key, id);
      sets.push(set);
    }
    return id;
  };

  idOf(core.start());
  if (sets.length === 0) sets.push(new Int32Array(0)); // start closure is empty only for a stateless NFA
  for (let s = 0; s < sets.length; s++) {
    const next = core.successors(sets[s]!);
    if ((s + 1) * k > delta.length) {
      const grown = new Int32Array(delta.length * 2);
      grown.set(delta);
      delta = grown;
    }
    for (let c = 0; c < k; c++) delta[s * k + c] = idOf(next[c]!);
    if (onProgress !== undefined && (s & 0x3fff) === 0x3fff) onProgress(sets.length);
  }
  const accepting = new Uint8Array(sets.length);
  for (let s = 0; s < sets.length; s++) accepting[s] = core.accepting(sets[s]!) ? 1 : 0;
  return { alphabet: nfa.alphabet, states: sets.length, start: 0, accepting, delta: delta.slice(0, sets.length * k) };
}

/**
 * The same construction on bitset sets, interned in a `SetPool`: successors
 * are written into one scratch buffer and looked up by hashing their words,
 * so a state costs no allocation (sets of the blow-up family's 2^17 states
 * are two or three words each). States are numbered in the same order.
 */
function determinizeBitsets(nfa: Nfa, core: SubsetCore, step: BitsetStep, limits: Limits, onProgress?: Progress): Dfa {
  const k = nfa.alphabet.classes.length;
  const W = step.words;
  const pool = setPool(W);
  const start = core.start();
  if (start.length === 0 || pool.intern(start, 0) < 0) {
    // Start closure is empty only for a stateless NFA: one rejecting state with no edges.
    return { alphabet: nfa.alphabet, states: 1, start: 0, accepting: new Uint8Array(1), delta: new Int32Array(k).fill(-1) };
  }
  const scratch = new Int32Array(k * W);
  let delta = new Int32Array(Math.max(16, k * 16));
  for (let s = 0; s < pool.size; s++) {
    step.successorsAt(pool.data(), s * W, scratch);
    if ((s + 1) * k > delta.length) {
      const grown = new Int32Array(delta.length * 2);
      grown.set(delta);
      delta = grown;
    }
    for (let c = 0; c < k; c++) {
      const id = pool.intern(scratch, c * W);
      if (id >= limits.maxStates) throw limitError('DFA states', 'maxStates', limits.maxStates);
      delta[s * k + c] = id;
    }
    if (onProgress !== undefined && (s & 0x3fff) === 0x3fff) onProgress(pool.size);
  }
  const n = pool.size;
  const accepting = new Uint8Array(n);
  const data = pool.data();
  for (let s = 0; s < n; s++) accepting[s] = step.acceptingAt(data, s * W) ? 1 : 0;
  return { alphabet: nfa.alphabet, states: n, start: 0, accepting, delta: delta.slice(0, n * k) };
}
