/**
 * Float soundness, per embedding, as `certify` and `explain` state it: the
 * argument each prints is checked on binary64 evaluation itself.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import { complete, dfaFromTable, type Dfa } from '../../src/automata/dfa.js';
import { certify, sigmoidRoundingBound, soundness, vocabulary } from '../../src/vocabulary/index.js';
import { maxInDegree } from '../../src/vocabulary/sigmoid.js';
import { alphabetOf, arbDfa, arbSentence } from './arbitrary.js';

/** δ*(q0, w) by the table. */
function stateAfter(dfa: Dfa, classes: readonly number[]): number {
  const k = dfa.alphabet.classes.length;
  let q = dfa.start;
  for (const c of classes) q = dfa.delta[q * k + c]!;
  return q;
}

/** A double in [lo, hi] from a fraction t ∈ [0, 1], with the ends themselves drawn often. */
const arbFraction = fc.oneof(fc.constant(0), fc.constant(1), fc.double({ min: 0, max: 1, noNaN: true }));

describe('float soundness per embedding', () => {
  it('transform, onehot, relu1d: every reachable point is exact (state numbers, unit vectors, integers)', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 12 }), arbSentence(4, 60), (dfa, raw) => {
        const m = dfa.alphabet.classes.length;
        const w = raw.map((c) => c % m);
        const q = stateAfter(dfa, w);
        for (const e of ['transform', 'onehot', 'relu1d'] as const) {
          const v = vocabulary(dfa, e);
          const s = soundness(v, certify(v));
          expect(s.floatSound).toBe(true);
          expect(s.floats).toMatch(/every reachable point is exact|nothing is rounded/);
          const x = Array.from(v.run(w));
          if (e === 'onehot') expect(x).toEqual(Array.from({ length: dfa.states }, (_, p) => (p === q ? 1 : 0)));
          else expect(x).toEqual([q]);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('onehot: the L1 regions alone are not closed under float evaluation (so the claim is about reachable points)', () => {
    // Word a: 0→1, 1→0, 2→0 (rows 0 ← columns 1 and 2). From R_1, the image must lie in R_0.
    const dfa = dfaFromTable(
      alphabetOf(2),
      [
        [1, 0],
        [0, 0],
        [0, 0],
      ],
      1,
      [0],
    );
    const v = vocabulary(complete(dfa), 'onehot');
    expect(certify(v).holds).toBe(true);
    const unit = 2 ** -57;
    // x = (1/8 − 10u, 7/8, −9u) with u = 2^-57: exact L1 distance to e_1 is 1/4 − u.
    const x = Float64Array.of(0.125 - 10 * unit, 0.875, -9 * unit);
    const units = (z: number): bigint => BigInt(z / unit);
    const quarter = units(0.25);
    const distance = (p: ArrayLike<number>, q: number): bigint =>
      Array.from(p).reduce((s, z, i) => {
        const d = units(z) - (i === q ? units(1) : 0n);
        return s + (d < 0n ? -d : d);
      }, 0n);
    expect(distance(x, 1)).toBe(quarter - 1n);
    expect(v.stateOf(x)).toBe(1);
    const y = v.apply(0, x);
    // 7/8 − 9u rounds to 7/8 − 2^-53: the image is 3·2^-56 outside R_0.
    expect(distance(y, 0)).toBe(quarter + 6n);
    expect(v.stateOf(y)).toBeNull();
  });

  it('flow2d: every float point of R_q (corners, edges, inside) lands in R_δ(q,c) under the float map', () => {
    fc.assert(
      fc.property(
        arbDfa({ maxStates: 8, maxClasses: 3 }),
        fc.array(fc.tuple(arbFraction, arbFraction), { minLength: 1, maxLength: 8 }),
        (dfa, points) => {
          const v = vocabulary(dfa, 'flow2d');
          if (v.embedding !== 'flow2d') throw new Error('flow2d expected');
          const c = certify(v);
          expect(c.holds).toBe(true);
          expect(soundness(v, c).floatSound).toBe(true);
          const w = v.params.radius;
          const k = dfa.alphabet.classes.length;
          for (let q = 0; q < dfa.states; q++) {
            for (const [tx, ty] of points) {
              const x = Float64Array.of(Math.min(q + w, Math.max(q - w, q - w + 2 * w * tx)), ty);
              expect(v.stateOf(x)).toBe(q);
              for (let cls = 0; cls < k; cls++) expect(v.stateOf(v.apply(cls, x))).toBe(dfa.delta[q * k + cls]);
            }
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('sigmoid: one float step is within the stated rounding bound of the exact step (40 digits), and the bound is under the margin', () => {
    Decimal.set({ precision: 40 });
    fc.assert(
      fc.property(
        arbDfa({ maxStates: 8, maxClasses: 3 }),
        fc.array(arbFraction, { minLength: 8, maxLength: 8 }),
        (dfa, ts) => {
          const v = vocabulary(dfa, 'sigmoid', { sigmoid: { gain: 14 } });
          if (v.embedding !== 'sigmoid') throw new Error('sigmoid expected');
          const c = certify(v);
          const s = soundness(v, c);
          const bound = sigmoidRoundingBound(14, maxInDegree(dfa));
          expect(s.roundingBound).toBe(bound);
          expect(s.floatSound).toBe(c.holds && c.margin > bound);
          const n = dfa.states;
          const k = dfa.alphabet.classes.length;
          const eps = v.params.epsilon;
          for (let q = 0; q < n; q++) {
            // A point of R_q: x_q ∈ [1 − ε, 1], the others in [0, ε].
            const x = Float64Array.from({ length: n }, (_, p) => (p === q ? 1 - eps * ts[p % 8]! : eps * ts[p % 8]!));
            for (let cls = 0; cls < k; cls++) {
              const y = v.apply(cls, x);
              for (let i = 0; i < n; i++) {
                // Exact: σ(H·Σ_{j: δ(j,c) = i} x_j − H/2) to 40 digits.
                let z = new Decimal(-7);
                for (let j = 0; j < n; j++) if (dfa.delta[j * k + cls] === i) z = z.plus(new Decimal(14).times(x[j]!));
                const exact = new Decimal(1).div(new Decimal(1).plus(z.neg().exp()));
                expect(exact.minus(y[i]!).abs().toNumber()).toBeLessThanOrEqual(bound);
              }
              if (s.floatSound) expect(v.stateOf(y)).toBe(dfa.delta[q * k + cls]);
            }
          }
        },
      ),
      { numRuns: 40 },
    );
  });
});
