/**
 * Rigorous interval evaluation of map expressions: for a box X × Y,
 * `evaluateInterval` returns [lo, hi] containing the real value of the
 * expression at every point of the box, and also the double that `evaluate`
 * computes there. Rules:
 *
 * - Arithmetic (+ − × ÷, squares, integer powers): each endpoint is computed
 *   in double and then stepped one ulp outward, unless the operation was
 *   exact (checked with TwoSum / Dekker's TwoProduct), so exact results such
 *   as 0 or 2·x at x = 1 stay points.
 * - Library functions (sin, cos, tan, exp, log, tanh, and pow through exp and
 *   log) are stepped two ulps outward. This assumes V8's libm (fdlibm ports)
 *   is within one ulp of the true value, as it is documented to be; `sqrt` is
 *   correctly rounded (IEEE 754) and stepped one ulp.
 * - sin and cos include their interior extrema: whether an interval may
 *   contain π/2 + kπ is decided with the enclosure [Math.PI, nextUp(Math.PI)]
 *   of π.
 * - Literals that are not exact doubles (0.1) and the constants π, e are
 *   enclosed by their two neighbouring doubles.
 * - abs, relu, step, sign, min, max and negation are exact.
 * - `^` with an exponent that is a single integer n is computed as repeated
 *   multiplication (binary powering, even powers non-negative, negative n as
 *   1/x^|n|); any other exponent through exp(b·log a), for a > 0 only.
 * - **Undefined**: `log` of an interval reaching ≤ 0, `sqrt` of one reaching
 *   below 0, a non-integer power of a base reaching ≤ 0 (0^b for b > 0 is
 *   fine), division by an interval containing 0 and `tan` of an interval that
 *   may contain a pole give the NaN-bounded interval `{ lo: NaN, hi: NaN }`:
 *   the expression may be undefined somewhere on the box and no enclosure is
 *   claimed. NaN bounds propagate through every operation, so a later
 *   `0*…`, `…^0` or `step(…)` cannot hide the undefined point. (A quotient
 *   by an interval containing 0 is not reported as [−∞, ∞] for that reason.)
 *   Infinite bounds therefore only ever mean overflow of a defined value.
 */
import { WordflowError } from '../errors.js';
import { type MapExpr, type MapFunction, type MapOperator, dependsOn } from './ast.js';
import { nextDown, nextUp, productIsExact, sumIsExact } from './float.js';

/** A closed interval [lo, hi] of reals; NaN bounds mean "possibly undefined here, no enclosure". */
export interface Interval {
  readonly lo: number;
  readonly hi: number;
}

/** The NaN-bounded interval: the expression may be undefined somewhere on the box. */
export const UNDEFINED_INTERVAL: Interval = Object.freeze({ lo: NaN, hi: NaN });

const ONE: Interval = Object.freeze({ lo: 1, hi: 1 });
const UNIT: Interval = Object.freeze({ lo: -1, hi: 1 });

/** Whether the interval is the NaN-bounded "possibly undefined" one. */
export function isUndefinedInterval(i: Interval): boolean {
  return Number.isNaN(i.lo) || Number.isNaN(i.hi);
}

/** An interval from computed bounds; a NaN bound from ∞ − ∞ or 0·∞ means "unbounded" there. */
function make(lo: number, hi: number): Interval {
  return { lo: Number.isNaN(lo) ? -Infinity : lo, hi: Number.isNaN(hi) ? Infinity : hi };
}

/** The enclosure of a double that may only approximate its real value (a literal, π, e). */
function around(v: number, exact: boolean): Interval {
  return exact ? { lo: v, hi: v } : { lo: nextDown(v), hi: nextUp(v) };
}

function addDown(a: number, b: number): number {
  const s = a + b;
  return sumIsExact(a, b, s) ? s : nextDown(s);
}

function addUp(a: number, b: number): number {
  const s = a + b;
  return sumIsExact(a, b, s) ? s : nextUp(s);
}

/** A product rounded down; 0·∞ counts as 0 (an infinite bound stands for "unbounded", a zero bound is exact). */
function mulDown(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  const p = a * b;
  return productIsExact(a, b, p) ? p : nextDown(p);
}

function mulUp(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  const p = a * b;
  return productIsExact(a, b, p) ? p : nextUp(p);
}

function quotientIsExact(a: number, b: number, q: number): boolean {
  if (!Number.isFinite(q)) return false;
  const p = q * b;
  return p === a && productIsExact(q, b, p);
}

function divDown(a: number, b: number): number {
  if (a === 0) return 0;
  const q = a / b;
  return quotientIsExact(a, b, q) ? q : nextDown(q);
}

function divUp(a: number, b: number): number {
  if (a === 0) return 0;
  const q = a / b;
  return quotientIsExact(a, b, q) ? q : nextUp(q);
}

function add(a: Interval, b: Interval): Interval {
  return make(addDown(a.lo, b.lo), addUp(a.hi, b.hi));
}

function sub(a: Interval, b: Interval): Interval {
  return make(addDown(a.lo, -b.hi), addUp(a.hi, -b.lo));
}

function mul(a: Interval, b: Interval): Interval {
  const lo = Math.min(mulDown(a.lo, b.lo), mulDown(a.lo, b.hi), mulDown(a.hi, b.lo), mulDown(a.hi, b.hi));
  const hi = Math.max(mulUp(a.lo, b.lo), mulUp(a.lo, b.hi), mulUp(a.hi, b.lo), mulUp(a.hi, b.hi));
  return make(lo, hi);
}

/** a / b; undefined (NaN-bounded) if b may be zero, since the quotient is undefined there. */
function div(a: Interval, b: Interval): Interval {
  if (b.lo <= 0 && b.hi >= 0) return UNDEFINED_INTERVAL;
  const lo = Math.min(divDown(a.lo, b.lo), divDown(a.lo, b.hi), divDown(a.hi, b.lo), divDown(a.hi, b.hi));
  const hi = Math.max(divUp(a.lo, b.lo), divUp(a.lo, b.hi), divUp(a.hi, b.lo), divUp(a.hi, b.hi));
  return make(lo, hi);
}

/** x² over the interval: never negative. */
function square(a: Interval): Interval {
  if (a.lo >= 0) return make(mulDown(a.lo, a.lo), mulUp(a.hi, a.hi));
  if (a.hi <= 0) return make(mulDown(a.hi, a.hi), mulUp(a.lo, a.lo));
  return make(0, Math.max(mulUp(a.lo, a.lo), mulUp(a.hi, a.hi)));
}

/**
 * x^n for an integer n ≥ 0 at a single point v: the same binary powering as
 * `integerPower` in `evaluate.ts`, so the double result lies inside.
 */
function pointPower(v: number, n: number): Interval {
  let result = ONE;
  let sq: Interval = { lo: v, hi: v };
  let rest = n;
  while (rest > 0) {
    const bit = rest % 2;
    if (bit === 1) result = mul(result, sq);
    rest = (rest - bit) / 2;
    if (rest > 0) sq = square(sq);
  }
  return n % 2 === 0 ? make(Math.max(0, result.lo), result.hi) : result;
}

/**
 * x^n for an integer n over an interval. x^n is monotone on each side of 0
 * (and so is its double binary powering, every step being a monotone rounded
 * product), so the endpoints' powers bound it: odd n increasing, even n
 * decreasing then increasing with minimum 0. Negative n is 1/x^|n|.
 */
function integerPowerInterval(a: Interval, n: number): Interval {
  if (n < 0) return div(ONE, integerPowerInterval(a, -n));
  if (n === 0) return ONE;
  const low = pointPower(a.lo, n);
  const high = pointPower(a.hi, n);
  if (n % 2 === 1 || a.lo >= 0) return make(low.lo, high.hi);
  if (a.hi <= 0) return make(high.lo, low.hi);
  return make(0, Math.max(low.hi, high.hi));
}

/** Two ulps below a library function's result (its error is assumed ≤ 1 ulp). */
function down2(v: number): number {
  return nextDown(nextDown(v));
}

function up2(v: number): number {
  return nextUp(nextUp(v));
}

/** A monotone library function of an interval: two ulps outward, exact at the points where fdlibm is exact. */
function increasing(f: (v: number) => number, a: Interval, exactAt: number, exactValue: number): Interval {
  const lo = a.lo === exactAt ? exactValue : down2(f(a.lo));
  const hi = a.hi === exactAt ? exactValue : up2(f(a.hi));
  return make(lo, hi);
}

const PI_LO = Math.PI; // 3.14159265358979311… < π
const PI_HI = nextUp(Math.PI); // 3.14159265358979356… > π

/** Whether [lo, hi] may contain (period·k + offset)·π for some integer k (lo, hi finite, width < period·π). */
function mayContainPiMultiple(lo: number, hi: number, period: number, offset: number): boolean {
  const k0 = Math.floor((lo / Math.PI - offset) / period);
  for (let k = k0 - 2; k <= k0 + 3; k++) {
    const q = period * k + offset; // exact: |k| < 2^50
    const cLo = q >= 0 ? mulDown(q, PI_LO) : mulDown(q, PI_HI);
    const cHi = q >= 0 ? mulUp(q, PI_HI) : mulUp(q, PI_LO);
    if (cHi >= lo && cLo <= hi) return true;
  }
  return false;
}

/** Beyond this magnitude sin, cos and tan are not analysed (the answer is [−1, 1] or the whole line). */
const TRIG_RANGE = 1e15;

function sinCos(a: Interval, fn: 'sin' | 'cos'): Interval {
  const { lo, hi } = a;
  if (!(Math.abs(lo) < TRIG_RANGE && Math.abs(hi) < TRIG_RANGE) || hi - lo >= 6.28) return UNIT;
  const f = fn === 'sin' ? Math.sin : Math.cos;
  const zero = fn === 'sin' ? 0 : 1; // sin 0 and cos 0 are exact
  const at = (v: number): Interval => (v === 0 ? { lo: zero, hi: zero } : { lo: down2(f(v)), hi: up2(f(v)) });
  const [l, h] = [at(lo), at(hi)];
  let low = Math.min(l.lo, h.lo);
  let high = Math.max(l.hi, h.hi);
  // sin peaks at π/2 + 2kπ and dips at −π/2 + 2kπ; cos peaks at 2kπ and dips at π + 2kπ.
  if (mayContainPiMultiple(lo, hi, 2, fn === 'sin' ? 0.5 : 0)) high = 1;
  if (mayContainPiMultiple(lo, hi, 2, fn === 'sin' ? -0.5 : 1)) low = -1;
  return make(Math.max(-1, low), Math.min(1, high));
}

function tanInterval(a: Interval): Interval {
  const { lo, hi } = a;
  if (!(Math.abs(lo) < TRIG_RANGE && Math.abs(hi) < TRIG_RANGE) || hi - lo >= 3.14) return UNDEFINED_INTERVAL;
  if (mayContainPiMultiple(lo, hi, 1, 0.5)) return UNDEFINED_INTERVAL;
  return increasing(Math.tan, a, 0, 0);
}

/** A relative widening that covers the rounding of binary powering when an exponent box holds an integer. */
const POWER_SLACK = 2 ** -44;

function slack(a: Interval): Interval {
  const lo = a.lo - Math.abs(a.lo) * POWER_SLACK;
  const hi = a.hi + Math.abs(a.hi) * POWER_SLACK;
  return make(nextDown(lo), nextUp(hi));
}

function logInterval(a: Interval): Interval {
  return a.lo > 0 ? increasing(Math.log, a, 1, 0) : UNDEFINED_INTERVAL;
}

function expInterval(a: Interval): Interval {
  const r = increasing(Math.exp, a, 0, 1);
  return make(Math.max(0, r.lo), r.hi);
}

function powerInterval(a: Interval, b: Interval): Interval {
  if (b.lo === b.hi && Number.isInteger(b.lo)) return integerPowerInterval(a, b.lo);
  if (a.lo > 0) {
    const r = slack(expInterval(mul(b, logInterval(a))));
    return make(Math.max(0, r.lo), r.hi);
  }
  if (a.lo === 0 && b.lo > 0) {
    // a^b grows with a for b > 0: the top is at a = hi, the bottom is 0^b = 0.
    if (a.hi === 0) return { lo: 0, hi: 0 };
    return make(0, slack(expInterval(mul(b, logInterval({ lo: a.hi, hi: a.hi })))).hi);
  }
  return UNDEFINED_INTERVAL;
}

function sqrtDown(v: number): number {
  const r = Math.sqrt(v);
  return r * r === v && productIsExact(r, r, v) ? r : Math.max(0, nextDown(r));
}

function sqrtUp(v: number): number {
  const r = Math.sqrt(v);
  return r * r === v && productIsExact(r, r, v) ? r : nextUp(r);
}

/**
 * An interval containing the value of `e` at every point of the box X × Y
 * (and the double `evaluate` gives there); `{ lo: NaN, hi: NaN }` when the
 * expression may be undefined somewhere on the box. The rounding rules and
 * their assumption about the platform's libm are in this module's comment.
 */
export function evaluateInterval(e: MapExpr, x: Interval, y: Interval): Interval {
  for (const box of [x, y]) {
    if (!(box.lo <= box.hi)) throw new WordflowError('usage', `not an interval: [${box.lo}, ${box.hi}]`);
  }
  return enclose(e, x, y);
}

function enclose(e: MapExpr, x: Interval, y: Interval): Interval {
  switch (e.kind) {
    case 'num':
      return around(e.value, e.exact);
    case 'var':
      return e.name === 'x' ? x : y;
    case 'const':
      return around(e.name === 'pi' ? Math.PI : Math.E, false);
    case 'neg': {
      const a = enclose(e.arg, x, y);
      return isUndefinedInterval(a) ? a : { lo: -a.hi, hi: -a.lo };
    }
    case 'binary': {
      const a = enclose(e.left, x, y);
      const b = enclose(e.right, x, y);
      if (isUndefinedInterval(a) || isUndefinedInterval(b)) return UNDEFINED_INTERVAL;
      return encloseBinary(e.op, a, b);
    }
    case 'call': {
      const a = enclose(e.args[0]!, x, y);
      if (isUndefinedInterval(a)) return a;
      if (e.fn === 'min' || e.fn === 'max') {
        const b = enclose(e.args[1]!, x, y);
        if (isUndefinedInterval(b)) return b;
        return e.fn === 'min'
          ? { lo: Math.min(a.lo, b.lo), hi: Math.min(a.hi, b.hi) }
          : { lo: Math.max(a.lo, b.lo), hi: Math.max(a.hi, b.hi) };
      }
      return encloseUnary(e.fn, a);
    }
  }
}

function encloseBinary(op: MapOperator, a: Interval, b: Interval): Interval {
  switch (op) {
    case '+':
      return add(a, b);
    case '-':
      return sub(a, b);
    case '*':
      return mul(a, b);
    case '/':
      return div(a, b);
    case '^':
      return powerInterval(a, b);
  }
}

function encloseUnary(fn: Exclude<MapFunction, 'min' | 'max'>, a: Interval): Interval {
  switch (fn) {
    case 'sin':
    case 'cos':
      return sinCos(a, fn);
    case 'tan':
      return tanInterval(a);
    case 'exp':
      return expInterval(a);
    case 'log':
      return logInterval(a);
    case 'tanh': {
      const r = increasing(Math.tanh, a, 0, 0);
      return make(Math.max(-1, r.lo), Math.min(1, r.hi));
    }
    case 'sqrt':
      return a.lo >= 0 ? make(sqrtDown(a.lo), sqrtUp(a.hi)) : UNDEFINED_INTERVAL;
    case 'abs':
      if (a.lo >= 0) return a;
      if (a.hi <= 0) return { lo: -a.hi, hi: -a.lo };
      return { lo: 0, hi: Math.max(-a.lo, a.hi) };
    case 'relu':
      return { lo: Math.max(0, a.lo), hi: Math.max(0, a.hi) };
    case 'step':
      return { lo: a.lo > 0 ? 1 : 0, hi: a.hi > 0 ? 1 : 0 };
    case 'sign':
      return { lo: Math.sign(a.lo), hi: Math.sign(a.hi) };
  }
}

/** `count` + 1 nondecreasing cut points from lo to hi (one piece if the width overflows). */
function cuts(box: Interval, count: number): number[] {
  const width = box.hi - box.lo;
  if (count <= 1 || !Number.isFinite(width) || width === 0) return [box.lo, box.hi];
  const out = [box.lo];
  for (let i = 1; i < count; i++) out.push(Math.min(box.hi, Math.max(box.lo, box.lo + width * (i / count))));
  out.push(box.hi);
  return out;
}

/**
 * A tighter enclosure of `e` on the box: the union of `evaluateInterval` over
 * a pieces × pieces subdivision (only along the variables `e` depends on),
 * intersected with the enclosure of the whole box. NaN-bounded if any piece
 * may be undefined.
 */
export function boundOnBox(e: MapExpr, x: Interval, y: Interval, pieces = 8): Interval {
  const whole = evaluateInterval(e, x, y);
  const n = Math.max(1, Math.floor(pieces));
  const xs = cuts(x, dependsOn(e, 'x') ? n : 1);
  const ys = cuts(y, dependsOn(e, 'y') ? n : 1);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i + 1 < xs.length; i++) {
    for (let j = 0; j + 1 < ys.length; j++) {
      const r = enclose(e, { lo: xs[i]!, hi: xs[i + 1]! }, { lo: ys[j]!, hi: ys[j + 1]! });
      if (isUndefinedInterval(r)) return UNDEFINED_INTERVAL;
      lo = Math.min(lo, r.lo);
      hi = Math.max(hi, r.hi);
    }
  }
  if (isUndefinedInterval(whole)) return { lo, hi };
  return { lo: Math.max(lo, whole.lo), hi: Math.min(hi, whole.hi) };
}
