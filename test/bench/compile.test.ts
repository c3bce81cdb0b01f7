/**
 * The realistic compile rows of `wordflow bench`: which patterns they time, how
 * the times of several processes combine into rows, what the output says about
 * how they were timed, and the child process's command line (structure only —
 * tests never assert timings).
 */
import { describe, expect, it } from 'vitest';
import { compileTimingNote } from '../../src/bench/render.js';
import { LONG_CASES, SHORT_CASES } from '../../src/bench/corpus.js';
import {
  compileTimes,
  type CompileTimes,
  realisticCompileRounds,
  realisticCompileRows,
  REALISTIC_COMPILES,
} from '../../src/bench/suite.js';
import { wordflow } from '../support/cli.js';

describe('REALISTIC_COMPILES', () => {
  it('holds every long- and short-input pattern once, named as in its first case', () => {
    const patterns = REALISTIC_COMPILES.map((c) => c.pattern);
    expect(new Set(patterns).size).toBe(patterns.length);
    expect(new Set(patterns)).toEqual(new Set([...LONG_CASES, ...SHORT_CASES].map((c) => c.pattern)));
    const names = REALISTIC_COMPILES.map((c) => c.name);
    expect(names.slice(0, 3)).toEqual(['identifier', 'number', 'email']);
    expect(names).toContain('IPv4');
    expect(names.filter((n) => n === 'C string')).toHaveLength(1);
  });
});

describe('realisticCompileRows', () => {
  const n = REALISTIC_COMPILES.length;
  const times = (compiler: 'wordflow' | 'refa', first: number): CompileTimes => ({
    compiler,
    ms: REALISTIC_COMPILES.map((_, i) => (i === 0 ? first : 1)),
  });
  const states = REALISTIC_COMPILES.map((_, i) => i + 2);

  it('takes per pattern the median over each compiler’s processes, in any order of the runs', () => {
    const runs = [times('wordflow', 2), times('refa', 9), times('refa', 3), times('wordflow', 8), times('wordflow', 4)];
    const rows = realisticCompileRows(runs, states);
    expect(rows).toHaveLength(n);
    expect(rows[0]).toEqual({ name: 'identifier', states: 2, wordflowMs: 4, refaMs: 6, speedup: 1.5 });
    expect(rows[1]).toEqual({ name: 'number', states: 3, wordflowMs: 1, refaMs: 1, speedup: 1 });
  });

  it('leaves refa’s columns empty when refa is not installed', () => {
    const rows = realisticCompileRows([times('wordflow', 2), { compiler: 'refa', ms: null }], states);
    expect(rows[0]).toEqual({ name: 'identifier', states: 2, wordflowMs: 2, refaMs: null, speedup: null });
  });

  it('needs a wordflow run', () => {
    expect(() => realisticCompileRows([times('refa', 1)], states)).toThrow(/no wordflow compile times/);
  });
});

describe('compileTimes', () => {
  it('times wordflow on every realistic pattern in this process', async () => {
    const t = await compileTimes('wordflow', true);
    expect(t.compiler).toBe('wordflow');
    expect(t.ms).toHaveLength(REALISTIC_COMPILES.length);
    for (const ms of t.ms!) expect(ms).toBeGreaterThan(0);
  });

  it('runs fewer rounds in a quick run', () => {
    const quick = realisticCompileRounds(true);
    const full = realisticCompileRounds(false);
    expect(quick.timedRounds).toBeLessThan(full.timedRounds);
    expect(quick.warmUpRounds).toBeLessThan(full.warmUpRounds);
  });
});

describe('compileTimingNote', () => {
  it('says how many processes each compiler had, and the rounds', () => {
    expect(compileTimingNote({ processes: 3, warmUpRounds: 30, timedRounds: 15 })).toBe(
      'realistic patterns: each compiler in 3 fresh processes of its own (which compiler starts alternating); ' +
        'in each, 30 untimed rounds through all patterns, then 15 timed ones; per pattern the median of its 15 ' +
        'times, then the median over the processes. Blow-up family (k = …): both compilers in this process, ' +
        'one after the other, after a warm-up on k = 10',
    );
    expect(compileTimingNote({ processes: 1, warmUpRounds: 30, timedRounds: 15 })).toContain('in 1 fresh process of');
    expect(compileTimingNote({ processes: 0, warmUpRounds: 10, timedRounds: 7 })).toMatch(
      /^realistic patterns: each compiler in this process, one after the other: 10 untimed rounds .* its 7 times\. /,
    );
  });
});

describe('bench --compile-child', () => {
  it('prints one compiler’s times as one JSON line', () => {
    const r = wordflow(['bench', '--compile-child', 'refa', '--quick'], undefined, {}, 120_000);
    expect(r.code).toBe(0);
    const t = JSON.parse(r.stdout) as CompileTimes;
    expect(t.compiler).toBe('refa');
    expect(t.ms).toHaveLength(REALISTIC_COMPILES.length);
  }, 130_000);

  it('refuses a compiler it does not know, as a usage error', () => {
    const r = wordflow(['bench', '--compile-child', 're2js']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--compile-child takes wordflow or refa, not "re2js"');
    expect(r.stderr).not.toMatch(/at .*\.js:\d+/);
  });
});
