/**
 * One test per construct of the expression syntax: the AST it parses to
 * (written by hand as S-expressions), and its spans.
 */
import { describe, expect, it } from 'vitest';
import { ALL, complement, equals, has, range, union } from '../../../src/alphabet/charset.js';
import { limits } from '../../../src/limits.js';
import type { Regex } from '../../../src/syntax/regex/ast.js';
import { parseRegex } from '../../../src/syntax/regex/parse.js';
import { sx } from './reference.js';

const p = (text: string): string => sx(parseRegex(text));

function setOf(text: string) {
  const r = parseRegex(text);
  if (r.kind !== 'chars') throw new Error(`${text} is not a set: ${sx(r)}`);
  return r.set;
}

describe('literals and escapes', () => {
  it('reads plain characters as one-letter sets, in sequence', () => {
    expect(p('abc')).toBe('(cat <a> <b> <c>)');
    expect(p('a-b')).toBe('(cat <a> <U+2D> <b>)');
    expect(p(' /:')).toBe('(cat <U+20> </> <:>)');
  });

  it('reads an astral character and a lone surrogate as one code point each', () => {
    expect(p('😀')).toBe('<U+1F600>');
    expect(p('a😀+')).toBe('(cat <a> (rep <U+1F600> 1 inf))');
    expect(p('[😀-😂x]')).toBe('<x,U+1F600-U+1F602>');
    expect(p('[\\uD83D\\uDE00-\\u{1F602}]')).toBe('<U+1F600-U+1F602>');
    expect(p('\uD800x')).toBe('(cat <U+D800> <x>)');
  });

  it('reads the control escapes', () => {
    expect(p('\\n\\r\\t\\f\\v\\0')).toBe('(cat <U+A> <U+D> <U+9> <U+C> <U+B> <U+0>)');
    expect(p('\\cJ\\ca\\cZ')).toBe('(cat <U+A> <U+1> <U+1A>)');
  });

  it('reads hex and Unicode escapes, combining an escaped surrogate pair', () => {
    expect(p('\\x41\\u0042\\u{43}\\u{0000044}')).toBe('(cat <A> <B> <C> <D>)');
    expect(p('\\u{1F600}')).toBe('<U+1F600>');
    expect(p('\\u{10FFFF}')).toBe('<U+10FFFF>');
    expect(p('\\uD83D\\uDE00')).toBe('<U+1F600>');
    expect(p('\\uD83D')).toBe('<U+D83D>');
    expect(p('\\u{D83D}\\u{DE00}')).toBe('(cat <U+D83D> <U+DE00>)');
  });

  it('lets every metacharacter be escaped', () => {
    const metas = '\\.|&~*+?()[]{}^$/-';
    const escaped = [...metas].map((c) => '\\' + c).join('');
    const parsed = parseRegex(escaped);
    expect(parsed.kind).toBe('concat');
    if (parsed.kind !== 'concat') return;
    expect(
      parsed.items.map((item) => (item.kind === 'chars' ? String.fromCodePoint(item.set.ranges[0]![0]) : '?')).join(''),
    ).toBe(metas);
  });

  it('reads . as every code point, newlines included', () => {
    expect(equals(setOf('.'), ALL)).toBe(true);
  });
});

describe('shorthands and properties', () => {
  it('has \\d \\w \\s and their complements', () => {
    expect(p('\\d')).toBe('<0-9>');
    expect(p('\\w')).toBe('<0-9,A-Z,_,a-z>');
    expect(equals(setOf('\\D'), complement(setOf('\\d')))).toBe(true);
    expect(equals(setOf('\\W'), complement(setOf('\\w')))).toBe(true);
    expect(equals(setOf('\\S'), complement(setOf('\\s')))).toBe(true);
    for (const cp of [
      0x09, 0x0a, 0x0b, 0x0c, 0x0d, 0x20, 0xa0, 0x1680, 0x2000, 0x200a, 0x2028, 0x2029, 0x202f, 0x205f, 0x3000, 0xfeff,
    ]) {
      expect(has(setOf('\\s'), cp), cp.toString(16)).toBe(true);
    }
    expect(has(setOf('\\s'), 0x200b)).toBe(false);
    expect(has(setOf('\\s'), 0x85)).toBe(false);
  });

  it('reads General_Category values by short name, long name and gc= forms', () => {
    const lu = setOf('\\p{Lu}');
    expect(has(lu, 0x41) && has(lu, 0xc0) && !has(lu, 0x61)).toBe(true);
    expect(equals(setOf('\\p{Uppercase_Letter}'), lu)).toBe(true);
    expect(equals(setOf('\\p{gc=Lu}'), lu)).toBe(true);
    expect(equals(setOf('\\p{General_Category=Uppercase_Letter}'), lu)).toBe(true);
    expect(equals(setOf('\\P{Lu}'), complement(lu))).toBe(true);
    expect(equals(setOf('\\p{Letter}'), setOf('\\p{L}'))).toBe(true);
    expect(has(setOf('\\p{Nd}'), 0x0660)).toBe(true);
  });

  it('reads binary properties and scripts', () => {
    expect(equals(setOf('\\p{Any}'), ALL)).toBe(true);
    expect(equals(setOf('\\p{ASCII}'), range(0, 0x7f))).toBe(true);
    expect(has(setOf('\\p{Alphabetic}'), 0x3b1)).toBe(true);
    expect(has(setOf('\\p{White_Space}'), 0x85)).toBe(true);
    const greek = setOf('\\p{Script=Greek}');
    expect(has(greek, 0x3b1) && !has(greek, 0x61)).toBe(true);
    expect(equals(setOf('\\p{sc=Grek}'), greek)).toBe(true);
    expect(has(setOf('\\p{sc=Han}'), 0x4e2d)).toBe(true);
    expect(has(setOf('\\p{Emoji}'), 0x1f600)).toBe(true);
  });
});

describe('classes', () => {
  it('lists characters and ranges', () => {
    expect(p('[abc]')).toBe('<a-c>');
    expect(p('[a-cx]')).toBe('<a-c,x>');
    expect(p('[^a]')).toBe('<U+0-`,b-U+10FFFF>');
  });

  it('reads - as a literal at either end and after a range', () => {
    expect(p('[-a]')).toBe('<U+2D,a>');
    expect(p('[a-]')).toBe('<U+2D,a>');
    expect(p('[a-c-e]')).toBe('<U+2D,a-c,e>');
    expect(p('[---]')).toBe('<U+2D>');
    expect(p('[\\d-]')).toBe('<U+2D,0-9>');
    expect(p('[-\\d]')).toBe('<U+2D,0-9>');
    expect(p('[a\\-z]')).toBe('<U+2D,a,z>');
  });

  it('reads metacharacters other than \\ ] [ - as literals inside a class', () => {
    expect(p('[.*+?(){}|&~$]')).toBe('<$,&,(-+,.,?,{-~>');
    expect(p('[a^]')).toBe('<^,a>');
  });

  it('reads shorthands, properties and \\b (backspace) inside a class', () => {
    expect(p('[\\d_]')).toBe('<0-9,_>');
    expect(p('[\\b]')).toBe('<U+8>');
    expect(equals(setOf('[\\p{Lu}\\p{Ll}]'), union(setOf('\\p{Lu}'), setOf('\\p{Ll}')))).toBe(true);
    expect(has(setOf('[^\\s]'), 0x20)).toBe(false);
  });

  it('has [] for the empty language and [^] for every code point', () => {
    expect(p('[]')).toBe('<>');
    expect(equals(setOf('[^]'), ALL)).toBe(true);
  });

  it('nests classes: an inner class adds its set', () => {
    expect(p('[a[bc]]')).toBe('<a-c>');
    expect(p('[x[^a]]')).toBe('<U+0-`,b-U+10FFFF>');
    expect(p('[^[a]]')).toBe('<U+0-`,b-U+10FFFF>');
    expect(p('[[]]')).toBe('<>');
  });
});

describe('groups and alternation', () => {
  it('reads all three group forms as grouping only', () => {
    expect(p('(ab)')).toBe('(cat <a> <b>)');
    expect(p('(?:ab)')).toBe('(cat <a> <b>)');
    expect(p('(?<word>ab)')).toBe('(cat <a> <b>)');
    expect(p('(?<$_x1>a)(?<\u00e9t\u00e9>b)')).toBe('(cat <a> <b>)');
  });

  it('reads () and the empty pattern as the empty string', () => {
    expect(p('()')).toBe('ε');
    expect(p('')).toBe('ε');
    expect(p('a()')).toBe('(cat <a> ε)');
  });

  it('allows empty alternatives', () => {
    expect(p('a|b')).toBe('(or <a> <b>)');
    expect(p('a|')).toBe('(or <a> ε)');
    expect(p('|a')).toBe('(or ε <a>)');
    expect(p('|')).toBe('(or ε ε)');
    expect(p('a||b')).toBe('(or <a> ε <b>)');
    expect(p('(|)')).toBe('(or ε ε)');
  });

  it('keeps a group as one item of the enclosing concatenation', () => {
    expect(p('(ab)c')).toBe('(cat (cat <a> <b>) <c>)');
    expect(p('(a|b)*abb')).toBe('(cat (rep (or <a> <b>) 0 inf) <a> <b> <b>)');
  });
});

describe('quantifiers', () => {
  it('reads * + ? and the braced forms', () => {
    expect(p('a*')).toBe('(rep <a> 0 inf)');
    expect(p('a+')).toBe('(rep <a> 1 inf)');
    expect(p('a?')).toBe('(rep <a> 0 1)');
    expect(p('a{3}')).toBe('(rep <a> 3 3)');
    expect(p('a{3,}')).toBe('(rep <a> 3 inf)');
    expect(p('a{2,5}')).toBe('(rep <a> 2 5)');
    expect(p('a{0}')).toBe('(rep <a> 0 0)');
    expect(p('a{007}')).toBe('(rep <a> 7 7)');
  });

  it('accepts a lazy ? and records it', () => {
    expect(p('a*?b+?c??d{2}?e{1,}?')).toBe(
      '(cat (rep? <a> 0 inf) (rep? <b> 1 inf) (rep? <c> 0 1) (rep? <d> 2 2) (rep? <e> 1 inf))',
    );
  });

  it('binds tighter than concatenation and applies to groups and classes', () => {
    expect(p('ab*')).toBe('(cat <a> (rep <b> 0 inf))');
    expect(p('(ab)*')).toBe('(rep (cat <a> <b>) 0 inf)');
    expect(p('[ab]+')).toBe('(rep <a-b> 1 inf)');
    expect(p('()*')).toBe('(rep ε 0 inf)');
    expect(p('\\d{2}')).toBe('(rep <0-9> 2 2)');
  });

  it('allows bounds up to --max-repeat', () => {
    expect(p('a{1000}')).toBe('(rep <a> 1000 1000)');
    expect(sx(parseRegex('a{5}', limits({ maxRepeat: 5 })))).toBe('(rep <a> 5 5)');
  });
});

describe('intersection and complement', () => {
  it('binds & looser than concatenation and tighter than |', () => {
    expect(p('a&b')).toBe('(and <a> <b>)');
    expect(p('ab&cd')).toBe('(and (cat <a> <b>) (cat <c> <d>))');
    expect(p('a|b&c')).toBe('(or <a> (and <b> <c>))');
    expect(p('a&b|c')).toBe('(or (and <a> <b>) <c>)');
    expect(p('(a|b)&c')).toBe('(and (or <a> <b>) <c>)');
    expect(p('&')).toBe('(and ε ε)');
  });

  it('applies ~ to the quantified atom after it', () => {
    expect(p('~a')).toBe('(not <a>)');
    expect(p('~a*')).toBe('(not (rep <a> 0 inf))');
    expect(p('~ab')).toBe('(cat (not <a>) <b>)');
    expect(p('a~b')).toBe('(cat <a> (not <b>))');
    expect(p('~(ab)')).toBe('(not (cat <a> <b>))');
    expect(p('~~a')).toBe('(not (not <a>))');
    expect(p('~[a]{2}')).toBe('(not (rep <a> 2 2))');
    expect(p('~a&b')).toBe('(and (not <a>) <b>)');
  });
});

describe('whole-string anchors', () => {
  it('drops ^ at the start and $ at the end of the pattern or a top-level alternative', () => {
    expect(p('^a$')).toBe('<a>');
    expect(p('^a|b$')).toBe('(or <a> <b>)');
    expect(p('^a$|^b$')).toBe('(or <a> <b>)');
    expect(p('^$')).toBe('ε');
    expect(p('^')).toBe('ε');
    expect(p('$')).toBe('ε');
    expect(p('^|a')).toBe('(or ε <a>)');
    expect(p('^a&b$')).toBe('(and <a> <b>)');
  });
});

describe('spans', () => {
  const spanOf = (r: Regex): [number, number] => [r.span.start, r.span.end];

  it('covers each node exactly, groups including their parentheses', () => {
    const r = parseRegex('ab(c|d)*');
    expect(spanOf(r)).toEqual([0, 8]);
    if (r.kind !== 'concat') throw new Error('expected concat');
    expect(r.items.map(spanOf)).toEqual([
      [0, 1],
      [1, 2],
      [2, 8],
    ]);
    const rep = r.items[2]!;
    if (rep.kind !== 'repeat') throw new Error('expected repeat');
    expect(spanOf(rep.item)).toEqual([2, 7]);
  });

  it('gives empty alternatives a zero-width span where they sit', () => {
    const r = parseRegex('a||b');
    if (r.kind !== 'alt') throw new Error('expected alt');
    expect(r.items.map(spanOf)).toEqual([
      [0, 1],
      [2, 2],
      [3, 4],
    ]);
  });

  it('spans escapes, classes, complements and surrogate pairs in UTF-16 units', () => {
    const r = parseRegex('😀~\\u{41}[a-z]+');
    if (r.kind !== 'concat') throw new Error('expected concat');
    expect(r.items.map(spanOf)).toEqual([
      [0, 2],
      [2, 9],
      [9, 15],
    ]);
    const not = r.items[1]!;
    if (not.kind !== 'not') throw new Error('expected not');
    expect(spanOf(not.item)).toEqual([3, 9]);
    expect(spanOf(parseRegex('()'))).toEqual([0, 2]);
  });
});
