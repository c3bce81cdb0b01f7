/**
 * The reference integrator against closed forms: it must meet the accuracy
 * its doc comment states (≤ 1e-12 at the default tolerance for |z0| ≤ 4,
 * |T| ≤ 2, relative to the size of the solution where that grows), conserve
 * the pendulum's energy, run backwards, and refuse blow-ups with a
 * WordflowError.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WordflowError } from '../../src/errors.js';
import { integrate, integrateMany } from '../../src/flows/integrate.js';

const coordinate = fc.double({ min: -4, max: 4, noNaN: true });
const time = fc.double({ min: -2, max: 2, noNaN: true });
const TOL = 1e-12;

/** |a − b| measured against the size of b (absolute below 1). */
const gap = (a: number, b: number): number => Math.abs(a - b) / Math.max(1, Math.abs(b));

describe('reference integrator', () => {
  it('rotates by T under the rotation field (−y, x)', () => {
    fc.assert(
      fc.property(coordinate, coordinate, time, (x, y, T) => {
        const { z } = integrate((p, q) => [-q, p], [x, y], T);
        expect(Math.abs(z[0] - (x * Math.cos(T) - y * Math.sin(T)))).toBeLessThan(TOL);
        expect(Math.abs(z[1] - (x * Math.sin(T) + y * Math.cos(T)))).toBeLessThan(TOL);
      }),
      { numRuns: 100 },
    );
  });

  it('scales by e^{±T} under the saddle (x, −y)', () => {
    fc.assert(
      fc.property(coordinate, coordinate, time, (x, y, T) => {
        const { z } = integrate((p, q) => [p, -q], [x, y], T);
        expect(gap(z[0], x * Math.exp(T))).toBeLessThan(TOL);
        expect(gap(z[1], y * Math.exp(-T))).toBeLessThan(TOL);
      }),
      { numRuns: 100 },
    );
  });

  it('follows separable fields: x′ = 1/(1 + x²) (x + x³/3 grows like t) and y′ = −y³', () => {
    fc.assert(
      fc.property(coordinate, coordinate, fc.double({ min: 0, max: 2, noNaN: true }), (x, y, T) => {
        const { z } = integrate((p, q) => [1 / (1 + p * p), -q * q * q], [x, y], T);
        // x(T) solves X + X³/3 = x + x³/3 + T: one Newton step from the result measures its error.
        const G = (X: number): number => X + (X * X * X) / 3 - (x + (x * x * x) / 3 + T);
        const newton = G(z[0]) / (1 + z[0] * z[0]);
        expect(Math.abs(newton) / Math.max(1, Math.abs(z[0]))).toBeLessThan(TOL);
        expect(gap(z[1], y / Math.sqrt(1 + 2 * y * y * T))).toBeLessThan(TOL);
      }),
      { numRuns: 100 },
    );
  });

  it('follows y′ = 1 + y² (y = tan(atan y0 + t)) while it stays bounded', () => {
    fc.assert(
      fc.property(coordinate, fc.double({ min: -1, max: 1, noNaN: true }), (y, s) => {
        // Keep atan(y0) + T within ±1.2 so that the solution stays below tan 1.2 ≈ 2.6.
        const T = s * 1.2 - Math.atan(y) * Math.abs(s);
        const target = Math.atan(y) + T;
        fc.pre(Math.abs(target) < 1.2 && Math.abs(T) <= 2);
        const { z } = integrate((_p, q) => [0, 1 + q * q], [0, y], T);
        expect(gap(z[1], Math.tan(target))).toBeLessThan(TOL);
        expect(z[0]).toBe(0);
      }),
      { numRuns: 100 },
    );
  });

  it("conserves the pendulum's energy y²/2 − cos x to 1e-12 at tol 1e-13", () => {
    fc.assert(
      fc.property(coordinate, coordinate, time, (x, y, T) => {
        const H = (p: number, q: number): number => (q * q) / 2 - Math.cos(p);
        const { z, steps } = integrate((p, q) => [q, -Math.sin(p)], [x, y], T, { tol: 1e-13 });
        expect(Math.abs(H(z[0], z[1]) - H(x, y))).toBeLessThan(1e-12);
        if (T !== 0) expect(steps).toBeGreaterThan(0);
      }),
      { numRuns: 100 },
    );
  });

  it("keeps the energy where DOP853's combined error estimate let a 1000-times-too-large step through", () => {
    const H = (p: number, q: number): number => (q * q) / 2 - Math.cos(p);
    const [x, y, T] = [3.377719583348542, 3.7442833337471626, 1.774685342469187];
    const { z } = integrate((p, q) => [q, -Math.sin(p)], [x, y], T);
    expect(Math.abs(H(z[0], z[1]) - H(x, y))).toBeLessThan(1e-13);
  });

  it('runs backwards: forward then backward returns to the start', () => {
    const field = (p: number, q: number): readonly [number, number] => [q, p - p * p * p - 0.3 * q];
    const forward = integrate(field, [0.5, -0.25], 1.5);
    const back = integrate(field, forward.z, -1.5);
    expect(Math.abs(back.z[0] - 0.5)).toBeLessThan(1e-11);
    expect(Math.abs(back.z[1] + 0.25)).toBeLessThan(1e-11);
    expect(integrate(field, [1, 2], 0)).toEqual({ z: [1, 2], steps: 0, errorEstimate: 0 });
  });

  it('is more accurate at tighter tolerances, within 100 times the tolerance', () => {
    const exact = [Math.cos(2) - 2 * Math.sin(2), Math.sin(2) + 2 * Math.cos(2)];
    const errors = [1e-6, 1e-9, 1e-12].map((tol) => {
      const r = integrate((p, q) => [-q, p], [1, 2], 2, { tol });
      const error = Math.hypot(r.z[0] - exact[0]!, r.z[1] - exact[1]!);
      expect(error).toBeLessThan(tol * 100);
      return { error, steps: r.steps };
    });
    expect(errors[0]!.steps).toBeLessThan(errors[2]!.steps);
    expect(errors[2]!.error).toBeLessThan(errors[0]!.error);
  });

  it('refuses a blow-up and a non-finite field with a WordflowError', () => {
    expect(() => integrate((p) => [p * p, 0], [1, 0], 2)).toThrow(WordflowError);
    expect(() => integrate(() => [NaN, 0], [0, 0], 1)).toThrow(/not finite/);
    expect(() => integrate((p, q) => [-q, p], [1, 0], 100, { maxSteps: 3 })).toThrow(/more than 3 steps/);
  });

  it('integrates many points as one', () => {
    const xs = [0, 1, -2, 3.5];
    const ys = [1, 0, 0.5, -4];
    const many = integrateMany((p, q) => [-q, p], xs, ys, 1);
    xs.forEach((x, i) => {
      const one = integrate((p, q) => [-q, p], [x, ys[i]!], 1);
      expect(many.xs[i]).toBe(one.z[0]);
      expect(many.ys[i]).toBe(one.z[1]);
    });
    expect(many.steps).toBeGreaterThan(0);
    expect(() => integrateMany((p, q) => [-q, p], [1], [], 1)).toThrow(WordflowError);
  });
});
