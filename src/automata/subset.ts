/**
 * The one subset-construction step shared by the full determinization
 * (`determinize`) and the lazy, cached determinization used for membership
 * when the full DFA would be too big. Keeping one core means the two cannot
 * drift apart.
 *
 * A DFA state is a sorted `Int32Array` of NFA *kernel* states: states with a
 * labelled edge or acceptance. ε-only states are followed by the closure and
 * then dropped, since they never influence a later step.
 */
import type { Nfa } from './nfa.js';

export interface SubsetCore {
  readonly nfa: Nfa;
  /** The ε-closure of the NFA start, as a kernel set. */
  start(): Int32Array;
  /** Per class, the kernel set reached from `set` (all classes in one pass). */
  successors(set: Int32Array): Int32Array[];
  /** The kernel set reached from `set` on one class. */
  successor(set: Int32Array, cls: number): Int32Array;
  /** Whether the set contains an accepting NFA state. */
  accepting(set: Int32Array): boolean;
  /** A string key identifying the set (for hash maps). */
  key(set: Int32Array): string;
}

export function subsetCore(nfa: Nfa): SubsetCore {
  const n = nfa.states;
  const k = nfa.alphabet.classes.length;
  const kernel = new Uint8Array(n);
  for (let q = 0; q < n; q++) kernel[q] = nfa.edges[q]!.length > 0 || nfa.accepting[q] === 1 ? 1 : 0;
  // Generation-stamped marks avoid clearing an n-sized array per closure.
  const mark = new Uint32Array(n);
  let generation = 0;
  const stack = new Int32Array(n);
  const out: number[] = [];

  /** ε-closure of the seeds, restricted to kernel states, sorted. */
  const closure = (seeds: ArrayLike<number>, count: number): Int32Array => {
    generation++;
    if (generation === 0xffffffff) {
      mark.fill(0);
      generation = 1;
    }
    let top = 0;
    out.length = 0;
    for (let i = 0; i < count; i++) {
      const s = seeds[i]!;
      if (mark[s] !== generation) {
        mark[s] = generation;
        stack[top++] = s;
      }
    }
    while (top > 0) {
      const q = stack[--top]!;
      if (kernel[q]) out.push(q);
      const eps = nfa.epsilon[q]!;
      for (let i = 0; i < eps.length; i++) {
        const t = eps[i]!;
        if (mark[t] !== generation) {
          mark[t] = generation;
          stack[top++] = t;
        }
      }
    }
    const set = Int32Array.from(out);
    return set.sort();
  };

  const buckets: number[][] = Array.from({ length: k }, () => []);

  return {
    nfa,
    start: () => closure([nfa.start], 1),
    successors(set) {
      for (const bucket of buckets) bucket.length = 0;
      for (let i = 0; i < set.length; i++) {
        const e = nfa.edges[set[i]!]!;
        for (let j = 0; j < e.length; j += 2) buckets[e[j]!]!.push(e[j + 1]!);
      }
      return buckets.map((bucket) => closure(bucket, bucket.length));
    },
    successor(set, cls) {
      const targets: number[] = [];
      for (let i = 0; i < set.length; i++) {
        const e = nfa.edges[set[i]!]!;
        for (let j = 0; j < e.length; j += 2) if (e[j] === cls) targets.push(e[j + 1]!);
      }
      return closure(targets, targets.length);
    },
    accepting(set) {
      for (let i = 0; i < set.length; i++) if (nfa.accepting[set[i]!]) return true;
      return false;
    },
    key(set) {
      // Two UTF-16 units per state id: a compact, collision-free key.
      let s = '';
      for (let i = 0; i < set.length; i++) {
        const v = set[i]!;
        s += String.fromCharCode(v >>> 16, v & 0xffff);
      }
      return s;
    },
  };
}
