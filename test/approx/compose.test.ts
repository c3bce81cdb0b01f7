/**
 * A general map inside a composition: the sentence of (general ∘ affine),
 * (coupling ∘ general) and (general ∘ general) is judged word by word by the
 * independent evaluator at random points of the domain against the exact
 * composition written here; the error budget's pieces are checked against
 * what they claim (image boxes hold the exact images, Lipschitz constants
 * bound difference quotients, Σ e·weight ≤ ε); and through the CLI.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateMap, type Approximation, type MapTarget } from '../../src/approx/approximate.js';
import { pairLipschitz, pairTarget } from '../../src/approx/targets.js';
import { parseMapExpr } from '../../src/mapexpr/index.js';
import { wordflow } from '../support/cli.js';
import { offsetGrid, type RunLike, supError, wordByWord } from './independent.js';

const BOX = { x0: -1, x1: 1, y0: -1, y1: 1 };
type Map2 = (x: number, y: number) => [number, number];
const pair = (fx: string, fy: string) => ({ fx: parseMapExpr(fx), fy: parseMapExpr(fy), textX: fx, textY: fy });

/** The composition's targets as the CLI makes them: each pair on the image box of the ones before it. */
function composition(pairs: [string, string][]): MapTarget {
  return { kind: 'compose', parts: pairs.map(([fx, fy], i) => pairTarget(pair(fx, fy), BOX, i, pairs.length)) };
}

const builds = new Map<string, Approximation>();

/** The composition's sentence at ε (built once per test file: each takes seconds). */
function built(pairs: [string, string][], eps: number): Approximation {
  const key = JSON.stringify([pairs, eps]);
  let a = builds.get(key);
  if (a === undefined) builds.set(key, (a = approximateMap(composition(pairs), { domain: BOX, eps })));
  return a;
}

const point = fc.tuple(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }));

/** Every random point of the domain (not only grid points) is within ε, word by word. */
function withinEps(a: Approximation, exact: Map2, eps: number): void {
  fc.assert(
    fc.property(point, ([x, y]) => {
      const [u, v] = wordByWord(a.sentence, x, y);
      const [p, q] = exact(x, y);
      return Math.hypot(u - p, v - q) <= eps;
    }),
    { numRuns: 400 },
  );
  expect(supError(a.sentence as RunLike[], exact, offsetGrid(41))).toBeLessThanOrEqual(eps);
}

const general: Map2 = (x, y) => [x + 0.1 * y * y, y + 0.1 * x];
const rotation: Map2 = (x, y) => [0.8 * x - 0.6 * y, 0.6 * x + 0.8 * y];
const coupling: Map2 = (x, y) => [x, y + 0.2 * Math.sin(3 * x)];
const half: Map2 = (x, y) => [x + 0.05 * y * y, y + 0.05 * x];
const then =
  (...maps: Map2[]): Map2 =>
  (x, y) =>
    maps.reduce<[number, number]>((z, f) => f(z[0], z[1]), [x, y]);

describe('approximateMap: a general map inside a composition, word by word at random points', () => {
  const eps = 1e-2;
  const cases: { name: string; pairs: [string, string][]; exact: Map2 }[] = [
    {
      name: 'a rotation, then a general map',
      pairs: [
        ['0.8*x - 0.6*y', '0.6*x + 0.8*y'],
        ['x + 0.1*y^2', 'y + 0.1*x'],
      ],
      exact: then(rotation, general),
    },
    {
      name: 'a general map, then a coupling map',
      pairs: [
        ['x + 0.1*y^2', 'y + 0.1*x'],
        ['x', 'y + 0.2*sin(3*x)'],
      ],
      exact: then(general, coupling),
    },
    {
      name: 'two general maps',
      pairs: [
        ['x + 0.05*y^2', 'y + 0.05*x'],
        ['x + 0.1*y^2', 'y + 0.1*x'],
      ],
      exact: then(half, general),
    },
  ];
  for (const c of cases) {
    it(`${c.name} at ε = ${eps}`, () => {
      const a = built(c.pairs, eps);
      expect(a.bound).toBeNull();
      withinEps(a, c.exact, eps);
      const parts = a.composition!;
      expect(parts.some((p) => p.kind === 'general')).toBe(true);
      // The budget: Σ e·weight ≤ ε, each weight the product of the later Lipschitz constants.
      expect(parts.reduce((acc, p) => acc + p.eps * p.weight, 0)).toBeLessThanOrEqual(eps * (1 + 1e-12));
      parts.forEach((p, i) => {
        const later = parts.slice(i + 1).reduce((acc, q) => acc * q.lipschitz, 1);
        expect(p.weight).toBeCloseTo(later, 12);
        if (p.kind === 'plain') expect(p.bound!).toBeLessThanOrEqual(p.eps);
      });
      expect(parts.reduce((n, p) => n + p.words, 0)).toBe(a.length);
    }, 120_000);
  }

  it("each piece's box holds the exact image of the pieces before it, with room for their error", () => {
    const a = built(cases[0]!.pairs, eps);
    const [first, second] = a.composition!;
    expect(first!.box).toEqual(BOX);
    fc.assert(
      fc.property(point, ([x, y]) => {
        const [u, v] = rotation(x, y);
        const b = second!.box;
        // Within the box by at least the error the first piece may add.
        return u - b.x0 >= first!.eps && b.x1 - u >= first!.eps && v - b.y0 >= first!.eps && b.y1 - v >= first!.eps;
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});

describe('pairLipschitz', () => {
  it('is the spectral norm for a linear map, and bounds the difference quotients of a nonlinear one', () => {
    const [c, s] = [Math.cos(0.3), Math.sin(0.3)];
    // diag(2, 0.5) after a rotation: spectral norm 2.
    const lin = pairLipschitz(pair(`2*(${c}*x - ${s}*y)`, `0.5*(${s}*x + ${c}*y)`), BOX);
    expect(lin).toBeGreaterThanOrEqual(2);
    expect(lin).toBeLessThan(2 * (1 + 1e-9));
    const box = { x0: -1.5, x1: 1.5, y0: -1, y1: 2 };
    const l = pairLipschitz(pair('x + 0.3*sin(2*y)', 'y + 0.2*x^2'), box);
    fc.assert(
      fc.property(
        fc.tuple(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true })),
        fc.tuple(fc.double({ min: -1.5, max: 1.5, noNaN: true }), fc.double({ min: -1, max: 2, noNaN: true })),
        ([x1, y1], [x2, y2]) => {
          const d = Math.hypot(x1 - x2, y1 - y2);
          if (d === 0) return true;
          const du = x1 + 0.3 * Math.sin(2 * y1) - (x2 + 0.3 * Math.sin(2 * y2));
          const dv = y1 + 0.2 * x1 * x1 - (y2 + 0.2 * x2 * x2);
          return Math.hypot(du, dv) <= l * d * (1 + 1e-12);
        },
      ),
      { numRuns: 500 },
    );
    // Not vacuous: the constant is within a factor of two of the largest quotient near its worst corner.
    expect(l).toBeLessThan(2 * Math.hypot(1 + 0.6, 0.6));
  });
});

describe('wordflow approx: a general map inside a composition', () => {
  it('--json: the sentence is within ε of the composition on an offset grid, and the budget is reported', () => {
    const r = wordflow([
      'approx',
      'x + 0.1*y^2',
      'y + 0.1*x',
      'x + 0.2*y',
      'y',
      '--eps',
      '1e-2',
      '--grid',
      '33',
      '--json',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const a = JSON.parse(r.stdout) as {
      sentence: RunLike[];
      error: { grid: number; bound: number | null };
      composition: { maps: number[]; kind: string; eps: number; weight: number; bound: number | null }[];
    };
    expect(
      supError(
        a.sentence,
        then(general, (x, y) => [x + 0.2 * y, y]),
        offsetGrid(37),
      ),
    ).toBeLessThanOrEqual(1e-2);
    expect(a.error.bound).toBeNull();
    expect(a.composition.map((p) => [p.maps, p.kind])).toEqual([
      [[1, 1], 'general'],
      [[2, 2], 'plain'],
    ]);
  }, 120_000);

  it('prints the error budget piece by piece', () => {
    const r = wordflow(['approx', '0.8*x - 0.6*y', '0.6*x + 0.8*y', 'x + 0.1*y^2', 'y + 0.1*x', '--eps', '1e-2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^proved bound: none \(a general map is built through its isotopy/m);
    expect(r.stdout).toMatch(/^ {2}map 1 \(affine or coupling\): e = [\d.e-]+ × [\d.]+ on \[-1, 1\]×\[-1, 1\], /m);
    expect(r.stdout).toMatch(/^ {2}map 2 \(general, by its isotopy\): e = [\d.e-]+ on \[-1\.4\d*, 1\.4\d*\]×/m);
  }, 120_000);
});
