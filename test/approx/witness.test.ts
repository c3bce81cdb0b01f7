/**
 * Refusals of map pairs are proofs: each kind's witness is re-checked here
 * with interval arithmetic (or exact arithmetic) independently of the
 * search that found it, and grid suspicions that cannot be proved come back
 * as `unproved`, never as a claim.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pairTarget } from '../../src/approx/targets.js';
import { boundaryGap, findPairProblem, fmtBelow, type PairProblem, problemMessage } from '../../src/approx/witness.js';
import { evaluate, evaluateInterval, type Interval, parseMapExpr } from '../../src/mapexpr/index.js';

const DOMAIN = { x0: -1, x1: 1, y0: -1, y1: 1 };
const pair = (fx: string, fy: string) => ({ fx: parseMapExpr(fx), fy: parseMapExpr(fy), textX: fx, textY: fy });
const at = (v: number): Interval => ({ lo: v, hi: v });

function problem(fx: string, fy: string): PairProblem {
  const found = findPairProblem(pair(fx, fy), DOMAIN);
  expect(found).not.toBeNull();
  return found!;
}

function message(fx: string, fy: string): string {
  return problemMessage(problem(fx, fy), pair(fx, fy), DOMAIN, '');
}

describe('orientation: a box where det Jf < 0 is proved, and the degree argument’s distance', () => {
  it('(-x, y) and (y, x): det ≤ -1 on the whole square, no orientation-preserving map within 1', () => {
    for (const [fx, fy] of [
      ['-x', 'y'],
      ['y', 'x'],
    ] as const) {
      const p = problem(fx, fy);
      expect(p.kind).toBe('orientation');
      if (p.kind !== 'orientation') continue;
      expect(p.negative.box).toEqual(DOMAIN);
      expect(p.negative.det.hi).toBe(-1);
      // The boundary of [-1,1]² stays at distance ≥ 1 from f(0, 0) = (0, 0): exactly 1 at the sides' midpoints.
      expect(p.negative.gap).toBe(1);
      expect(message(fx, fy)).toMatch(/proves det Jf ≤ -1 < 0 on \[-1,1\]x\[-1,1\].*comes within 1 of f/s);
    }
  });

  it('a map with relu: the sign is proved, and no distance is claimed', () => {
    const p = problem('relu(x) - 2*x', 'y');
    expect(p.kind).toBe('orientation');
    if (p.kind === 'orientation') expect(p.negative.gap).toBeNull();
    expect(message('relu(x) - 2*x', 'y')).toMatch(/arbitrarily close.*proves no distance/s);
  });

  it('the gap bound never exceeds the true distance (a rotation-reflection, exact on the circle)', () => {
    // f = reflection: |f(z) − f(0)| = |z| ≥ r on the boundary of [-r, r]², equal at the sides' midpoints.
    const r = 0.5;
    const g = boundaryGap(pair('y', 'x'), { x0: -r, x1: r, y0: -r, y1: r }, [0, 0]);
    expect(g).toBeLessThanOrEqual(r);
    expect(g).toBeGreaterThan(0.49);
  });

  it('property: random affine maps with det < 0 are refused with a box whose det enclosure holds the exact det', () => {
    // Quarter-integer coefficients: the determinant is exact in doubles, an independent reference.
    const q = fc.integer({ min: -12, max: 12 }).map((n) => n / 4);
    fc.assert(
      fc.property(q, q, q, q, q, q, (a, b, c, d, e, f) => {
        const exact = a * d - b * c;
        fc.pre(exact < 0);
        const fx = `(${a})*x + (${b})*y + (${e})`;
        const fy = `(${c})*x + (${d})*y + (${f})`;
        const p = findPairProblem(pair(fx, fy), DOMAIN);
        expect(p?.kind).toBe('orientation');
        if (p?.kind !== 'orientation') return;
        const { box, det } = p.negative;
        expect(det.lo).toBeLessThanOrEqual(exact);
        expect(det.hi).toBeGreaterThanOrEqual(exact);
        expect(det.hi).toBeLessThan(0);
        expect(box.x0 >= -1 && box.x1 <= 1 && box.y0 >= -1 && box.y1 <= 1 && box.x0 < box.x1).toBe(true);
        // The proved distance is at most the true one: σ_min·(half the box's shorter side) ≤ |A(z − c)| somewhere.
        const side = Math.min(box.x1 - box.x0, box.y1 - box.y0) / 2;
        const norm = Math.sqrt(a * a + b * b + c * c + d * d);
        expect(p.negative.gap ?? 0).toBeLessThanOrEqual(norm * side * Math.SQRT2 + 1e-12);
      }),
      { numRuns: 30 },
    );
  });

  it('property: non-dyadic coefficients with det < 0 (by a margin): the sign is proved on the box', () => {
    const r = fc.integer({ min: -2000, max: 2000 }).map((n) => n / 1000);
    fc.assert(
      fc.property(r, r, r, r, (a, b, c, d) => {
        fc.pre(a * d - b * c < -0.01);
        const fx = `(${a})*x + (${b})*y`;
        const fy = `(${c})*x + (${d})*y`;
        const p = findPairProblem(pair(fx, fy), DOMAIN);
        expect(p?.kind).toBe('orientation');
        if (p?.kind !== 'orientation') return;
        // Independently: the determinant of the literals, in interval arithmetic without derivatives.
        const det = evaluateInterval(parseMapExpr(`(${a})*(${d}) - (${b})*(${c})`), at(0), at(0));
        expect(det.hi).toBeLessThan(0);
        expect(p.negative.det.hi).toBeLessThan(0);
      }),
      { numRuns: 30 },
    );
  });

  it('pairTarget throws the orientation refusal as a usage error', () => {
    expect(() => pairTarget(pair('0.5*x + y', '2*x - 3*y'), DOMAIN)).toThrow(
      /reverses orientation: interval arithmetic/,
    );
  });
});

describe('fold: two points with one image, or both orientations proved', () => {
  it('(x*x, y): (-1, -1) and (1, -1) both map to (1, -1), and no injective map within the bound', () => {
    const p = problem('x*x', 'y');
    expect(p.kind).toBe('fold');
    if (p.kind !== 'fold') return;
    const { p: a, q: b, image } = p.pair!;
    expect(a).not.toEqual(b);
    for (const z of [a, b]) {
      expect([evaluate(parseMapExpr('x*x'), z[0], z[1]), z[1]]).toEqual([image[0], image[1]]);
      const u = evaluateInterval(parseMapExpr('x*x'), at(z[0]), at(z[1]));
      expect(u).toEqual(at(image[0]));
    }
    expect(p.positive!.det.lo).toBeGreaterThan(0);
    expect(p.negative!.det.hi).toBeLessThan(0);
    // (h(x), y) with h(x) = 1/2 + x/1000 is injective and within 0.502 of (x², y): a proved bound cannot exceed that.
    expect(p.bound!).toBeGreaterThan(0.25);
    expect(p.bound!).toBeLessThanOrEqual(0.502);
    expect(message('x*x', 'y')).toMatch(
      /not injective.*both map to \(1, -1\).*no injective continuous map comes within/s,
    );
  });

  it('(x*x + 0.1, y): no exact pair (0.1 is not a double), but det > 0 and det < 0 are both proved', () => {
    const p = problem('x*x + 0.1', 'y');
    expect(p.kind).toBe('fold');
    if (p.kind !== 'fold') return;
    expect(p.pair).toBeNull();
    expect(p.positive!.det.lo).toBeGreaterThan(0);
    expect(p.negative!.det.hi).toBeLessThan(0);
    expect(message('x*x + 0.1', 'y')).toMatch(/keeps one orientation on a connected domain/);
  });

  it('(x + y, x + y): an exact pair, and no claim that sentences stay far (collapses are limits of injective maps)', () => {
    const p = problem('x + y', 'x + y');
    expect(p.kind).toBe('fold');
    if (p.kind === 'fold') expect(p.bound).toBeNull();
    const m = message('x + y', 'x + y');
    expect(m).toMatch(/both map to \(0, 0\)/);
    expect(m).toMatch(/not decided here/);
    expect(m).not.toMatch(/comes within/);
  });
});

describe('undefined: a point where a part of the formula is certainly undefined', () => {
  it('division by exactly 0, log of a value ≤ 0, and overflow', () => {
    const div = problem('x + 1/y', 'y');
    expect(div.kind).toBe('undefined');
    if (div.kind === 'undefined') {
      expect(div.at[1]).toBe(0);
      expect(div.why).toMatch(/divides by y, which is exactly 0/);
    }
    expect(message('log(x)', 'y')).toMatch(/not defined at \(-1, -1\).*log of x, which is ≤ 0/s);
    // log(x − 0.1 + 0.1) at x = 0 is NaN in doubles and unprovable there (0.1 is not a double); a neighbour is proved.
    expect(message('log(x - 0.1 + 0.1)', 'y')).toMatch(/not defined at/);
    expect(message('exp(1000*x)', 'y')).toMatch(/FX ≥ 1\.79e\+?308 there/);
  });
});

describe('unproved: grid suspicions that interval arithmetic cannot settle are not claimed', () => {
  it('NaN in doubles that is 0 in the reals: sqrt(0.3 - 0.1 - 0.2)', () => {
    const p = problem('x + sqrt(0.3 - 0.1 - 0.2)', 'y');
    expect(p.kind).toBe('unproved');
    expect(message('x + sqrt(0.3 - 0.1 - 0.2)', 'y')).toMatch(/cannot prove .* diffeomorphism.*not a finite number/s);
  });

  it('two images equal to 12 digits of an injective map (det = 2e-13 > 0)', () => {
    const fx = 'x + y + 3';
    const fy = 'x + y + 3 + 1e-13*(y - x)';
    const p = problem(fx, fy);
    expect(p.kind).toBe('unproved');
    if (p.kind === 'unproved') expect(p.at).toHaveLength(2);
    expect(message(fx, fy)).toMatch(/cannot prove.*map to the same point .* to 12 digits/s);
  });

  it('a determinant that is negative only by rounding: (0.3 - 0.1 - 0.2)*x', () => {
    const p = problem('(0.3 - 0.1 - 0.2)*x', 'y');
    expect(p.kind).toBe('unproved');
    expect(message('(0.3 - 0.1 - 0.2)*x', 'y')).toMatch(/Jacobian determinant is -2\.776e-17 < 0/);
  });

  it('pairTarget refuses with the honest wording (usage error)', () => {
    expect(() => pairTarget(pair('(0.3 - 0.1 - 0.2)*x', 'y'), DOMAIN)).toThrow(/^approx cannot prove/);
  });
});

describe('fmtBelow', () => {
  it('three digits never above the value, even next to the largest double', () => {
    for (const v of [1, 0.3125, 0.99999, 1.2999999999, 1e-7, Number.MAX_VALUE, 0.0468]) {
      const s = Number(fmtBelow(v));
      expect(s).toBeLessThanOrEqual(v);
      expect(s).toBeGreaterThan(v * 0.98);
    }
    expect(fmtBelow(1)).toBe('1');
    expect(fmtBelow(Number.MAX_VALUE)).toBe('1.79e+308');
  });
});
