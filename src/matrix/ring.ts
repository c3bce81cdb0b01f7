/**
 * Exact products of the matrix vocabularies' words. Every entry of such a
 * product is a finite sum Σ (x + y√2)·e^{a + b√2} with dyadic x, y and
 * integers a, b: shears add rows with coefficients in ℤ[√2], H/D shift
 * dyadic exponents, K± and the Kronecker diagonals shift the exponent
 * (a, b) of a row's terms, the reflection negates a row. So products stay
 * exact however long the sentence; only `evaluate.ts` turns the few
 * exponentials into numbers, with a proved error bound.
 */
import * as Q from './dyadic.js';
import type { Dyadic } from './dyadic.js';

/** `x + y√2`. */
export interface Surd {
  readonly x: Dyadic;
  readonly y: Dyadic;
}

/** One term `(x + y√2)·e^{a + b√2}`. */
export interface Term {
  readonly a: number;
  readonly b: number;
  readonly coefficient: Surd;
}

/** An entry: terms by exponent, none with a zero coefficient. */
export type Entry = ReadonlyMap<string, Term>;

/** A d×d matrix of entries, rows first. */
export type ExactMatrix = readonly (readonly Entry[])[];

export const SURD_ZERO: Surd = { x: Q.ZERO, y: Q.ZERO };

export function surd(x: Dyadic, y: Dyadic = Q.ZERO): Surd {
  return { x, y };
}

export function surdIsZero(s: Surd): boolean {
  return Q.isZero(s.x) && Q.isZero(s.y);
}

export function surdAdd(s: Surd, t: Surd): Surd {
  return { x: Q.add(s.x, t.x), y: Q.add(s.y, t.y) };
}

/** (x + y√2)(u + v√2) = (xu + 2yv) + (xv + yu)√2. */
export function surdMul(s: Surd, t: Surd): Surd {
  return {
    x: Q.add(Q.mul(s.x, t.x), Q.shift(Q.mul(s.y, t.y), 1)),
    y: Q.add(Q.mul(s.x, t.y), Q.mul(s.y, t.x)),
  };
}

export function surdScale(s: Surd, n: number): Surd {
  const k = Q.fromInt(n);
  return { x: Q.mul(s.x, k), y: Q.mul(s.y, k) };
}

const key = (a: number, b: number): string => `${a},${b}`;

/** The constant entry c (c = 0 gives the empty sum). */
export function constant(c: Surd): Entry {
  return surdIsZero(c) ? new Map() : new Map([[key(0, 0), { a: 0, b: 0, coefficient: c }]]);
}

/** The identity as an exact matrix. */
export function identity(d: number): Entry[][] {
  return Array.from({ length: d }, (_, i) =>
    Array.from({ length: d }, (_, j) => constant(i === j ? surd(Q.ONE) : SURD_ZERO)),
  );
}

/** `target + c·source`, exactly. */
export function addScaled(target: Entry, source: Entry, c: Surd): Entry {
  if (source.size === 0 || surdIsZero(c)) return target;
  const out = new Map(target);
  for (const [k, t] of source) {
    const prev = out.get(k);
    const sum = surdAdd(prev?.coefficient ?? SURD_ZERO, surdMul(t.coefficient, c));
    if (surdIsZero(sum)) out.delete(k);
    else out.set(k, { a: t.a, b: t.b, coefficient: sum });
  }
  return out;
}

/** `±2^p·e^{a + b√2} · entry`, exactly. */
export function scaleEntry(entry: Entry, sign: 1 | -1, power2: number, a: number, b: number): Entry {
  const out = new Map<string, Term>();
  for (const t of entry.values()) {
    let { x, y } = t.coefficient;
    x = Q.shift(sign === 1 ? x : Q.neg(x), power2);
    y = Q.shift(sign === 1 ? y : Q.neg(y), power2);
    out.set(key(t.a + a, t.b + b), { a: t.a + a, b: t.b + b, coefficient: { x, y } });
  }
  return out;
}

/** Whether the entry is a dyadic rational (no √2, no exponential): then it prints exactly. */
export function dyadicValue(entry: Entry): Dyadic | null {
  if (entry.size === 0) return Q.ZERO;
  if (entry.size > 1) return null;
  const t = entry.values().next().value!;
  return t.a === 0 && t.b === 0 && Q.isZero(t.coefficient.y) ? t.coefficient.x : null;
}
