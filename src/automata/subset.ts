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

/** The subset step of one NFA: start set, successors, acceptance, keys. */
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
  /** The allocation-free form of the step, for bitset sets (null for the sparse core). */
  readonly bitset: BitsetStep | null;
}

/**
 * The subset step on bitsets of a fixed width, reading sets where they are
 * stored (`pool[at .. at + words)`, e.g. in a `RowInterner`) and writing
 * successors into a caller's buffer: no set is allocated per step. It is the
 * same step as `successors` (tested to agree).
 */
export interface BitsetStep {
  /** 32-bit words per set. */
  readonly words: number;
  /** Writes the successor of `pool[at ..]` on class c to `out[c * words ..]` for every class (all-zero words: the empty set). */
  successorsAt(pool: Int32Array, at: number, out: Int32Array): void;
  /** Writes the successor of `pool[at ..]` on class `c` alone to `out[0 .. words)`. */
  successorAt(pool: Int32Array, at: number, c: number, out: Int32Array): void;
  /** Whether `pool[at ..]` contains an accepting NFA state. */
  acceptingAt(pool: Int32Array, at: number): boolean;
}

/** Whether the bitset `src[from .. from + words)` is the empty set (all words zero). */
export function isEmptySet(src: Int32Array, from: number, words: number): boolean {
  for (let x = 0; x < words; x++) if (src[from + x] !== 0) return false;
  return true;
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
  for (let i = 0; i < u16.length; i += 4096)
    s += String.fromCharCode.apply(null, u16.subarray(i, i + 4096) as unknown as number[]);
  return s;
}

/**
 * Most 32-bit words of byte tables (`successorAt`) built for one NFA: per
 * class, word and byte of a set, the union of the closures reached from
 * every value of that byte (256 × words entries). 2^20 words is 4 MiB,
 * enough for NFAs of up to about 128 kernel states over a dozen classes.
 */
export const BYTE_TABLE_WORDS = 1 << 20;

/**
 * The subset step for `nfa`. `bitsetLimit` picks the representation and
 * `byteTableWords` bounds the byte tables of the bitset step (tests force
 * each choice).
 */
export function subsetCore(
  nfa: Nfa,
  bitsetLimit: number = BITSET_LIMIT,
  byteTableWords: number = BYTE_TABLE_WORDS,
): SubsetCore {
  const kernel = kernelOf(nfa);
  return kernel.states.length <= bitsetLimit ? bitsetCore(nfa, kernel, byteTableWords) : sparseCore(nfa, kernel);
}

function bitsetCore(nfa: Nfa, kernel: ReturnType<typeof kernelOf>, byteTableWords: number): SubsetCore {
  const k = nfa.alphabet.classes.length;
  const K = kernel.states.length;
  const W = Math.max(1, Math.ceil(K / 32));
  // Edges of kernel states in CSR form by kernel id: the class of each edge
  // (pre-multiplied by W, an offset into a per-class buffer) and the offset
  // of its target's closure bitset in `closureWords` (one per distinct target).
  const closureAt = new Map<number, number>();
  const closures: number[] = [];
  const edgeStart = new Int32Array(K + 1);
  const flatClass: number[] = [];
  const flatClosure: number[] = [];
  for (let id = 0; id < K; id++) {
    const e = nfa.edges[kernel.states[id]!]!;
    for (let j = 0; j < e.length; j += 2) {
      const target = e[j + 1]!;
      let at = closureAt.get(target);
      if (at === undefined) {
        at = closures.length;
        closureAt.set(target, at);
        for (let w = 0; w < W; w++) closures.push(0);
        for (const member of kernel.closure([target], 1)) closures[at + (member >>> 5)]! |= 1 << (member & 31);
      }
      flatClass.push(e[j]! * W);
      flatClosure.push(at);
    }
    edgeStart[id + 1] = flatClass.length;
  }
  const closureWords = Int32Array.from(closures);
  const edgeBase = Int32Array.from(flatClass);
  const edgeClosure = Int32Array.from(flatClosure);
  const acceptBits = new Int32Array(W);
  kernel.states.forEach((q, id) => {
    if (nfa.accepting[q]) acceptBits[id >>> 5]! |= 1 << (id & 31);
  });
  const scratch = new Int32Array(k * W);
  // Built on the first single-class step (the full determinization never takes one).
  let tables: Int32Array | null | undefined;

  /**
   * Per class c, word w and byte b of a set: at value v, the union of the
   * closures reached on c from the members that byte holds. Built from the
   * lowest set bit up: union(v) = union(v without its lowest bit) ∪ closure(that bit).
   */
  function byteTables(): Int32Array {
    const out = new Int32Array(k * W * 4 * 256 * W);
    for (let id = 0; id < K; id++) {
      const w = id >>> 5;
      const b = (id & 31) >>> 3;
      const bit = id & 7;
      for (let e = edgeStart[id]!; e < edgeStart[id + 1]!; e++) {
        const c = edgeBase[e]! / W;
        const from = edgeClosure[e]!;
        // The single-bit entry of this member; the unions are filled below.
        const at = (((c * W + w) * 4 + b) * 256 + (1 << bit)) * W;
        for (let x = 0; x < W; x++) out[at + x]! |= closureWords[from + x]!;
      }
    }
    for (let row = 0; row < k * W * 4; row++) {
      const base = row * 256 * W;
      for (let v = 3; v < 256; v++) {
        const low = v & -v;
        if (low === v) continue;
        const a = base + (v ^ low) * W;
        const l = base + low * W;
        const to = base + v * W;
        for (let x = 0; x < W; x++) out[to + x] = out[a + x]! | out[l + x]!;
      }
    }
    return out;
  }

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
  const bitset: BitsetStep = {
    words: W,
    successorsAt(pool, at, out) {
      out.fill(0, 0, k * W);
      for (let w = 0; w < W; w++) {
        let word = pool[at + w]!;
        while (word !== 0) {
          const low = word & -word;
          word ^= low;
          const id = (w << 5) + 31 - Math.clz32(low);
          for (let e = edgeStart[id]!; e < edgeStart[id + 1]!; e++) {
            const base = edgeBase[e]!;
            const from = edgeClosure[e]!;
            for (let x = 0; x < W; x++) out[base + x]! |= closureWords[from + x]!;
          }
        }
      }
    },
    successorAt(pool, at, c, out) {
      if (tables === undefined) tables = k * W * 4 * 256 * W <= byteTableWords ? byteTables() : null;
      if (tables !== null) {
        // Four table lookups per word of the set, each the union for one byte of it.
        out.fill(0, 0, W);
        for (let w = 0; w < W; w++) {
          const word = pool[at + w]!;
          if (word === 0) continue;
          const row = (c * W + w) * 4;
          for (let b = 0; b < 4; b++) {
            const v = (word >>> (b << 3)) & 0xff;
            if (v === 0) continue;
            const from = ((row + b) * 256 + v) * W;
            for (let x = 0; x < W; x++) out[x]! |= tables[from + x]!;
          }
        }
        return;
      }
      out.fill(0, 0, W);
      const base = c * W;
      for (let w = 0; w < W; w++) {
        let word = pool[at + w]!;
        while (word !== 0) {
          const low = word & -word;
          word ^= low;
          const id = (w << 5) + 31 - Math.clz32(low);
          for (let e = edgeStart[id]!; e < edgeStart[id + 1]!; e++) {
            if (edgeBase[e] !== base) continue;
            const from = edgeClosure[e]!;
            for (let x = 0; x < W; x++) out[x]! |= closureWords[from + x]!;
          }
        }
      }
    },
    acceptingAt(pool, at) {
      for (let w = 0; w < W; w++) if ((pool[at + w]! & acceptBits[w]!) !== 0) return true;
      return false;
    },
  };

  return {
    nfa,
    start: startSet,
    successors(set) {
      if (set.length === 0) return Array.from({ length: k }, () => EMPTY);
      bitset.successorsAt(set, 0, scratch);
      return Array.from({ length: k }, (_, c) => finish(scratch, c * W));
    },
    successor(set, c) {
      if (set.length === 0) return EMPTY;
      const acc = new Int32Array(W);
      bitset.successorAt(set, 0, c, acc);
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
    bitset,
  };
}

function sparseCore(nfa: Nfa, kernel: ReturnType<typeof kernelOf>): SubsetCore {
  const k = nfa.alphabet.classes.length;
  const buckets: number[][] = Array.from({ length: k }, () => []);
  const closure = (targets: number[]): Int32Array =>
    targets.length === 0 ? EMPTY : kernel.closure(targets, targets.length);
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
    bitset: null,
  };
}
