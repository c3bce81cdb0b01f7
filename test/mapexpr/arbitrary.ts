/**
 * fast-check arbitraries for map expressions: random formulas as text (fully
 * parenthesised where it matters, so the text is unambiguous), optionally
 * restricted to smooth functions for derivative checks.
 */
import fc from 'fast-check';

const NUMBERS = ['0', '1', '2', '3', '0.5', '0.1', '1.5', '2.25', '1e-3', '3e2', '0.3', '10', '.25', '7.'];
const SMOOTH = ['sin', 'cos', 'exp', 'tanh', 'tan', 'log', 'sqrt'];
const KINKED = ['abs', 'relu', 'step', 'sign'];

/** A random expression's text; `smooth` leaves out abs, relu, step, sign, min and max. */
export function arbExprText(smooth = false, depth = 4): fc.Arbitrary<string> {
  const { expr } = fc.letrec<{ expr: string; leaf: string; node: string }>((tie) => ({
    leaf: fc.oneof(fc.constantFrom('x', 'y', 'x', 'y', 'pi', 'e'), fc.constantFrom(...NUMBERS)),
    node: fc.oneof(
      fc
        .tuple(tie('expr'), fc.constantFrom('+', '-', '*', '/', '^'), tie('expr'))
        .map(([a, op, b]) => (op === '^' ? `(${a})^${b.length < 4 ? b : `(${b})`}` : `(${a}) ${op} (${b})`)),
      tie('expr').map((a) => `-(${a})`),
      fc
        .tuple(fc.constantFrom(...(smooth ? SMOOTH : [...SMOOTH, ...KINKED])), tie('expr'))
        .map(([f, a]) => `${f}(${a})`),
      ...(smooth
        ? []
        : [fc.tuple(fc.constantFrom('min', 'max'), tie('expr'), tie('expr')).map(([f, a, b]) => `${f}(${a}, ${b})`)]),
    ),
    expr: fc.oneof({ depthSize: 'small', maxDepth: depth }, tie('leaf'), tie('node')),
  }));
  return expr;
}

/** Powers with small integer exponents, the most common form in targets, as text. */
export function arbPolynomialText(): fc.Arbitrary<string> {
  return fc
    .array(fc.tuple(fc.integer({ min: -3, max: 3 }), fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 4 })), {
      minLength: 1,
      maxLength: 5,
    })
    .map((terms) => terms.map(([c, i, j]) => `${c}*x^${i}*y^${j}`).join(' + '));
}
