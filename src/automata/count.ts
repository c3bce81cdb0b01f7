/**
 * Counting, enumerating and sampling members by length. Strings are sequences
 * of code points, so a transition on class c stands for |c| letters: counts
 * weigh each class by its size (arbitrary precision, BigInt).
 */
import { size } from '../alphabet/charset.js';
import { limitError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { type Dfa, complete } from './dfa.js';
import { liveStates } from './fromRegex.js';
import { isFinite } from './ops.js';

/**
 * The transitions that matter for counting, grouped by target: for each
 * state q, `targets[offsets[q]..offsets[q+1])` are the live states it moves
 * to and `weights[…]` how many code points lead there. Dead targets count
 * nothing and are left out, so a step costs one BigInt product per distinct
 * live target instead of one per class.
 */
export interface CountingEdges {
  readonly states: number;
  readonly offsets: Int32Array;
  readonly targets: Int32Array;
  readonly weights: readonly bigint[];
}

/** The live transitions of `dfa` grouped by target (see `CountingEdges`). */
export function countingEdges(dfa: Dfa): CountingEdges {
  const k = dfa.alphabet.classes.length;
  const live = liveStates(dfa);
  const sizes = dfa.alphabet.classes.map(size);
  const offsets = new Int32Array(dfa.states + 1);
  const targets: number[] = [];
  const weights: bigint[] = [];
  const weightOf = new Map<number, number>();
  for (let q = 0; q < dfa.states; q++) {
    weightOf.clear();
    if (live[q]) {
      for (let c = 0; c < k; c++) {
        const t = dfa.delta[q * k + c]!;
        if (t >= 0 && live[t]) weightOf.set(t, (weightOf.get(t) ?? 0) + sizes[c]!);
      }
    }
    for (const [t, w] of weightOf) {
      targets.push(t);
      weights.push(BigInt(w));
    }
    offsets[q + 1] = targets.length;
  }
  return { states: dfa.states, offsets, targets: Int32Array.from(targets), weights };
}

/** Layer 0 of the completion counts: 1 for accepting states, else 0. */
export function acceptingLayer(dfa: Dfa): bigint[] {
  return Array.from(dfa.accepting, (a) => (a ? 1n : 0n));
}

/**
 * One layer up: from the numbers of strings of length r leading from each
 * state to acceptance, those of length r + 1.
 */
export function nextLayer(edges: CountingEdges, prev: readonly bigint[]): bigint[] {
  const { offsets, targets, weights } = edges;
  const row: bigint[] = new Array<bigint>(edges.states);
  for (let q = 0; q < edges.states; q++) {
    let sum = 0n;
    for (let e = offsets[q]!; e < offsets[q + 1]!; e++) {
      const t = prev[targets[e]!]!;
      if (t === 0n) continue;
      const w = weights[e]!;
      sum += w === 1n ? t : t * w;
    }
    row[q] = sum;
  }
  return row;
}

/**
 * Counting and sampling fill a table of states × (length + 1) big numbers
 * whose sizes grow with the length, so their work grows as states × length².
 * The product states × length, times `cost` (1 for counting; sampling
 * recomputes the table from checkpoints and keeps many of its layers alive,
 * which costs about four counts), is the budget named by `--max-count-cells`.
 */
export function checkCountBudget(dfa: Dfa, length: number, limits: Limits, cost = 1): void {
  if (length > limits.maxEnumLength) throw limitError('length', 'maxEnumLength', limits.maxEnumLength);
  const cells = dfa.states * (length + 1) * cost;
  if (cells > limits.maxCountCells) {
    const times = cost === 1 ? '' : `, ${cost} times over to sample`;
    throw limitError(
      `counting table (${dfa.states.toLocaleString('en-US')} states × length ${(length + 1).toLocaleString('en-US')}${times})`,
      'maxCountCells',
      limits.maxCountCells,
    );
  }
}

/**
 * The exact number of members of length `length`. Keeps one layer of the
 * completion counts at a time, so memory is O(states × number size), not
 * O(states × length × number size).
 */
export function countMembers(dfa: Dfa, length: number, limits: Limits = DEFAULT_LIMITS): bigint {
  checkCountBudget(dfa, length, limits);
  const edges = countingEdges(dfa);
  let layer = acceptingLayer(dfa);
  for (let r = 1; r <= length; r++) layer = nextLayer(edges, layer);
  return layer[dfa.start]!;
}

/**
 * The length of the longest member: `Infinity` for an infinite language,
 * -1 for the empty one. Lets `enum` tell "no more members" from "the next
 * members are longer than the enumeration limit".
 */
export function longestMemberLength(dfa: Dfa): number {
  const live = liveStates(dfa);
  if (!live[dfa.start]) return -1;
  if (!isFinite(dfa)) return Infinity;
  // The live part is acyclic: longest path by an iterative post-order DFS.
  const k = dfa.alphabet.classes.length;
  const longest = new Int32Array(dfa.states).fill(-2); // -2 = not visited yet
  const stack: number[] = [dfa.start];
  while (stack.length > 0) {
    const q = stack[stack.length - 1]!;
    let pending = false;
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t >= 0 && live[t] && longest[t] === -2) {
        stack.push(t);
        pending = true;
      }
    }
    if (pending) continue;
    stack.pop();
    let best = dfa.accepting[q] ? 0 : -1;
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t >= 0 && live[t] && longest[t]! >= 0) best = Math.max(best, longest[t]! + 1);
    }
    longest[q] = best;
  }
  return longest[dfa.start]!;
}

/**
 * Members in shortlex order (by length, then code point by code point),
 * lazily. Stops after the longest member of a finite language, or at
 * `maxLength` (default `limits.maxEnumLength`).
 */
export function* enumerate(dfa0: Dfa, maxLength: number = DEFAULT_LIMITS.maxEnumLength): Generator<string> {
  const dfa = complete(dfa0);
  const k = dfa.alphabet.classes.length;
  const { starts, classAt } = dfa.alphabet;
  const n = dfa.states;
  // canReach[r][q]: some string of length exactly r leads from q to acceptance.
  const canReach: Uint8Array[] = [Uint8Array.from(dfa.accepting)];
  const next = (r: number): Uint8Array => {
    while (canReach.length <= r) {
      const prev = canReach[canReach.length - 1]!;
      const row = new Uint8Array(n);
      for (let q = 0; q < n; q++) for (let c = 0; c < k && !row[q]; c++) row[q] = prev[dfa.delta[q * k + c]!]!;
      canReach.push(row);
    }
    return canReach[r]!;
  };
  // A finite language has no member as long as its number of states.
  const last = isFinite(dfa) ? Math.min(maxLength, n - 1) : maxLength;
  for (let len = 0; len <= last; len++) {
    if (!next(len)[dfa.start]) continue;
    // Depth-first in code-point order over the intervals of the partition.
    const cps: number[] = [];
    const path: number[] = [dfa.start];
    const iv: number[] = [0];
    const cp: number[] = [starts[0]!];
    while (path.length > 0) {
      const depth = path.length - 1;
      if (depth === len) {
        yield fromCodePoints(cps);
        path.pop();
        iv.pop();
        cp.pop();
        cps.pop();
        continue;
      }
      const q = path[depth]!;
      const need = next(len - depth - 1);
      // Advance to the next code point whose successor can still finish.
      let i = iv[depth]!;
      let c = cp[depth]!;
      let found = false;
      while (i < starts.length) {
        const hi = i + 1 < starts.length ? starts[i + 1]! - 1 : 0x10ffff;
        if (c > hi) {
          i++;
          if (i < starts.length) c = starts[i]!;
          continue;
        }
        const t = dfa.delta[q * k + classAt[i]!]!;
        if (need[t]) {
          found = true;
          break;
        }
        i++;
        if (i < starts.length) c = starts[i]!;
      }
      if (!found) {
        path.pop();
        iv.pop();
        cp.pop();
        cps.pop();
        continue;
      }
      iv[depth] = i;
      cp[depth] = c + 1;
      cps.push(c);
      path.push(dfa.delta[q * k + classAt[i]!]!);
      iv.push(0);
      cp.push(starts[0]!);
    }
  }
}

/** A string of code points, built in slices (spreading a long array overflows the argument limit). */
export function fromCodePoints(cps: readonly number[]): string {
  let out = '';
  for (let i = 0; i < cps.length; i += 4096) out += String.fromCodePoint(...cps.slice(i, i + 4096));
  return out;
}
