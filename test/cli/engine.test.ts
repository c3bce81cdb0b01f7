/** End-to-end tests of the engine's commands: output and exit codes per the documented contract (README, schemas/). */
import { describe, expect, it } from 'vitest';
import { conversation, wordflow } from '../support/cli.js';

describe('wordflow check', () => {
  it('prints accept/reject per argument and exits 1 when one is rejected', () => {
    const r = wordflow(['check', '(a|b)*abb', 'abb', 'ab']);
    expect(r.stdout).toBe('accept\tabb\nreject\tab\n');
    expect(r.code).toBe(1);
  });

  it('exits 0 when all are accepted', () => {
    expect(wordflow(['check', 'a+', 'a', 'aaa']).code).toBe(0);
  });

  it('answers each line while stdin is still open (a pipe from tail -f), in line mode and with --jsonl', async () => {
    const lines = conversation(['check', '[a-z]+']);
    expect(await lines.ask('abc')).toBe('accept\tabc');
    expect(await lines.ask('9x')).toBe('reject\t9x');
    expect(await lines.close()).toBe(1);
    const json = conversation(['check', '--jsonl']);
    expect(await json.ask('{"pattern":"a+","input":"aa"}')).toBe('{"accept":true,"line":1}');
    expect(await json.ask('{"pattern":"a+","input":"b"}')).toBe('{"accept":false,"line":2}');
    expect(await json.close()).toBe(1);
  });

  it('reads one string per line from stdin; a final newline adds no empty string', () => {
    const r = wordflow(['check', 'a*'], 'a\n\nb\n');
    expect(r.stdout).toBe('accept\ta\naccept\t\nreject\tb\n');
    expect(r.code).toBe(1);
  });

  it('reads NUL-separated strings with --null', () => {
    const r = wordflow(['check', '--null', 'a\nb'], 'a\nb\0x\0');
    expect(r.stdout).toBe('accept\ta\nb\nreject\tx\n');
  });

  it('prints JSON with --json', () => {
    const r = wordflow(['check', '--json', 'ab', 'ab', 'b']);
    expect(
      r.stdout
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l)),
    ).toEqual([
      { input: 'ab', accept: true },
      { input: 'b', accept: false },
    ]);
  });

  it('answers JSON lines with --jsonl, one bad line never stopping the stream', () => {
    const input = [
      JSON.stringify({ pattern: 'a+', input: 'aa' }),
      JSON.stringify({ pattern: '(', input: 'x' }),
      'not json',
      JSON.stringify({ pattern: 'a+', input: 'b' }),
      JSON.stringify({ fa: 'grammars/examples/parity.fa', input: 'aa' }),
    ].join('\n');
    const lines = wordflow(['check', '--jsonl'], input)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(5);
    expect(lines[0]).toEqual({ accept: true, line: 1 });
    expect(lines[1].error).toMatch(/unclosed group/);
    expect(lines[2].error).toMatch(/JSON/);
    expect(lines[3]).toEqual({ accept: false, line: 4 });
    expect(lines[4]).toEqual({ accept: true, line: 5 });
  });

  it('reads an automaton file with --fa', () => {
    const r = wordflow(['check', '--fa', 'grammars/examples/parity.fa', 'aa', 'a']);
    expect(r.stdout).toBe('accept\taa\nreject\ta\n');
  });

  it('gives a positioned message and exit 2 for a malformed pattern, never a stack trace', () => {
    const r = wordflow(['check', 'ab(c', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/unclosed group opened at column 3/);
    expect(r.stderr).toContain('^');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('stops at the state budget naming --max-states', () => {
    const r = wordflow(['dfa', '(a|b)*a(a|b){30}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-states/);
  });

  it('answers past --max-states with a lazy DFA, for automaton files too', () => {
    const r = wordflow(['check', '--fa', 'grammars/examples/third_last.fa', '--max-states', '3', '0100', '0010', '1']);
    expect(r.stdout).toBe('accept\t0100\nreject\t0010\nreject\t1\n');
    expect(r.code).toBe(1);
  });

  it('rejects unknown options with exit 2', () => {
    expect(wordflow(['check', '--frobnicate', 'a']).code).toBe(2);
  });
});

describe('wordflow dfa', () => {
  it('prints the contract JSON: 16 live states plus the dead state', () => {
    const r = wordflow(['dfa', '(a|b)*a(a|b){3}', '--format', 'json']);
    expect(r.code).toBe(0);
    const j = JSON.parse(r.stdout);
    expect(j.states).toBe(17);
    expect(j.dead).toBe(16);
    expect(j.start).toBe(0);
    expect(j.delta).toHaveLength(17);
    expect(j.classes.map((c: { label: string }) => c.label)).toEqual(['other', 'a', 'b']);
    for (const row of j.delta) expect(row).toHaveLength(3);
    expect(j.accept).toHaveLength(8);
  });

  it('prints a readable table', () => {
    const r = wordflow(['dfa', '(a|b)*abb']);
    expect(r.stdout).toMatch(/state\s+other\s+a\s+b/);
    expect(r.stdout.trim().split('\n')).toHaveLength(6); // header + 4 live states + dead
  });

  it('shows the subset construction with --no-minimize', () => {
    const min = JSON.parse(wordflow(['dfa', 'a|ab|abc', '--json']).stdout);
    const raw = JSON.parse(wordflow(['dfa', 'a|ab|abc', '--json', '--no-minimize']).stdout);
    expect(raw.states).toBeGreaterThanOrEqual(min.states);
  });
});

describe('wordflow equiv', () => {
  it('says equal and exits 0', () => {
    const r = wordflow(['equiv', '(a|b)*', '(a*b*)*']);
    expect(r.stdout.trim()).toBe('equal');
    expect(r.code).toBe(0);
  });

  it('gives the shortest witness and its side, exit 1', () => {
    const r = wordflow(['equiv', '--json', '(ab)*', '(ab)*|ba']);
    expect(JSON.parse(r.stdout)).toEqual({ equal: false, witness: 'ba', in: 'B' });
    expect(r.code).toBe(1);
    expect(wordflow(['equiv', 'a*', 'a+']).stdout).toMatch(/"" is in A only/);
  });
});

describe('wordflow enum, count, sample', () => {
  it('enumerates in shortlex order with --limit', () => {
    const r = wordflow(['enum', '(a|b)*abb', '--limit', '4']);
    expect(r.stdout).toBe('abb\naabb\nbabb\naaabb\n');
  });

  it('prints long listings whole and in order across its output batches', () => {
    // Shortlex over {a, b}, written out independently: the length-n block is the n-bit binary numbers, a = 0.
    const expected: string[] = [];
    for (let n = 1; expected.length < 50_000; n++) {
      for (let i = 0; i < 2 ** n && expected.length < 50_000; i++)
        expected.push(i.toString(2).padStart(n, '0').replace(/0/g, 'a').replace(/1/g, 'b'));
    }
    const r = wordflow(['enum', '[ab]+', '--limit', '50000']);
    expect(r.code).toBe(0);
    expect(r.stdout).toBe(expected.join('\n') + '\n');
  });

  it('exits 1 for an empty language', () => {
    expect(wordflow(['enum', 'a&b']).code).toBe(1);
  });

  it('counts exactly, with arbitrary precision', () => {
    expect(wordflow(['count', '[01]*', '--length', '100']).stdout.trim()).toBe((2n ** 100n).toString());
    expect(wordflow(['count', '(a|b)*a(a|b){3}', '--length', '10']).stdout.trim()).toBe('512');
  });

  it('samples members of the length asked, reproducibly', () => {
    const a = wordflow(['sample', '[ab]*c', '--length', '5', '--n', '4', '--seed', '3']);
    expect(a.code).toBe(0);
    const lines = a.stdout.trim().split('\n');
    expect(lines).toHaveLength(4);
    for (const l of lines) expect(l).toMatch(/^[ab]{4}c$/);
    expect(wordflow(['sample', '[ab]*c', '--length', '5', '--n', '4', '--seed', '3']).stdout).toBe(a.stdout);
    expect(wordflow(['sample', 'a{2}', '--length', '3']).code).toBe(1);
  });
});

describe('wordflow regex', () => {
  it('turns an automaton file into an equivalent expression', () => {
    const r = wordflow(['regex', '--fa', 'grammars/examples/parity.fa']);
    expect(r.code).toBe(0);
    const back = wordflow(['equiv', r.stdout.trim(), '(b*ab*a)*b*&[ab]*']);
    expect(back.stdout.trim()).toBe('equal');
  });
});
