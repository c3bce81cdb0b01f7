/**
 * The `ecma` syntax against V8, the engine it promises to read like: for a
 * pattern p, V8 accepts p when `new RegExp(p, 'su')` does, and a string s is
 * a member when `new RegExp('^(?:' + p + ')$', 'su').test(s)` (tests only).
 *
 * 1. A corpus of other engines' test patterns (test/data/ecma-corpus.json)
 *    through the built CLI, `check --jsonl --syntax ecma`: every pattern V8
 *    rejects is an error; every pattern V8 accepts is either read with the
 *    same verdict on every sampled string, or refused for one of the stated
 *    reasons (not regular, or an anchor where it tests a position) — and the
 *    refused ones are listed here by name.
 * 2. fast-check: random token soup in the ecma syntax (with `&`, `~`, `[`
 *    inside classes, `\&`, `\-`, anchors, named groups) is accepted exactly
 *    when V8 accepts it, with the same meaning; and random patterns of the
 *    syntax both readings share mean the same in `ecma` as in V8.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WordflowError } from '../../../src/errors.js';
import { compileRegex } from '../../../src/language.js';
import { DEFAULT_LIMITS } from '../../../src/limits.js';
import { sampleMembers } from '../../../src/automata/sample.js';
import type { Regex } from '../../../src/syntax/regex/ast.js';
import { parseRegex } from '../../../src/syntax/regex/parse.js';
import { sharedPatternArb, stringOverArb } from '../../support/arbitraries.js';
import { wordflow } from '../../support/cli.js';
import { matches } from './reference.js';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const CORPUS = (JSON.parse(readFileSync(`${root}test/data/ecma-corpus.json`, 'utf8')) as { patterns: string[] })
  .patterns;

/** V8's whole-string matcher, or undefined when V8 rejects the pattern (compiled alone first: `)(?:` would pass inside the wrapper). */
function v8(pattern: string): RegExp | undefined {
  try {
    new RegExp(pattern, 'su');
    return new RegExp('^(?:' + pattern + ')$', 'su');
  } catch {
    return undefined;
  }
}

/**
 * Why wordflow may refuse a pattern that V8 accepts: what is not regular
 * (lookarounds, backreferences, word boundaries) and anchors that test a
 * position rather than the whole string's ends.
 */
const REFUSED_ON_PURPOSE = [
  /^backreferences are not regular/,
  /^(non-)?word boundaries \(\\[bB]\) are not supported/,
  /lookahead|lookbehind/,
  /^'\^' is only allowed at the start/,
  /^'\$' is only allowed at the end/,
];

/** The corpus patterns V8 accepts and wordflow refuses, each for a reason above. */
const REFUSED = [
  'https?://(www\\.)?[-a-zA-Z0-9@:%._+~#=]{1,64}\\.[a-zA-Z0-9()]{1,6}\\b([-a-zA-Z0-9()@:%_+.~#?&/=]*)',
  '\\b',
  '\\B',
  '\\bword\\b',
  '(?<a>x)\\k<a>',
  '(a)\\1',
  '(?=a)',
  '(?!a)',
  '(?<=a)b',
  '(?<!a)b',
  'a^b',
  'a$b',
  '^^a',
  'a$$',
  '(^a)',
  '(a$)',
];

/** Code points of a string, as an array of one-code-point strings. */
const letters = (s: string): string[] => [...s];

/** A small deterministic generator, so the strings are the same on every run. */
function rng(seed: number): () => number {
  let x = seed >>> 0 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 2 ** 32;
  };
}

/**
 * Strings to try on a pattern: members wordflow samples at lengths 0–8, each
 * mutated (a letter dropped, doubled, replaced by one from the pattern's
 * text), strings over the pattern's own characters, and fixed probes.
 */
function stringsFor(pattern: string, seed: number): string[] {
  const out = new Set<string>(['', 'a', '&', '~', '[', ']', '-', 'a&b', '~/docs', '<&', '😀', '\n', ' ']);
  let members: string[] = [];
  try {
    const dfa = compileRegex(pattern, { syntax: 'ecma' });
    for (let n = 0; n <= 8; n++) members.push(...sampleMembers(dfa, n, 2, seed + n));
  } catch {
    members = [];
  }
  const next = rng(seed);
  const pool = letters(pattern).concat(['a', '0', '&', '~', 'é']);
  const pick = (): string => pool[Math.floor(next() * pool.length)]!;
  for (const m of members) {
    out.add(m);
    const cs = letters(m);
    if (cs.length === 0) {
      out.add(pick());
      continue;
    }
    const i = Math.floor(next() * cs.length);
    out.add([...cs.slice(0, i), ...cs.slice(i + 1)].join(''));
    out.add([...cs.slice(0, i + 1), ...cs.slice(i)].join(''));
    out.add([...cs.slice(0, i), pick(), ...cs.slice(i + 1)].join(''));
  }
  for (let k = 0; k < 6; k++) {
    const n = Math.floor(next() * 6);
    out.add(Array.from({ length: n }, pick).join(''));
  }
  return [...out];
}

describe("a corpus of other engines' patterns through check --jsonl --syntax ecma", () => {
  const lines: { pattern: string; input: string }[] = [];
  CORPUS.forEach((pattern, i) => {
    for (const input of stringsFor(pattern, 1000 + i)) lines.push({ pattern, input });
  });

  it('has a few hundred patterns, of every kind, and thousands of strings', () => {
    expect(CORPUS.length).toBeGreaterThanOrEqual(400);
    expect(CORPUS.filter((p) => v8(p) === undefined).length).toBeGreaterThan(60);
    expect(CORPUS.filter((p) => /[&~]/.test(p)).length).toBeGreaterThan(30);
    expect(lines.length).toBeGreaterThan(5000);
  });

  it('agrees with V8 on every pattern and every string', () => {
    const r = wordflow(['check', '--jsonl', '--syntax', 'ecma'], lines.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect([0, 1, 2]).toContain(r.code);
    const answers = r.stdout
      .trimEnd()
      .split('\n')
      .map((l) => JSON.parse(l) as { accept?: boolean; error?: string });
    expect(answers).toHaveLength(lines.length);
    const refused = new Set<string>();
    let compared = 0;
    const wrong: string[] = [];
    answers.forEach((answer, k) => {
      const { pattern, input } = lines[k]!;
      const oracle = v8(pattern);
      if (oracle === undefined) {
        if (answer.error === undefined) wrong.push(`${JSON.stringify(pattern)}: V8 rejects it, wordflow reads it`);
        return;
      }
      if (answer.error !== undefined) {
        if (REFUSED_ON_PURPOSE.some((re) => re.test(answer.error!))) refused.add(pattern);
        else wrong.push(`${JSON.stringify(pattern)}: V8 reads it, wordflow says ${answer.error}`);
        return;
      }
      compared++;
      if (answer.accept !== oracle.test(input)) {
        wrong.push(
          `${JSON.stringify(pattern)} on ${JSON.stringify(input)}: V8 ${oracle.test(input)}, wordflow ${answer.accept}`,
        );
      }
    });
    expect(wrong).toEqual([]);
    expect([...refused].sort()).toEqual([...REFUSED].sort());
    expect(compared).toBeGreaterThan(4000);
  });

  it('reads the same with "syntax": "ecma" on each line instead of the flag, and differently without either', () => {
    const probes = CORPUS.filter((p) => /[&~]/.test(p) && v8(p) !== undefined && !REFUSED.includes(p)).map((p) => ({
      pattern: p,
      input: stringsFor(p, 7)[13] ?? '',
    }));
    const perLine = wordflow(
      ['check', '--jsonl'],
      probes.map((l) => JSON.stringify({ ...l, syntax: 'ecma' })).join('\n') + '\n',
    );
    const byFlag = wordflow(
      ['check', '--jsonl', '--syntax', 'ecma'],
      probes.map((l) => JSON.stringify(l)).join('\n') + '\n',
    );
    const plain = wordflow(['check', '--jsonl'], probes.map((l) => JSON.stringify(l)).join('\n') + '\n');
    expect(perLine.stdout).toBe(byFlag.stdout);
    expect(plain.stdout).not.toBe(byFlag.stdout);
  });
});

/** Our AST in the ecma syntax; a string for a refusal (its message), undefined for a syntax error. */
function ours(pattern: string): Regex | string | undefined {
  try {
    return parseRegex(pattern, DEFAULT_LIMITS, 'ecma');
  } catch (e) {
    if (!(e instanceof WordflowError)) throw e;
    if (e.kind === 'limit') return e.message;
    return REFUSED_ON_PURPOSE.some((re) => re.test(e.message)) ? e.message : undefined;
  }
}

/** All strings over `alphabet` of length ≤ n. */
function allStrings(alphabet: readonly string[], n: number): string[] {
  let level = [''];
  const out = [''];
  for (let k = 0; k < n; k++) {
    level = level.flatMap((s) => alphabet.map((c) => s + c));
    out.push(...level);
  }
  return out;
}

describe('random patterns in the ecma syntax against V8', () => {
  const UNITS = [
    'a',
    'b',
    '&',
    '~',
    '-',
    '=',
    '/',
    '(',
    ')',
    '(?:',
    '(?<n>',
    '(?<m>',
    '|',
    '*',
    '+',
    '?',
    '{2}',
    '{1,}',
    '{',
    '}',
    '[',
    '[^',
    ']',
    '.',
    '^',
    '$',
    '\\&',
    '\\~',
    '\\-',
    '\\[',
    '\\]',
    '\\d',
    '\\w',
    '\\u{26}',
    '\\x7e',
    '\\cA',
    '\\b',
  ];
  const soup = fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((xs) => xs.join(''));
  const probes = allStrings(['a', 'b', '&', '~', '-', '['], 3);

  it('token soup: accepted exactly when V8 accepts it (but for the stated refusals), with the same meaning', () => {
    let bothAccepted = 0;
    let refusals = 0;
    fc.assert(
      fc.property(soup, (p) => {
        const mine = ours(p);
        const oracle = v8(p);
        if (typeof mine === 'string') {
          // Refused for a stated reason (V8 may reject it too, e.g. a quantified \b).
          if (oracle !== undefined) refusals++;
          return;
        }
        expect(mine !== undefined, `acceptance of ${p}`).toBe(oracle !== undefined);
        if (mine === undefined || oracle === undefined) return;
        bothAccepted++;
        for (const s of probes) expect(matches(mine, s), `${p} on ${JSON.stringify(s)}`).toBe(oracle.test(s));
      }),
      { numRuns: 2000 },
    );
    expect(bothAccepted).toBeGreaterThan(200);
    expect(refusals).toBeGreaterThan(0);
  });

  it('patterns of the shared syntax over & ~ [ - mean the same in ecma as in V8', () => {
    const alphabet = ['a', '&', '~', '[', '-', ']'];
    fc.assert(
      fc.property(sharedPatternArb(alphabet, 2), fc.array(stringOverArb(alphabet, 4), { maxLength: 20 }), (p, ss) => {
        const oracle = v8(p);
        expect(oracle, `V8 rejects ${p}`).toBeDefined();
        const ast = parseRegex(p, DEFAULT_LIMITS, 'ecma');
        for (const s of ss) expect(matches(ast, s), `${p} on ${JSON.stringify(s)}`).toBe(oracle!.test(s));
      }),
      { numRuns: 200 },
    );
  });

  it('[<>]& and a=1&b=2 are literal strings, as in JavaScript', () => {
    const ast = parseRegex('[<>]&', DEFAULT_LIMITS, 'ecma');
    expect(matches(ast, '<&')).toBe(true);
    expect(matches(ast, '<')).toBe(false);
    expect(matches(parseRegex('a=1&b=2', DEFAULT_LIMITS, 'ecma'), 'a=1&b=2')).toBe(true);
    expect(matches(parseRegex('~/docs', DEFAULT_LIMITS, 'ecma'), '~/docs')).toBe(true);
    // [a[] is a class of 'a' and '[' in JavaScript, not an unclosed nested class.
    expect(matches(parseRegex('[a[]', DEFAULT_LIMITS, 'ecma'), '[')).toBe(true);
  });
});
