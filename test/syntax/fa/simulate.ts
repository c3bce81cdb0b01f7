/**
 * Two independent ways to run an automaton on a string, for tests only:
 * on the `Nfa` (classes, ε-closure and step) and straight on the `FaFile`
 * (each edge's code-point set tested directly, no alphabet at all).
 */
import { has } from '../../../src/alphabet/charset.js';
import type { Nfa } from '../../../src/automata/nfa.js';
import type { FaFile } from '../../../src/syntax/fa/ast.js';

/** The class of `cp` by a linear scan of the classes (not `classOf`). */
function classOfByScan(nfa: Nfa, cp: number): number {
  const c = nfa.alphabet.classes.findIndex((set) => has(set, cp));
  if (c < 0) throw new Error(`code point ${cp} is in no class`);
  return c;
}

function closure(eps: (q: number) => Iterable<number>, states: Iterable<number>): Set<number> {
  const out = new Set<number>(states);
  const stack = [...out];
  while (stack.length > 0) {
    const q = stack.pop()!;
    for (const r of eps(q)) {
      if (!out.has(r)) {
        out.add(r);
        stack.push(r);
      }
    }
  }
  return out;
}

/** Whether the NFA accepts `s` (read as code points). */
export function nfaAccepts(nfa: Nfa, s: string): boolean {
  const eps = (q: number): Iterable<number> => nfa.epsilon[q]!;
  let current = closure(eps, [nfa.start]);
  for (const ch of s) {
    const c = classOfByScan(nfa, ch.codePointAt(0)!);
    const next: number[] = [];
    for (const q of current) {
      const pairs = nfa.edges[q]!;
      for (let i = 0; i < pairs.length; i += 2) if (pairs[i] === c) next.push(pairs[i + 1]!);
    }
    current = closure(eps, next);
    if (current.size === 0) return false;
  }
  return [...current].some((q) => nfa.accepting[q] === 1);
}

/** Whether the automaton file accepts `s`, reading its edges' sets directly. */
export function faAccepts(fa: FaFile, s: string): boolean {
  const eps = (q: number): Iterable<number> =>
    fa.edges.filter((e) => e.from === q && e.label === 'epsilon').map((e) => e.to);
  let current = closure(eps, [fa.start]);
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const next = fa.edges
      .filter((e) => current.has(e.from) && e.label !== 'epsilon' && has(e.label, cp))
      .map((e) => e.to);
    current = closure(eps, next);
  }
  return fa.accepting.some((q) => current.has(q));
}

/** Every string over `alphabet` of length 0..maxLength, shortest first. */
export function allStrings(alphabet: readonly string[], maxLength: number): string[] {
  const out: string[] = [''];
  let layer = [''];
  for (let n = 1; n <= maxLength; n++) {
    layer = layer.flatMap((w) => alphabet.map((a) => w + a));
    out.push(...layer);
  }
  return out;
}
