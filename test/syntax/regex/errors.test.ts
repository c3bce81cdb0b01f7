/**
 * Every error the parser reports: its kind, its words and the span it points
 * at. Messages required word for word are compared exactly; the others are
 * checked for the words that make them useful.
 */
import { describe, expect, it } from 'vitest';
import { WordflowError, formatError } from '../../../src/errors.js';
import { type Limits, limits } from '../../../src/limits.js';
import { parseRegex } from '../../../src/syntax/regex/parse.js';

/** The error `parseRegex` throws for `text` (fails the test if it parses). */
function errorOf(text: string, lim?: Limits): WordflowError {
  try {
    parseRegex(text, lim);
  } catch (e) {
    expect(e).toBeInstanceOf(WordflowError);
    return e as WordflowError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

/** [pattern, exact message, span start, span end] */
const EXACT: readonly (readonly [string, string, number, number])[] = [
  ['ab(c', 'unclosed group opened at column 3', 2, 3],
  ['(', 'unclosed group opened at column 1', 0, 1],
  ['((a)', 'unclosed group opened at column 1', 0, 1],
  ['(a(b', 'unclosed group opened at column 3', 2, 3],
  ['x(?:y', 'unclosed group opened at column 2', 1, 4],
  ['😀(a', 'unclosed group opened at column 2', 2, 3],
  ['a\n(b', 'unclosed group opened at line 2, column 1', 2, 3],
  ['[a', 'unclosed character class opened at column 1', 0, 1],
  ['ab[^', 'unclosed character class opened at column 3', 2, 4],
  ['[a-', 'unclosed character class opened at column 1', 0, 1],
  [')', "unmatched ')'", 0, 1],
  ['a)', "unmatched ')'", 1, 2],
  ['(a))', "unmatched ')'", 3, 4],
  ['[z-a]', 'range out of order [z-a]', 1, 4],
  ['[az-a]', 'range out of order [z-a]', 2, 5],
  ['[\\x7a-\\x61]', 'range out of order [\\x7a-\\x61]', 1, 10],
  ['[a--c]', 'range out of order [a--]', 1, 4],
  ['a{5,2}', '{5,2}: minimum exceeds maximum', 1, 6],
  ['a{5,2}?', '{5,2}: minimum exceeds maximum', 1, 7],
  ['*a', "nothing to repeat before '*'", 0, 1],
  ['a**', "nothing to repeat before '*'", 2, 3],
  ['a++', "nothing to repeat before '+'", 2, 3],
  ['a???', "nothing to repeat before '?'", 3, 4],
  ['a{2}{3}', "nothing to repeat before '{3}'", 4, 7],
  ['a|*', "nothing to repeat before '*'", 2, 3],
  ['(*)', "nothing to repeat before '*'", 1, 2],
  ['~*', "nothing to repeat before '*'", 1, 2],
  ['^*', "nothing to repeat before '*'", 1, 2],
  ['\\q', 'unknown escape \\q', 0, 2],
  ['a\\e', 'unknown escape \\e', 1, 3],
  ['\\😀', 'unknown escape \\😀', 0, 3],
  ['[\\q]', 'unknown escape \\q', 1, 3],
  ['[\\k]', 'unknown escape \\k', 1, 3],
  ['~', "nothing to complement after '~'", 0, 1],
  ['a~', "nothing to complement after '~'", 1, 2],
  ['~|a', "nothing to complement after '~'", 0, 1],
  ['(~)', "nothing to complement after '~'", 1, 2],
  ['~~&a', "nothing to complement after '~'", 1, 2],
];

describe('required messages, word for word, with their spans', () => {
  it.each(EXACT)('%j → %s', (text, message, start, end) => {
    const e = errorOf(text);
    expect(e.kind).toBe('syntax');
    expect(e.message).toBe(message);
    expect(e.span).toEqual({ start, end });
    expect(e.source).toBe(text);
  });
});

/** [pattern, words the message must contain, span start, span end] */
const CONTAINS: readonly (readonly [string, readonly string[], number, number])[] = [
  ['\\1', ['backreferences are not regular', '\\1'], 0, 2],
  ['(a)\\1', ['backreferences are not regular'], 3, 5],
  ['\\k<name>', ['backreferences are not regular', '\\k<name>'], 0, 8],
  ['\\k', ['backreferences are not regular'], 0, 2],
  ['(?=a)', ['lookahead', '(?=', 'not supported'], 0, 3],
  ['(?!a)', ['negative lookahead', '(?!'], 0, 3],
  ['a(?<=b)', ['lookbehind', '(?<='], 1, 5],
  ['(?<!b)', ['negative lookbehind', '(?<!'], 0, 4],
  ['\\b', ['word boundaries', '\\b', 'not supported'], 0, 2],
  ['a\\B', ['\\B', 'not supported'], 1, 3],
  ['[\\B]', ['\\B', 'class'], 1, 3],
  ['(?i:a)', ['inline modifiers', '(?i'], 0, 3],
  ['(?#x)', ['unknown group syntax', '(?#'], 0, 3],
  ['(?', ['unknown group syntax', '(?'], 0, 2],
  ['(?<>a)', ['invalid group name', 'empty'], 0, 4],
  ['(?<1a>a)', ['invalid group name', "'1a'"], 0, 6],
  ['(?<a-b>x)', ['invalid group name', "'a-b'"], 0, 7],
  ['(?<abc', ['group name', '>'], 0, 6],
  ['a^b', ["'^'", 'start', '\\^'], 1, 2],
  ['(^a)', ["'^'", '\\^'], 1, 2],
  ['^^a', ["'^'"], 1, 2],
  ['a$b', ["'$'", 'end', '\\$'], 1, 2],
  ['(a$)', ["'$'", '\\$'], 2, 3],
  ['x]', ["unmatched ']'", '\\]'], 1, 2],
  ['x}', ["unmatched '}'", '\\}'], 1, 2],
  ['{', ["'{'", 'quantifier', '\\{'], 0, 1],
  ['a{,5}', ["'{'", 'quantifier'], 1, 2],
  ['a{1', ["'{'", 'quantifier'], 1, 2],
  ['a{1, 2}', ["'{'", 'quantifier'], 1, 2],
  ['\\01', ['octal', '\\01'], 0, 3],
  ['[\\1]', ['\\1', 'class'], 1, 3],
  ['\\x4', ['\\x', 'two hex digits'], 0, 3],
  ['\\xg', ['\\x', 'two hex digits'], 0, 2],
  ['\\u12', ['\\u', 'four hex digits'], 0, 4],
  ['\\u{}', ['\\u{…}', 'hex digits'], 0, 4],
  ['\\u{12', ['\\u{…}', "'}'"], 0, 5],
  ['\\u{110000}', ['U+10FFFF'], 0, 10],
  ['\\u{00000000000000110000}', ['U+10FFFF'], 0, 24],
  ['\\c', ['\\c', 'letter'], 0, 2],
  ['\\c1', ['\\c', 'letter'], 0, 2],
  ['\\p', ['\\p', 'braces'], 0, 2],
  ['\\p{Lu', ['\\p', 'braces'], 0, 5],
  ['\\p{Foo}', ["unknown Unicode property 'Foo'"], 0, 7],
  ['[\\P{Bar}]', ["unknown Unicode property 'Bar'", '\\P{Bar}'], 1, 8],
  ['\\p{lu}', ["unknown Unicode property 'lu'"], 0, 6],
  ['\\p{Script=Klingon}', ["unknown Unicode property 'Script=Klingon'"], 0, 18],
  ['\\p{gc=Greek}', ["unknown Unicode property 'gc=Greek'"], 0, 12],
  ['\\p{Latin}', ["unknown Unicode property 'Latin'"], 0, 9],
  ['\\', ["lone '\\'", '\\\\'], 0, 1],
  ['ab\\', ["lone '\\'"], 2, 3],
  ['[\\d-z]', ['\\d', 'end of a range', '\\-'], 1, 5],
  ['[a-\\w]', ['\\w', 'end of a range'], 1, 5],
  ['[a-[b]]', ['nested class', 'end of a range'], 1, 6],
  ['[\\p{L}-z]', ['the property \\p{L}', 'end of a range'], 1, 8],
  ['[[a]', ['unclosed character class opened at column 1', 'nested class', '\\['], 0, 1],
  ['[a[b', ['unclosed character class opened at column 3', 'nested class'], 2, 3],
];

describe('other messages name the construct and point at it', () => {
  it.each(CONTAINS)('%j', (text, words, start, end) => {
    const e = errorOf(text);
    expect(e.kind).toBe('syntax');
    for (const w of words) expect(e.message).toContain(w);
    expect(e.message).not.toMatch(/Expecting|token of type|EOF/);
    expect(e.span).toEqual({ start, end });
  });
});

describe('limits', () => {
  it('rejects a repetition bound above --max-repeat, at the quantifier', () => {
    const e = errorOf('ab{1001}');
    expect(e.kind).toBe('limit');
    expect(e.message).toContain('1001');
    expect(e.message).toContain('--max-repeat');
    expect(e.span).toEqual({ start: 2, end: 8 });
    expect(errorOf('a{2,5000}').kind).toBe('limit');
    expect(errorOf('a{99999999999999999999999,}').message).toContain('99999999999999999999999');
    expect(errorOf('a{6}', limits({ maxRepeat: 5 })).message).toContain('--max-repeat');
  });

  it('rejects a pattern longer than --max-length', () => {
    const e = errorOf('a'.repeat(11), limits({ maxLength: 10 }));
    expect(e.kind).toBe('limit');
    expect(e.message).toContain('--max-length');
    expect(e.span).toEqual({ start: 10, end: 11 });
    expect(parseRegex('a'.repeat(10), limits({ maxLength: 10 })).kind).toBe('concat');
  });

  it('rejects nesting deeper than --max-depth at the first character too deep', () => {
    const lim = limits({ maxDepth: 3 });
    expect(parseRegex('(((a)))', lim).kind).toBe('chars');
    expect(parseRegex('~~~a', lim).kind).toBe('not');
    expect(parseRegex('[[[a]]]', lim).kind).toBe('chars');
    expect(parseRegex('~(~a)', lim).kind).toBe('not');
    for (const [text, at] of [
      ['((((a))))', 3],
      ['~~~~a', 3],
      ['[[[[a]]]]', 3],
      ['~(~(a))', 3],
      ['(a)(b)((((c))))', 9],
    ] as const) {
      const e = errorOf(text, lim);
      expect(e.kind, text).toBe('limit');
      expect(e.message).toContain('--max-depth');
      expect(e.span).toEqual({ start: at, end: at + 1 });
    }
  });

  it('does not count escaped or class-literal brackets as nesting', () => {
    const lim = limits({ maxDepth: 1 });
    expect(parseRegex('\\(\\(\\(a', lim).kind).toBe('concat');
    expect(parseRegex('[(((~~]', lim).kind).toBe('chars');
    expect(parseRegex('(a)(b)~a~b', lim).kind).toBe('concat');
  });
});

describe('formatting', () => {
  it('reads as one line with a caret under the fault', () => {
    const text = formatError(errorOf('ab(c'));
    expect(text.startsWith('unclosed group opened at column 3')).toBe(true);
    expect(text.endsWith('\n  ab(c\n    ^')).toBe(true);
    expect(formatError(errorOf('a**'))).toContain('\n  a**\n    ^');
  });
});
