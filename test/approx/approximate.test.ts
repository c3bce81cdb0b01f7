/**
 * approximateMap on the targets of the Done-when list, judged by the
 * independent word-by-word evaluator on an offset grid and random points
 * (not the grid approx measures on): a rotation, an area-preserving squeeze,
 * a non-dyadic scaling, coupling maps (sin and polynomial), a composition,
 * and random affine and coupling targets as properties. The proved bound
 * must hold at every point tested, and be ≤ ε.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateMap, type MapTarget } from '../../src/approx/approximate.js';
import { type Function1 } from '../../src/approx/steps.js';
import { sentenceLength } from '../../src/approx/sentence.js';
import { offsetGrid, supError } from './independent.js';

const DOMAIN = { x0: -1, x1: 1, y0: -1, y1: 1 };

/** A·sin(w·v + p) with global bounds (valid on any interval). */
function sine(A: number, w: number, p = 0): Function1 {
  return {
    at: (v) => A * Math.sin(w * v + p),
    range: () => [-Math.abs(A), Math.abs(A)],
    slope: () => Math.abs(A * w),
    curvature: () => Math.abs(A * w * w) * (1 + 1e-12),
  };
}

/** Σ c_k v^k with bounds from |v| ≤ max(|a|, |b|). */
function poly(c: readonly number[]): Function1 {
  const at = (v: number): number => c.reduceRight((acc, ck) => acc * v + ck, 0);
  const bound = (a: number, b: number, d: number): number => {
    const r = Math.max(Math.abs(a), Math.abs(b));
    let s = 0;
    c.forEach((ck, k) => {
      if (k < d) return;
      let f = 1;
      for (let i = 0; i < d; i++) f *= k - i;
      s += Math.abs(ck) * f * r ** (k - d);
    });
    return s * (1 + 1e-12);
  };
  return {
    at,
    range: (a, b) => [
      at(0) - bound(a, b, 1) * Math.max(Math.abs(a), Math.abs(b)),
      at(0) + bound(a, b, 1) * Math.max(Math.abs(a), Math.abs(b)),
    ],
    slope: (a, b) => bound(a, b, 1),
    curvature: (a, b) => bound(a, b, 2),
  };
}

const affine = (a: number, b: number, c: number, d: number, cx = 0, cy = 0): MapTarget => ({
  kind: 'affine',
  matrix: { a, b, c, d },
  offset: [cx, cy],
});
const affineMap =
  (a: number, b: number, c: number, d: number, cx = 0, cy = 0) =>
  (x: number, y: number): [number, number] => [a * x + b * y + cx, c * x + d * y + cy];

const rotation = (t: number) => [Math.cos(t), -Math.sin(t), Math.sin(t), Math.cos(t)] as const;
const GRID = offsetGrid(61);

interface Case {
  readonly name: string;
  readonly target: MapTarget;
  readonly map: (x: number, y: number) => [number, number];
  readonly eps: readonly number[];
}

const CASES: readonly Case[] = [
  {
    name: 'rotation by 0.7 rad',
    target: affine(...rotation(0.7)),
    map: affineMap(...rotation(0.7)),
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'squeeze diag(1.5, 1/1.5)',
    target: affine(1.5, 0, 0, 1 / 1.5),
    map: affineMap(1.5, 0, 0, 1 / 1.5),
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'non-dyadic scaling (3x, y)',
    target: affine(3, 0, 0, 1),
    map: affineMap(3, 0, 0, 1),
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'affine with a translation',
    target: affine(0.8, 0.5, -0.3, 1.2, 0.3, -0.2),
    map: affineMap(0.8, 0.5, -0.3, 1.2, 0.3, -0.2),
    eps: [1e-2, 1e-3],
  },
  {
    name: 'coupling (x + 0.3 sin 2πy, y)',
    target: { kind: 'coupling', axis: 'x', g: sine(0.3, 2 * Math.PI) },
    map: (x, y) => [x + 0.3 * Math.sin(2 * Math.PI * y), y],
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'polynomial coupling (x, y + x³ − x/2)',
    target: { kind: 'coupling', axis: 'y', g: poly([0, -0.5, 0, 1]) },
    map: (x, y) => [x, y + x ** 3 - x / 2],
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'composition: rotation by 0.5, then (x, y + 0.2 sin 3x)',
    target: {
      kind: 'compose',
      parts: [affine(...rotation(0.5)), { kind: 'coupling', axis: 'y', g: sine(0.2, 3) }],
    },
    map: (x, y) => {
      const [u, v] = affineMap(...rotation(0.5))(x, y);
      return [u, v + 0.2 * Math.sin(3 * u)];
    },
    eps: [1e-2, 1e-3],
  },
];

describe('approximateMap: the Done-when targets, judged word by word on an offset 61² grid', () => {
  for (const c of CASES) {
    for (const eps of c.eps) {
      it(`${c.name} at ε = ${eps}`, () => {
        const a = approximateMap(c.target, { domain: DOMAIN, eps });
        expect(a.length).toBe(sentenceLength(a.sentence));
        expect(a.bound).not.toBeNull();
        expect(a.bound!).toBeLessThanOrEqual(eps);
        const err = supError(a.sentence, c.map, GRID);
        expect(err).toBeLessThanOrEqual(a.bound! + 1e-12);
      });
    }
  }

  it('affine maps with det a power of two stay within 100·log2(1/ε) + 300 words', () => {
    for (const eps of [1e-2, 1e-3, 1e-4]) {
      for (const m of [
        rotation(0.7),
        rotation(3),
        [1.5, 0, 0, 1 / 1.5] as const,
        [1, 1, -1, 1] as const,
        [2, 0.3, 0.1, 0.5] as const,
      ]) {
        const det = m[0] * m[3] - m[1] * m[2];
        // Scale the matrix so that its det is (to rounding) the nearest power of two.
        const k = Math.sqrt(2 ** Math.round(Math.log2(det)) / det);
        const target = affine(k * m[0], k * m[1], k * m[2], k * m[3]);
        const a = approximateMap(target, { domain: DOMAIN, eps });
        expect(a.length).toBeLessThanOrEqual(100 * Math.log2(1 / eps) + 300);
      }
    }
  });

  it('(x + 0.3 sin 2πy, y) at ε = 1e-4 takes at most 15 000 words', () => {
    const a = approximateMap({ kind: 'coupling', axis: 'x', g: sine(0.3, 2 * Math.PI) }, { domain: DOMAIN, eps: 1e-4 });
    expect(a.length).toBeLessThanOrEqual(15_000);
  });

  it('--inverse: the sentence of f⁻¹ meets ε against the closed-form inverse', () => {
    const [a, b, c, d] = rotation(0.9);
    const s = approximateMap(affine(a, b, c, d, 0.1, 0), { domain: DOMAIN, eps: 1e-3, inverse: true });
    // f⁻¹(w) = Rᵀ(w − (0.1, 0)).
    const inv = (x: number, y: number): [number, number] => [a * (x - 0.1) + c * y, b * (x - 0.1) + d * y];
    expect(supError(s.sentence, inv, GRID)).toBeLessThanOrEqual(1e-3);
    const g = sine(0.3, 2 * Math.PI);
    const t = approximateMap({ kind: 'coupling', axis: 'x', g }, { domain: DOMAIN, eps: 1e-3, inverse: true });
    expect(supError(t.sentence, (x, y) => [x - g.at(y), y], GRID)).toBeLessThanOrEqual(1e-3);
  });

  it('refuses det ≤ 0 and ε ≤ 0', () => {
    expect(() => approximateMap(affine(-1, 0, 0, 1), { domain: DOMAIN, eps: 1e-2 })).toThrow(/det > 0/);
    expect(() => approximateMap(affine(1, 0, 0, 1), { domain: DOMAIN, eps: 0 })).toThrow(/positive/);
  });
});

/** Random points of the domain, drawn by fast-check. */
const points = fc.array(
  fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })),
  {
    minLength: 20,
    maxLength: 60,
  },
);

describe('approximateMap: properties', () => {
  it('random affine maps with det > 0: error ≤ ε at random points', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        fc.double({ min: 0.3, max: 3, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true })),
        fc.constantFrom(1e-2, 1e-3),
        points,
        (theta, p, r, q, [cx, cy], eps, pts) => {
          // A = R(θ)·[[p, q], [0, r]]: every det > 0 matrix has this form.
          const [c, s] = [Math.cos(theta), Math.sin(theta)];
          const m = [c * p, c * q - s * r, s * p, s * q + c * r] as const;
          const a = approximateMap(affine(m[0], m[1], m[2], m[3], cx, cy), { domain: DOMAIN, eps });
          expect(supError(a.sentence, affineMap(m[0], m[1], m[2], m[3], cx, cy), pts)).toBeLessThanOrEqual(eps);
        },
      ),
      { numRuns: 40 },
    );
  });

  it('random coupling maps (sine and cubic): error ≤ ε at random points', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'x' | 'y'>('x', 'y'),
        fc.oneof(
          fc
            .tuple(
              fc.double({ min: -1, max: 1, noNaN: true }),
              fc.double({ min: 0.5, max: 8, noNaN: true }),
              fc.double({ min: -3, max: 3, noNaN: true }),
            )
            .map(([A, w, p]) => sine(A, w, p)),
          fc.array(fc.double({ min: -1, max: 1, noNaN: true }), { minLength: 4, maxLength: 4 }).map((c) => poly(c)),
        ),
        fc.constantFrom(1e-2, 1e-3),
        points,
        (axis, g, eps, pts) => {
          const a = approximateMap({ kind: 'coupling', axis, g }, { domain: DOMAIN, eps });
          const map = (x: number, y: number): [number, number] => (axis === 'y' ? [x, y + g.at(x)] : [x + g.at(y), y]);
          expect(supError(a.sentence, map, pts)).toBeLessThanOrEqual(eps);
        },
      ),
      { numRuns: 40 },
    );
  });
});
