/**
 * Whatever the text, `parseFa` returns a well-formed `FaFile` or throws a
 * positioned `WordflowError` — never another exception, a hang or a stack
 * overflow. Fuzzed with arbitrary strings and with lines built from the
 * format's own tokens (which reach far more of the parser), plus deep and
 * huge inputs.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WordflowError } from '../../../src/errors.js';
import { nfaFromFa } from '../../../src/automata/fromFa.js';
import type { FaFile } from '../../../src/syntax/fa/ast.js';
import { parseFa } from '../../../src/syntax/fa/parse.js';

/** Checks the outcome of parsing `text`: a valid file or a positioned error. */
function outcome(text: string): 'ok' | 'error' {
  let fa: FaFile;
  try {
    fa = parseFa(text, 'fuzz.fa');
  } catch (e) {
    if (!(e instanceof WordflowError))
      throw new Error(`not a WordflowError for ${JSON.stringify(text)}: ${String(e)}`, { cause: e });
    expect(['syntax', 'limit']).toContain(e.kind);
    expect(e.source).toBe(text);
    expect(e.sourceName).toBe('fuzz.fa');
    expect(e.span).toBeDefined();
    expect(0 <= e.span!.start && e.span!.start <= e.span!.end && e.span!.end <= text.length).toBe(true);
    // chevrotain's own wording must never reach a person
    expect(e.message).not.toMatch(/Expecting|token of type|but found:|Redundant input/);
    return 'error';
  }
  const n = fa.states.length;
  expect(fa.start >= 0 && fa.start < n).toBe(true);
  expect(fa.accepting).toEqual([...new Set(fa.accepting)].sort((a, b) => a - b));
  for (const q of fa.accepting) expect(q >= 0 && q < n).toBe(true);
  expect(new Set(fa.states.map((s) => s.name)).size).toBe(n);
  for (const e of fa.edges) {
    expect(e.from >= 0 && e.from < n && e.to >= 0 && e.to < n).toBe(true);
    expect(0 <= e.span.start && e.span.end <= text.length).toBe(true);
  }
  const nfa = nfaFromFa(fa);
  expect(nfa.states).toBe(n);
  return 'ok';
}

const PIECES = [
  'start',
  'accept',
  'state',
  'q',
  'r0',
  'état',
  '"x y"',
  '"',
  '""',
  '"a\\"b"',
  '-',
  '->',
  '-->',
  ',',
  'a',
  'ab',
  'ε',
  'eps',
  '.',
  '[a-z]',
  '[',
  '[^',
  ']',
  '[]',
  '[a[b]]',
  '[z-a]',
  '\\',
  '\\x41',
  '\\x4',
  '\\d',
  '\\-',
  '\\ ',
  '\\q',
  '\\u{1F600}',
  '\\u{',
  '\\p{L}',
  '\\p{Nope}',
  '\\uD83D',
  '\\uD83D\\uDE00',
  '#c',
  ' ',
  '\t',
  '\r',
  '\n',
  '😀',
  '\uD800',
  '=',
  '>',
  '(',
  '*',
];

const tokenLine = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((ps) => ps.join(''));
const spacedLine = fc.array(fc.constantFrom(...PIECES), { maxLength: 12 }).map((ps) => ps.join(' '));
const plausible = fc
  .tuple(
    fc.constantFrom('q', 'r', '"s t"'),
    fc.array(fc.constantFrom('a', '.', 'ε', '[0-9]', '\\-', '[', ']', '-', 'ab', ''), { maxLength: 3 }),
    fc.constantFrom('q', 'r', '', '#'),
  )
  .map(([from, labels, to]) => `${from} -${labels.join(',')}-> ${to}`);
const fileOf = (line: fc.Arbitrary<string>): fc.Arbitrary<string> =>
  fc
    .array(fc.oneof(line, plausible, fc.constant('start q'), fc.constant('accept r')), { maxLength: 8 })
    .map((ls) => ls.join('\n'));

describe('fuzz', () => {
  it('arbitrary text', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (t) => void outcome(t)),
      { numRuns: 2000 },
    );
  });

  it("arbitrary lines of the format's tokens", () => {
    fc.assert(
      fc.property(fileOf(tokenLine), (t) => void outcome(t)),
      { numRuns: 2000 },
    );
    fc.assert(
      fc.property(fileOf(spacedLine), (t) => void outcome(t)),
      { numRuns: 2000 },
    );
  });

  it('well-formed files built from the same pieces parse, and mutated ones never throw anything else', () => {
    const goodEdge = fc
      .tuple(
        fc.constantFrom('q', 'r', '"s t"', 'état'),
        fc.uniqueArray(fc.constantFrom('a', '.', 'ε', 'eps', '[0-9]', '\\-', '\\x41', '[^a]', '😀'), {
          minLength: 1,
          maxLength: 3,
        }),
        fc.constantFrom('q', 'r', '"s t"'),
      )
      .map(([from, labels, to]) => `${from} -${labels.join(',')}-> ${to}`);
    const goodFile = fc
      .tuple(
        fc.array(fc.oneof(goodEdge, fc.constant('accept q'), fc.constant('state x'), fc.constant('# note')), {
          maxLength: 8,
        }),
      )
      .map(([ls]) => ['start q', ...ls].join('\n'));
    fc.assert(
      fc.property(goodFile, (t) => {
        expect(outcome(t)).toBe('ok');
      }),
      { numRuns: 500 },
    );
    const mutated = fc
      .tuple(goodFile, fc.nat(), fc.constantFrom(...PIECES))
      .map(([t, at, piece]) => t.slice(0, at % (t.length + 1)) + piece + t.slice(at % (t.length + 1)));
    fc.assert(
      fc.property(mutated, (t) => void outcome(t)),
      { numRuns: 2000 },
    );
  });
});

describe('deep and huge input', () => {
  it('10 000 nested brackets in a label end in a limit error, not a stack overflow', () => {
    const text = 'start q\nq -' + '['.repeat(10_000) + 'a' + ']'.repeat(10_000) + '-> r\n';
    expect(outcome(text)).toBe('error');
    expect(() => parseFa(text)).toThrow(/--max-depth/);
  });

  it('an unterminated 200 000-bracket label is reported', () => {
    expect(() => parseFa('start q\nq -' + '['.repeat(200_000) + '\n')).toThrow(/unterminated class/);
  });

  it('a chain of 20 000 states on one line and 20 000 lines parse', () => {
    const chain = 'start s0\n' + Array.from({ length: 20_000 }, (_, i) => `s${i}`).join(' -a-> ') + '\naccept s19999\n';
    const lines =
      'start s0\naccept s0\n' +
      Array.from({ length: 20_000 }, (_, i) => `s${i} -a,b-> s${(i + 1) % 20_000}`).join('\n');
    const fa1 = parseFa(chain);
    const fa2 = parseFa(lines);
    expect(fa1.states.length).toBe(20_000);
    expect(fa1.edges.length).toBe(19_999);
    expect(fa2.edges.length).toBe(20_000);
    expect(nfaFromFa(fa2).states).toBe(20_000);
  });

  it('a 1 000 000-character name and a 1 000 000-symbol label are handled', () => {
    const long = 'x'.repeat(1_000_000);
    expect(parseFa(`start ${long}\n`).states[0]!.name.length).toBe(1_000_000);
    expect(() => parseFa(`start q\nq -${long}-> r\n`)).toThrow(/a label is one symbol, but this is 1000000/);
  });
});
