/**
 * Symbolic derivatives: exact forms for the rules (printed, so the folding is
 * visible), the conventions at kinks, and the property that the derivative
 * agrees with central finite differences on random smooth expressions.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dependsOn } from '../../src/mapexpr/ast.js';
import { derivative } from '../../src/mapexpr/derivative.js';
import { evaluate } from '../../src/mapexpr/evaluate.js';
import { parseMapExpr } from '../../src/mapexpr/parse.js';
import { printMapExpr } from '../../src/mapexpr/print.js';
import { arbExprText } from './arbitrary.js';

const d = (text: string, v: 'x' | 'y' = 'x'): string => printMapExpr(derivative(parseMapExpr(text), v));

describe('derivative', () => {
  it.each([
    ['x', '1'],
    ['y', '0'],
    ['3*x + 2', '3'],
    ['x^3 + sin(y)*x', '3*x^2 + sin(y)'],
    ['x^2', '2*x'],
    ['x^(-1)', '-x^(-2)'],
    ['2^x', '2^x*log(2)'],
    ['x^x', 'x^x*(log(x) + x/x)'],
    ['sin(2*x)', 'cos(2*x)*2'],
    ['cos(x)', '-sin(x)'],
    ['tan(x)', '1/cos(x)^2'],
    ['exp(x^2)', 'exp(x^2)*(2*x)'],
    ['log(x)', '1/x'],
    ['sqrt(x)', '1/(2*sqrt(x))'],
    ['tanh(x)', '1 - tanh(x)^2'],
    ['abs(x)', 'sign(x)'],
    ['relu(x - 1)', 'step(x - 1)'],
    ['min(x, y)', 'step(y - x)'],
    ['max(x, 1)', 'step(x - 1)'],
    ['x/y', '1/y'],
    ['y/x', '-(y/x^2)'],
    ['-x', '-1'],
    ['pi*x*e', 'pi*e'],
  ])('d/dx %s = %s', (text, expected) => {
    expect(d(text)).toBe(expected);
  });

  it('prints re-parseable text for every derivative', () => {
    fc.assert(
      fc.property(arbExprText(false, 4), fc.constantFrom('x' as const, 'y' as const), (text, v) => {
        const dv = derivative(parseMapExpr(text), v);
        const again = parseMapExpr(printMapExpr(dv), { maxDepth: 10_000 });
        expect(printMapExpr(again)).toBe(printMapExpr(dv));
      }),
      { numRuns: 200 },
    );
  });

  it('is 0 for expressions without the variable', () => {
    fc.assert(
      fc.property(arbExprText(false, 4), (text) => {
        const e = parseMapExpr(text);
        if (!dependsOn(e, 'x')) expect(printMapExpr(derivative(e, 'x'))).toBe('0');
      }),
    );
  });

  it('follows the stated conventions at kinks', () => {
    const at = (text: string, x: number, y = 0): number => evaluate(derivative(parseMapExpr(text), 'x'), x, y);
    expect(at('relu(x)', 0)).toBe(0); // relu′(0) = 0
    expect(at('relu(x)', 1e-300)).toBe(1);
    expect(at('abs(x)', 0)).toBe(0); // abs′(0) = sign(0) = 0
    expect(at('abs(x)', -2)).toBe(-1);
    expect(at('min(x, y)', 0, 0)).toBe(0); // ties take the second argument's derivative
    expect(at('min(x, 2*x)', 0)).toBe(2);
    expect(at('max(x, -x)', 0)).toBe(-1);
    expect(at('max(x, -x)', 1)).toBe(1);
    expect(at('step(x) + sign(x)', 0.5)).toBe(0);
  });

  it('agrees with central finite differences on random smooth expressions', () => {
    let checked = 0;
    fc.assert(
      fc.property(
        arbExprText(true, 4),
        fc.constantFrom('x' as const, 'y' as const),
        // Coordinates within 1e-6 of 0 are 0: at x = 5e-324, y = −1.6e-162, x/y has its pole inside the stencil
        // while every value it takes there is below 1e-300, so no smoothness check can see the pole.
        fc.double({ min: -2, max: 2, noNaN: true }).map((v) => (Math.abs(v) < 1e-6 ? 0 : v)),
        fc.double({ min: -2, max: 2, noNaN: true }).map((v) => (Math.abs(v) < 1e-6 ? 0 : v)),
        (text, v, x, y) => {
          const e = parseMapExpr(text);
          const exact = evaluate(derivative(e, v), x, y);
          const f = (t: number): number => (v === 'x' ? evaluate(e, x + t, y) : evaluate(e, x, y + t));
          const central = (h: number): number => (f(h) - f(-h)) / (2 * h);
          const [coarse, fine] = [central(1e-4), central(5e-5)];
          const scale = 1 + Math.abs(fine);
          // Skip points where the difference quotient itself is not settled (near a singularity or a pole),
          // or where f is not smooth across the stencil: sin(x)/(x+y) at (0, -1.6e-162) has f(±h) ≈ 1 but
          // f(0) = 0, a pole within h that the quotients step over.
          const bend = Math.abs(f(1e-4) - 2 * f(0) + f(-1e-4));
          if (![exact, coarse, fine, f(0)].every(Number.isFinite) || Math.abs(coarse - fine) > 1e-6 * scale) return;
          if (bend > 1e-4 * (1 + Math.abs(f(0)))) return;
          // Nor where f is so large that its doubles are coarser than the stencil resolves: x + pi/y at
          // y = −3.5e-308 is −9e307, f(h) − f(−h) rounds to 0 and the quotient says 0 where d/dx is 1.
          if (Math.abs(f(0)) * Number.EPSILON > 1e-12) return;
          checked++;
          expect(Math.abs(exact - fine), `${text} d/d${v} at (${x}, ${y}): ${exact} vs ${fine}`).toBeLessThan(
            1e-5 * scale,
          );
        },
      ),
      { numRuns: 400 },
    );
    expect(checked).toBeGreaterThan(150);
  });
});
