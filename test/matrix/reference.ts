/**
 * An independent reference for the matrix tests: plain decimal.js at 60
 * digits, fed only with decimal strings (the JSON vocabulary, the target),
 * multiplying run by run (a run as a matrix power by repeated squaring). It
 * shares no code with src/matrix.
 */
import { Decimal } from 'decimal.js';

export const R = Decimal.clone({ precision: 60, rounding: Decimal.ROUND_HALF_EVEN });
export type Num = InstanceType<typeof R>;
export type M = Num[][];

export const fromStrings = (rows: readonly (readonly string[])[]): M => rows.map((r) => r.map((x) => new R(x)));

export function identity(d: number): M {
  return Array.from({ length: d }, (_, i) => Array.from({ length: d }, (_, j) => new R(i === j ? 1 : 0)));
}

export function mul(a: M, b: M): M {
  const d = a.length;
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => {
      let s = new R(0);
      for (let k = 0; k < d; k++) s = s.plus(a[i]![k]!.times(b[k]![j]!));
      return s;
    }),
  );
}

export function power(a: M, n: number): M {
  let result = identity(a.length);
  let base = a;
  let k = n;
  while (k > 0) {
    if (k % 2 === 1) result = mul(base, result);
    base = mul(base, base);
    k = Math.floor(k / 2);
  }
  return result;
}

const isDiagonal = (a: M): boolean => a.every((row, i) => row.every((x, j) => i === j || x.isZero()));

/**
 * The product Wn⋯W1 of runs, from the words' matrices given as decimal
 * strings. A diagonal word's power is taken entrywise and applied to rows
 * (the same product, d times cheaper); any other word by repeated squaring.
 */
export function sentenceProduct(
  words: ReadonlyMap<string, M>,
  sentence: readonly (readonly [string, number])[],
  d: number,
): M {
  let p = identity(d);
  for (const [name, count] of sentence) {
    const w = words.get(name);
    if (w === undefined) throw new Error(`no word ${name}`);
    if (isDiagonal(w)) {
      const scale = w.map((row, i) => row[i]!.pow(count));
      p = p.map((row, i) => (scale[i]!.eq(1) ? row : row.map((x) => x.times(scale[i]!))));
    } else p = mul(power(w, count), p);
  }
  return p;
}

export function frobenius(a: M, b: M): Num {
  let s = new R(0);
  a.forEach((row, i) => row.forEach((x, j) => (s = s.plus(x.minus(b[i]![j]!).pow(2)))));
  return s.sqrt();
}

export function norm(a: M): Num {
  let s = new R(0);
  for (const row of a) for (const x of row) s = s.plus(x.pow(2));
  return s.sqrt();
}

/** A⁻¹ by Gauss–Jordan with partial pivoting. */
export function inverse(a: M): M {
  const d = a.length;
  const m = a.map((r, i) => [...r, ...identity(d)[i]!]);
  for (let k = 0; k < d; k++) {
    let p = k;
    for (let i = k + 1; i < d; i++) if (m[i]![k]!.abs().gt(m[p]![k]!.abs())) p = i;
    [m[k], m[p]] = [m[p]!, m[k]!];
    const pivot = m[k]![k]!;
    m[k] = m[k]!.map((x) => x.div(pivot));
    for (let i = 0; i < d; i++) {
      if (i === k) continue;
      const f = m[i]![k]!;
      m[i] = m[i]!.map((x, j) => x.minus(f.times(m[k]![j]!)));
    }
  }
  return m.map((r) => r.slice(d));
}
