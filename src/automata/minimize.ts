/**
 * Hopcroft's minimization (J. Hopcroft, "An n log n algorithm for minimizing
 * states in a finite automaton", 1971), in the partition-refinement form with
 * inverse transitions per class: O(k·n·log n).
 *
 * The result is the minimal *complete* DFA in canonical form: states numbered
 * in breadth-first order from the start (classes in order), with the dead
 * state, if any, moved last. Two DFAs of the same language over the same
 * alphabet therefore minimize to identical tables.
 */
import { type CompleteDfa, type Dfa, complete, deadState } from './dfa.js';

/** The minimal complete DFA of the same language, canonically numbered (see the module comment). */
export function minimize(input: Dfa): CompleteDfa {
  // The reachable part of a complete DFA is complete.
  const dfa = reachable(complete(input)) as CompleteDfa;
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const { delta } = dfa;

  // Inverse transitions in CSR form: preds of t on c are
  // invList[invStart[c*n+t] .. invStart[c*n+t+1]).
  const invStart = new Int32Array(k * n + 1);
  for (let q = 0; q < n; q++) for (let c = 0; c < k; c++) invStart[c * n + delta[q * k + c]! + 1]!++;
  for (let i = 0; i < k * n; i++) invStart[i + 1]! += invStart[i]!;
  const fill = invStart.slice(0, k * n);
  const invList = new Int32Array(k * n);
  for (let q = 0; q < n; q++) for (let c = 0; c < k; c++) invList[fill[c * n + delta[q * k + c]!]!++] = q;

  // Partition: elems is a permutation of states; block b holds
  // elems[first[b] .. end[b]); loc[s] is s's index in elems.
  const elems = new Int32Array(n);
  const loc = new Int32Array(n);
  const blockOf = new Int32Array(n);
  const first = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  const marked = new Int32Array(n + 1); // count of marked states at the block's front
  let blocks = 0;
  {
    let pos = 0;
    for (const want of [1, 0]) {
      const start = pos;
      for (let q = 0; q < n; q++) {
        if (dfa.accepting[q] === want) {
          elems[pos] = q;
          loc[q] = pos;
          blockOf[q] = blocks;
          pos++;
        }
      }
      if (pos > start) {
        first[blocks] = start;
        end[blocks] = pos;
        blocks++;
      }
    }
  }

  // The worklist holds each block at most once, so n + 1 slots suffice; the
  // splitter copy and the touched list are typed scratch arrays reused for
  // every splitter (no JS arrays growing and shrinking in the inner loop).
  const inWork = new Uint8Array(n + 1);
  const work = new Int32Array(n + 1);
  let workSize = 0;
  for (let b = 0; b < blocks; b++) {
    work[workSize++] = b;
    inWork[b] = 1;
  }
  const touched = new Int32Array(n + 1);
  const splitter = new Int32Array(n);

  while (workSize > 0) {
    const a = work[--workSize]!;
    inWork[a] = 0;
    // Copy the splitter: splitting may move its own states around.
    const size = end[a]! - first[a]!;
    splitter.set(elems.subarray(first[a], end[a]));
    for (let c = 0; c < k; c++) {
      let touchedCount = 0;
      const inv = c * n;
      for (let x = 0; x < size; x++) {
        const t = splitter[x]!;
        const stop = invStart[inv + t + 1]!;
        for (let i = invStart[inv + t]!; i < stop; i++) {
          const p = invList[i]!;
          const b = blockOf[p]!;
          const m = first[b]! + marked[b]!;
          const lp = loc[p]!;
          if (lp < m) continue; // already marked
          if (marked[b] === 0) touched[touchedCount++] = b;
          // Swap p to the marked front of its block.
          const other = elems[m]!;
          elems[m] = p;
          elems[lp] = other;
          loc[other] = lp;
          loc[p] = m;
          marked[b]!++;
        }
      }
      for (let j = 0; j < touchedCount; j++) {
        const b = touched[j]!;
        const bSize = end[b]! - first[b]!;
        const m = marked[b]!;
        marked[b] = 0;
        if (m === bSize) continue;
        // Split: marked part becomes new block nb = [first, first+m).
        const nb = blocks++;
        first[nb] = first[b]!;
        end[nb] = first[b]! + m;
        first[b] = first[b]! + m;
        for (let i = first[nb]; i < end[nb]; i++) blockOf[elems[i]!] = nb;
        if (inWork[b]) {
          work[workSize++] = nb;
          inWork[nb] = 1;
        } else {
          const smaller = m <= bSize - m ? nb : b;
          work[workSize++] = smaller;
          inWork[smaller] = 1;
        }
      }
    }
  }

  const quotientDelta = new Int32Array(blocks * k);
  const accepting = new Uint8Array(blocks);
  for (let b = 0; b < blocks; b++) {
    const rep = elems[first[b]!]!;
    accepting[b] = dfa.accepting[rep]!;
    for (let c = 0; c < k; c++) quotientDelta[b * k + c] = blockOf[delta[rep * k + c]!]!;
  }
  // The quotient of a complete DFA is complete.
  const quotient = {
    alphabet: dfa.alphabet,
    states: blocks,
    start: blockOf[dfa.start]!,
    accepting,
    delta: quotientDelta,
  };
  return canonical(quotient as CompleteDfa);
}

/** The sub-automaton of states reachable from the start, numbered in BFS order. */
export function reachable(dfa: Dfa): Dfa {
  const k = dfa.alphabet.classes.length;
  const order = bfsOrder(dfa);
  const id = new Int32Array(dfa.states).fill(-1);
  order.forEach((q, i) => (id[q] = i));
  return renumber(dfa, order, id, k);
}

function bfsOrder(dfa: Dfa): number[] {
  const k = dfa.alphabet.classes.length;
  const seen = new Uint8Array(dfa.states);
  const order = [dfa.start];
  seen[dfa.start] = 1;
  for (let i = 0; i < order.length; i++) {
    const q = order[i]!;
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t >= 0 && !seen[t]) {
        seen[t] = 1;
        order.push(t);
      }
    }
  }
  return order;
}

function renumber(dfa: Dfa, order: readonly number[], id: Int32Array, k: number): Dfa {
  const delta = new Int32Array(order.length * k);
  const accepting = new Uint8Array(order.length);
  order.forEach((q, i) => {
    accepting[i] = dfa.accepting[q]!;
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      delta[i * k + c] = t < 0 ? -1 : id[t]!;
    }
  });
  return { alphabet: dfa.alphabet, states: order.length, start: 0, accepting, delta };
}

/**
 * Canonical numbering of a complete, reachable DFA: BFS order from the start,
 * then the dead state (if any) moved to the end.
 */
export function canonical(dfa: CompleteDfa): CompleteDfa {
  const k = dfa.alphabet.classes.length;
  let order = bfsOrder(dfa);
  const dead = deadState(dfa);
  if (dead !== null && order.length > 1) order = [...order.filter((q) => q !== dead), dead];
  const id = new Int32Array(dfa.states).fill(-1);
  order.forEach((q, i) => (id[q] = i));
  return renumber(dfa, order, id, k) as CompleteDfa;
}
