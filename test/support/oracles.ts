/**
 * Independent oracles for the engine tests: a direct NFA simulation, V8's
 * RegExp on the shared syntax, brute-force enumeration of strings over a
 * small alphabet, and Myhill–Nerode refinement by brute force.
 */
import { classOf } from '../../src/alphabet/alphabet.js';
import type { Nfa } from '../../src/automata/nfa.js';

/** Whether the NFA accepts `s`, by simulating sets of states with ε-closure. */
export function nfaAccepts(nfa: Nfa, s: string): boolean {
  const closure = (seed: Iterable<number>): Set<number> => {
    const out = new Set<number>(seed);
    const stack = [...out];
    while (stack.length > 0) {
      for (const t of nfa.epsilon[stack.pop()!]!) {
        if (!out.has(t)) {
          out.add(t);
          stack.push(t);
        }
      }
    }
    return out;
  };
  let current = closure([nfa.start]);
  for (const ch of s) {
    const c = classOf(nfa.alphabet, ch.codePointAt(0)!);
    const next: number[] = [];
    for (const q of current) {
      const e = nfa.edges[q]!;
      for (let i = 0; i < e.length; i += 2) if (e[i] === c) next.push(e[i + 1]!);
    }
    current = closure(next);
  }
  return [...current].some((q) => nfa.accepting[q] === 1);
}

/** V8's verdict on whole-string membership (tests only: never on user input in src). */
export function v8Accepts(pattern: string, s: string): boolean {
  return new RegExp('^(?:' + pattern + ')$', 'su').test(s);
}

/** Every string over `alphabet` of length ≤ `maxLength`, in shortlex order. */
export function allStrings(alphabet: readonly string[], maxLength: number): string[] {
  const out = [''];
  let layer = [''];
  for (let len = 1; len <= maxLength; len++) {
    const next: string[] = [];
    for (const p of layer) for (const a of alphabet) next.push(p + a);
    out.push(...next);
    layer = next;
  }
  return out;
}

/**
 * The number of Myhill–Nerode classes of a language restricted to strings
 * over `alphabet`, approximated by brute force: strings u, v are told apart
 * by some suffix of length ≤ `suffixLength`. Prefixes up to `prefixLength`.
 * (Exact when the bounds exceed the minimal DFA's size.)
 */
export function nerodeClasses(
  member: (s: string) => boolean,
  alphabet: readonly string[],
  prefixLength: number,
  suffixLength: number,
): number {
  const suffixes = allStrings(alphabet, suffixLength);
  const signatures = new Set<string>();
  for (const u of allStrings(alphabet, prefixLength)) {
    signatures.add(suffixes.map((w) => (member(u + w) ? '1' : '0')).join(''));
  }
  return signatures.size;
}
