/**
 * Fitted fields and what makes them cheap: merged stretches (the composed
 * map and its interval bounds), recentred polynomials, the run-by-run grid
 * evaluator (the same doubles as point by point), the shared budgets, frame
 * origins that stay near the box over hundreds of integer frame changes
 * (they once drifted to 2^41 and cost a Van der Pol sentence its precision),
 * and end to end: Van der Pol and a nonlinear damped rotation, each sentence
 * evaluated word by word at random points of the domain against the
 * reference integrator.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateMap } from '../../src/approx/approximate.js';
import { frozenFieldSteps, unimodularSteps } from '../../src/approx/field.js';
import { fieldTarget } from '../../src/approx/general.js';
import { applyPlan, buildMeasuredPlan, measuredBudgets } from '../../src/approx/plan.js';
import { polyAt, polyFunction, polyRecenter } from '../../src/approx/poly.js';
import { DIRECTIONS, type RidgeField } from '../../src/approx/ridge.js';
import {
  compileSentence,
  evaluateSentence,
  runCompiledSentence,
  runCompiledSentenceMany,
  type Sentence,
} from '../../src/approx/sentence.js';
import { type Step } from '../../src/approx/steps.js';
import { composeStretches } from '../../src/approx/stretch.js';
import { flowReference } from '../../src/approx/targets.js';
import { VOCABULARY } from '../../src/approx/vocabulary.js';
import { parseMapExpr } from '../../src/mapexpr/index.js';
import { wordByWord } from './independent.js';

const coef = fc.array(fc.double({ min: -0.05, max: 0.05, noNaN: true }), { minLength: 1, maxLength: 5 });
const poly = (c: number[], center = 0, r = 1) => ({ coef: Float64Array.from(c), c: center, r });

describe('merged stretches', () => {
  it('compose to φ2∘φ1 at random points, and the bounds enclose the composed map, its slope and curvature', () => {
    fc.assert(
      fc.property(
        coef,
        coef,
        fc.double({ min: -1, max: 0.9, noNaN: true }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (c1, c2, a, w) => {
          const d1 = polyFunction(poly(c1, 0.1, 1.5));
          const d2 = polyFunction(poly(c2, -0.2, 0.7));
          const d = composeStretches(d1, d2);
          const b = a + w;
          const [lo, hi] = d.range(a, b);
          const slope = d.slope(a, b);
          const curvature = d.curvature(a, b);
          const n = 40;
          const h = w / n;
          const f = (v: number): number => {
            const e = polyAt(Float64Array.from(c1), (v - 0.1) / 1.5);
            return e + polyAt(Float64Array.from(c2), (v + e + 0.2) / 0.7);
          };
          for (let i = 0; i <= n; i++) {
            const v = a + i * h;
            expect(d.at(v)).toBeCloseTo(f(v), 14);
            expect(d.at(v)).toBeGreaterThanOrEqual(lo - 1e-15);
            expect(d.at(v)).toBeLessThanOrEqual(hi + 1e-15);
            if (i > 0) expect(Math.abs(f(v) - f(v - h)) / h).toBeLessThanOrEqual(slope + 1e-9);
            if (i > 0 && i < n)
              expect(Math.abs(f(v + h) - 2 * f(v) + f(v - h)) / (h * h)).toBeLessThanOrEqual(curvature + 1e-6);
          }
        },
      ),
      { numRuns: 100 },
    );
  });

  it("two frozen fields' stretches in one frame become one step with the same map", () => {
    const field = (a: number[], b: number[]): RidgeField => ({
      stretches: [{ dir: DIRECTIONS[0]!, A: poly(a) }],
      shears: [{ dir: DIRECTIONS[1]!, B: poly(b) }],
      fitError: 0,
      checkPoints: 0,
      degree: 2,
    });
    const f1 = field([0.1, 0.2, -0.3], [0.2, 0.1, 0.4]);
    const f2 = field([0.05, 0.25, -0.1], [0.1, -0.3, 0.2]);
    const merged = frozenFieldSteps(
      [
        { field: f1, time: 0.3 },
        { field: f2, time: 0.2 },
      ],
      'strang',
    );
    const apart: Step[] = [
      ...frozenFieldSteps([{ field: f1, time: 0.3 }], 'strang'),
      ...frozenFieldSteps([{ field: f2, time: 0.2 }], 'strang'),
    ];
    const count = (s: readonly Step[]): number => s.filter((x) => x.kind === 'stretch').length;
    expect(count(merged)).toBe(count(apart) - 1);
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (x, y) => {
        const [u, v] = applyPlan(merged, x, y);
        const [p, q] = applyPlan(apart, x, y);
        expect(Math.hypot(u - p, v - q)).toBeLessThan(1e-13);
      }),
      { numRuns: 100 },
    );
  });
});

describe('polynomials in another scaled coordinate', () => {
  it('polyRecenter keeps the values', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -2, max: 2, noNaN: true }), { minLength: 1, maxLength: 6 }),
        fc.double({ min: -1, max: 1, noNaN: true }),
        fc.double({ min: 0.25, max: 4, noNaN: true }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (c, center, r, u) => {
          const p = poly(c, 0.3, 1.7);
          const q = polyRecenter(p, center, r);
          expect(polyAt(q.coef, (u - q.c) / q.r)).toBeCloseTo(polyAt(p.coef, (u - p.c) / p.r), 9);
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('the run-by-run grid evaluator', () => {
  it('gives the doubles of the point-by-point evaluator (runs of sx longer than 700 included)', () => {
    const run = fc.tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 900 }));
    fc.assert(
      fc.property(fc.array(run, { maxLength: 40 }), (runs) => {
        const sentence: Sentence = runs.map(([w, n]) => [w, w.startsWith('s') ? n : Math.min(n, 3)] as const);
        const compiled = compileSentence(sentence);
        const xs = Float64Array.from([-1, -0.3, 0, 0.25, 1, 1e-300]);
        const ys = Float64Array.from([0.5, -1, 0, 0.75, -0.2, 3]);
        const us = xs.slice();
        const vs = ys.slice();
        runCompiledSentenceMany(compiled, us, vs);
        const out = [0, 0];
        xs.forEach((x, k) => {
          runCompiledSentence(compiled, x, ys[k]!, out);
          expect(Object.is(us[k], out[0]) || (Number.isNaN(us[k]) && Number.isNaN(out[0]))).toBe(true);
          expect(Object.is(vs[k], out[1]) || (Number.isNaN(vs[k]) && Number.isNaN(out[1]))).toBe(true);
        });
      }),
      { numRuns: 100 },
    );
  });
});

describe('measured plans', () => {
  it('share ε among the steps: the budgets add up to ε, the stretch gets more than a shear', () => {
    const d = polyFunction(poly([0, 0.01, 0.02]));
    const g = polyFunction(poly([0, 0, 0.3]));
    const steps: Step[] = [
      { kind: 'shear', axis: 'x', t: 2 },
      { kind: 'stretch', axis: 'x', d },
      { kind: 'coupling', axis: 'y', g },
    ];
    const box = { x0: -1, x1: 1, y0: -1, y1: 1 };
    const budgets = measuredBudgets(steps, [box, box, box], 1e-3);
    expect(budgets.reduce((a, b) => a + b, 0)).toBeCloseTo(1e-3, 12);
    expect(budgets[1]!).toBeGreaterThan(budgets[0]!);
    expect(budgets.every((b) => b > 0)).toBe(true);
  });

  it('keep their frame origins near the box over 400 integer frame changes (the sentence in doubles stays exact)', () => {
    // Frame changes of a ridge field (to an integer frame and back), as the splitting writes them, 200 times.
    const frames: [number, number, number, number][] = [
      [1, 3, 0, 1],
      [3, -1, 1, 0],
      [2, 1, 1, 1],
      [1, -2, 0, 1],
      [1, 2, 1, 3],
    ];
    const steps: Step[] = [];
    for (let k = 0; k < 200; k++) {
      const [a, b, c, d] = frames[k % frames.length]!;
      steps.push(...unimodularSteps([a, b, c, d]), ...unimodularSteps([d, -b, -c, a]));
      steps.push({ kind: 'translate', dx: 0.001 * ((k % 7) - 3), dy: 0.0005 * ((k % 5) - 2) });
    }
    const domain = { x0: -1, x1: 1, y0: -1, y1: 1 };
    const built = buildMeasuredPlan(steps, domain, 1e-6);
    fc.assert(
      fc.property(fc.double({ min: -1, max: 1, noNaN: true }), fc.double({ min: -1, max: 1, noNaN: true }), (x, y) => {
        const [u, v] = evaluateSentence(built.sentence, x, y);
        const [p, q] = applyPlan(steps, x, y);
        expect(Math.hypot(u - p, v - q)).toBeLessThan(1e-6);
      }),
      { numRuns: 100 },
    );
  });
});

describe('fields that are neither linear nor separable, end to end', () => {
  const domain = { x0: -1, x1: 1, y0: -1, y1: 1 };
  const cases: [string, string, string, number][] = [
    ['Van der Pol', 'y', '(1-x^2)*y-x', 5e-2],
    ['a rotation with nonlinear damping', '-y-0.1*x*(x^2+y^2)', 'x-0.1*y*(x^2+y^2)', 2e-2],
  ];
  for (const [name, tx, ty, eps] of cases) {
    it(`${name} (${tx}, ${ty}) at ε = ${eps}: the sentence, word by word, is within ε at random points`, () => {
      const vx = parseMapExpr(tx);
      const vy = parseMapExpr(ty);
      const reference = flowReference(vx, vy, 1);
      const a = approximateMap(fieldTarget(vx, vy, 1, domain), { domain, eps, reference });
      fc.assert(
        fc.property(
          fc.double({ min: -1, max: 1, noNaN: true }),
          fc.double({ min: -1, max: 1, noNaN: true }),
          (x, y) => {
            const [u, v] = wordByWord(a.sentence, x, y);
            const [p, q] = reference(x, y);
            expect(Math.hypot(u - p, v - q)).toBeLessThanOrEqual(eps);
          },
        ),
        { numRuns: 60 },
      );
    });
  }
});
