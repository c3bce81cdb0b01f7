/** The DFA table with a run marked: brackets without colour, ANSI colour only when allowed, the steps per state. */
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/language.js';
import { highlightedTable } from '../../src/present/highlightTable.js';
import { runOf } from '../../src/present/run.js';

describe('highlightedTable', () => {
  const dfa = compileRegex('(a|b)*abb');

  it('brackets the cells the run uses and lists the steps spent in each state', () => {
    const text = highlightedTable(dfa, runOf(dfa, 'babb'));
    expect(text).not.toContain('\u001b[');
    const rows = text.split('\n');
    expect(rows[0]!.split(/\s+/).filter(Boolean)).toEqual(['state', 'other', 'a', 'b', 'run', 'at', 'step']);
    expect(rows[1]!.split(/\s+/).filter(Boolean)).toEqual(['→', '0', '4', '[1]', '[0]', '0,1']);
    expect(rows[2]!.split(/\s+/).filter(Boolean)).toEqual(['1', '4', '1', '[2]', '2']);
    expect(rows[3]!.split(/\s+/).filter(Boolean)).toEqual(['2', '4', '1', '[3]', '3']);
    expect(rows[4]!.split(/\s+/).filter(Boolean)).toEqual(['*', '3', '4', '1', '0', '4']);
    expect(rows[rows.length - 1]).toBe('"babb": 0 -b→ 0 -a→ 1 -b→ 2 -b→ 3: accepted');
  });

  it('with colour: the same cells coloured instead of bracketed, columns still aligned', () => {
    const text = highlightedTable(dfa, runOf(dfa, 'babb'), { colour: true });
    expect(text).not.toContain('[1]');
    expect(text.match(/\u001b\[1;4;33m/g)).toHaveLength(4);
    const plain = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
    const header = plain[0]!;
    expect(plain[1]!.indexOf('0,1')).toBe(header.indexOf('run at step'));
  });

  it('names letters by their class and elides long runs in the middle', () => {
    const digits = compileRegex('[0-9]+');
    expect(highlightedTable(digits, runOf(digits, '42')).split('\n').pop()).toBe(
      '"42": 0 -4∈[0-9]→ 1 -2∈[0-9]→ 1: accepted',
    );
    const long = highlightedTable(digits, runOf(digits, '1'.repeat(100)))
      .split('\n')
      .pop()!;
    expect(long).toContain('… (76 more steps) …');
    expect(long.endsWith(': accepted')).toBe(true);
  });
});
