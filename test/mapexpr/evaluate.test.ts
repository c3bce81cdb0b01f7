/**
 * Evaluating map expressions: the interpreter against hand-written closures,
 * the compiled closures against the interpreter (same bits), and the interval
 * enclosures against both the double results and the real values (computed
 * with decimal.js at 200 digits, independently of the code under test).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { Decimal } from 'decimal.js';
import type { MapExpr } from '../../src/mapexpr/ast.js';
import { compileExpr, evaluate } from '../../src/mapexpr/evaluate.js';
import { decimalIsExact, nextDown, nextUp } from '../../src/mapexpr/float.js';
import { type Interval, boundOnBox, evaluateInterval, isUndefinedInterval } from '../../src/mapexpr/interval.js';
import { parseMapExpr } from '../../src/mapexpr/parse.js';
import { arbExprText, arbPolynomialText } from './arbitrary.js';

const D = Decimal.clone({ precision: 200 });

/** The exact value of a double as a decimal (m·2^k written out; 200 digits hold every k ≥ −140). */
function exactDecimal(v: number): Decimal {
  // An integer's own digits: its shortest form (2^300 prints as 2.037035976334486e+90) is not its value.
  if (Number.isInteger(v)) return new D(BigInt(v).toString());
  return new D(v.toString(2).includes('.') ? binaryDecimal(v) : v.toString());
}

function binaryDecimal(v: number): string {
  // v = sign · (integer bits).(fraction bits) in base 2.
  const [whole, fraction = ''] = Math.abs(v).toString(2).split('.');
  let value = new D(BigInt(`0b${whole}`).toString());
  let scale = new D(1);
  for (const bit of fraction) {
    scale = scale.div(2);
    if (bit === '1') value = value.plus(scale);
  }
  return (v < 0 ? value.neg() : value).toFixed();
}

/** The real value of the expression at a point, or undefined where it is undefined. */
function realValue(e: MapExpr, x: Decimal, y: Decimal): Decimal | undefined {
  const r = (a: MapExpr): Decimal | undefined => realValue(a, x, y);
  switch (e.kind) {
    case 'num':
      return new D(e.text.endsWith('.') ? e.text + '0' : e.text);
    case 'var':
      return e.name === 'x' ? x : y;
    case 'const':
      return e.name === 'pi' ? D.acos(-1) : D.exp(1);
    case 'neg': {
      const a = r(e.arg);
      return a?.neg();
    }
    case 'binary': {
      const [a, b] = [r(e.left), r(e.right)];
      if (a === undefined || b === undefined) return undefined;
      switch (e.op) {
        case '+':
          return a.plus(b);
        case '-':
          return a.minus(b);
        case '*':
          return a.times(b);
        case '/':
          return b.isZero() ? undefined : a.div(b);
        case '^':
          // decimal.js calls -0 negative: 0^(-0) is 0^0 = 1, as the module defines it (seed 688520445 drew x^(-x) at 0).
          if (b.isInteger()) return a.isZero() && b.isNeg() && !b.isZero() ? undefined : a.pow(b);
          if (a.isPos() && !a.isZero()) return a.pow(b);
          return a.isZero() && b.isPos() ? new D(0) : undefined;
      }
    }
    // falls through (unreachable: every operator returns)
    case 'call': {
      if (e.kind !== 'call') return undefined;
      const a = r(e.args[0]!);
      if (a === undefined) return undefined;
      if (e.fn === 'min' || e.fn === 'max') {
        const b = r(e.args[1]!);
        if (b === undefined) return undefined;
        return e.fn === 'min' ? D.min(a, b) : D.max(a, b);
      }
      switch (e.fn) {
        case 'sin':
          return a.sin();
        case 'cos':
          return a.cos();
        case 'tan':
          return a.tan();
        case 'exp':
          return a.exp();
        case 'log':
          return a.isPos() && !a.isZero() ? a.ln() : undefined;
        case 'sqrt':
          return a.isNeg() && !a.isZero() ? undefined : a.sqrt();
        case 'tanh':
          return a.tanh();
        case 'abs':
          return a.abs();
        case 'relu':
          return a.isPos() ? a : new D(0);
        case 'step':
          return new D(a.isPos() && !a.isZero() ? 1 : 0);
        case 'sign':
          return new D(a.isZero() ? 0 : a.isPos() ? 1 : -1);
      }
    }
  }
}

const contains = (i: Interval, v: number): boolean => i.lo <= v && v <= i.hi;

/** A box of width up to 2 (sometimes a single point) and points in it. */
const arbBoxAndPoints = fc
  .record({
    x0: fc.double({ min: -3, max: 3, noNaN: true }),
    y0: fc.double({ min: -3, max: 3, noNaN: true }),
    wx: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true })),
    wy: fc.oneof(fc.constant(0), fc.double({ min: 0, max: 2, noNaN: true })),
    ts: fc.array(fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.double({ min: 0, max: 1, noNaN: true })), {
      minLength: 1,
      maxLength: 8,
    }),
  })
  .map(({ x0, y0, wx, wy, ts }) => {
    const x = { lo: x0, hi: x0 + wx };
    const y = { lo: y0, hi: y0 + wy };
    const points = ts.map(([s, t]) => [Math.min(x.hi, x.lo + s * wx), Math.min(y.hi, y.lo + t * wy)] as const);
    return { x, y, points: [...points, [x.lo, y.lo] as const, [x.hi, y.hi] as const] };
  });

describe('double evaluation', () => {
  it.each<[string, (x: number, y: number) => number]>([
    ['x + 0.3*sin(2*pi*y)', (x, y) => x + 0.3 * Math.sin(2 * Math.PI * y)],
    ['-x^2 + y^3', (x, y) => -(x * x) + y * y * y],
    ['exp(-(x^2 + y^2)/2)', (x, y) => Math.exp(-(x * x + y * y) / 2)],
    ['2^-x', (x) => Math.pow(2, -x)],
    ['log(1 + x^2)*tanh(y)', (x, y) => Math.log(1 + x * x) * Math.tanh(y)],
    ['sqrt(abs(x))*relu(y - 0.5)', (x, y) => Math.sqrt(Math.abs(x)) * Math.max(0, y - 0.5)],
    ['min(x, y) - max(x, e*y)', (x, y) => Math.min(x, y) - Math.max(x, Math.E * y)],
    ['tan(x)/cos(y)', (x, y) => Math.tan(x) / Math.cos(y)],
    ['x^y', (x, y) => (x > 0 ? Math.pow(x, y) : NaN)],
    ['step(x) + sign(y)', (x, y) => (x > 0 ? 1 : 0) + Math.sign(y)],
  ])('%s agrees with its JavaScript closure', (text, f) => {
    const e = parseMapExpr(text);
    const compiled = compileExpr(e);
    for (let i = -10; i <= 10; i++) {
      for (let j = -10; j <= 10; j++) {
        const [x, y] = [i / 7 + 0.01, j / 9 + 0.02];
        const expected = f(x, y);
        if (Number.isNaN(expected)) expect(evaluate(e, x, y)).toBeNaN();
        else expect(evaluate(e, x, y)).toBeCloseTo(expected, 12);
        expect(Object.is(compiled(x, y), evaluate(e, x, y))).toBe(true);
      }
    }
  });

  it('is NaN exactly where the real function is undefined', () => {
    const at = (text: string, x = 0, y = 0): number => evaluate(parseMapExpr(text), x, y);
    expect(at('1/x')).toBeNaN();
    expect(at('log(x)')).toBeNaN();
    expect(at('log(x)', -1)).toBeNaN();
    expect(at('sqrt(x)', -1e-300)).toBeNaN();
    expect(at('x^0.5', -1)).toBeNaN();
    expect(at('x^(-1)')).toBeNaN();
    expect(at('x^(-2)', 1e-300)).toBe(Infinity); // overflow, not undefined
    expect(at('(-8)^(1/3)')).toBeNaN();
    expect(at('x^0.5')).toBe(0);
    expect(at('(-2)^3')).toBe(-8);
    expect(at('relu(log(x))')).toBeNaN();
    expect(at('exp(1000)')).toBe(Infinity);
  });

  it('compiled closures give the same bits as the interpreter on random expressions', () => {
    fc.assert(
      fc.property(arbExprText(false, 5), arbBoxAndPoints, (text, { points }) => {
        const e = parseMapExpr(text);
        const f = compileExpr(e);
        for (const [x, y] of points) expect(Object.is(f(x, y), evaluate(e, x, y))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});

describe('ulp steps and exact literals', () => {
  it('nextUp and nextDown step one double', () => {
    expect(nextUp(1)).toBe(1 + Number.EPSILON);
    expect(nextDown(1)).toBe(1 - Number.EPSILON / 2);
    expect(nextUp(0)).toBe(Number.MIN_VALUE);
    expect(nextDown(0)).toBe(-Number.MIN_VALUE);
    expect(nextUp(-Number.MIN_VALUE)).toBe(-0);
    expect(nextUp(Number.MAX_VALUE)).toBe(Infinity);
    expect(nextDown(Infinity)).toBe(Number.MAX_VALUE);
    expect(nextUp(-Infinity)).toBe(-Number.MAX_VALUE);
    expect(nextUp(Infinity)).toBe(Infinity);
    expect(nextUp(NaN)).toBeNaN();
    expect(nextUp(2 ** 52 - 0.5)).toBe(2 ** 52);
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), (v) => {
        const up = nextUp(v);
        expect(up).toBeGreaterThan(v);
        expect(nextDown(up)).toBe(v === 0 ? 0 : v);
        // Nothing lies strictly between: the midpoint rounds to one of the ends.
        const mid = v / 2 + up / 2;
        expect(mid === v || mid === up || !Number.isFinite(up)).toBe(true);
      }),
    );
  });

  it('knows which decimal literals are exact doubles', () => {
    expect(decimalIsExact('0.5', 0.5)).toBe(true);
    expect(decimalIsExact('0.1', 0.1)).toBe(false);
    expect(decimalIsExact('5e-324', 5e-324)).toBe(false);
    expect(decimalIsExact('1e22', 1e22)).toBe(true);
    expect(decimalIsExact('1e23', 1e23)).toBe(false);
    expect(decimalIsExact('1.1102230246251565404236316680908203125e-16', 2 ** -53)).toBe(true);
  });

  it('π and e lie between Math.PI, Math.E and the next double up', () => {
    for (const [value, real] of [
      [Math.PI, D.acos(-1)],
      [Math.E, D.exp(1)],
    ] as const) {
      expect(exactDecimal(value).lt(real)).toBe(true);
      expect(exactDecimal(nextUp(value)).gt(real)).toBe(true);
    }
  });
});

describe('interval enclosures', () => {
  it('contain the double value at every random point of a random box, for random expressions', () => {
    fc.assert(
      fc.property(arbExprText(false, 5), arbBoxAndPoints, (text, { x, y, points }) => {
        const e = parseMapExpr(text);
        const whole = evaluateInterval(e, x, y);
        const tight = boundOnBox(e, x, y, 4);
        if (!isUndefinedInterval(whole) && !isUndefinedInterval(tight)) {
          expect(tight.lo).toBeGreaterThanOrEqual(whole.lo);
          expect(tight.hi).toBeLessThanOrEqual(whole.hi);
        }
        for (const [px, py] of points) {
          const v = evaluate(e, px, py);
          if (!Number.isFinite(v)) continue;
          for (const i of [whole, tight])
            if (!isUndefinedInterval(i)) expect(contains(i, v), `${v} in [${i.lo}, ${i.hi}]`).toBe(true);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('contain the real value (decimal.js, 200 digits) at random points, and are defined only where it is', () => {
    fc.assert(
      fc.property(
        arbExprText(false, 4),
        fc.double({ min: -3, max: 3, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (text, px, py) => {
          // Points with few bits keep the exact decimals short.
          const [x, y] = [Math.round(px * 2 ** 20) / 2 ** 20, Math.round(py * 2 ** 20) / 2 ** 20];
          const e = parseMapExpr(text);
          const i = evaluateInterval(e, { lo: x, hi: x }, { lo: y, hi: y });
          if (isUndefinedInterval(i)) return;
          const real = realValue(e, exactDecimal(x), exactDecimal(y));
          expect(real, `${text} at (${x}, ${y}) is undefined, enclosure [${i.lo}, ${i.hi}]`).toBeDefined();
          if (Number.isFinite(i.lo)) expect(exactDecimal(i.lo).lte(real!), `${text}: ${i.lo} ≤ ${real}`).toBe(true);
          if (Number.isFinite(i.hi)) expect(exactDecimal(i.hi).gte(real!), `${text}: ${i.hi} ≥ ${real}`).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('is tight where the arithmetic is exact, and includes the interior extrema of sin and cos', () => {
    const on = (text: string, x: Interval, y: Interval = { lo: 0, hi: 0 }): Interval =>
      evaluateInterval(parseMapExpr(text), x, y);
    expect(on('2*x + 1', { lo: 1, hi: 3 })).toEqual({ lo: 3, hi: 7 });
    expect(on('x^2', { lo: -1, hi: 2 })).toEqual({ lo: 0, hi: 4 });
    expect(on('x^3', { lo: -1, hi: 2 })).toEqual({ lo: -1, hi: 8 });
    expect(on('x^(-1)', { lo: 2, hi: 4 })).toEqual({ lo: 0.25, hi: 0.5 });
    expect(on('x*x', { lo: -1, hi: 2 })).toEqual({ lo: -2, hi: 4 }); // the dependency problem, soundly
    expect(on('abs(x) + relu(x) + min(x, 0)', { lo: -2, hi: 1 })).toEqual({ lo: -2, hi: 3 });
    const s = on('sin(x)', { lo: 1, hi: 2 });
    expect(s.hi).toBe(1);
    expect(s.lo).toBeLessThan(Math.sin(1));
    expect(s.lo).toBeGreaterThan(Math.sin(1) - 1e-15);
    expect(on('cos(x)', { lo: 3, hi: 3.2 }).lo).toBe(-1);
    expect(on('sin(x)', { lo: -1, hi: 1 }).lo).toBeGreaterThan(-0.85);
    expect(on('sin(x)', { lo: 0, hi: 7 })).toEqual({ lo: -1, hi: 1 });
    expect(on('exp(x)', { lo: 700, hi: 800 }).hi).toBe(Infinity);
    expect(on('exp(x)', { lo: 0, hi: 0 })).toEqual({ lo: 1, hi: 1 });
    expect(on('sqrt(x)', { lo: 0, hi: 4 })).toEqual({ lo: 0, hi: 2 });
  });

  it('flags possibly undefined results with NaN bounds', () => {
    const on = (text: string, x: Interval): Interval => evaluateInterval(parseMapExpr(text), x, { lo: 0, hi: 0 });
    expect(isUndefinedInterval(on('log(x)', { lo: 0, hi: 1 }))).toBe(true);
    expect(isUndefinedInterval(on('sqrt(x)', { lo: -1e-300, hi: 1 }))).toBe(true);
    expect(isUndefinedInterval(on('x^0.5', { lo: -1, hi: 1 }))).toBe(true);
    expect(isUndefinedInterval(on('1 + 0*log(x)', { lo: -1, hi: 1 }))).toBe(true);
    expect(isUndefinedInterval(on('1/x', { lo: -1, hi: 1 }))).toBe(true);
    expect(isUndefinedInterval(on('(1/x)^0', { lo: 0, hi: 1 }))).toBe(true);
    expect(isUndefinedInterval(on('step(x^(-1))', { lo: 0, hi: 0 }))).toBe(true);
    expect(isUndefinedInterval(on('tan(x)', { lo: 1, hi: 2 }))).toBe(true);
    expect(on('x^0.5', { lo: 0, hi: 4 }).lo).toBe(0);
    expect(isUndefinedInterval(on('log(1 + x^2)', { lo: -5, hi: 5 }))).toBe(false);
  });

  it('boundOnBox is tighter on subdivided boxes and still encloses polynomials', () => {
    const e = parseMapExpr('x*(1 - x)');
    const whole = evaluateInterval(e, { lo: 0, hi: 1 }, { lo: 0, hi: 0 });
    const tight = boundOnBox(e, { lo: 0, hi: 1 }, { lo: 0, hi: 0 }, 16);
    expect(whole).toEqual({ lo: 0, hi: 1 });
    expect(tight.lo).toBeLessThanOrEqual(0);
    expect(tight.hi).toBeGreaterThanOrEqual(0.25);
    expect(tight.hi).toBeLessThan(0.32);
    fc.assert(
      fc.property(arbPolynomialText(), arbBoxAndPoints, (text, { x, y, points }) => {
        const p = parseMapExpr(text);
        const bound = boundOnBox(p, x, y);
        for (const [px, py] of points) expect(contains(bound, evaluate(p, px, py))).toBe(true);
      }),
      { numRuns: 200 },
    );
  });
});
