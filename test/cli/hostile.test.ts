/**
 * Hostile input at the command line: every command run on blow-up languages,
 * huge lengths and unbounded options must end with an answer (exit 0 or 1)
 * or exit 2 with a message naming the limit that stopped it, never a crash,
 * a stack trace or an out-of-memory abort. Each run gets a small heap
 * (`--max-old-space-size`), so work that grows past its budget fails here
 * rather than on a user's machine. Limits are lowered where the default
 * would only make the run slower, not different. No timing is asserted; the
 * generous timeout only keeps a regression from hanging the suite.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const HEAP_MB = 320;
const dir = mkdtempSync(join(tmpdir(), 'wordflow-hostile-'));

interface Run {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

function capped(args: readonly string[], input = ''): Run {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${HEAP_MB}`, 'dist/cli/main.cjs', ...args], {
    cwd: root,
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
    timeout: 120_000,
    maxBuffer: 64 << 20,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/** Blow-up languages: the minimal DFA of (a|b)*a(a|b){n} has 2^(n+1) states. */
const blowUp = (n: number): string => `(a|b)*a(a|b){${n}}`;

/** What each run must end with: an answer, or exit 2 naming this flag. */
type Expect = 'answer' | `--${string}`;

const cases: readonly [string, readonly string[], Expect, string?][] = [
  ['check past --max-states (lazy DFA)', ['check', blowUp(20), 'ab'.repeat(40)], 'answer'],
  ['dfa', ['dfa', blowUp(20), '--max-states', '3000'], '--max-states'],
  ['dfa --format svg', ['dfa', blowUp(12), '--format', 'svg'], '--max-draw-states'],
  ['equiv', ['equiv', blowUp(20), '(a|b)*', '--max-states', '3000'], '--max-states'],
  ['enum past the enumeration length', ['enum', '(a{1000}){11}'], '--max-enum-length'],
  ['count of a huge length', ['count', blowUp(10), '--length', '100000000'], '--max-enum-length'],
  [
    'count over the table budget',
    ['count', blowUp(10), '--length', '9000', '--max-count-cells', '1000000'],
    '--max-count-cells',
  ],
  ['count of a long length', ['count', '[a-z]*', '--length', '20000', '--max-enum-length', '20000'], 'answer'],
  ['count of a wide table', ['count', blowUp(9), '--length', '3000'], 'answer'],
  ['sample of a long length', ['sample', blowUp(6), '--length', '3000', '--seed', '1', '--n', '3'], 'answer'],
  [
    'sample over the table budget',
    ['sample', blowUp(10), '--length', '10000', '--max-count-cells', '1000000'],
    '--max-count-cells',
  ],
  ['sample of huge n', ['sample', 'a', '--length', '1', '--n', '100000000000000000000'], '--n'],
  ['regex of a blow-up', ['regex', blowUp(5)], '--max-regex-size'],
  ['regex of a blow-up, lower budget', ['regex', blowUp(4), '--max-regex-size', '5000'], '--max-regex-size'],
  ['compile', ['compile', blowUp(20), '--max-states', '3000'], '--max-states'],
  ['trace', ['trace', blowUp(20), 'ab', '--max-states', '3000'], '--max-states'],
  ['trace --samples', ['trace', 'a', 'a', '--json', '--samples', '1000000000'], '--max-samples'],
  [
    'trace --format svg of a big DFA',
    ['trace', blowUp(9), 'abab', '--embedding', 'onehot', '--format', 'svg', '-o', join(dir, 'x.svg')],
    'answer',
  ],
  [
    'certify flow2d past its budget',
    ['certify', blowUp(9), '--embedding', 'flow2d', '--max-flow-states', '100'],
    '--max-flow-states',
  ],
  ['certify sigmoid', ['certify', blowUp(7), '--embedding', 'sigmoid'], 'answer'],
  ['monoid', ['monoid', blowUp(20), '--max-states', '3000'], '--max-states'],
  ['explain', ['explain', blowUp(20), '--max-states', '3000'], '--max-states'],
  ['a huge repetition', ['check', 'a{100000}', 'a'], '--max-repeat'],
  ['unrolled repetitions', ['check', '(a{1000}){1000}', 'a', '--max-nfa-states', '200000'], '--max-nfa-states'],
  ['deep nesting', ['check', '('.repeat(20_000) + ')'.repeat(20_000), ''], '--max-depth'],
  ['a long pattern', ['check', 'a'.repeat(100_001), 'a'], '--max-length'],
  ['complement of a blow-up', ['check', `~(${blowUp(18)})&[ab]*`, 'ab', '--max-states', '3000'], '--max-states'],
  [
    '--jsonl over hostile lines',
    ['check', '--jsonl'],
    'answer',
    [
      JSON.stringify({ pattern: blowUp(16), input: 'ab'.repeat(20) }),
      JSON.stringify({ pattern: 'a{100000}', input: 'a' }),
      '',
      JSON.stringify({ pattern: '('.repeat(5000), input: 'a' }),
      JSON.stringify({ fa: dir, input: 'a' }),
    ].join('\n') + '\n',
  ],
];

describe('hostile input: every command answers or names a limit, in bounded memory', () => {
  for (const [name, args, expected, input] of cases) {
    it(name, () => {
      const r = capped(args, input);
      // Never a JavaScript stack trace or a V8 abort, whatever the outcome.
      expect(r.stderr).not.toMatch(/\n\s+at .+:\d+:\d+|FATAL ERROR|heap out of memory|Maximum call stack/);
      if (expected === 'answer') {
        expect([0, 1, 2].includes(r.code) && (r.code !== 2 || args.includes('--jsonl'))).toBe(true);
        // The answer is on standard output, unless it was written to a file.
        if (!args.includes('-o')) expect(r.stdout.length).toBeGreaterThan(0);
      } else {
        expect(r.code).toBe(2);
        expect(r.stderr).toContain(expected);
      }
    });
  }

  it('--jsonl answers each hostile line on its own line, in order', () => {
    const input = cases.find(([name]) => name === '--jsonl over hostile lines')![3]!;
    const lines = capped(['check', '--jsonl'], input)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
    expect(typeof lines[0]!.accept).toBe('boolean');
    expect(lines[1]!.error).toMatch(/--max-repeat/);
    expect(lines[2]!.error).toMatch(/empty line/);
    expect(lines[3]!.error).toMatch(/unclosed group|--max-depth/);
    expect(lines[4]!.error).toMatch(/it is a directory/);
  });
});
