/**
 * The compiler against the "done when": for random targets with
 * det > 0 (d = 2…5) and ε in [1e-8, 1e-2], the sentence multiplied again run
 * by run at 60 digits from the JSON vocabulary alone (test/matrix/reference.ts,
 * no code shared with src/matrix) is within ε of the target, the reported
 * bound is not below that distance, the inverse sentence is within the
 * matching bound of the inverse matrix, and the lengths stay within
 * 12·d²·log2(1/ε) (det a power of two) or 2/ε + 12·d²·log2(1/ε).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { approximateMatrix, type MatrixApproximation } from '../../src/matrix/compile.js';
import { invertSentence } from '../../src/matrix/evaluate.js';
import { approximationJson } from '../../src/matrix/json.js';
import { decimalTarget, integerDeterminant, rotationTarget } from '../../src/matrix/target.js';
import { frobenius, fromStrings, inverse, norm, R, sentenceProduct, type M } from './reference.js';

/** Slack for the reference's own 60-digit rounding. */
const SLACK = new R('1e-40');

function check(r: MatrixApproximation, target: M): void {
  const json = approximationJson(r);
  const d = json.dimension;
  const words = new Map(json.vocabulary.map((w) => [w.name, fromStrings(w.matrix)]));
  const p = sentenceProduct(words, json.sentence, d);
  const err = frobenius(p, target);
  expect(err.lte(new R(json.eps).plus(SLACK)), `error ${err} > ε ${json.eps}`).toBe(true);
  expect(new R(json.error.bound).plus(SLACK).gte(err), `bound ${json.error.bound} < true error ${err}`).toBe(true);
  expect(json.length).toBe(json.sentence.reduce((s, [, c]) => s + c, 0));
  // The inverse sentence: P⁻¹ − A⁻¹ = P⁻¹(A − P)A⁻¹, so ‖P⁻¹ − A⁻¹‖_F ≤ ‖P⁻¹‖_F·bound·‖A⁻¹‖_F.
  const q = sentenceProduct(words, invertSentence(r.vocabulary, json.sentence), d);
  const aInv = inverse(target);
  const invBound = norm(q).times(json.error.bound).times(norm(aInv));
  expect(frobenius(q, aInv).lte(invBound.plus(SLACK))).toBe(true);
  // Q really is P⁻¹.
  const id = sentenceProduct(words, [...json.sentence, ...invertSentence(r.vocabulary, json.sentence)], d);
  expect(frobenius(id, fromStrings(id.map((row, i) => row.map((_, j) => (i === j ? '1' : '0'))))).lte('1e-30')).toBe(
    true,
  );
}

/** Decimal entries with up to two places in [−3, 3]. */
const entry = fc.integer({ min: -300, max: 300 }).map((n) => (n / 100).toFixed(2));
const epsilon = fc.integer({ min: 2, max: 8 }).chain((k) => fc.constantFrom(10 ** -k, 3 * 10 ** -k));

function det(rows: string[][]): number {
  const scaled = rows.map((r) => r.map((x) => BigInt(Math.round(Number(x) * 100))));
  return Number(integerDeterminant(scaled)) / 100 ** rows.length;
}

const log2 = (x: number) => Math.log2(x);

describe('approximateMatrix (dyadic)', () => {
  it('random det > 0, d = 2…5: within ε by independent re-multiplication, bound ≥ true error, inverse within its bound', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((d) => fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: d, maxLength: d })),
        epsilon,
        (rows0, eps) => {
          const rows = rows0.map((r) => [...r]);
          const det0 = det(rows);
          fc.pre(Math.abs(det0) > 0.05);
          // det < 0: swap the first two rows' roles by negating one row.
          if (det0 < 0) rows[0] = rows[0]!.map((x) => (x.startsWith('-') ? x.slice(1) : `-${x}`));
          const target = decimalTarget(rows);
          const r = approximateMatrix(target, { eps });
          check(r, fromStrings(rows));
          const d = rows.length;
          expect(r.length).toBeLessThanOrEqual(2 / eps + 12 * d * d * log2(1 / eps));
          if (r.parts.determinantLowerBound !== null)
            expect(r.parts.determinant).toBeGreaterThanOrEqual(r.parts.determinantLowerBound);
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);

  it('det a power of two (products of shears and halvings), d = 2…5: length ≤ 12·d²·log2(1/ε)', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 5 })
          .chain((d) =>
            fc.tuple(
              fc.constant(d),
              fc.array(entry, { minLength: d * d, maxLength: d * d }),
              fc.array(entry, { minLength: d * d, maxLength: d * d }),
              fc.integer({ min: -3, max: 3 }),
            ),
          ),
        epsilon,
        ([d, l, u, k], eps) => {
          // L·U with unit diagonals has det 1; scaling row 1 by 2^k makes det 2^k.
          const L = Array.from({ length: d }, (_, i) =>
            Array.from({ length: d }, (_, j) => (i === j ? new R(1) : j < i ? new R(l[i * d + j]!) : new R(0))),
          );
          const U = Array.from({ length: d }, (_, i) =>
            Array.from({ length: d }, (_, j) => (i === j ? new R(1) : j > i ? new R(u[i * d + j]!) : new R(0))),
          );
          const A = L.map((row, i) =>
            U[0]!.map((_, j) =>
              row.reduce((s, x, m) => s.plus(x.times(U[m]![j]!)), new R(0)).times(i === 0 ? new R(2).pow(k) : 1),
            ),
          );
          const rows = A.map((row) => row.map((x) => x.toFixed()));
          const r = approximateMatrix(decimalTarget(rows), { eps });
          expect(r.target.determinant.log2).toBe(k);
          check(r, fromStrings(rows));
          expect(r.parts.determinant).toBe(Math.abs(k));
          expect(r.length).toBeLessThanOrEqual(12 * d * d * log2(1 / eps));
        },
      ),
      { numRuns: 25 },
    );
  }, 300_000);

  it('rotations: within ε of the true rotation (cos, sin at 60 digits), length ≤ 12·4·log2(1/ε)', () => {
    for (const theta of ['1', '0.7', '-2.5', '3.1']) {
      for (const eps of [1e-2, 1e-4, 1e-6]) {
        const r = approximateMatrix(rotationTarget(theta), { eps });
        const t = new R(theta);
        check(r, [
          [t.cos(), t.sin().neg()],
          [t.sin(), t.cos()],
        ]);
        expect(r.length).toBeLessThanOrEqual(48 * log2(1 / eps));
      }
    }
  });

  it('det < 0 is refused with the reason, and reached with the reflection', () => {
    const rows = [
      ['0', '1'],
      ['1', '0'],
    ];
    expect(() => approximateMatrix(decimalTarget(rows), { eps: 1e-6 })).toThrow(/--reflection/);
    const r = approximateMatrix(decimalTarget(rows), { eps: 1e-6, reflection: true });
    expect(r.sentence.some(([n]) => n === 'R')).toBe(true);
    check(r, fromStrings(rows));
  });

  it('singular targets and bad ε are refused with a clear message', () => {
    expect(() =>
      approximateMatrix(
        decimalTarget([
          ['1', '2'],
          ['2', '4'],
        ]),
        { eps: 1e-3 },
      ),
    ).toThrow(/singular/);
    expect(() =>
      approximateMatrix(
        decimalTarget([
          ['1', '0'],
          ['0', '1'],
        ]),
        { eps: 0 },
      ),
    ).toThrow(/positive/);
    expect(() =>
      approximateMatrix(
        decimalTarget([
          ['1', '0'],
          ['0', '1'],
        ]),
        { eps: 1e-40 },
      ),
    ).toThrow(/below/);
  });

  it('the determinant costs what the three-distance bound says: det 1.99 at 1e-3 needs ≥ 200 scaling words, and gets at most twice the bound', () => {
    const r = approximateMatrix(
      decimalTarget([
        ['1.99', '0'],
        ['0', '1'],
      ]),
      { eps: 1e-3 },
    );
    expect(r.parts.determinantLowerBound).toBeGreaterThan(200);
    expect(r.parts.determinant).toBeGreaterThanOrEqual(r.parts.determinantLowerBound!);
    expect(r.parts.determinant).toBeLessThanOrEqual(2 * r.parts.determinantLowerBound!);
    check(
      r,
      fromStrings([
        ['1.99', '0'],
        ['0', '1'],
      ]),
    );
  });
});

describe('approximateMatrix (kronecker)', () => {
  it('random det > 0, d = 2…3, ε in [1e-4, 1e-2]: within ε, bound ≥ true error, inverse within its bound', () => {
    fc.assert(
      fc.property(
        fc
          .integer({ min: 2, max: 3 })
          .chain((d) => fc.array(fc.array(entry, { minLength: d, maxLength: d }), { minLength: d, maxLength: d })),
        fc.constantFrom(1e-2, 3e-3, 1e-3, 1e-4),
        (rows, eps) => {
          fc.pre(det(rows) > 0.05);
          const r = approximateMatrix(decimalTarget(rows), { eps, vocabulary: 'kronecker' });
          check(r, fromStrings(rows));
        },
      ),
      { numRuns: 20 },
    );
  }, 300_000);
});
