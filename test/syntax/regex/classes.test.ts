/**
 * The predefined sets against V8 (the oracle; tests only): the shorthands on
 * every BMP code point, every property name on boundaries and random code
 * points, and names V8 rejects are rejected here too.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { type CharSet, MAX_CODE_POINT, has } from '../../../src/alphabet/charset.js';
import { propertyNames, propertySet, shorthandSet } from '../../../src/syntax/regex/classes.js';
import { parseRegex } from '../../../src/syntax/regex/parse.js';

const SHORTHAND_ORACLES: Readonly<Record<string, RegExp>> = {
  d: /^\d$/u,
  D: /^\D$/u,
  w: /^\w$/u,
  W: /^\W$/u,
  s: /^\s$/u,
  S: /^\S$/u,
};

describe('shorthands', () => {
  it.each(Object.keys(SHORTHAND_ORACLES))('\\%s agrees with V8 (u flag) on every BMP code point', (letter) => {
    const set = shorthandSet(letter)!;
    const oracle = SHORTHAND_ORACLES[letter]!;
    const disagreements: number[] = [];
    for (let cp = 0; cp <= 0xffff; cp++) {
      if (has(set, cp) !== oracle.test(String.fromCharCode(cp))) disagreements.push(cp);
    }
    expect(disagreements).toEqual([]);
  });

  it('agree with V8 on astral code points too', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0x10000, max: MAX_CODE_POINT }), (cp) => {
        for (const [letter, oracle] of Object.entries(SHORTHAND_ORACLES)) {
          expect(has(shorthandSet(letter)!, cp)).toBe(oracle.test(String.fromCodePoint(cp)));
        }
      }),
      { numRuns: 2000 },
    );
  });
});

const PROPERTY_NAMES = propertyNames();

/** Every spelling wordflow accepts, as written inside `\p{…}`. */
const SPELLINGS: readonly string[] = [
  ...PROPERTY_NAMES.generalCategories,
  ...PROPERTY_NAMES.generalCategories
    .flatMap((n) => [`gc=${n}`, `General_Category=${n}`])
    .filter((_, i) => i % 7 === 0),
  ...PROPERTY_NAMES.binary,
  ...PROPERTY_NAMES.scripts.flatMap((n) => [`sc=${n}`, `Script=${n}`]),
];

/** Code points where property sets often change, plus the ends of the range. */
function probes(set: CharSet): number[] {
  const edges = set.ranges.slice(0, 40).flatMap(([lo, hi]) => [lo - 1, lo, hi, hi + 1]);
  return [0, 0x7f, 0x80, 0xd800, 0xdfff, 0xffff, 0x10000, MAX_CODE_POINT, ...edges].filter(
    (cp) => cp >= 0 && cp <= MAX_CODE_POINT,
  );
}

describe('Unicode properties', () => {
  it('agree with V8 for every accepted spelling', () => {
    for (const name of SPELLINGS) {
      // The oracle is built from wordflow's own fixed table of names, never from user text.
      const oracle = new RegExp(`^\\p{${name}}$`, 'u');
      const set = propertySet(name);
      expect(set, name).toBeDefined();
      const random = fc.sample(fc.integer({ min: 0, max: MAX_CODE_POINT }), { numRuns: 100, seed: name.length });
      for (const cp of [...probes(set!), ...random]) {
        expect(has(set!, cp), `${name} at U+${cp.toString(16)}`).toBe(oracle.test(String.fromCodePoint(cp)));
      }
    }
  });

  it('return the same cached set for every alias', () => {
    expect(propertySet('Lu')).toBe(propertySet('Uppercase_Letter'));
    expect(propertySet('sc=Greek')).toBe(propertySet('Script=Grek'));
  });

  it('reject what V8 rejects: wrong case, missing key, unknown values', () => {
    for (const name of ['lu', 'Latin', 'gc=Latin', 'sc=Lu', 'Script', 'General_Category', 'letter', 'Foo', '', 'Lu ']) {
      expect(propertySet(name), name).toBeUndefined();
      expect(() => new RegExp(`\\p{${name}}`, 'u'), name).toThrow(SyntaxError);
    }
  });

  it('\\P is the complement of \\p', () => {
    const p = parseRegex('\\p{Ll}');
    const q = parseRegex('\\P{Ll}');
    if (p.kind !== 'chars' || q.kind !== 'chars') throw new Error('expected sets');
    fc.assert(
      fc.property(fc.integer({ min: 0, max: MAX_CODE_POINT }), (cp) => has(p.set, cp) !== has(q.set, cp)),
      { numRuns: 2000 },
    );
  });
});
