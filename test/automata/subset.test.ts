import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { nfaOfRegex } from '../../src/language.js';
import { determinize } from '../../src/automata/determinize.js';
import { BITSET_LIMIT, subsetCore } from '../../src/automata/subset.js';
import { accepts } from '../../src/automata/dfa.js';
import { DEFAULT_LIMITS, limits } from '../../src/limits.js';
import { extendedPatternArb } from '../support/arbitraries.js';
import { allStrings, nfaAccepts } from '../support/oracles.js';

describe('subset construction', () => {
  it('gives the same DFA with bitset and sorted-array state sets', () => {
    fc.assert(
      fc.property(extendedPatternArb(['a', 'b']), (p) => {
        const nfa = nfaOfRegex(parseRegex(p));
        const bits = determinize(nfa, DEFAULT_LIMITS, undefined, subsetCore(nfa, Infinity));
        const sparse = determinize(nfa, DEFAULT_LIMITS, undefined, subsetCore(nfa, 0));
        expect(sparse.states).toBe(bits.states);
        expect(Array.from(sparse.delta)).toEqual(Array.from(bits.delta));
        expect(Array.from(sparse.accepting)).toEqual(Array.from(bits.accepting));
        for (const s of allStrings(['a', 'b', 'c'], 3)) expect(accepts(bits, s)).toBe(nfaAccepts(nfa, s));
      }),
      { numRuns: 150 },
    );
  });

  it('handles NFAs beyond the bitset limit', () => {
    const nfa = nfaOfRegex(parseRegex('(ab){1500}c?', limits({ maxRepeat: 2000 })));
    const dfa = determinize(nfa);
    expect(accepts(dfa, 'ab'.repeat(1500))).toBe(true);
    expect(accepts(dfa, 'ab'.repeat(1500) + 'c')).toBe(true);
    expect(accepts(dfa, 'ab'.repeat(1499))).toBe(false);
  });

  it('steps one class at a time, by byte tables or member by member, like all classes at once', () => {
    fc.assert(
      fc.property(extendedPatternArb(['a', 'b', 'c'], 3), (p) => {
        const nfa = nfaOfRegex(parseRegex(p));
        const tabled = subsetCore(nfa);
        const plain = subsetCore(nfa, BITSET_LIMIT, 0);
        const k = nfa.alphabet.classes.length;
        const W = tabled.bitset!.words;
        const out = new Int32Array(W);
        // Every set reachable in a few steps, each class from each.
        let frontier = [tabled.start()];
        for (let depth = 0; depth < 4; depth++) {
          const next: Int32Array[] = [];
          for (const set of frontier) {
            if (set.length === 0) continue;
            const all = plain.successors(set);
            for (let c = 0; c < k; c++) {
              const want = all[c]!.length === 0 ? new Array<number>(W).fill(0) : Array.from(all[c]!);
              tabled.bitset!.successorAt(set, 0, c, out);
              expect(Array.from(out)).toEqual(want);
              plain.bitset!.successorAt(set, 0, c, out);
              expect(Array.from(out)).toEqual(want);
              next.push(all[c]!);
            }
          }
          frontier = next.slice(0, 50);
        }
      }),
      { numRuns: 150 },
    );
  });

  it('steps one class at a time like all classes at once', () => {
    const nfa = nfaOfRegex(parseRegex('(a|b)*a(a|b){2}'));
    for (const limit of [0, Infinity]) {
      const core = subsetCore(nfa, limit);
      const s = core.start();
      const all = core.successors(s);
      all.forEach((set, c) => expect(core.key(core.successor(s, c))).toBe(core.key(set)));
      expect(core.members(s).length).toBeGreaterThan(0);
    }
  });
});
