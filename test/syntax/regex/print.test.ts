/**
 * The printer: readable output for typical expressions, parentheses exactly
 * where precedence needs them, and the round trip parse → print → parse.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ALL, EMPTY, range, single } from '../../../src/alphabet/charset.js';
import type { Regex } from '../../../src/syntax/regex/ast.js';
import { parseRegex } from '../../../src/syntax/regex/parse.js';
import { printCodePoint, printRegex, printSet } from '../../../src/syntax/regex/print.js';
import { extendedPatternArb, sharedPatternArb, stringOverArb } from '../../support/arbitraries.js';
import { flatSx, matches } from './reference.js';

const roundTrip = (text: string): string => printRegex(parseRegex(text));
const at = { start: 0, end: 0 };
const ch = (c: string): Regex => ({ kind: 'chars', set: single(c.codePointAt(0)!), span: at });

describe('readable output', () => {
  it.each([
    ['(a|b)*abb', '(a|b)*abb'],
    ['[0-9]+', '[0-9]+'],
    ['\\d+', '[0-9]+'],
    ['a?', 'a?'],
    ['(ab){2,5}', '(ab){2,5}'],
    ['(?:ab){2,}', '(ab){2,}'],
    ['a{3}', 'a{3}'],
    ['a{0,1}', 'a?'],
    ['a{1,}', 'a+'],
    ['a{0,}', 'a*'],
    ['a*?', 'a*?'],
    ['(a)', 'a'],
    ['((a|b))', 'a|b'],
    ['[^a-z]', '[^a-z]'],
    ['[abcdefx]', '[a-fx]'],
    ['[ab]', '[ab]'],
    ['[^]', '.'],
    ['[]', '[]'],
    ['()', '()'],
    ['', '()'],
    ['a|', 'a|()'],
    ['\\w\\s\\W\\S', '\\w\\s\\W\\S'],
    ['\\p{Lu}\\P{Lu}', '\\p{Lu}\\P{Lu}'],
    ['\\p{Script=Greek}', '\\p{sc=Greek}'],
  ])('%s prints as %s', (input, output) => {
    expect(roundTrip(input)).toBe(output);
  });

  it('escapes metacharacters, controls and invisible characters, and nothing else', () => {
    expect(roundTrip('\\.\\*\\&\\~\\^\\$\\{\\}\\(\\)\\[\\]\\|\\\\')).toBe(
      '\\.\\*\\&\\~\\^\\$\\{\\}\\(\\)\\[\\]\\|\\\\',
    );
    expect(roundTrip('\\n\\t\\x01\\x7f')).toBe('\\n\\t\\x01\\x7f');
    expect(roundTrip('\\u00a0\\u200b\\u0301\\u2028')).toBe('\\u00a0\\u200b\\u0301\\u2028');
    expect(roundTrip('é😀-/ ')).toBe('é😀-/ ');
    expect(roundTrip('[\\-\\]\\^\\[\\\\]')).toBe('[\\-\\[-\\^]');
  });

  it('never writes \\0 (a digit after it would make an octal escape) or an escaped surrogate pair', () => {
    expect(printCodePoint(0)).toBe('\\x00');
    expect(roundTrip('\\x001')).toBe('\\x001');
    expect(printCodePoint(0xd83d)).toBe('\\u{d83d}');
    expect(roundTrip('\\u{d83d}\\u{de00}')).toBe('\\u{d83d}\\u{de00}');
  });

  it('chooses the shorter of a class and its complement', () => {
    expect(printSet(range(0x62, 0x10ffff))).toBe('[^\\x00-a]');
    expect(printSet(ALL)).toBe('.');
    expect(printSet(EMPTY)).toBe('[]');
  });
});

describe('parentheses follow precedence', () => {
  it.each([
    ['a|b&c', 'a|b&c'],
    ['(a|b)&c', '(a|b)&c'],
    ['(a&b)c', '(a&b)c'],
    ['(ab)&c', 'ab&c'],
    ['(a|b)c', '(a|b)c'],
    ['~a*', '~a*'],
    ['(~a)*', '(~a)*'],
    ['~(ab)', '~(ab)'],
    ['~(a|b)', '~(a|b)'],
    ['~~a', '~~a'],
    ['a~b', 'a~b'],
    ['(a*)*', '(a*)*'],
    ['(a?){2}', '(a?){2}'],
    ['()*', '()*'],
    ['(a)(b)', 'ab'],
  ])('%s prints as %s', (input, output) => {
    expect(roundTrip(input)).toBe(output);
  });

  it('prints degenerate n-ary nodes by what they mean', () => {
    expect(printRegex({ kind: 'alt', items: [], span: at })).toBe('[]');
    expect(printRegex({ kind: 'and', items: [], span: at })).toBe('~[]');
    expect(printRegex({ kind: 'concat', items: [], span: at })).toBe('()');
    expect(printRegex({ kind: 'concat', items: [ch('a')], span: at })).toBe('a');
    const one: Regex = { kind: 'alt', items: [{ kind: 'concat', items: [ch('a'), ch('b')], span: at }], span: at };
    expect(printRegex({ kind: 'repeat', item: one, min: 0, max: null, lazy: false, span: at })).toBe('(ab)*');
    const none: Regex = { kind: 'and', items: [], span: at };
    expect(printRegex({ kind: 'repeat', item: none, min: 1, max: null, lazy: false, span: at })).toBe('(~[])+');
  });

  it('keeps nested structure that flattening would change', () => {
    const inner: Regex = {
      kind: 'concat',
      items: [ch('a'), { kind: 'alt', items: [ch('b'), ch('c')], span: at }],
      span: at,
    };
    const ast: Regex = { kind: 'and', items: [inner, { kind: 'not', item: inner, span: at }], span: at };
    expect(printRegex(ast)).toBe('a(b|c)&~(a(b|c))');
  });
});

describe('round trip', () => {
  it('parse(print(parse(p))) has the structure of parse(p), for shared patterns', () => {
    fc.assert(
      fc.property(sharedPatternArb(['a', 'b', '-', '.']), (p) => {
        const ast = parseRegex(p);
        expect(flatSx(parseRegex(printRegex(ast)))).toBe(flatSx(ast));
      }),
      { numRuns: 1000 },
    );
  });

  it('parse(print(parse(p))) has the structure and language of parse(p), with & and ~', () => {
    fc.assert(
      fc.property(extendedPatternArb(['a', 'b']), fc.array(stringOverArb(['a', 'b'], 5), { maxLength: 8 }), (p, ss) => {
        const ast = parseRegex(p);
        const again = parseRegex(printRegex(ast));
        expect(flatSx(again)).toBe(flatSx(ast));
        for (const s of ss) expect(matches(again, s)).toBe(matches(ast, s));
      }),
      { numRuns: 1000 },
    );
  });

  it('printing is a fixed point after one round', () => {
    fc.assert(
      fc.property(extendedPatternArb(['x', '^', ']', '\u0000']), (p) => {
        const once = printRegex(parseRegex(p));
        expect(printRegex(parseRegex(once))).toBe(once);
      }),
      { numRuns: 500 },
    );
  });
});
