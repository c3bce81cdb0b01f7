/**
 * The sigmoid embedding: the reported minimal gain is sharp (the
 * certificate holds at H and fails at H − 0.001), it never exceeds the
 * classical Omlin–Giles bound, and the interval arithmetic behind the
 * certificate really encloses exact results.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  certify,
  crowding,
  maxInDegree,
  minimalGain,
  omlinGilesBound,
  sigmoidParams,
  sigmoidVocabulary,
} from '../../src/vocabulary/index.js';
import { add, div, mul, nextDown, nextUp, sigmoid, sub } from '../../src/vocabulary/interval.js';
import { complete, dfaFromTable } from '../../src/automata/dfa.js';
import { alphabetOf, arbDfa } from './arbitrary.js';

const holdsAt = (dfa: Parameters<typeof sigmoidParams>[0], gain: number): boolean =>
  certify(sigmoidVocabulary(dfa, sigmoidParams(dfa, gain))).holds;

describe('sigmoid gain', () => {
  it('the minimal gain is sharp to 1e-3: holds at H, fails at H − 0.001 and at H/2', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 10 }), (dfa) => {
        const report = minimalGain(dfa);
        expect(holdsAt(dfa, report.minimal)).toBe(true);
        expect(holdsAt(dfa, report.minimal - 0.001)).toBe(false);
        expect(holdsAt(dfa, report.minimal / 2)).toBe(false);
        expect(holdsAt(dfa, report.minimal + 5)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('is at most the Omlin–Giles bound for r = the largest in-degree, which is at most the n-state worst case', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 10 }), (dfa) => {
        const report = minimalGain(dfa);
        expect(report.inDegree).toBe(maxInDegree(dfa));
        expect(report.crowding).toBe(crowding(dfa));
        expect(report.crowding).toBeLessThanOrEqual(Math.max(1, report.inDegree));
        expect(report.minimal).toBeLessThanOrEqual(report.omlinGiles + 0.002);
        expect(report.omlinGiles).toBeLessThanOrEqual(report.omlinGilesWorstCase);
      }),
      { numRuns: 20 },
    );
  });

  it('the bound grows with the in-degree r, as the worst-case analysis says', () => {
    const bounds = [1, 2, 4, 8, 16, 32].map(omlinGilesBound);
    for (let i = 1; i < bounds.length; i++) expect(bounds[i]!).toBeGreaterThan(bounds[i - 1]!);
    // r = 1: the classical analysis already needs more than the bare tangency gain 4 of σ(H(x − ½)).
    expect(bounds[0]!).toBeGreaterThan(4);
  });

  it('a permutation automaton (parity) needs only the D = 1 gain, and funnelling states raises it', () => {
    const parity = complete(
      dfaFromTable(
        alphabetOf(2),
        [
          [0, 1],
          [1, 0],
        ],
        0,
        [0],
      ),
    );
    const funnel = complete(
      dfaFromTable(
        alphabetOf(2),
        [
          [0, 3],
          [1, 3],
          [2, 3],
          [3, 0],
        ],
        0,
        [3],
      ),
    );
    expect(crowding(parity)).toBe(1);
    expect(crowding(funnel)).toBe(3);
    expect(minimalGain(funnel).minimal).toBeGreaterThan(minimalGain(parity).minimal + 1);
  });
});

/** Exact rationals as [numerator, denominator] BigInts, for checking enclosures. */
function exact(x: number): [bigint, bigint] {
  let den = 1n;
  let v = x;
  while (!Number.isInteger(v)) {
    v *= 2;
    den *= 2n;
  }
  return [BigInt(v), den];
}
const le = (a: [bigint, bigint], b: [bigint, bigint]): boolean => a[0] * b[1] <= b[0] * a[1];

describe('outward-rounded intervals enclose the exact result', () => {
  const arbFloat = fc
    .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
    .filter((x) => x === 0 || Math.abs(x) > 1e-300);
  it('nextUp and nextDown are the neighbouring doubles', () => {
    fc.assert(
      fc.property(arbFloat, (x) => {
        expect(nextUp(x)).toBeGreaterThan(x);
        expect(nextDown(x)).toBeLessThan(x);
        expect((x + nextUp(x)) / 2 === x || (x + nextUp(x)) / 2 === nextUp(x)).toBe(true);
      }),
    );
  });
  it('add, sub, mul, div: the exact rational lies inside, and exact results stay points', () => {
    fc.assert(
      fc.property(arbFloat, arbFloat, (a, b) => {
        const [an, ad] = exact(a);
        const [bn, bd] = exact(b);
        const cases: [ReturnType<typeof add>, [bigint, bigint]][] = [
          [add({ lo: a, hi: a }, { lo: b, hi: b }), [an * bd + bn * ad, ad * bd]],
          [sub({ lo: a, hi: a }, { lo: b, hi: b }), [an * bd - bn * ad, ad * bd]],
          [mul({ lo: a, hi: a }, { lo: b, hi: b }), [an * bn, ad * bd]],
        ];
        if (b !== 0) {
          const q: [bigint, bigint] = bn < 0n ? [-an * bd, -ad * bn] : [an * bd, ad * bn];
          cases.push([div({ lo: a, hi: a }, { lo: b, hi: b }), q]);
        }
        for (const [iv, value] of cases) {
          expect(le(exact(iv.lo), value)).toBe(true);
          expect(le(value, exact(iv.hi))).toBe(true);
        }
        expect(add({ lo: 1.5, hi: 1.5 }, { lo: 0.25, hi: 0.25 })).toEqual({ lo: 1.75, hi: 1.75 });
      }),
    );
  });
  it('σ on an interval contains σ at its points', () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        const s = sigmoid({ lo: z, hi: z });
        const v = 1 / (1 + Math.exp(-z));
        expect(s.lo).toBeLessThanOrEqual(v);
        expect(s.hi).toBeGreaterThanOrEqual(v);
        expect(s.hi - s.lo).toBeLessThan(1e-14);
      }),
    );
  });
});
