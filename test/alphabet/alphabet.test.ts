import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { classOf, partition, refine, merge } from '../../src/alphabet/alphabet.js';
import { classLabel } from '../../src/syntax/regex/print.js';
import { fromRanges, has, MAX_CODE_POINT, type Range } from '../../src/alphabet/charset.js';

const cpArb = fc.oneof(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 0, max: MAX_CODE_POINT }));
const setArb = fc
  .array(
    fc.tuple(cpArb, cpArb).map(([a, b]) => (a <= b ? [a, b] : [b, a]) as Range),
    { maxLength: 4 },
  )
  .map(fromRanges);

describe('partition', () => {
  it('is a partition that every input set is a union of, and is the coarsest one', () => {
    fc.assert(
      fc.property(
        fc.array(setArb, { maxLength: 5 }),
        fc.array(cpArb, { minLength: 1, maxLength: 30 }),
        (sets, probes) => {
          const alphabet = partition(sets);
          // classOf agrees with the class sets.
          for (const cp of probes) expect(has(alphabet.classes[classOf(alphabet, cp)]!, cp)).toBe(true);
          // Same class ⇔ same membership in every input set.
          for (const x of probes) {
            for (const y of probes) {
              const same = classOf(alphabet, x) === classOf(alphabet, y);
              const alike = sets.every((s) => has(s, x) === has(s, y));
              expect(same).toBe(alike);
            }
          }
        },
      ),
    );
  });

  it('numbers classes by their smallest code point and names the rest "other"', () => {
    const a = partition([fromRanges([[97, 97]]), fromRanges([[48, 57]])]);
    const firsts = a.classes.map((c) => c.ranges[0]![0]);
    expect([...firsts].sort((x, y) => x - y)).toEqual(firsts);
    expect(a.classes.map((_, i) => classLabel(a, i)).sort()).toEqual(['[0-9]', 'a', 'other'].sort());
  });

  it('refines two alphabets so each new class sits inside one class of each', () => {
    fc.assert(
      fc.property(
        fc.array(setArb, { maxLength: 3 }),
        fc.array(setArb, { maxLength: 3 }),
        fc.array(cpArb, { maxLength: 20 }),
        (s1, s2, probes) => {
          const a = partition(s1);
          const b = partition(s2);
          const r = refine(a, b);
          for (const cp of probes) {
            const c = classOf(r.alphabet, cp);
            expect(r.toA[c]).toBe(classOf(a, cp));
            expect(r.toB[c]).toBe(classOf(b, cp));
          }
        },
      ),
    );
  });

  it('merges classes into groups', () => {
    const a = partition([fromRanges([[97, 97]]), fromRanges([[98, 98]])]);
    const groups = a.classes.map((c) => (has(c, 97) || has(c, 98) ? 1 : 0));
    const m = merge(a, groups, 2);
    expect(classOf(m, 97)).toBe(classOf(m, 98));
    expect(classLabel(m, classOf(m, 97))).toBe('[ab]');
  });
});
