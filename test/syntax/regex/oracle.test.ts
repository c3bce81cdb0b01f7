/**
 * V8 as the oracle for the syntax wordflow shares with JavaScript: for a
 * pattern p, membership of s is `new RegExp('^(?:' + p + ')$', 'su').test(s)`
 * (tests only). Checked on generated shared patterns, on random token soup
 * (where acceptance itself must agree), and on random class bodies.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { WordflowError } from '../../../src/errors.js';
import type { Regex } from '../../../src/syntax/regex/ast.js';
import { parseRegex } from '../../../src/syntax/regex/parse.js';
import { sharedPatternArb, stringOverArb } from '../../support/arbitraries.js';
import { matches } from './reference.js';

/**
 * V8's compiled whole-string matcher, or undefined when V8 rejects the syntax.
 * The pattern is first compiled alone: inside the wrapper, `)(?:` would close
 * and reopen the wrapper's group and pass.
 */
function v8(pattern: string): RegExp | undefined {
  try {
    new RegExp(pattern, 'su');
    return new RegExp('^(?:' + pattern + ')$', 'su');
  } catch {
    return undefined;
  }
}

/** Our AST, undefined for a syntax error; a limit error is reported as such. */
function ours(pattern: string): Regex | 'limit' | undefined {
  try {
    return parseRegex(pattern);
  } catch (e) {
    if (!(e instanceof WordflowError)) throw e;
    return e.kind === 'limit' ? 'limit' : undefined;
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

describe('generated shared patterns', () => {
  const ABC = ['a', 'b', 'c'];
  const strings = [...allStrings(ABC, 4), 'd', 'ad', '\n', 'ä', '😀', '-', '0'];

  it('are accepted by both V8 and wordflow and mean the same on every string up to length 4', () => {
    fc.assert(
      fc.property(sharedPatternArb(ABC), (p) => {
        const oracle = v8(p);
        expect(oracle, `V8 rejects ${p}`).toBeDefined();
        const ast = parseRegex(p);
        for (const s of strings) expect(matches(ast, s), `${p} on ${JSON.stringify(s)}`).toBe(oracle!.test(s));
      }),
      { numRuns: 400 },
    );
  });

  it('agree with V8 with metacharacters and astral letters in the alphabet', () => {
    const alphabet = ['-', '^', ']', '&', '~', '😀', '\n'];
    fc.assert(
      fc.property(sharedPatternArb(alphabet, 2), fc.array(stringOverArb(alphabet, 4), { maxLength: 20 }), (p, ss) => {
        const oracle = v8(p);
        expect(oracle, `V8 rejects ${p}`).toBeDefined();
        const ast = parseRegex(p);
        for (const s of ss) expect(matches(ast, s), `${p} on ${JSON.stringify(s)}`).toBe(oracle!.test(s));
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Whether JavaScript reads `p` in a way wordflow deliberately does not: a `[`
 * inside a class (literal in JS `u` mode, a nested class here), a
 * backreference (valid in JS when groups exist) or a word boundary.
 */
function outsideSharedSyntax(p: string): boolean {
  let inClass = false;
  for (let i = 0; i < p.length; i++) {
    const c = p[i];
    if (c === '\\') {
      if (/[1-9k]/.test(p[i + 1] ?? '') || (!inClass && /[bB]/.test(p[i + 1] ?? ''))) return true;
      i++;
    } else if (c === '[') {
      if (inClass) return true;
      inClass = true;
    } else if (c === ']') inClass = false;
  }
  return false;
}

describe('token soup', () => {
  const UNITS = [
    'a',
    'b',
    '1',
    '2',
    ',',
    '(',
    ')',
    '(?:',
    '|',
    '*',
    '+',
    '?',
    '{',
    '}',
    '[',
    '[^',
    ']',
    '-',
    '.',
    '\\d',
    '\\w',
    '\\s',
    '\\(',
    '\\\\',
    '\\.',
    '\\]',
    '\\{',
    '\\b',
    '\\x4',
    '\\u{62}',
    '\\0',
    '\\cA',
    '\\c',
  ];
  const soup = fc.array(fc.constantFrom(...UNITS), { maxLength: 12 }).map((xs) => xs.join(''));
  const probes = allStrings(['a', 'b', '1', ','], 3);

  it('is accepted by wordflow exactly when V8 accepts it, with the same meaning', () => {
    let bothAccepted = 0;
    fc.assert(
      fc.property(soup, (p) => {
        fc.pre(!outsideSharedSyntax(p));
        const mine = ours(p);
        fc.pre(mine !== 'limit');
        const oracle = v8(p);
        expect(mine !== undefined, `acceptance of ${p}`).toBe(oracle !== undefined);
        if (mine === undefined || oracle === undefined) return;
        bothAccepted++;
        for (const s of probes) expect(matches(mine, s), `${p} on ${JSON.stringify(s)}`).toBe(oracle.test(s));
      }),
      { numRuns: 3000 },
    );
    expect(bothAccepted).toBeGreaterThan(300);
  });
});

describe('class bodies', () => {
  const UNITS = [
    'a',
    'c',
    'z',
    '-',
    '^',
    '0',
    '9',
    ':',
    '\\d',
    '\\w',
    '\\s',
    '\\D',
    '\\-',
    '\\^',
    '\\]',
    '\\\\',
    '\\b',
    '\\x2d',
    '.',
    '$',
  ];
  const body = fc.array(fc.constantFrom(...UNITS), { maxLength: 7 }).map((xs) => xs.join(''));
  const probes = [...'acbmz-^0759:_\\]\b .$A', '\u00a0', '\n', '😀'];

  it('mean the same set as in V8, and are rejected alike', () => {
    fc.assert(
      fc.property(body, (b) => {
        const p = `[${b}]`;
        const mine = ours(p);
        const oracle = v8(p);
        expect(mine !== undefined, `acceptance of ${p}`).toBe(oracle !== undefined);
        if (mine === undefined || mine === 'limit' || oracle === undefined) return;
        for (const s of probes) expect(matches(mine, s), `${p} on ${JSON.stringify(s)}`).toBe(oracle.test(s));
      }),
      { numRuns: 3000 },
    );
  });
});
