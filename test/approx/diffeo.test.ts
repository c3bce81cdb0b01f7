/**
 * Properties of general diffeomorphisms: random perturbations of the
 * identity, (x + a·sin(b·y + c), y + d·x²) with small a and d, whose
 * straight-line isotopy is proved, and random affine maps followed by such
 * a perturbation (a composition, the perturbation built on the affine map's
 * image). At ε = 1e-2 each sentence is evaluated by the independent
 * word-by-word evaluator at random points of the domain drawn by fast-check
 * and compared with the closed form written here. Each build takes seconds,
 * so the runs are few.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { approximateMap } from '../../src/approx/approximate.js';
import { proveIsotopy } from '../../src/approx/general.js';
import { pairMap, pairTarget } from '../../src/approx/targets.js';
import { parseMapExpr } from '../../src/mapexpr/index.js';
import { wordByWord } from './independent.js';

const BOX = { x0: -1, x1: 1, y0: -1, y1: 1 };
const EPS = 1e-2;
const pair = (fx: string, fy: string) => ({ fx: parseMapExpr(fx), fy: parseMapExpr(fy), textX: fx, textY: fy });

/** A parameter rounded to four decimals, so the expression's text and the closed form below agree exactly. */
const param = (lo: number, hi: number) =>
  fc.double({ min: lo, max: hi, noNaN: true }).map((v) => Math.round(v * 1e4) / 1e4);

/** A small amplitude of either sign, never 0 (a or d = 0 would make the map a coupling, not a general map). */
const amplitude = fc.tuple(fc.boolean(), param(0.01, 0.06)).map(([negative, v]) => (negative ? -v : v));

/** The perturbation (x + a·sin(b·y + c), y + d·x²): its parameters, text and closed form. */
const perturbation = fc
  .record({ a: amplitude, b: param(0.5, 1.5), c: param(-3, 3), d: amplitude })
  .map(({ a, b, c, d }) => ({
    text: [`x + ${a}*sin(${b}*y + ${c})`, `y + ${d}*x^2`] as [string, string],
    at: (x: number, y: number): [number, number] => [x + a * Math.sin(b * y + c), y + d * x * x],
  }));

const points = fc.array(fc.tuple(param(-1, 1), param(-1, 1)), { minLength: 200, maxLength: 200 });

/** The sup distance, word by word, between the sentence and the closed form at the points. */
function worst(
  sentence: readonly (readonly [string, number])[],
  exact: (x: number, y: number) => [number, number],
  at: readonly (readonly [number, number])[],
): number {
  let e = 0;
  for (const [x, y] of [...at, [-1, -1] as const, [1, 1] as const, [1, -1] as const, [-1, 1] as const]) {
    const [u, v] = wordByWord(sentence, x, y);
    const [p, q] = exact(x, y);
    e = Math.max(e, Number.isNaN(u + v) ? Infinity : Math.hypot(u - p, v - q));
  }
  return e;
}

describe('approximateMap: random general diffeomorphisms at ε = 1e-2, word by word at random points', () => {
  it('perturbations of the identity, their isotopy proved', () => {
    fc.assert(
      fc.property(perturbation, points, (f, at) => {
        const p = pair(...f.text);
        expect(proveIsotopy(p, BOX)).toBeNull();
        const target = pairTarget(p, BOX);
        expect(target.kind).toBe('isotopy');
        const a = approximateMap(target, { domain: BOX, eps: EPS, reference: pairMap(p) });
        expect(worst(a.sentence, f.at, at)).toBeLessThanOrEqual(EPS);
      }),
      { numRuns: 6 },
    );
  }, 300_000);

  it('random affine maps (det > 0), then a perturbation', () => {
    // A = R(θ)·diag(s, 1/s)·[[1, h], [0, 1]], rounded to four decimals (det stays near 1).
    const affine = fc.record({ t: param(-3, 3), s: param(0.7, 1.4), h: param(-0.5, 0.5) }).map(({ t, s, h }) => {
      const r = (v: number): number => Math.round(v * 1e4) / 1e4;
      const [m11, m12, m21, m22] = [
        r(Math.cos(t) * s),
        r(Math.cos(t) * s * h - Math.sin(t) / s),
        r(Math.sin(t) * s),
        r(Math.sin(t) * s * h + Math.cos(t) / s),
      ];
      return {
        text: [`${m11}*x + ${m12}*y`, `${m21}*x + ${m22}*y`] as [string, string],
        at: (x: number, y: number): [number, number] => [m11 * x + m12 * y, m21 * x + m22 * y],
      };
    });
    fc.assert(
      fc.property(affine, perturbation, points, (m, f, at) => {
        const parts = [pairTarget(pair(...m.text), BOX, 0, 2), pairTarget(pair(...f.text), BOX, 1, 2)];
        expect(parts.map((p) => p.kind)).toEqual(['affine', 'isotopy']);
        const a = approximateMap({ kind: 'compose', parts }, { domain: BOX, eps: EPS });
        const exact = (x: number, y: number): [number, number] => f.at(...m.at(x, y));
        expect(worst(a.sentence, exact, at)).toBeLessThanOrEqual(EPS);
      }),
      { numRuns: 4 },
    );
  }, 300_000);
});
