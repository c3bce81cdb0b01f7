/**
 * The lazy DFA against the full DFA (both built on `subsetCore`), with caches
 * so small that they flush constantly, on random patterns and strings given
 * in random pieces; and on the blow-up family that the full DFA cannot build.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepts, complete } from '../../src/automata/dfa.js';
import { determinize } from '../../src/automata/determinize.js';
import { alphabetOf, nfaFromRegex } from '../../src/automata/fromRegex.js';
import { lazyDfa } from '../../src/automata/lazy.js';
import { BITSET_LIMIT } from '../../src/automata/subset.js';
import { limits } from '../../src/limits.js';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { extendedPatternArb } from '../support/arbitraries.js';
import { cuts, stringArb } from './support.js';

const nfaOf = (p: string) => {
  const lim = limits({});
  const ast = parseRegex(p, lim);
  return nfaFromRegex(ast, alphabetOf(ast), lim);
};

const letters = ['a', 'b', 'c', '😀', 'é'];

describe('lazy DFA', () => {
  it('agrees with the full DFA for every cache size, input in pieces', () => {
    fc.assert(
      fc.property(
        extendedPatternArb(letters, 3),
        fc.array(
          fc.oneof(
            fc.array(fc.constantFrom(...letters), { maxLength: 12 }).map((x) => x.join('')),
            stringArb(6),
          ),
          { minLength: 1, maxLength: 6 },
        ),
        fc.integer({ min: 1, max: 6 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 3 }),
        fc.constantFrom(BITSET_LIMIT, 0),
        (pattern, strings, cache, fs, bitsetLimit) => {
          const nfa = nfaOf(pattern);
          const full = complete(determinize(nfa, limits({})));
          // Both set representations: bitsets in a pool, and sorted arrays under string keys.
          const lazy = lazyDfa(nfa, cache, bitsetLimit);
          for (const s of strings) {
            const expected = accepts(full, s);
            expect(lazy.accepts(s)).toBe(expected);
            const run = lazy.start();
            let at = 0;
            for (const cut of [...cuts(s.length, fs), s.length]) {
              run.push(s.slice(at, cut));
              at = cut;
            }
            expect(run.accepts()).toBe(expected);
          }
          expect(lazy.cached).toBeLessThanOrEqual(Math.max(2, cache));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('runs read in turns, each flushing the cache under the others, still agree with the full DFA', () => {
    fc.assert(
      fc.property(
        extendedPatternArb(letters, 3),
        fc.array(
          fc.array(fc.constantFrom(...letters), { maxLength: 10 }).map((x) => x.join('')),
          { minLength: 2, maxLength: 4 },
        ),
        fc.integer({ min: 1, max: 4 }),
        fc.constantFrom(BITSET_LIMIT, 0),
        (pattern, strings, cache, bitsetLimit) => {
          const nfa = nfaOf(pattern);
          const full = complete(determinize(nfa, limits({})));
          const lazy = lazyDfa(nfa, cache, bitsetLimit);
          const runs = strings.map(() => lazy.start());
          const longest = Math.max(...strings.map((s) => s.length));
          // One code unit of every string in turn (surrogate pairs split across turns).
          for (let i = 0; i < longest; i++) strings.forEach((s, j) => i < s.length && runs[j]!.push(s[i]!));
          strings.forEach((s, j) => expect(runs[j]!.accepts(), s).toBe(accepts(full, s)));
        },
      ),
      { numRuns: 150 },
    );
  });

  it('decides (a|b)*a(a|b){30} with a bounded cache, matching the definition', () => {
    const lazy = lazyDfa(nfaOf('(a|b)*a(a|b){30}'), 1000);
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b'), { minLength: 0, maxLength: 3000, size: 'max' }), (xs) => {
        const s = xs.join('');
        expect(lazy.accepts(s)).toBe(s.length >= 31 && s[s.length - 31] === 'a');
      }),
      { numRuns: 50 },
    );
    expect(lazy.cached).toBeLessThanOrEqual(1000);
    expect(lazy.flushes).toBeGreaterThan(0);
  });
});
