/**
 * Hostile input: whatever the text, `parseRegex` returns a `Regex` or throws
 * a `WordflowError` with a span inside the text and words of our own —
 * never another exception, a hang, or a stack overflow.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WordflowError } from '../../../src/errors.js';
import { limits } from '../../../src/limits.js';
import { parseRegex } from '../../../src/syntax/regex/parse.js';
import { printRegex } from '../../../src/syntax/regex/print.js';
import { flatSx } from './reference.js';

const KINDS = new Set(['empty', 'chars', 'concat', 'alt', 'and', 'not', 'repeat']);

/** Parses `text` and checks the outcome is one of the two allowed ones. */
function outcome(text: string): 'ok' | 'error' {
  try {
    const ast = parseRegex(text);
    expect(KINDS.has(ast.kind)).toBe(true);
    expect(ast.span.start).toBeGreaterThanOrEqual(0);
    expect(ast.span.end).toBeLessThanOrEqual(text.length);
    expect(flatSx(parseRegex(printRegex(ast)))).toBe(flatSx(ast));
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(WordflowError);
    const error = e as WordflowError;
    expect(['syntax', 'limit']).toContain(error.kind);
    expect(error.message).not.toMatch(/Expecting|token of type|NoViableAlt|MismatchedToken|undefined/);
    expect(error.source).toBe(text);
    expect(error.span).toBeDefined();
    expect(error.span!.start).toBeGreaterThanOrEqual(0);
    expect(error.span!.start).toBeLessThanOrEqual(error.span!.end);
    expect(error.span!.end).toBeLessThanOrEqual(text.length);
    return 'error';
  }
}

const META = [...'\\.|&~*+?()[]{}^$-'];
const NEAR_SYNTAX = [
  ...META,
  'a',
  'b',
  '0',
  '9',
  ',',
  ':',
  '<',
  '>',
  '=',
  '!',
  'd',
  'p',
  'P',
  'u',
  'x',
  'k',
  'c',
  'b',
  'B',
  'L',
];

describe('arbitrary text', () => {
  it('gives a Regex or a WordflowError for any string of code points', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 40 }), (t) => void outcome(t)),
      { numRuns: 3000 },
    );
  });

  it('gives a Regex or a WordflowError for any UTF-16 units, lone surrogates included', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: fc.integer({ min: 0, max: 0xffff }).map((u) => String.fromCharCode(u)), maxLength: 30 }),
        (t) => void outcome(t),
      ),
      { numRuns: 2000 },
    );
  });

  it('gives a Regex or a WordflowError for strings of metacharacters', () => {
    const counts = { ok: 0, error: 0 };
    fc.assert(
      fc.property(
        fc.string({ unit: fc.constantFrom(...NEAR_SYNTAX), maxLength: 30 }),
        (t) => void counts[outcome(t)]++,
      ),
      { numRuns: 5000 },
    );
    expect(counts.ok).toBeGreaterThan(100);
    expect(counts.error).toBeGreaterThan(100);
  });
});

describe('deep nesting', () => {
  it.each([
    ['10 000 (', '('.repeat(10_000)],
    ['10 000 ( closed', '('.repeat(10_000) + 'a' + ')'.repeat(10_000)],
    ['10 000 ~', '~'.repeat(10_000) + 'a'],
    ['10 000 [', '['.repeat(10_000)],
    ['10 000 (?:', '(?:'.repeat(10_000)],
    ['5 000 (~', '(~'.repeat(5_000)],
    ['10 000 [^', '[^'.repeat(10_000)],
  ])('%s gives a --max-depth limit error', (_, text) => {
    try {
      parseRegex(text);
      throw new Error('expected a limit error');
    } catch (e) {
      expect(e).toBeInstanceOf(WordflowError);
      expect((e as WordflowError).kind).toBe('limit');
      expect((e as WordflowError).message).toContain('--max-depth');
    }
  });

  it('parses nesting right at the default limit', () => {
    expect(parseRegex('('.repeat(500) + 'a' + ')'.repeat(500)).kind).toBe('chars');
    expect(parseRegex('['.repeat(500) + 'a' + ']'.repeat(500)).kind).toBe('chars');
    expect(parseRegex('~'.repeat(500) + 'a').kind).toBe('not');
  });

  it('needs no more stack for deeper nesting when --max-depth is raised', () => {
    const lim = limits({ maxDepth: 50_000 });
    expect(parseRegex('('.repeat(20_000) + 'a' + ')'.repeat(20_000), lim).kind).toBe('chars');
    expect(parseRegex('['.repeat(20_000) + 'a' + ']'.repeat(20_000), lim).kind).toBe('chars');
  });
});

describe('long input', () => {
  it('parses 84 000 characters of mixed syntax into one flat concatenation', () => {
    const ast = parseRegex('(ab|c*)+[x-z]?\\d{2,3}'.repeat(4_000));
    expect(ast.kind === 'concat' && ast.items.length).toBe(12_000);
  });
});
