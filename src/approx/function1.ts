/** The one-variable functions the constructions take: coupling profiles, ridge profiles, stretches. */

/**
 * A real function of one variable with the bounds the constructions need.
 * Every bound must enclose the truth (interval arithmetic or a proof); the
 * error bounds reported are only as true as these.
 */
export interface Function1 {
  /** f(v) in doubles. */
  at(v: number): number;
  /** An enclosure [lo, hi] of f over [a, b]. */
  range(a: number, b: number): readonly [number, number];
  /** A bound on |f'| over [a, b]. */
  slope(a: number, b: number): number;
  /** A bound on |f''| over [a, b]. */
  curvature(a: number, b: number): number;
  /** Set when f is known to be affine, f(v) = slope·v + offset (then shears replace knot sweeps). */
  readonly linear?: { readonly slope: number; readonly offset: number };
}
