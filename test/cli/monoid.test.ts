/** `wordflow monoid`: sizes, shortest words and aperiodicity of known monoids. */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

describe('wordflow monoid', () => {
  it('(ab)*: six elements by shortest word, aperiodic, hence star-free', () => {
    const r = wordflow(['monoid', '(ab)*']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^transition monoid of a 3-state DFA: 6 elements, 4 idempotent$/m);
    expect(r.stdout).toMatch(/^aperiodic, k = 2: x² = x³ for every element x .* star-free/m);
    expect(r.stdout).toMatch(/^ {2}ε +0→0 1→1 2→2 {2}\(identity, idempotent\)$/m);
    expect(r.stdout).toMatch(/^ {2}other +0→2 1→2 2→2 {2}\(zero, idempotent\)$/m);
    const m = JSON.parse(wordflow(['monoid', '(ab)*', '--json']).stdout);
    expect(m.size).toBe(6);
    expect(m.aperiodic).toBe(true);
    expect(m.elements.map((e: { word: string }) => e.word)).toEqual(['ε', 'other', 'a', 'b', 'ab', 'ba']);
    expect(m.table).toHaveLength(6);
  });

  it('(aa)*: three elements and a cycle of period 2 — not star-free', () => {
    const m = JSON.parse(wordflow(['monoid', '(aa)*', '--json']).stdout);
    expect(m).toMatchObject({ size: 3, aperiodic: false, starFree: false, periodicWitness: 'a' });
    const text = wordflow(['monoid', '(aa)*']).stdout;
    expect(text).toMatch(/^not aperiodic: a² = ε ≠ a — the powers of a repeat with period 2$/m);
    expect(text).toMatch(/^ {2}the group they live in: \{ε, a\} ≅ ℤ2 \(cyclic of order 2\), with identity ε$/m);
  });

  it('mult3: the group S3, in text and JSON', () => {
    const text = wordflow(['monoid', '--fa', 'grammars/examples/mult3.fa']).stdout;
    expect(text).toMatch(/≅ S3 \(all 6 permutations of 3 states\)/);
    const m = JSON.parse(wordflow(['monoid', '--fa', 'grammars/examples/mult3.fa', '--json']).stdout);
    expect(m.witness).toEqual({ word: '0', index: 0, period: 2 });
    expect(m.group).toMatchObject({ name: 'S3', order: 6, identity: 'ε' });
    expect(m.zero).toBe('other');
  });

  it('--limit lists fewer elements; --max-monoid stops a large monoid with exit 2', () => {
    const r = wordflow(['monoid', '(a|b)*a(a|b){2}', '--limit', '3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/… \d+ more \(--limit \d+ to list all\)/);
    const big = wordflow(['monoid', '(a|b)*a(a|b){2}', '--max-monoid', '5']);
    expect(big.code).toBe(2);
    expect(big.stderr).toMatch(/--max-monoid/);
    expect(big.stdout).toBe('');
  });
});
