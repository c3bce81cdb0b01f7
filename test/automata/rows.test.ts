/**
 * The allocation-free subset step and the row interner that the full
 * determinization (and the monoid, the class merge and the matcher's strides)
 * runs on: the step must equal `successors` (which the lazy DFA uses), and the
 * interner must give equal rows one id and different rows different ids, in
 * order of first interning, across its growth and rehashing.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rowInterner } from '../../src/automata/rows.js';
import { isEmptySet, subsetCore } from '../../src/automata/subset.js';
import { nfaOfRegex } from '../../src/language.js';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { extendedPatternArb } from '../support/arbitraries.js';

describe('bitset subset step', () => {
  it('successorsAt writes exactly the sets successors returns, for every reachable set', () => {
    fc.assert(
      fc.property(extendedPatternArb(['a', 'b', 'c'], 3), (p) => {
        const core = subsetCore(nfaOfRegex(parseRegex(p)));
        const step = core.bitset!;
        const k = core.nfa.alphabet.classes.length;
        const W = step.words;
        const out = new Int32Array(k * W);
        const seen = new Map<string, Int32Array>();
        const todo = [core.start()];
        while (todo.length > 0 && seen.size < 200) {
          const set = todo.pop()!;
          if (set.length === 0 || seen.has(core.key(set))) continue;
          seen.set(core.key(set), set);
          step.successorsAt(set, 0, out);
          const expected = core.successors(set);
          expect(step.acceptingAt(set, 0)).toBe(core.accepting(set));
          for (let c = 0; c < k; c++) {
            const got = out.subarray(c * W, (c + 1) * W);
            const want = expected[c]!;
            if (want.length === 0) expect(got.every((w) => w === 0)).toBe(true);
            else expect(Array.from(got)).toEqual(Array.from(want));
            todo.push(want);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('row interner', () => {
  it('interns like a map from word strings to first-seen order, through growth; find sees what intern saw', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }),
        fc.array(fc.array(fc.integer({ min: -3, max: 3 }), { minLength: 4, maxLength: 4 }), {
          maxLength: 6000,
          size: 'max',
        }),
        (W, sets) => {
          const pool = rowInterner(W);
          const model = new Map<string, number>();
          for (const words of sets) {
            const src = Int32Array.from(words.slice(0, W));
            const key = src.join(',');
            expect(isEmptySet(src, 0, W)).toBe(src.every((w) => w === 0));
            expect(pool.find(src, 0)).toBe(model.get(key) ?? -1);
            const id = pool.intern(src, 0);
            if (!model.has(key)) model.set(key, model.size);
            expect(id).toBe(model.get(key));
            expect(Array.from(pool.data().subarray(id * W, (id + 1) * W))).toEqual(Array.from(src));
          }
          expect(pool.size).toBe(model.size);
        },
      ),
      { numRuns: 20 },
    );
  });
});
