/**
 * The one subset-construction step shared by the full determinization
 * (`determinize`) and the lazy, cached determinization used for membership
 * when the full DFA would be too big. Keeping one core means the two cannot
 * drift apart.
 *
 * A DFA state is a set of NFA *kernel* states: states with a labelled edge or
 * acceptance. ε-only states are followed by the closure and then dropped,
 * since they never influence a later step. Sets are opaque `Int32Array`s:
 * for NFAs of up to `BITSET_LIMIT` kernel states they are bitsets (union is a
 * word-wise OR of precomputed closures, so a step costs a few machine words per
 * NFA edge); for larger NFAs they are sorted arrays of kernel ids, with
 * closures computed on the fly. The empty set is always a zero-length array.
 */
import type { Nfa } from './nfa.js';

export interface SubsetCore {
  readonly nfa: Nfa;
  /** The ε-closure of the NFA start. */
  start(): Int32Array;
  /** Per class, the set reached from `set` (all classes in one pass). */
  successors(set: Int32Array): Int32Array[];
  /** The set reached from `set` on one class. */
  successor(set: Int32Array, cls: number): Int32Array;
  /** Whether the set contains an accepting NFA state. */
  accepting(set: Int32Array): boolean;
  /** A string key identifying the set (for hash maps). */
  key(set: Int32Array): string;
  /** The NFA states in the set, ascending. */
  members(set: Int32Array): number[];
}

/** Kernel sizes up to which sets are bitsets (64 words per set at most). */
export const BITSET_LIMIT = 2048;

const EMPTY = new Int32Array(0);

/** Kernel numbering and an on-the-fly ε-closure over kernel ids. */
function kernelOf(nfa: Nfa) {
  const n = nfa.states;
  const kid = new Int32Array(n).fill(-1);
  const states: number[] = [];
  for (let q = 0; q < n; q++) {
    if (nfa.edges[q]!.length > 0 || nfa.accepting[q] === 1) {
      kid[q] = states.length;
      states.push(q);
    }
  }
  // Generation-stamped marks avoid clearing an n-sized array per closure.
  const mark = new Uint32Array(n);
  let generation = 0;
  const stack = new Int32Array(n);
  const out: number[] = [];
  /** Sorted kernel ids of the ε-closure of `seeds[0..count)`. */
  const closure = (seeds: ArrayLike<number>, count: number): Int32Array => {
    if (++generation === 0xffffffff) {
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
      if (kid[q]! >= 0) out.push(kid[q]!);
      const eps = nfa.epsilon[q]!;
      for (let i = 0; i < eps.length; i++) {
        const t = eps[i]!;
        if (mark[t] !== generation) {
          mark[t] = generation;
          stack[top++] = t;
        }
      }
    }
    return Int32Array.from(out).sort();
  };
  return { kid, states, closure };
}

function keyOf(set: Int32Array): string {
  // Two UTF-16 units per 32-bit word: compact and collision-free.
  const u16 = new Uint16Array(set.buffer, set.byteOffset, set.length * 2);
  let s = '';
  for (let i = 0; i < u16.length; i += 4096) s += String.fromCharCode.apply(null, u16.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/** The subset step for `nfa`; `bitsetLimit` picks the representation (tests force either). */
export function subsetCore(nfa: Nfa, bitsetLimit: number = BITSET_LIMIT): SubsetCore {
  const kernel = kernelOf(nfa);
  return kernel.states.length <= bitsetLimit ? bitsetCore(nfa, kernel) : sparseCore(nfa, kernel);
}

function bitsetCore(nfa: Nfa, kernel: ReturnType<typeof kernelOf>): SubsetCore {
  const k = nfa.alphabet.classes.length;
  const K = kernel.states.length;
  const W = Math.max(1, Math.ceil(K / 32));
  // Closure bitset of every NFA edge target, computed once per target.
  const closureBits = new Map<number, Int32Array>();
  const bitsOf = (q: number): Int32Array => {
    let bits = closureBits.get(q);
    if (bits === undefined) {
      bits = new Int32Array(W);
      for (const id of kernel.closure([q], 1)) bits[id >>> 5]! |= 1 << (id & 31);
      closureBits.set(q, bits);
    }
    return bits;
  };
  // Per kernel state: its edges as [class, closure bitset] pairs.
  const edgeClass: Int32Array[] = [];
  const edgeBits: Int32Array[][] = [];
  for (const q of kernel.states) {
    const e = nfa.edges[q]!;
    const cls = new Int32Array(e.length / 2);
    const bits: Int32Array[] = [];
    for (let j = 0; j < e.length; j += 2) {
      cls[j / 2] = e[j]!;
      bits.push(bitsOf(e[j + 1]!));
    }
    edgeClass.push(cls);
    edgeBits.push(bits);
  }
  const acceptBits = new Int32Array(W);
  kernel.states.forEach((q, id) => {
    if (nfa.accepting[q]) acceptBits[id >>> 5]! |= 1 << (id & 31);
  });
  const scratch = new Int32Array(k * W);
  const touched = new Uint8Array(k);

  const finish = (acc: Int32Array, from: number): Int32Array => {
    for (let w = 0; w < W; w++) if (acc[from + w] !== 0) return acc.slice(from, from + W);
    return EMPTY;
  };
  const forEachMember = (set: Int32Array, f: (id: number) => void): void => {
    for (let w = 0; w < set.length; w++) {
      let word = set[w]!;
      while (word !== 0) {
        const low = word & -word;
        f((w << 5) + 31 - Math.clz32(low));
        word ^= low;
      }
    }
  };
  const startSet = (): Int32Array => {
    const acc = new Int32Array(W);
    for (const id of kernel.closure([nfa.start], 1)) acc[id >>> 5]! |= 1 << (id & 31);
    return finish(acc, 0);
  };

  return {
    nfa,
    start: startSet,
    successors(set) {
      scratch.fill(0);
      touched.fill(0);
      forEachMember(set, (id) => {
        const cls = edgeClass[id]!;
        const bits = edgeBits[id]!;
        for (let j = 0; j < cls.length; j++) {
          const base = cls[j]! * W;
          const b = bits[j]!;
          for (let w = 0; w < W; w++) scratch[base + w]! |= b[w]!;
          touched[cls[j]!] = 1;
        }
      });
      const out: Int32Array[] = new Array(k);
      for (let c = 0; c < k; c++) out[c] = touched[c] ? finish(scratch, c * W) : EMPTY;
      return out;
    },
    successor(set, c) {
      const acc = new Int32Array(W);
      forEachMember(set, (id) => {
        const cls = edgeClass[id]!;
        for (let j = 0; j < cls.length; j++) {
          if (cls[j] !== c) continue;
          const b = edgeBits[id]![j]!;
          for (let w = 0; w < W; w++) acc[w]! |= b[w]!;
        }
      });
      return finish(acc, 0);
    },
    accepting(set) {
      for (let w = 0; w < set.length; w++) if ((set[w]! & acceptBits[w]!) !== 0) return true;
      return false;
    },
    key: keyOf,
    members(set) {
      const out: number[] = [];
      forEachMember(set, (id) => out.push(kernel.states[id]!));
      return out;
    },
  };
}

function sparseCore(nfa: Nfa, kernel: ReturnType<typeof kernelOf>): SubsetCore {
  const k = nfa.alphabet.classes.length;
  const buckets: number[][] = Array.from({ length: k }, () => []);
  const closure = (targets: number[]): Int32Array => (targets.length === 0 ? EMPTY : kernel.closure(targets, targets.length));
  return {
    nfa,
    start: () => closure([nfa.start]),
    successors(set) {
      for (const bucket of buckets) bucket.length = 0;
      for (let i = 0; i < set.length; i++) {
        const e = nfa.edges[kernel.states[set[i]!]!]!;
        for (let j = 0; j < e.length; j += 2) buckets[e[j]!]!.push(e[j + 1]!);
      }
      return buckets.map(closure);
    },
    successor(set, cls) {
      const targets: number[] = [];
      for (let i = 0; i < set.length; i++) {
        const e = nfa.edges[kernel.states[set[i]!]!]!;
        for (let j = 0; j < e.length; j += 2) if (e[j] === cls) targets.push(e[j + 1]!);
      }
      return closure(targets);
    },
    accepting(set) {
      for (let i = 0; i < set.length; i++) if (nfa.accepting[kernel.states[set[i]!]!]) return true;
      return false;
    },
    key: keyOf,
    members: (set) => Array.from(set, (id) => kernel.states[id]!),
  };
}
