/**
 * The map-expression parser: precedence and associativity, printing and
 * reading back, every error with its column and caret, the limits (100 000
 * nested parentheses give a depth error, never a stack overflow), and fuzzing
 * (random text only ever throws a positioned WordflowError).
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WordflowError, formatError } from '../../src/errors.js';
import { type MapExpr, exprHeight, sameExpr } from '../../src/mapexpr/ast.js';
import { parseMapExpr } from '../../src/mapexpr/parse.js';
import { printMapExpr } from '../../src/mapexpr/print.js';
import { arbExprText } from './arbitrary.js';

/** The tree in a fully parenthesised form, written independently of `printMapExpr`. */
function shape(e: MapExpr): string {
  switch (e.kind) {
    case 'num':
      return e.text;
    case 'var':
    case 'const':
      return e.name;
    case 'neg':
      return `(-${shape(e.arg)})`;
    case 'binary':
      return `(${shape(e.left)}${e.op}${shape(e.right)})`;
    case 'call':
      return `${e.fn}[${e.args.map(shape).join(',')}]`;
  }
}

function failure(text: string, limits = {}): WordflowError {
  try {
    parseMapExpr(text, limits);
  } catch (e) {
    expect(e).toBeInstanceOf(WordflowError);
    return e as WordflowError;
  }
  throw new Error(`'${text}' parsed, but an error was expected`);
}

describe('map expression syntax', () => {
  it.each([
    ['x + y * 2', '(x+(y*2))'],
    ['x - y - 1', '((x-y)-1)'],
    ['x / y / 2', '((x/y)/2)'],
    ['x^y^2', '(x^(y^2))'],
    ['-x^2', '(-(x^2))'],
    ['-x*y', '((-x)*y)'],
    ['2^-x^2', '(2^(-(x^2)))'],
    ['x*-y', '(x*(-y))'],
    ['x - -y', '(x-(-y))'],
    ['--x', '(-(-x))'],
    ['(x + y)*2', '((x+y)*2)'],
    ['sin(x)^2', '(sin[x]^2)'],
    ['min(x, y + 1)*max(0, x)', '(min[x,(y+1)]*max[0,x])'],
    ['2.5e-3*pi - e', '((2.5e-3*pi)-e)'],
    ['  relu( x )  ', 'relu[x]'],
    ['.5 + 7.', '(.5+7.)'],
  ])('%s reads as %s', (text, expected) => {
    expect(shape(parseMapExpr(text))).toBe(expected);
  });

  it('keeps source spans: a node spans its text, parentheses included', () => {
    const e = parseMapExpr('x + (y*2)');
    expect(e.span).toEqual({ start: 0, end: 9 });
    expect(e.kind === 'binary' && e.right.span).toEqual({ start: 4, end: 9 });
    const call = parseMapExpr('sin(x)');
    expect(call.span).toEqual({ start: 0, end: 6 });
  });

  it('marks literals that are exact doubles', () => {
    const exact = (t: string): boolean => {
      const e = parseMapExpr(t);
      return e.kind === 'num' && e.exact;
    };
    expect(['0', '2', '0.5', '0.25', '1e3', '2.5e-1', '4.5e15', '0.375', '9007199254740992'].map(exact)).toEqual(
      Array(9).fill(true),
    );
    // 0.15 = 3/20 and 2^53 + 1 are not doubles; 1e-400 underflows.
    expect(['0.1', '0.15', '1e-400', '9007199254740993', '0.30000000000000004'].map(exact)).toEqual(
      Array(5).fill(false),
    );
  });

  it('prints readable text that reads back to the same tree', () => {
    expect(printMapExpr(parseMapExpr('x+(y*2)'))).toBe('x + y*2');
    expect(printMapExpr(parseMapExpr('(x+y)+(x-y)'))).toBe('x + y + (x - y)');
    expect(printMapExpr(parseMapExpr('-(x*y)'))).toBe('-(x*y)');
    expect(printMapExpr(parseMapExpr('(-x)^2'))).toBe('(-x)^2');
    expect(printMapExpr(parseMapExpr('(x^y)^2'))).toBe('(x^y)^2');
    expect(printMapExpr(parseMapExpr('2^(-x)'))).toBe('2^(-x)');
    expect(printMapExpr(parseMapExpr('min( x ,y)'))).toBe('min(x, y)');
  });

  it('round-trips random expressions: print, parse, print is a fixed point and the tree is the same', () => {
    fc.assert(
      fc.property(arbExprText(false, 5), (text) => {
        const e = parseMapExpr(text);
        const printed = printMapExpr(e);
        const again = parseMapExpr(printed);
        expect(sameExpr(again, e)).toBe(true);
        expect(shape(again)).toBe(shape(e));
        expect(printMapExpr(again)).toBe(printed);
      }),
      { numRuns: 300 },
    );
  });
});

describe('map expression errors', () => {
  it.each([
    ['', 'empty expression', 1],
    ['   ', 'empty expression', 1],
    ['sine(x)', "unknown name 'sine'; did you mean 'sin'?", 1],
    ['x + Y', "unknown name 'Y'; did you mean 'y'?", 5],
    ['2*PI', "unknown name 'PI'; did you mean 'pi'?", 3],
    ['x + z', "unknown name 'z'; did you mean", 5],
    ['min(x)', 'min takes 2 arguments, but 1 was given', 1],
    ['1 + sin(x, y)', 'sin takes 1 argument, but 2 were given', 5],
    ['x y', "unexpected 'y' after a complete expression", 3],
    ['2x', "unexpected 'x' after a complete expression", 2],
    ['x (y)', "unexpected '(' after a complete expression", 3],
    ['x + * y', "expected an operand after '+', but found '*'", 5],
    ['* x', "expected a number, x, y, pi, e, a function call or '(' at the start, but found '*'", 1],
    ['+x', 'at the start', 1],
    ['x +', "the expression ends after '+'", 3],
    ['(x', "unclosed '(' opened at column 1", 1],
    ['1 + max(x, (y)', "unclosed 'max(' opened at column 5", 5],
    ['x)', "unmatched ')'", 2],
    ['()', "empty parentheses '()'", 1],
    ['min(x, )', "expected an operand after ',', but found ')'", 8],
    ['x, y', "',' is only allowed between the arguments of a function call", 2],
    ['sin x', "'sin' is a function: write sin(…)", 1],
    ['x + exp', "'exp' is a function: write exp(…)", 5],
    ['x # y', "unexpected character '#'", 3],
    ['2π', "unexpected character 'π'; write 'pi'", 2],
    ['x ** 2', "'**' is not an operator here; write ^ for powers", 3],
    ['x − y', "unexpected character '−'; write '-' for minus", 3],
    ['1e400 * x', "the number '1e400' is too large", 1],
  ])('%j → %s (column %i)', (text, message, column) => {
    const error = failure(text);
    expect(error.kind).toBe('syntax');
    expect(error.message).toContain(message);
    const shown = formatError(error);
    expect(shown).toContain(`column ${column}`);
    // The caret line points at the column.
    const caretLine = shown.split('\n')[2] ?? '';
    expect(caretLine.indexOf('^')).toBe(2 + column - 1);
  });

  it('names multi-line positions by line and column', () => {
    const error = failure('x +\n  y y');
    expect(formatError(error)).toContain('2:5');
  });

  it('bounds the length', () => {
    const error = failure('x+'.repeat(60_000) + 'x');
    expect(error.kind).toBe('limit');
    expect(error.message).toContain('--max-length');
    expect(failure('x + y', { maxLength: 3 }).kind).toBe('limit');
  });

  it('turns 100 000 nested parentheses into a depth error, and parses them without recursion when allowed', () => {
    const deep = '('.repeat(100_000) + 'x' + ')'.repeat(100_000);
    const error = failure(deep, { maxLength: 300_000 });
    expect(error.kind).toBe('limit');
    expect(error.message).toBe('nesting depth: over the limit of 500; raise it with --max-depth');
    expect(error.span).toEqual({ start: 500, end: 501 });
    // The reader keeps parentheses on an explicit stack: with the limit raised nothing overflows.
    expect(parseMapExpr(deep, { maxLength: 300_000, maxDepth: 200_000 })).toMatchObject({ kind: 'var', name: 'x' });
    expect(failure('('.repeat(100_000), { maxLength: 300_000, maxDepth: 200_000 }).message).toContain("ends after '('");
  });

  it('bounds the height of the tree, so the recursive passes stay far from the stack end', () => {
    expect(exprHeight(parseMapExpr(Array(400).fill('x').join(' + ')))).toBe(400);
    const sum = failure(Array(600).fill('x').join(' + '));
    expect(sum.kind).toBe('limit');
    expect(sum.message).toContain('expression depth');
    expect(failure('-'.repeat(50_000) + 'x').kind).toBe('limit');
    expect(failure('x^'.repeat(20_000) + 'x').kind).toBe('limit');
  });

  it('fuzzed: random text parses or throws a positioned WordflowError, never anything else', () => {
    const chars = 'xy0123456789.e+-*/^(),  sincoxpmaqrtlgπ#_E';
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...chars), { maxLength: 40 }), (list) => {
        const text = list.join('');
        try {
          const e = parseMapExpr(text);
          expect(sameExpr(parseMapExpr(printMapExpr(e)), e)).toBe(true);
        } catch (error) {
          expect(error).toBeInstanceOf(WordflowError);
          const w = error as WordflowError;
          expect(['syntax', 'limit']).toContain(w.kind);
          expect(w.span).toBeDefined();
          expect(w.span!.start).toBeGreaterThanOrEqual(0);
          expect(w.span!.end).toBeLessThanOrEqual(text.length);
          expect(w.source).toBe(text);
        }
      }),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (text) => {
        try {
          parseMapExpr(text);
        } catch (error) {
          expect(error).toBeInstanceOf(WordflowError);
        }
      }),
      { numRuns: 500 },
    );
  });
});
