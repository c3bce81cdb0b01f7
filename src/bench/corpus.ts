/**
 * The benchmark's fixed corpus: realistic patterns with generators of long
 * matching inputs, short validation-style inputs, the blow-up family and
 * catastrophic-backtracking patterns. Inputs are generated from a seeded
 * generator, so every run measures the same strings.
 */

import { rng } from '../automata/sample.js';

/** A deterministic pseudo-random generator in [0, 1) (the engine's seeded `rng`, scaled). */
export function seeded(seed = 0x2545f491): () => number {
  const next = rng(seed);
  return () => next() / 0x100000000;
}

const pick = (r: () => number, s: string): string => s[Math.floor(r() * s.length)]!;
const many = (r: () => number, s: string, n: number): string => {
  let out = '';
  for (let i = 0; i < n; i++) out += pick(r, s);
  return out;
};
/** A string of about `size` units: `head`, then `unit()` repeated, then `tail`. */
function fill(size: number, head: string, unit: () => string, tail: string): string {
  const parts: string[] = [head];
  let n = head.length + tail.length;
  // Build a 64 KiB block and repeat it: generation stays cheap for big sizes.
  const block: string[] = [];
  let b = 0;
  while (b < Math.min(size, 1 << 16)) {
    const u = unit();
    block.push(u);
    b += u.length;
  }
  const blockText = block.join('');
  while (n + blockText.length <= size) {
    parts.push(blockText);
    n += blockText.length;
  }
  while (n < size) {
    const u = unit();
    parts.push(u);
    n += u.length;
  }
  parts.push(tail);
  return parts.join('');
}

/** A unit generator with its own seeded stream. */
const unitOf = (seed: number, f: (r: () => number) => string): (() => string) => {
  const r = seeded(seed);
  return () => f(r);
};

const LOWER = 'abcdefghijklmnopqrstuvwxyz';
const ALNUM = LOWER + 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/** A pattern with a generator of long matching inputs. */
export interface LongCase {
  readonly name: string;
  readonly pattern: string;
  /** A matching input of about `size` UTF-16 units. */
  input(size: number): string;
}

/** Realistic patterns whose members can be long. */
export const LONG_CASES: readonly LongCase[] = [
  {
    name: 'identifier',
    pattern: '[A-Za-z_][A-Za-z0-9_]*',
    input: (n) =>
      fill(
        n,
        'x',
        unitOf(1, (r) => many(r, ALNUM + '_', 16)),
        '',
      ),
  },
  {
    name: 'number',
    pattern: '-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?',
    input: (n) =>
      fill(
        n,
        '1',
        unitOf(2, (r) => many(r, '0123456789', 16)),
        '.5e-3',
      ),
  },
  {
    name: 'email',
    pattern: '[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}',
    input: (n) =>
      fill(
        n,
        'a',
        unitOf(3, (r) => many(r, LOWER + '0123456789._%+-', 16)),
        '@example.com',
      ),
  },
  {
    name: 'C string',
    pattern: '"([^"\\\\\\n]|\\\\.)*"',
    input: (n) => {
      const r = seeded(4);
      return fill(n, '"', () => (r() < 0.05 ? '\\' + pick(r, 'n"t\\') : many(r, LOWER + '  ,.', 1)), '"');
    },
  },
  {
    name: 'URL',
    pattern: "https?://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&'()*+,;=:@-]*)*(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?",
    input: (n) => {
      const r = seeded(5);
      return fill(n, 'https://example.com:8080', () => '/' + many(r, ALNUM + '-._~', 8), '?q=1');
    },
  },
  {
    name: 'log lines',
    pattern: '([0-9]{4}-[0-9]{2}-[0-9]{2} [0-9]{2}:[0-9]{2}:[0-9]{2} (INFO|WARN|ERROR) [^\\n]*\\n)*',
    input: (n) => {
      const r = seeded(6);
      return fill(
        n,
        '',
        () =>
          `2024-05-${10 + Math.floor(r() * 18)} 12:${10 + Math.floor(r() * 49)}:00 ${pick(r, 'IWE') === 'I' ? 'INFO' : 'WARN'} request ${many(r, ALNUM, 24)} done\n`,
        '',
      );
    },
  },
  {
    name: 'CSV words',
    pattern: '([a-z]+,)*[a-z]+',
    input: (n) =>
      fill(
        n,
        'a',
        unitOf(7, (r) => many(r, LOWER, 1 + Math.floor(r() * 9)) + ','),
        'z',
      ),
  },
  {
    name: 'JSON int list',
    pattern: '\\[([0-9]+(,[0-9]+)*)?\\]',
    input: (n) =>
      fill(
        n,
        '[1',
        unitOf(8, (r) => ',' + many(r, '0123456789', 1 + Math.floor(r() * 6))),
        ']',
      ),
  },
  {
    name: 'unicode text',
    pattern: '[^\\u0000-\\u001f]*',
    input: (n) =>
      fill(
        n,
        '',
        unitOf(9, (r) => many(r, 'aé€ z', 5) + (r() < 0.2 ? '😀' : '')),
        '',
      ),
  },
  {
    name: '(a|b)*abb',
    pattern: '(a|b)*abb',
    input: (n) =>
      fill(
        n,
        '',
        unitOf(10, (r) => many(r, 'ab', 16)),
        'abb',
      ),
  },
  {
    name: 'hex words',
    pattern: '(0x[0-9a-f]+ )*',
    input: (n) =>
      fill(
        n,
        '',
        unitOf(11, (r) => '0x' + many(r, '0123456789abcdef', 1 + Math.floor(r() * 8)) + ' '),
        '',
      ),
  },
];

/** A pattern with fixed short inputs (matching and not). */
export interface ShortCase {
  readonly name: string;
  readonly pattern: string;
  /** Inputs of 5–40 characters, matching and not. */
  readonly inputs: readonly string[];
}

/**
 * A string as a program receives it: decoded from bytes (a file, a socket, a
 * request body) just now, so young in V8's heap. Short-input cases are timed
 * on such strings, the same ones for every engine. V8's RegExp measured 3–4 ns
 * a call faster on strings that are old in the heap (literals of the source,
 * or strings that survived a few collections), most likely the write barrier
 * of storing a young subject in its last-match info (`RegExp.lastMatch`);
 * wordflow's loop stores nothing and runs the same on both.
 */
export const received = (s: string): string => Buffer.from(s, 'utf8').toString('utf8');

/** Validation-style patterns with short inputs. */
export const SHORT_CASES: readonly ShortCase[] = [
  {
    name: 'identifier',
    pattern: '[A-Za-z_][A-Za-z0-9_]*',
    inputs: ['hello_world', 'x1', 'camelCaseName42', '9lives', '_private_member_x', 'a-b'],
  },
  {
    name: 'number',
    pattern: '-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?',
    inputs: ['12345', '-0.5e10', '3.14159265358979', '01', '1e', '-98765.4321E-12'],
  },
  {
    name: 'email',
    pattern: '[a-z0-9._%+-]+@[a-z0-9.-]+\\.[a-z]{2,}',
    inputs: [
      'john.doe@example.com',
      'a@b.co',
      'not an email',
      'x+tag@mail.server.org',
      'bad@host',
      'first.last@sub.domain.info',
    ],
  },
  {
    name: 'date',
    pattern: '[0-9]{4}-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])',
    inputs: ['2024-05-17', '1999-12-31', '2024-13-01', '2024-02-30', '20240517', '0001-01-01'],
  },
  {
    name: 'IPv4',
    pattern: '((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])',
    inputs: ['192.168.0.1', '255.255.255.255', '256.1.1.1', '10.0.0', '8.8.8.8', '127.000.0.1'],
  },
  {
    name: 'C string',
    pattern: '"([^"\\\\\\n]|\\\\.)*"',
    inputs: ['"hello, world"', '"a\\"b"', '"unterminated', '"tab\\there\\n"', '""', '"x"y"'],
  },
  {
    name: 'URL',
    pattern: "https?://[a-z0-9.-]+(:[0-9]+)?(/[A-Za-z0-9._~%!$&'()*+,;=:@-]*)*(\\?[A-Za-z0-9._~%!$&'()*+,;=:@/?-]*)?",
    inputs: [
      'https://example.com/path',
      'http://a.b:8080/x?y=1',
      'ftp://nope.com',
      'https://host/a/b/c/d',
      'https//broken',
    ],
  },
];

/**
 * A flat copy of `s`. `String#repeat` and `+` build rope strings, which V8's
 * RegExp flattens once per call while `charCodeAt` walks them: every engine is
 * given the same flat string, as text read from a file or a socket is.
 */
export const flat = (s: string): string => JSON.parse(JSON.stringify(s)) as string;

/** Catastrophic backtracking in V8 at n = 28 (input: n letters a, no match). */
export const CATASTROPHIC: readonly { readonly pattern: string; input(n: number): string }[] = [
  { pattern: '(a+)+b', input: (n) => flat('a'.repeat(n)) },
  { pattern: '(a|aa)*c', input: (n) => flat('a'.repeat(n)) },
  { pattern: '(a|a?)+b', input: (n) => flat('a'.repeat(n)) },
];

/** The blow-up family: the minimal DFA of (a|b)*a(a|b){k} has 2^(k+1) states. */
export const blowUp = (k: number): string => `(a|b)*a(a|b){${k}}`;
