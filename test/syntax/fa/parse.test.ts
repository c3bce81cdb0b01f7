/**
 * `parseFa` on well-formed files (states, order, labels, ε, comments, quoted
 * names, chains) and on every error it reports: kind, message and the
 * line/column of the span, checked against positions counted by hand.
 */
import { describe, expect, it } from 'vitest';
import { ALL, type CharSet, fromRanges, single } from '../../../src/alphabet/charset.js';
import { WordflowError, formatError, lineColumn } from '../../../src/errors.js';
import { limits } from '../../../src/limits.js';
import type { FaFile, FaLabel } from '../../../src/syntax/fa/ast.js';
import { parseFa } from '../../../src/syntax/fa/parse.js';

function errorOf(text: string, sourceName?: string, lim = limits()): WordflowError {
  try {
    parseFa(text, sourceName, lim);
  } catch (e) {
    expect(e).toBeInstanceOf(WordflowError);
    return e as WordflowError;
  }
  throw new Error(`expected ${JSON.stringify(text)} to be rejected`);
}

/** Where an error points: line, column and the text under the span. */
function where(e: WordflowError, text: string): { line: number; column: number; under: string } {
  const { line, column } = lineColumn(text, e.span!.start);
  return { line, column, under: text.slice(e.span!.start, e.span!.end) };
}

/** The edges as readable triples: `from label to`, labels as ranges. */
function triples(fa: FaFile): string[] {
  const show = (l: FaLabel): string => (l === 'epsilon' ? 'ε' : JSON.stringify(l.ranges));
  return fa.edges.map((e) => `${fa.states[e.from]!.name} ${show(e.label)} ${fa.states[e.to]!.name}`);
}

const cp = (s: string): number => s.codePointAt(0)!;
const set = (...chars: string[]): CharSet => fromRanges(chars.map((c) => [cp(c), cp(c)] as const));

describe('well-formed files', () => {
  it('reads the parity automaton', () => {
    const text =
      "# parity of a's\nstart even\naccept even\neven -a-> odd\neven -b-> even\nodd  -a-> even\nodd  -b-> odd\n";
    const fa = parseFa(text);
    expect(fa.states.map((s) => s.name)).toEqual(['even', 'odd']);
    expect(fa.start).toBe(0);
    expect(fa.accepting).toEqual([0]);
    expect(triples(fa)).toEqual([
      'even [[97,97]] odd',
      'even [[98,98]] even',
      'odd [[97,97]] even',
      'odd [[98,98]] odd',
    ]);
    // spans: the state at its first mention, the edge from source to target
    expect(text.slice(fa.states[1]!.span.start, fa.states[1]!.span.end)).toBe('odd');
    expect(lineColumn(text, fa.states[1]!.span.start)).toEqual({ line: 4, column: 11 });
    expect(text.slice(fa.edges[0]!.span.start, fa.edges[0]!.span.end)).toBe('even -a-> odd');
  });

  it('numbers states by first mention in any kind of line', () => {
    const fa = parseFa('state z\naccept y\nstart x\nx -a-> y\ny -b-> z -c-> w\n');
    expect(fa.states.map((s) => s.name)).toEqual(['z', 'y', 'x', 'w']);
    expect(fa.start).toBe(2);
    expect(fa.accepting).toEqual([1]);
  });

  it('reads every kind of label', () => {
    const fa = parseFa(
      'start q\n' +
        'q -a-> r\n' +
        'q -.-> r\n' +
        'q -[0-9]-> r\n' +
        'q -[^a-z]-> r\n' +
        'q -\\d-> r\n' +
        'q -\\x41-> r\n' +
        'q -\\u{1F600}-> r\n' +
        'q -\\uD83D\\uDE00-> r\n' +
        'q -\\n-> r\n' +
        'q -\\--> r\n' +
        'q -\\ -> r\n' +
        'q -\\,-> r\n' +
        'q -\\#-> r\n' +
        'q -\\ε-> r\n' +
        'q -😀-> r\n' +
        'q -\\>-> r\n' +
        'q -[a[^b]]-> r\n' +
        'q -\\p{Lu}-> r\n',
    );
    const labels = fa.edges.map((e) => e.label);
    expect(labels.slice(0, 17)).toEqual([
      single(cp('a')),
      ALL,
      fromRanges([[0x30, 0x39]]),
      fromRanges([
        [0, 0x60],
        [0x7b, 0x10ffff],
      ]),
      fromRanges([[0x30, 0x39]]),
      single(0x41),
      single(0x1f600),
      single(0x1f600),
      single(0x0a),
      single(cp('-')),
      single(cp(' ')),
      single(cp(',')),
      single(cp('#')),
      single(cp('ε')),
      single(0x1f600),
      single(cp('>')),
      // [a[^b]] is a or anything but b: everything except b
      fromRanges([
        [0, 0x61],
        [0x63, 0x10ffff],
      ]),
    ]);
    const upper = labels[17] as CharSet;
    expect(upper.ranges.some(([lo, hi]) => lo <= 0x41 && 0x5a <= hi)).toBe(true);
    expect(upper.ranges.some(([lo, hi]) => lo <= 0x61 && 0x61 <= hi)).toBe(false);
  });

  it('merges a comma list into one edge and splits off ε', () => {
    const fa = parseFa('start q\nq -b,a,[x-z],ε-> r\nq -eps-> q\n');
    expect(triples(fa)).toEqual([
      `q ${JSON.stringify(set('a', 'b').ranges.concat([[0x78, 0x7a]]))} r`,
      'q ε r',
      'q ε q',
    ]);
  });

  it('allows spaces inside the arrow and comments everywhere', () => {
    const fa = parseFa('  # only a comment\n\nstart q   # trailing\nq - a , b -> r # after an edge\n\t\r\n');
    expect(triples(fa)).toEqual([`q ${JSON.stringify(set('a', 'b').ranges)} r`]);
  });

  it('reads chains: each arrow starts where the last ended', () => {
    const text = 'start q0\nq0 -a-> q1 -b-> q2 -c-> q0\n';
    const fa = parseFa(text);
    expect(triples(fa)).toEqual(['q0 [[97,97]] q1', 'q1 [[98,98]] q2', 'q2 [[99,99]] q0']);
    expect(text.slice(fa.edges[1]!.span.start, fa.edges[1]!.span.end)).toBe('q1 -b-> q2');
  });

  it('reads quoted names as the same states as plain ones', () => {
    const fa = parseFa('start "q0"\naccept "two words", q0\nq0 -a-> "two words"\n"a \\"quote\\"" -b-> "-"\n');
    expect(fa.states.map((s) => s.name)).toEqual(['q0', 'two words', 'a "quote"', '-']);
    expect(fa.accepting).toEqual([0, 1]);
  });

  it('reads keywords as names when they are part of a longer word, and quoted keywords as names', () => {
    const fa = parseFa('start started\nstarted -a-> "start"\naccept "start"\nstate states accepted\n');
    expect(fa.states.map((s) => s.name)).toEqual(['started', 'start', 'states', 'accepted']);
    expect(fa.accepting).toEqual([1]);
  });

  it('accepts Unicode names, digits and primes', () => {
    const fa = parseFa("start état\nétat -a-> 0 -b-> q0' -c-> q.1 -d-> 東京\n");
    expect(fa.states.map((s) => s.name)).toEqual(['état', '0', "q0'", 'q.1', '東京']);
  });

  it('allows isolated states, several accept lines and repeats', () => {
    const fa = parseFa('start q\nstate dead, other\naccept dead\naccept q q\n');
    expect(fa.states.map((s) => s.name)).toEqual(['q', 'dead', 'other']);
    expect(fa.accepting).toEqual([0, 1]);
    expect(fa.edges).toEqual([]);
  });

  it('reads CRLF files like LF files and a missing final newline', () => {
    const lf = parseFa('start q\naccept r\nq -a-> r');
    const crlf = parseFa('start q\r\naccept r\r\nq -a-> r\r\n');
    expect(triples(crlf)).toEqual(triples(lf));
    expect(crlf.accepting).toEqual(lf.accepting);
  });

  it('keeps an empty class as an edge that reads nothing', () => {
    const fa = parseFa('start q\nq -[]-> r\n');
    expect(fa.edges[0]!.label).toEqual({ ranges: [] });
  });
});

/** [file, exact message, line, column, text under the span] */
const ERRORS: readonly (readonly [string, string, number, number, string])[] = [
  ['', "no start state: add a line 'start NAME'", 1, 1, ''],
  ['# just a comment\nq -a-> r\n', "no start state: add a line 'start NAME'", 1, 1, ''],
  [
    'start q\nq -a-> r\nstart r\n',
    'a second start state "r": the start state is already "q" (line 1); a file has exactly one',
    3,
    1,
    'start r',
  ],
  [
    'start q\nq -a-> r\naccept r, rr\n',
    'unknown state "rr" in accept: no edge, start or state line names it; add \'state rr\' if it is meant to have no edges',
    3,
    11,
    'rr',
  ],
  [
    'start q\nq -ab-> r\n',
    "bad label 'ab': a label is one symbol, but this is 2; write 'a,b' for any one of them, or put states between them for a sequence",
    2,
    4,
    'ab',
  ],
  [
    'start q\nq -abcd-> r\n',
    "bad label 'abcd': a label is one symbol, but this is 4; write 'a,b,c,…' for any one of them, or put states between them for a sequence",
    2,
    4,
    'abcd',
  ],
  ['start q\nq -[a-z-> r\n', "unterminated class: this '[' has no matching ']' on its line", 2, 4, '['],
  ['start q\nq -[a[b]-> r\n', "unterminated class: this '[' has no matching ']' on its line", 2, 4, '['],
  ['start q\nq -[z-a]-> r\n', "bad label '[z-a]': range out of order [z-a]", 2, 5, 'z-a'],
  ['start q\nq -\\q-> r\n', "bad label '\\q': unknown escape \\q", 2, 4, '\\q'],
  [
    'start q\nq -\\x4g-> r\n',
    "bad label '\\x4g': \\x must be followed by exactly two hex digits, as in \\x41",
    2,
    4,
    '\\x4',
  ],
  [
    'start q\nq -\\x41b-> r\n',
    "bad label '\\x41b': a label is one symbol or one class; separate alternatives with commas",
    2,
    4,
    '\\x41b',
  ],
  ['start q\nq -[ab]c-> r\n', "expected '->' after '[ab]', found 'c'", 2, 8, 'c'],
  ['start q\nq -\\-> r\n', "expected '->' after '\\-', found '>'", 2, 6, '>'],
  [
    'start q\nq -> r\n',
    "an edge needs a label between '-' and '->': write 'q -a-> r', or 'q -ε-> r' for an ε-edge",
    2,
    3,
    '->',
  ],
  ['start q\nq --> r\n', "empty label: write 'ε' (or 'eps') between '-' and '->' for an ε-edge", 2, 3, '-->'],
  [
    'start q\nq -a,-> r\n',
    "expected a label (a symbol, a class such as [0-9], '.' or ε) after ',', found '->'",
    2,
    6,
    '->',
  ],
  ['start q\nq -a-b-> r\n', "a '-' inside a label must be written '\\-'; a label ends at '->'", 2, 5, '-'],
  ['start q\nq -a]-> r\n', "unmatched ']' in a label; write '\\]' for the symbol ]", 2, 5, ']'],
  ['start q\nq -\\\nr -a-> q\n', "a '\\' at the end of the line escapes nothing", 2, 4, '\\'],
  ['start q\nq -a\nr -a-> q\n', "expected '->' after 'a', found the end of the line", 2, 5, ''],
  ['start q\nq -a b-> r\n', "expected '->' after 'a', found 'b'", 2, 6, 'b'],
  ['start q\nq -a-> # no target\n', "expected a state name after '->', found the end of the line", 2, 7, ''],
  [
    'start q\nq\n',
    "expected an edge '-LABEL-> TARGET' after 'q', found the end of the line; to declare a state on its own, write 'state q'",
    2,
    2,
    '',
  ],
  ['start q r\n', "expected the end of the line, found 'r'", 1, 9, 'r'],
  [
    'start q accept q\n',
    "expected the end of the line, found 'accept': each statement goes on a line of its own",
    1,
    9,
    'accept',
  ],
  ['start\n', "expected a state name after 'start', found the end of the line", 1, 6, ''],
  ['accept\nstart q\n', "expected a state name after 'accept', found the end of the line", 1, 7, ''],
  ['start q\nstate a,\n', "expected a state name after ',', found the end of the line", 2, 9, ''],
  [
    'start q\n-a-> q\n',
    "a line is 'start NAME', 'accept NAME …', 'state NAME …' or an edge 'FROM -LABEL-> TO'; found '-'",
    2,
    1,
    '-',
  ],
  [
    'start q\n, q\n',
    "a line is 'start NAME', 'accept NAME …', 'state NAME …' or an edge 'FROM -LABEL-> TO'; found ','",
    2,
    1,
    ',',
  ],
  [
    'start q\nq => r\n',
    "unexpected '=>': plain state names are made of letters, digits, _ ' and . — write other names in double quotes, like \"q-1\"",
    2,
    3,
    '=>',
  ],
  ['start ""\n', 'a state name cannot be empty', 1, 7, '""'],
  ['start q\n"abc -a-> q\n', "unterminated quoted name: this '\"' has no closing '\"' on its line", 2, 1, '"'],
];

describe('errors', () => {
  it.each(ERRORS)('%j → %s', (text, message, line, column, under) => {
    const e = errorOf(text, 'm.fa');
    expect(e.kind).toBe('syntax');
    expect(e.message).toBe(message);
    expect(where(e, text)).toEqual({ line, column, under });
    expect(e.source).toBe(text);
    expect(e.sourceName).toBe('m.fa');
  });

  it('reports the first fault in file order', () => {
    const text = 'start q\nq -ab-> r\nq -[-> r\nstart r\n';
    expect(where(errorOf(text), text).line).toBe(2);
  });

  it('reports a lexical fault on a line before its parse error', () => {
    const text = 'start q r "x\n';
    expect(errorOf(text).message).toMatch(/^unterminated quoted name/);
  });

  it('formats with the file name, line, column and a caret', () => {
    const text = 'start q\nq -ab-> r\n';
    expect(formatError(errorOf(text, 'ex.fa'))).toBe(
      "bad label 'ab': a label is one symbol, but this is 2; write 'a,b' for any one of them, or put states between them for a sequence (at ex.fa:2:4)\n  q -ab-> r\n     ^^",
    );
  });

  it('limits the number of states with --max-nfa-states', () => {
    const e = errorOf('start a\na -x-> b -x-> c -x-> d\n', undefined, limits({ maxNfaStates: 3 }));
    expect(e.kind).toBe('limit');
    expect(e.message).toMatch(/--max-nfa-states/);
    expect(e.span).toEqual({ start: 29, end: 30 });
  });

  it('passes the expression limits to class labels', () => {
    const text = 'start q\nq -' + '['.repeat(20) + 'a' + ']'.repeat(20) + '-> r\n';
    const e = errorOf(text, undefined, limits({ maxDepth: 5 }));
    expect(e.kind).toBe('limit');
    expect(e.message).toMatch(/--max-depth/);
    expect(e.span!.start).toBeGreaterThanOrEqual(11);
    expect(e.source).toBe(text);
  });
});
