/**
 * Target matrices for `approximateMatrix`: exact decimal entries (as a
 * person types them — 0.1 means one tenth, not the nearest double) with the
 * exact determinant, or a rotation by an exact angle, whose entries are
 * balls around cos θ and sin θ and whose determinant is exactly 1.
 */
import { WordflowError } from '../errors.js';
import { cosSin, exact, Mid, type Ball, type MidValue } from './interval.js';

/** What the compiler needs to know about det A, exactly. */
export interface TargetDeterminant {
  readonly sign: -1 | 0 | 1;
  /** k when |det A| = 2^k exactly, else null. */
  readonly log2: number | null;
  /** ln |det A| at 80 digits; null when det A = 0. */
  readonly ln: MidValue | null;
  /** det A as a decimal string (exact for decimal targets, e.g. `1.99`). */
  readonly text: string;
}

/** A target: its entries as balls (radius 0 when exact) and its determinant. */
export interface MatrixTarget {
  readonly dimension: number;
  readonly entries: readonly (readonly Ball[])[];
  readonly determinant: TargetDeterminant;
  /** How the target was given, for messages: `[[0,-1],[1,0]]`, `rotation by 1`. */
  readonly description: string;
}

/** A decimal string → (integer mantissa, power of ten), exactly: `-1.25e-3` → (−125n, −5). */
function decimalParts(text: string): { mantissa: bigint; exponent10: number } {
  const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (m === null || (m[2] === '' && (m[3] ?? '') === ''))
    throw new WordflowError('usage', `not a decimal number: ${text}`);
  const digits = (m[2] ?? '') + (m[3] ?? '');
  const exponent10 = Number(m[4] ?? '0') - (m[3] ?? '').length;
  if (!Number.isSafeInteger(exponent10) || Math.abs(exponent10) > 10_000) {
    throw new WordflowError('usage', `the number ${text} is out of range (exponents beyond ±10000 are refused)`);
  }
  const mantissa = BigInt(digits === '' ? '0' : digits) * (m[1] === '-' ? -1n : 1n);
  return { mantissa, exponent10 };
}

/** det of an integer matrix, exactly (Bareiss's fraction-free elimination). */
export function integerDeterminant(rows: readonly (readonly bigint[])[]): bigint {
  const a = rows.map((r) => [...r]);
  const n = a.length;
  let sign = 1n;
  let prev = 1n;
  for (let k = 0; k < n - 1; k++) {
    if (a[k]![k] === 0n) {
      const p = a.findIndex((r, i) => i > k && r[k] !== 0n);
      if (p < 0) return 0n;
      [a[k], a[p]] = [a[p]!, a[k]!];
      sign = -sign;
    }
    for (let i = k + 1; i < n; i++) {
      for (let j = k + 1; j < n; j++) a[i]![j] = (a[i]![j]! * a[k]![k]! - a[i]![k]! * a[k]![j]!) / prev;
    }
    prev = a[k]![k]!;
  }
  return sign * a[n - 1]![n - 1]!;
}

/** The exact determinant of decimal rows, with its sign, power of two and logarithm. */
function decimalDeterminant(rows: readonly (readonly string[])[]): TargetDeterminant {
  const parts = rows.map((r) => r.map(decimalParts));
  const scale = Math.max(0, ...parts.flat().map((p) => -p.exponent10));
  const ints = parts.map((r) => r.map((p) => p.mantissa * 10n ** BigInt(p.exponent10 + scale)));
  const n = rows.length;
  const det = integerDeterminant(ints); // det A = det / 10^(scale·n)
  const shift = scale * n;
  const value = new Mid(det.toString()).div(new Mid(10).pow(shift));
  const text = value.toSignificantDigits(40).toString();
  if (det === 0n) return { sign: 0, log2: null, ln: null, text: '0' };
  const abs = det < 0n ? -det : det;
  // |det A| = abs / (2^shift · 5^shift) is a power of two iff 5^shift divides abs and the quotient is one.
  let log2: number | null = null;
  const five = 5n ** BigInt(shift);
  if (abs % five === 0n) {
    const q = abs / five;
    if ((q & (q - 1n)) === 0n) log2 = q.toString(2).length - 1 - shift;
  }
  return { sign: det < 0n ? -1 : 1, log2, ln: value.abs().ln(), text };
}

/** A target with exact decimal entries (strings such as `0.1`, `-3`, `2.5e-3`). */
export function decimalTarget(rows: readonly (readonly string[])[], description = JSON.stringify(rows)): MatrixTarget {
  const d = rows.length;
  if (d === 0 || rows.some((r) => r.length !== d))
    throw new WordflowError('usage', 'the target must be a non-empty square matrix');
  const entries = rows.map((r) =>
    r.map((s) => {
      const { mantissa, exponent10 } = decimalParts(s);
      // The constructor keeps every digit (only operations round), so this is exact.
      return exact(new Mid(`${mantissa}e${exponent10}`));
    }),
  );
  return { dimension: d, entries, determinant: decimalDeterminant(rows), description };
}

/** The rotation by θ radians (θ an exact decimal): [[cos θ, −sin θ], [sin θ, cos θ]], det exactly 1. */
export function rotationTarget(theta: string): MatrixTarget {
  decimalParts(theta);
  const { cos, sin } = cosSin(theta);
  const minusSin = { mid: sin.mid.neg(), rad: sin.rad };
  return {
    dimension: 2,
    entries: [
      [cos, minusSin],
      [sin, cos],
    ],
    determinant: { sign: 1, log2: 0, ln: new Mid(0), text: '1' },
    description: `rotation by ${theta}`,
  };
}
