/**
 * The breadth-first crawl that builds every derived automaton (the subset
 * construction, on key-interned and on bitset-interned sets, products, and
 * the transition monoid, whose states are its elements): states are
 * discovered by interning, numbered in order of discovery, and each state's
 * row of the transition table is filled by `follow`, which interns the
 * targets (so the crawl goes on until no new state appears). The table grows
 * by doubling; `onProgress` hears the state count now and then; the budget
 * (DFA states, or monoid elements) is `withinBudget`'s, called by each
 * interner on the ids it hands out.
 */
import { limitError } from '../errors.js';
import type { Limits } from '../limits.js';

/** Called now and then during long constructions, with the states built so far. */
export type Progress = (statesSoFar: number) => void;

/**
 * The transition table (row-major, `k` classes) of the states reachable from
 * those already interned: `follow(s, delta, s·k)` writes the `k` targets of
 * state `s`, interning new states as it goes; `states()` is how many there
 * are so far.
 */
export function crawl(
  k: number,
  states: () => number,
  follow: (s: number, delta: Int32Array, at: number) => void,
  onProgress?: Progress,
): Int32Array {
  let delta = new Int32Array(Math.max(16, k * 16));
  for (let s = 0; s < states(); s++) {
    if ((s + 1) * k > delta.length) {
      const grown = new Int32Array(delta.length * 2);
      grown.set(delta);
      delta = grown;
    }
    follow(s, delta, s * k);
    if (onProgress !== undefined && (s & 0x3fff) === 0x3fff) onProgress(states());
  }
  return delta.slice(0, states() * k);
}

/** What each crawl budget counts, as limit errors name it. */
const BUDGETS = { maxStates: 'DFA states', maxMonoid: 'transition monoid size' } as const;

/** The limits that bound a crawl: DFA states (subset constructions, products) or monoid elements. */
export type Budget = keyof typeof BUDGETS;

/** `id` if it is within the budget (DFA states unless told otherwise); else that limit's error. */
export function withinBudget(id: number, limits: Limits, budget: Budget = 'maxStates'): number {
  if (id >= limits[budget]) throw limitError(BUDGETS[budget], budget, limits[budget]);
  return id;
}
