/**
 * An automaton file as an `Nfa`. The alphabet is the coarsest partition in
 * which every label is a union of classes (`partition`), so an edge labelled
 * `[0-9]` becomes one `[class, target]` pair per class inside `[0-9]`, and
 * ε-edges become ε-successors. State `i` of the NFA is state `i` of the file
 * (file order of first mention); pairs keep file order with repeats dropped,
 * so the same file always gives the same NFA.
 */
import { classesOf, partition } from '../alphabet/alphabet.js';
import type { CharSet } from '../alphabet/charset.js';
import type { FaFile } from '../syntax/fa/ast.js';
import type { Nfa } from './nfa.js';

/**
 * The NFA of a parsed automaton file: same states, start and accepting
 * states; missing transitions simply lead nowhere (the implicit dead state).
 *
 * @example nfaFromFa(parseFa('start q\naccept q\nq -a-> q\n')) // 1 state, classes 'a' and other
 */
export function nfaFromFa(fa: FaFile): Nfa {
  const n = fa.states.length;
  const sets: CharSet[] = [];
  for (const e of fa.edges) if (e.label !== 'epsilon') sets.push(e.label);
  const alphabet = partition(sets);
  const pairs: number[][] = Array.from({ length: n }, () => []);
  const eps: number[][] = Array.from({ length: n }, () => []);
  // Created on first use: most states of a large file have few edges.
  const seenPairs = new Array<Set<number> | undefined>(n);
  const seenEps = new Array<Set<number> | undefined>(n);
  const k = alphabet.classes.length;
  for (const e of fa.edges) {
    if (e.label === 'epsilon') {
      const seen = (seenEps[e.from] ??= new Set());
      if (!seen.has(e.to)) {
        seen.add(e.to);
        eps[e.from]!.push(e.to);
      }
      continue;
    }
    const seen = (seenPairs[e.from] ??= new Set());
    for (const c of classesOf(alphabet, e.label)) {
      const key = e.to * k + c;
      if (seen.has(key)) continue;
      seen.add(key);
      pairs[e.from]!.push(c, e.to);
    }
  }
  const accepting = new Uint8Array(n);
  for (const q of fa.accepting) accepting[q] = 1;
  return {
    alphabet,
    states: n,
    start: fa.start,
    accepting,
    edges: pairs.map((p) => Int32Array.from(p)),
    epsilon: eps.map((p) => Int32Array.from(p)),
  };
}

/** The file's state names, indexed like the states of `nfaFromFa(fa)`. */
export function stateNames(fa: FaFile): string[] {
  return fa.states.map((s) => s.name);
}
