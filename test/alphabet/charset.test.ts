import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  complement,
  fromRanges,
  has,
  intersect,
  subtract,
  union,
  size,
  MAX_CODE_POINT,
  type CharSet,
  type Range,
} from '../../src/alphabet/charset.js';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { printClassLabel as format } from '../../src/syntax/regex/print.js';

// A small universe near both ends of the code-point range, to check the set
// algebra point by point against plain JavaScript sets.
const universe = [
  ...Array.from({ length: 40 }, (_, i) => i),
  ...Array.from({ length: 8 }, (_, i) => MAX_CODE_POINT - i),
];
const rangeArb: fc.Arbitrary<Range> = fc
  .tuple(fc.constantFrom(...universe), fc.constantFrom(...universe))
  .map(([a, b]) => (a <= b ? [a, b] : [b, a]) as Range);
const setArb = fc.array(rangeArb, { maxLength: 5 }).map(fromRanges);

const members = (s: CharSet): Set<number> => new Set(universe.filter((cp) => has(s, cp)));

function normal(s: CharSet): boolean {
  return s.ranges.every(([lo, hi], i) => lo <= hi && (i === 0 || lo > s.ranges[i - 1]![1] + 1));
}

describe('CharSet', () => {
  it('keeps the normal form and agrees with point sets under every operation', () => {
    fc.assert(
      fc.property(setArb, setArb, (a, b) => {
        for (const s of [a, b, union(a, b), intersect(a, b), subtract(a, b), complement(a)])
          expect(normal(s)).toBe(true);
        const A = members(a);
        const B = members(b);
        for (const cp of universe) {
          expect(has(union(a, b), cp)).toBe(A.has(cp) || B.has(cp));
          expect(has(intersect(a, b), cp)).toBe(A.has(cp) && B.has(cp));
          expect(has(subtract(a, b), cp)).toBe(A.has(cp) && !B.has(cp));
          expect(has(complement(a), cp)).toBe(!A.has(cp));
        }
        expect(size(a) + size(complement(a))).toBe(MAX_CODE_POINT + 1);
      }),
    );
  });

  it('merges adjacent and overlapping ranges', () => {
    expect(
      fromRanges([
        [5, 9],
        [0, 3],
        [4, 4],
        [20, 30],
        [25, 40],
      ]).ranges,
    ).toEqual([
      [0, 9],
      [20, 40],
    ]);
  });

  it('formats sets so the parser reads them back to the same set', () => {
    fc.assert(
      fc.property(setArb, (a) => {
        const ast = parseRegex(format(a));
        if (a.ranges.length === 0) expect(ast.kind === 'chars' && ast.set.ranges.length === 0).toBe(true);
        else {
          expect(ast.kind).toBe('chars');
          if (ast.kind === 'chars') expect(ast.set.ranges).toEqual(a.ranges);
        }
      }),
    );
  });

  it('chooses the shorter of a set and its complement', () => {
    expect(format(complement(fromRanges([[97, 122]])))).toBe('[^a-z]');
    expect(format(fromRanges([[48, 57]]))).toBe('[0-9]');
    expect(format(fromRanges([[97, 97]]))).toBe('a');
    expect(format(fromRanges([[0, MAX_CODE_POINT]]))).toBe('.');
  });
});
