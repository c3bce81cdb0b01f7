/**
 * Counting, enumerating and sampling members by length. Strings are sequences
 * of code points, so a transition on class c stands for |c| letters: counts
 * weigh each class by its size (arbitrary precision, BigInt).
 */
import { size } from '../alphabet/charset.js';
import { limitError } from '../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';
import { type Dfa, complete } from './dfa.js';
import { isFinite } from './ops.js';

/** Code points per class. */
function classSizes(dfa: Dfa): bigint[] {
  return dfa.alphabet.classes.map((c) => BigInt(size(c)));
}

/**
 * `table[r][q]`: the number of strings of length r that lead from q to
 * acceptance, for r = 0..length. O(length · states · classes) BigInt steps.
 */
export function completionCounts(dfa0: Dfa, length: number): bigint[][] {
  const dfa = complete(dfa0);
  const k = dfa.alphabet.classes.length;
  const sizes = classSizes(dfa);
  const table: bigint[][] = [Array.from(dfa.accepting, (a) => (a ? 1n : 0n))];
  for (let r = 1; r <= length; r++) {
    const prev = table[r - 1]!;
    const row = new Array<bigint>(dfa.states);
    for (let q = 0; q < dfa.states; q++) {
      let sum = 0n;
      for (let c = 0; c < k; c++) {
        const t = prev[dfa.delta[q * k + c]!]!;
        if (t !== 0n) sum += t * sizes[c]!;
      }
      row[q] = sum;
    }
    table.push(row);
  }
  return table;
}

/** The exact number of members of length `length`. */
export function countMembers(dfa: Dfa, length: number, limits: Limits = DEFAULT_LIMITS): bigint {
  if (length > limits.maxEnumLength) throw limitError('length', 'maxEnumLength', limits.maxEnumLength);
  return completionCounts(dfa, length)[length]![complete(dfa).start]!;
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
        yield String.fromCodePoint(...cps);
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
