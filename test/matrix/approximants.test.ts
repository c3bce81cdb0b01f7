/** The cheapest a + b·α within η, against brute force. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cheapestApproximant, firstHit } from '../../src/matrix/approximants.js';
import { Mid } from '../../src/matrix/interval.js';

describe('firstHit', () => {
  it('is the least x with l ≤ a·x mod m ≤ r', () => {
    fc.assert(
      fc.property(fc.integer({ min: 2, max: 300 }), fc.nat(), fc.nat(), fc.nat(), (m, a0, l0, w0) => {
        const a = a0 % m;
        const l = l0 % m;
        const r = l + (w0 % (m - l));
        let want: number | null = null;
        for (let x = 0; x <= m; x++) {
          const v = (a * x) % m;
          if (v >= l && v <= r) {
            want = x;
            break;
          }
        }
        const got = firstHit(BigInt(a), BigInt(m), BigInt(l), BigInt(r));
        expect(got === null ? null : Number(got)).toBe(want);
      }),
      { numRuns: 500 },
    );
  });
});

describe('cheapestApproximant', () => {
  const alphas = { 'ln 2': new Mid(2).ln(), '√2': new Mid(2).sqrt() };
  for (const [label, alpha] of Object.entries(alphas)) {
    it(`minimizes |a| + |b| subject to |a + b·${label} − L| ≤ η (brute force over |b| ≤ 4000)`, () => {
      const a = alpha.toNumber();
      fc.assert(
        fc.property(
          fc.double({ min: -5, max: 5, noNaN: true }),
          fc.double({ min: 2e-3, max: 0.2, noNaN: true }),
          (L, eta) => {
            let best = Infinity;
            for (let b = -4000; b <= 4000; b++) {
              const x = Math.round(L - b * a);
              if (Math.abs(x + b * a - L) <= eta * (1 - 1e-9)) best = Math.min(best, Math.abs(x) + Math.abs(b));
            }
            const r = cheapestApproximant(new Mid(L), alpha, new Mid(eta));
            expect(r).not.toBeNull();
            expect(r!.error.abs().lte(eta)).toBe(true);
            if (best < 4000) expect(Number(r!.cost)).toBe(best);
            expect(Number(r!.cost)).toBeLessThanOrEqual(best);
          },
        ),
        { numRuns: 60 },
      );
    });
  }

  it('costs Θ(1/η): for L spread over [0, 1], the median cost lies between 1/(16η) and 2/η', () => {
    const ln2 = new Mid(2).ln();
    for (const eta of [1e-3, 1e-5, 1e-7]) {
      const costs = Array.from({ length: 31 }, (_, i) =>
        Number(cheapestApproximant(new Mid((i + 0.5) / 31), ln2, new Mid(eta))!.cost),
      ).sort((x, y) => x - y);
      const median = costs[15]!;
      expect(median).toBeGreaterThan(1 / (16 * eta));
      expect(costs[30]!).toBeLessThan(2 / eta);
    }
  });
});
