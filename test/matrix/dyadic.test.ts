/** Exact dyadic rationals: arithmetic and decimal expansion against BigInt fractions. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { add, dyadic, mul, neg, shift, sub, toDecimalString, type Dyadic } from '../../src/matrix/dyadic.js';

const arbDyadic = fc
  .record({ m: fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }), e: fc.integer({ min: -80, max: 80 }) })
  .map(({ m, e }) => dyadic(m, e));

/** The value as a fraction n / 2^k with k = 200 − exponent scaling (exact for |e| ≤ 200). */
const scaled = (a: Dyadic): bigint => (a.exponent + 200 >= 0 ? a.mantissa << BigInt(a.exponent + 200) : 0n);

describe('dyadic rationals', () => {
  it('normalizes: odd mantissa, zero is unique', () => {
    expect(dyadic(12n, 0)).toEqual({ mantissa: 3n, exponent: 2 });
    expect(dyadic(0n, 7)).toEqual({ mantissa: 0n, exponent: 0 });
  });

  it('adds, subtracts, multiplies and shifts exactly', () => {
    fc.assert(
      fc.property(arbDyadic, arbDyadic, (a, b) => {
        expect(scaled(add(a, b))).toBe(scaled(a) + scaled(b));
        expect(scaled(sub(a, b))).toBe(scaled(a) - scaled(b));
        expect(scaled(neg(a))).toBe(-scaled(a));
        // (a·b)·2^400 = (a·2^200)(b·2^200)
        const p = mul(a, b);
        expect(p.mantissa << BigInt(p.exponent + 400)).toBe(scaled(a) * scaled(b));
        expect(scaled(shift(a, 3))).toBe(scaled(a) * 8n);
      }),
      { numRuns: 200 },
    );
  });

  it('prints the exact decimal expansion', () => {
    expect(toDecimalString(dyadic(-3n, -3))).toBe('-0.375');
    expect(toDecimalString(dyadic(5n, 2))).toBe('20');
    expect(toDecimalString(dyadic(1n, -1))).toBe('0.5');
    expect(toDecimalString(dyadic(0n))).toBe('0');
    expect(toDecimalString(dyadic(1n, -10))).toBe('0.0009765625');
    fc.assert(
      fc.property(arbDyadic, (a) => {
        // Parse back: digits / 10^k must equal m·2^e.
        const s = toDecimalString(a);
        const [int, frac = ''] = s.replace('-', '').split('.');
        const n = BigInt(int! + frac) * (s.startsWith('-') ? -1n : 1n);
        const k = BigInt(frac.length);
        // n / 10^k = m·2^e  ⇔  n·2^{-e} = m·10^k (e < 0) or n = m·2^e·10^k.
        if (a.exponent < 0) expect(n << BigInt(-a.exponent)).toBe(a.mantissa * 10n ** k);
        else expect(n).toBe((a.mantissa << BigInt(a.exponent)) * 10n ** k);
      }),
      { numRuns: 200 },
    );
  });
});
