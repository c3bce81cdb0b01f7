/**
 * End to end: `check --whole` (stdin and --file, parallel for a file when the
 * threshold allows), `--stats`, `--file` line mode, the lazy fallback past
 * --max-states, embeddings, and `bench --quick --json` (structure only —
 * tests never assert timings).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';
import { SHORT_CASES } from '../../src/bench/corpus.js';
import { compileRegex } from '../../src/language.js';

const dir = mkdtempSync(join(tmpdir(), 'wordflow-check-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('check --whole', () => {
  it('reads stdin as one string', () => {
    const yes = wordflow(['check', '(a|b)*abb', '--whole'], 'ab'.repeat(100_000) + 'abb');
    expect(yes.stdout).toBe('accept\t-\n');
    expect(yes.code).toBe(0);
    const no = wordflow(['check', '(a|b)*abb', '--whole'], 'ab'.repeat(100_000) + 'ab\n');
    expect(no.stdout).toBe('reject\t-\n');
    expect(no.code).toBe(1);
  });

  it('reads a file as one string, with --json and --stats', () => {
    const path = join(dir, 'big.txt');
    const text = '"' + 'abc 😀 é\\" '.repeat(200_000) + '"';
    writeFileSync(path, text);
    const r = wordflow(['check', '"([^"\\\\]|\\\\.)*"', '--whole', '--file', path, '--json', '--stats']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({ input: path, accept: true, bytes: Buffer.byteLength(text) });
    expect(r.stderr).toMatch(/^wordflow: [\d,]+ bytes, 1 string, [\d.]+ ms, [\d.]+ MB\/s/);
  });

  it('agrees with V8 on a file with astral characters, line by line with --file', () => {
    const path = join(dir, 'lines.txt');
    const lines = ['abc', '😀x', 'é😀é', '', 'X😀'];
    writeFileSync(path, lines.join('\n') + '\n');
    const r = wordflow(['check', '([a-zé]|😀)*', '--file', path]);
    const re = /^(?:([a-zé]|😀)*)$/su;
    expect(r.stdout).toBe(lines.map((s) => `${re.test(s) ? 'accept' : 'reject'}\t${s}\n`).join(''));
    expect(r.code).toBe(1);
  });

  it('reads a file past the parallel threshold (the built CLI starts its worker threads)', () => {
    // 16 MiB and more go to worker threads when there are two cores; the worker is a file of its own in dist/.
    const path = join(dir, 'parallel.txt');
    writeFileSync(path, 'ab'.repeat(8 << 20) + 'abb');
    const r = wordflow(['check', '(a|b)*abb', '--whole', '--file', path]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`accept\t${path}\n`);
    const no = wordflow(['check', '(a|b)*aab', '--whole', '--file', path]);
    expect(no.stdout).toBe(`reject\t${path}\n`);
  });

  it('reports a missing file as bad input', () => {
    const r = wordflow(['check', 'a*', '--whole', '--file', join(dir, 'nope.txt')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/cannot read .*nope\.txt: no such file/);
  });
});

describe('check past the state budget', () => {
  it('walks the DFA for a few short strings and compiles the matcher once lines add up, with the same verdicts', () => {
    const few = wordflow(['check', '[a-z]+@[a-z]+', 'ab@cd', 'ab', '--stats']);
    expect(few.stdout).toBe('accept\tab@cd\nreject\tab\n');
    expect(few.stderr).toMatch(/DFA walk/);
    // 40 000 lines of ASCII, é and astral letters (a lone surrogate reaches stdin as U+FFFD): some walked, the rest compiled.
    const lines = Array.from({ length: 40_000 }, (_, i) =>
      i % 3 === 0 ? `a${'😀'.repeat(i % 7)}@b` : i % 3 === 1 ? `x${i}@` : `${'é'.repeat(i % 5)}q@r\ud800`,
    );
    const re = /^(?:[a-zé😀]+@[a-z]+)$/su;
    const many = wordflow(['check', '[a-zé😀]+@[a-z]+', '--stats'], lines.join('\n') + '\n');
    expect(many.stderr).toMatch(/compiled matcher/);
    const want = lines.map((s) => `${re.test(s) ? 'accept' : 'reject'}\t${s}\n`).join('');
    expect(many.stdout).toBe(Buffer.from(want).toString());
  });

  it('answers (a|b)*a(a|b){30} with a lazy DFA', () => {
    const yes = 'b' + 'a' + 'b'.repeat(30);
    const no = 'a' + 'b'.repeat(31);
    const r = wordflow(['check', '(a|b)*a(a|b){30}', yes, no, '--stats']);
    expect(r.stdout).toBe(`accept\t${yes}\nreject\t${no}\n`);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/lazy DFA/);
  });

  it('still stops other commands at the budget, naming --max-states', () => {
    const r = wordflow(['dfa', '(a|b)*a(a|b){30}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-states/);
  });

  it('embeddings need the full DFA, so they stop at the budget', () => {
    const r = wordflow(['check', '(a|b)*a(a|b){30}', 'ab', '--embedding', 'transform']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-states/);
  });
});

describe('check with embeddings', () => {
  it('--embedding and --verify give the DFA verdicts, also in --jsonl', () => {
    const e = wordflow(['check', 'a*b', 'aab', 'ba', '--embedding', 'flow2d']);
    expect(e.stdout).toBe('accept\taab\nreject\tba\n');
    const v = wordflow(['check', 'a*b', 'aab', 'ba', '--verify']);
    expect(v.stdout).toBe('accept\taab\nreject\tba\n');
    const j = wordflow(
      ['check', '--jsonl', '--embedding', 'onehot'],
      '{"pattern":"a+","input":"aa"}\n{"pattern":"a+","input":"b"}\n{"pattern":"(","input":"b"}\n',
    );
    expect(
      j.stdout
        .trim()
        .split('\n')
        .map((l) => Object.keys(JSON.parse(l))[0]),
    ).toEqual(['accept', 'accept', 'error']);
    expect(j.stdout.split('\n').slice(0, 2)).toEqual(['{"accept":true,"line":1}', '{"accept":false,"line":2}']);
  });

  it('--whole with an embedding composes the maps across chunks', () => {
    const r = wordflow(['check', '(a|b)*abb', '--whole', '--verify'], 'ab'.repeat(50_000) + 'abb');
    expect(r.stdout).toBe('accept\t-\n');
    expect(r.code).toBe(0);
  });
});

describe('bench --quick --json', () => {
  it('reports every section with the documented structure', () => {
    // The quick benchmark takes ~30 s on a quiet machine and several times that on two loaded cores.
    const r = wordflow(
      ['bench', '--quick', '--json', '--size', '8', '--processes', '1', '--startup-pairs', '2'],
      undefined,
      {},
      300_000,
    );
    expect(r.code).toBe(0);
    const b = JSON.parse(r.stdout);
    expect(b.machine.quick).toBe(true);
    expect(b.throughput.rows.length).toBeGreaterThanOrEqual(8);
    for (const row of b.throughput.rows) {
      expect(typeof row.wordflow).toBe('number');
      expect(row.v8 === null ? typeof row.v8Error : typeof row.v8).toMatch(/number|string/);
    }
    expect(b.huge.rows.some((row: { v8Error: string | null }) => row.v8Error === 'stack overflow')).toBe(true);
    expect(b.short.processes).toBe(1);
    expect(b.short.rows.map((row: { name: string }) => row.name)).toContain('IPv4');
    expect(b.catastrophic.rows.map((row: { pattern: string }) => row.pattern)).toEqual([
      '(a+)+b',
      '(a|aa)*c',
      '(a|a?)+b',
    ]);
    for (const row of b.catastrophic.rows) expect(typeof row.v8Capped).toBe('boolean');
    expect(b.compile.realisticTiming.processes).toBe(1); // each compiler in one child process of its own
    const ipv4 = b.compile.realistic.find((row: { name: string }) => row.name === 'IPv4');
    // The row's states are those of its own pattern (the rows and the children's times line up by pattern).
    expect(ipv4.states).toBe(compileRegex(SHORT_CASES.find((c) => c.name === 'IPv4')!.pattern).states);
    for (const v of [ipv4.wordflowMs, ipv4.refaMs]) expect(v).toBeGreaterThan(0);
    expect(b.compile.blowUp[0].states).toBe(2 ** 13 + 1); // 2^13 live states and the dead state of the complete DFA
    expect(b.parallel.rows.length).toBe(2);
    for (const row of b.parallel.rows) expect(row.load).toBeGreaterThanOrEqual(0);
    expect(b.startup.pairs).toBe(2);
    for (const v of [b.startup.wordflowMs, b.startup.nodeMs, b.startup.ratio]) expect(v).toBeGreaterThan(0);
    expect(b.incremental.edits).toBeGreaterThan(0);
    expect(b.memory.bytes).toBeGreaterThanOrEqual(8 << 20);
    expect(b.embeddings.rows.map((row: { name: string }) => row.name)).toContain('flow2d');
    expect(b.matrix.map((row: { dimension: number; eps: number }) => [row.dimension, row.eps])).toEqual([
      [2, 1e-4],
      [2, 1e-8],
      [4, 1e-4],
      [4, 1e-8],
    ]);
    for (const row of b.matrix) expect(row.bound).toBeLessThanOrEqual(row.eps);
    expect(b.approx.rows).toEqual([]); // timed by the full run only
    expect(Array.isArray(b.notes)).toBe(true);
    // The whole quick suite runs here: on two loaded cores it has taken close to a minute.
  }, 320_000);
});
