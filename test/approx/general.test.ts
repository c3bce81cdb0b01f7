/**
 * The general targets of approx: the stretch step (its proved bound against
 * a 40-digit word-by-word evaluation), integer frame changes, the ridge fit
 * of a polynomial field (exact up to rounding, checked against the field at
 * random points), the isotopy check (one map proved, one refused with the
 * failing point), and end to end through the CLI: the saddle, a rotation
 * field and a general diffeomorphism, each sentence evaluated word by word
 * on an offset grid against a closed form.
 */
import { Decimal } from 'decimal.js';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { unimodularSteps } from '../../src/approx/field.js';
import { FrameBuilder } from '../../src/approx/frames.js';
import { fieldTarget, proveIsotopy } from '../../src/approx/general.js';
import { polyFunction } from '../../src/approx/poly.js';
import { ridgeFieldAt, type RidgeField } from '../../src/approx/ridge.js';
import { applyStep, buildStep } from '../../src/approx/steps.js';
import { parseMapExpr } from '../../src/mapexpr/index.js';
import { wordflow } from '../support/cli.js';
import { offsetGrid, type RunLike, supError } from './independent.js';

const D40 = Decimal.clone({ precision: 40 });
const E = new D40(1).exp();

/** The sentence at (x, y) in 40-digit decimals, run by run from the words' closed forms. */
function precise(sentence: readonly RunLike[], x: number, y: number): [number, number] {
  let [u, v] = [new D40(x), new D40(y)];
  const relu = (d: Decimal): Decimal => (d.isPositive() && !d.isZero() ? d : new D40(0));
  for (const [w, n] of sentence) {
    const two = new D40(2).pow(n);
    switch (w) {
      case 'hx':
        u = u.div(two);
        break;
      case 'dx':
        u = u.times(two);
        break;
      case 'hy':
        v = v.div(two);
        break;
      case 'dy':
        v = v.times(two);
        break;
      case 'tx+':
        u = u.plus(n);
        break;
      case 'tx-':
        u = u.minus(n);
        break;
      case 'ty+':
        v = v.plus(n);
        break;
      case 'ty-':
        v = v.minus(n);
        break;
      case 'ry+':
        v = v.plus(relu(u).times(n));
        break;
      case 'ry-':
        v = v.minus(relu(u).times(n));
        break;
      case 'rx+':
        u = u.plus(relu(v).times(n));
        break;
      case 'rx-':
        u = u.minus(relu(v).times(n));
        break;
      case 'sx+':
        if (u.isPositive() && !u.isZero()) u = u.times(E.pow(n));
        break;
      case 'sx-':
        if (u.isPositive() && !u.isZero()) u = u.div(E.pow(n));
        break;
      case 'sy+':
        if (v.isPositive() && !v.isZero()) v = v.times(E.pow(n));
        break;
      case 'sy-':
        if (v.isPositive() && !v.isZero()) v = v.div(E.pow(n));
        break;
      default:
        throw new Error(`unknown word ${w}`);
    }
  }
  return [u.toNumber(), v.toNumber()];
}

describe('the stretch step', () => {
  const box = { x0: -1, x1: 1, y0: -1, y1: 1 };
  const cases: [string, { coef: number[]; c: number; r: number }, number][] = [
    ['0.08·t − 0.03·t³ on [-1, 1]', { coef: [0, 0.08, 0, -0.03], c: 0, r: 1 }, 1e-3],
    ['a shrink −0.1·t + 0.05 t² (scaled t)', { coef: [0.02, -0.1, 0.05], c: 0.25, r: 2 }, 2e-3],
  ];
  for (const [name, p, budget] of cases) {
    it(`${name}: the proved bound holds against 40-digit evaluation and is within the budget`, () => {
      const d = polyFunction({ coef: Float64Array.from(p.coef), c: p.c, r: p.r });
      const b = new FrameBuilder();
      const report = buildStep(b, { kind: 'stretch', axis: 'x', d }, box, budget);
      const sentence = b.finish();
      expect(report.error).toBeLessThanOrEqual(budget);
      expect(report.detail['kinks']).toBeGreaterThan(0);
      let worst = 0;
      for (let i = 0; i <= 300; i++) {
        const x = -1 + (2 * (i + 0.29)) / 301;
        const [u, v] = precise(sentence, x, 0.4);
        const [ex, ey] = applyStep({ kind: 'stretch', axis: 'x', d }, x, 0.4);
        worst = Math.max(worst, Math.hypot(u - ex, v - ey));
      }
      expect(worst).toBeLessThanOrEqual(report.error);
      // Not vacuous: the staircase's error is a real fraction of its bound.
      expect(worst).toBeGreaterThan(report.error / 50);
    });
  }
});

describe('integer frame changes', () => {
  it('unimodularSteps composes to the matrix (random products of elementary shears)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.boolean(), fc.integer({ min: -3, max: 3 })), { maxLength: 6 }), (ops) => {
        let m: [number, number, number, number] = [1, 0, 0, 1];
        for (const [xAxis, t] of ops) {
          const [a, b, c, d] = m;
          m = xAxis ? [a + t * c, b + t * d, c, d] : [a, b, c + t * a, d + t * b];
        }
        const steps = unimodularSteps(m);
        for (const [x, y] of [
          [1, 0],
          [0, 1],
          [0.3, -0.7],
        ] as const) {
          let p: [number, number] = [x, y];
          for (const s of steps) p = applyStep(s, p[0], p[1]);
          expect(p[0]).toBeCloseTo(m[0] * x + m[1] * y, 12);
          expect(p[1]).toBeCloseTo(m[2] * x + m[3] * y, 12);
        }
      }),
      { numRuns: 50 },
    );
  });
});

describe('the ridge fit', () => {
  it("fits Van der Pol's field exactly (one stretch direction for its divergence 1 − x²)", () => {
    const target = fieldTarget(parseMapExpr('y'), parseMapExpr('(1-x^2)*y-x'), 1, { x0: -1, x1: 1, y0: -1, y1: 1 });
    expect(target.kind).toBe('ridgeFlow');
    const field: RidgeField = (target as Extract<typeof target, { kind: 'ridgeFlow' }>).fit(1e-6);
    expect(field.fitError).toBeLessThanOrEqual(1e-6);
    expect(field.stretches.map((s) => s.dir.w)).toEqual([[1, 0]]);
    for (const [x, y] of [
      [0.3, -0.8],
      [-1.7, 2.1],
      [0.05, 0.9],
    ] as const) {
      const [vx, vy] = ridgeFieldAt(field, x, y);
      expect(Math.hypot(vx - y, vy - ((1 - x * x) * y - x))).toBeLessThanOrEqual(1e-6);
    }
  });
});

describe('the isotopy check', () => {
  const box = { x0: -1, x1: 1, y0: -1, y1: 1 };
  const pair = (fx: string, fy: string) => ({ fx: parseMapExpr(fx), fy: parseMapExpr(fy), textX: fx, textY: fy });
  it('proves (x + 0.2·sin(y) + 0.1·x², y + 0.1·x·y) on [-1,1]²', () => {
    expect(proveIsotopy(pair('x + 0.2*sin(y) + 0.1*x^2', 'y + 0.1*x*y'), box)).toBeNull();
  });
  it('refuses (x + 3y + 0.1·x², y), naming a point where the symmetric part is not positive definite', () => {
    const failure = proveIsotopy(pair('x + 3*y + 0.1*x^2', 'y'), box);
    expect(failure).not.toBeNull();
    expect(failure!.what).toMatch(/not positive definite/);
    // The named point really fails: J11·J22 − ((J12 + J21)/2)² = (1 + 0.2x) − 2.25 < 0.
    expect(1 + 0.2 * failure!.x - 2.25).toBeLessThan(0);
  });
});

interface ApproxJson {
  sentence: RunLike[];
  length: number;
  error: { grid: number; grid_points: number; bound: number | null };
  words: Record<string, number>;
}

function approx(args: string[]): ApproxJson {
  const r = wordflow(['approx', '--json', '--grid', '33', ...args]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ApproxJson;
}

describe('wordflow approx: general fields and diffeomorphisms end to end (word by word, offset grid)', () => {
  const GRID = offsetGrid(37);
  it('the saddle x′ = x, y′ = −y (its time-1 map diag(e, 1/e)) at ε = 1e-2 and 1e-3', () => {
    for (const eps of [1e-2, 1e-3]) {
      const a = approx(['--flow', '--eps', String(eps), '--', 'x', '-y']);
      expect(supError(a.sentence, (x, y) => [x * Math.E, y / Math.E], GRID)).toBeLessThanOrEqual(eps);
    }
  });
  it('the rotation field x′ = −y, y′ = x (rotation by 1 rad) at ε = 1e-3', () => {
    const a = approx(['--flow', '--eps', '1e-3', '--', '-y', 'x']);
    const [c, s] = [Math.cos(1), Math.sin(1)];
    expect(supError(a.sentence, (x, y) => [c * x - s * y, s * x + c * y], GRID)).toBeLessThanOrEqual(1e-3);
  });
  it('a general diffeomorphism (x + 0.2·sin(y) + 0.1·x², y + 0.1·x·y) at ε = 1e-2', () => {
    const a = approx(['--eps', '1e-2', 'x + 0.2*sin(y) + 0.1*x^2', 'y + 0.1*x*y']);
    const f = (x: number, y: number): [number, number] => [x + 0.2 * Math.sin(y) + 0.1 * x * x, y + 0.1 * x * y];
    expect(supError(a.sentence, f, GRID)).toBeLessThanOrEqual(1e-2);
    expect(a.error.bound).toBeNull();
    expect(a.words['stretch']).toBeGreaterThan(0);
  });
  it('--inverse of a general diffeomorphism meets ε against f⁻¹ (by fixed-point iteration here)', () => {
    const a = approx(['--eps', '1e-2', '--inverse', 'x + 0.1*y^2', 'y + 0.1*x']);
    // f = id + g with Lip(g) ≤ 0.2 on the box: p ↦ z − g(p) contracts to f⁻¹(z).
    const inverse = (x: number, y: number): [number, number] => {
      let p: [number, number] = [x, y];
      for (let k = 0; k < 80; k++) p = [x - 0.1 * p[1] * p[1], y - 0.1 * p[0]];
      return p;
    };
    expect(supError(a.sentence, inverse, GRID)).toBeLessThanOrEqual(1e-2);
  });
});
