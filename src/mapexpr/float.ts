/**
 * Bit-level facts about doubles that rigorous interval arithmetic needs: the
 * neighbours of a double (`nextUp`, `nextDown`), whether a sum, product or
 * quotient came out exact (so that exact results are not widened needlessly),
 * and whether a decimal literal is exactly the double it rounds to.
 */

const BITS = new Float64Array(1);
const WORDS = new Uint32Array(BITS.buffer);
/** Which 32-bit word holds the low half of the double (the platform's byte order). */
const LOW = new Uint8Array(Float64Array.of(1).buffer)[7] === 0x3f ? 0 : 1;
const HIGH = 1 - LOW;

/** The double one unit in the last place further from zero (v finite, non-zero, or ±∞ toward ∓…). */
function awayFromZero(v: number): number {
  BITS[0] = v;
  if (WORDS[LOW] === 0xffffffff) {
    WORDS[LOW] = 0;
    WORDS[HIGH]! += 1;
  } else {
    WORDS[LOW]! += 1;
  }
  return BITS[0];
}

/** The double one unit in the last place closer to zero (v non-zero). */
function towardZero(v: number): number {
  BITS[0] = v;
  if (WORDS[LOW] === 0) {
    WORDS[LOW] = 0xffffffff;
    WORDS[HIGH]! -= 1;
  } else {
    WORDS[LOW]! -= 1;
  }
  return BITS[0];
}

/** The least double greater than `v` (+∞ stays +∞, NaN stays NaN; −∞ → −MAX_VALUE). */
export function nextUp(v: number): number {
  if (Number.isNaN(v) || v === Infinity) return v;
  if (v === 0) return Number.MIN_VALUE;
  return v > 0 ? awayFromZero(v) : towardZero(v);
}

/** The greatest double less than `v` (−∞ stays −∞, NaN stays NaN; +∞ → MAX_VALUE). */
export function nextDown(v: number): number {
  return -nextUp(-v);
}

/** Whether `s`, the double sum of `a` and `b`, is their exact sum (Knuth's TwoSum error is zero). */
export function sumIsExact(a: number, b: number, s: number): boolean {
  if (!Number.isFinite(s)) return false;
  const bb = s - a;
  return a - (s - bb) + (b - bb) === 0;
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter
const SAFE_HIGH = 2 ** 400;
const SAFE_LOW = 2 ** -400;

/**
 * Whether `p`, the double product of `a` and `b`, is their exact product
 * (Dekker's TwoProduct error is zero). Outside the range where Dekker's
 * splitting is itself exact the answer is a conservative `false`.
 */
export function productIsExact(a: number, b: number, p: number): boolean {
  if (a === 0 || b === 0) return p === 0;
  if (!Number.isFinite(p) || p === 0) return false;
  const aa = Math.abs(a);
  const ab = Math.abs(b);
  if (aa > SAFE_HIGH || ab > SAFE_HIGH || aa < SAFE_LOW || ab < SAFE_LOW) return false;
  const ca = SPLIT * a;
  const ah = ca - (ca - a);
  const al = a - ah;
  const cb = SPLIT * b;
  const bh = cb - (cb - b);
  const bl = b - bh;
  return ah * bh - p + ah * bl + al * bh + al * bl === 0;
}

/** `v` as m·2^k with an integer m (v finite). */
function dyadicOf(v: number): { m: bigint; k: number } {
  BITS[0] = Math.abs(v);
  const high = WORDS[HIGH]!;
  const low = WORDS[LOW]!;
  const exponent = (high >>> 20) & 0x7ff;
  const fraction = (BigInt(high & 0xfffff) << 32n) | BigInt(low);
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  return { m: v < 0 ? -m : m, k: (exponent === 0 ? 1 : exponent) - 1075 };
}

/**
 * Whether the double `value` is exactly the number the decimal literal `text`
 * denotes (digits, an optional point, an optional exponent). Compared as
 * integers: digits·10^E against m·2^k.
 */
export function decimalIsExact(text: string, value: number): boolean {
  const match = /^([0-9]*)(?:\.([0-9]*))?(?:[eE]([+-]?[0-9]+))?$/.exec(text);
  if (match === null || !Number.isFinite(value)) return false;
  const digits = (match[1] ?? '') + (match[2] ?? '');
  const mantissa = BigInt(digits === '' ? '0' : digits);
  if (mantissa === 0n) return value === 0;
  if (value === 0) return false;
  const e10 = Number(match[3] ?? '0') - (match[2] ?? '').length;
  // A non-zero finite double is between 2^-1075 and 2^1024; a literal whose scale is far outside
  // what its digits can make up for is not one (and the powers below would be enormous).
  if (Math.abs(e10) > 2 * digits.length + 800) return false;
  const { m, k } = dyadicOf(value);
  const left = mantissa * (e10 > 0 ? 10n ** BigInt(e10) : 1n) * (k < 0 ? 1n << BigInt(-k) : 1n);
  const right = m * (k > 0 ? 1n << BigInt(k) : 1n) * (e10 < 0 ? 10n ** BigInt(-e10) : 1n);
  return left === right;
}
