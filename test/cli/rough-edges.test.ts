/** Command-line rough edges: unknown commands, limit flags in every help, option names, trace tables. */
import { describe, expect, it } from 'vitest';
import { closestCommand, editDistance, unknownCommandMessage } from '../../src/cli/suggest.js';
import { textWidth } from '../../src/present/width.js';
import { wordflow } from '../support/cli.js';
import { PATTERN_COMMANDS } from '../support/commands.js';

const COMMANDS = [...PATTERN_COMMANDS, 'bench', 'help'];

describe('unknown commands', () => {
  it('edit distance counts a swap of neighbours as one edit', () => {
    expect(editDistance('chekc', 'check')).toBe(1);
    expect(editDistance('enumm', 'enum')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('kitten', 'sitting')).toBe(3);
  });

  it('suggests the closest command only when it is close', () => {
    expect(closestCommand('enumm', COMMANDS)).toBe('enum');
    expect(closestCommand('chekc', COMMANDS)).toBe('check');
    expect(closestCommand('Monoid', COMMANDS)).toBe('monoid');
    expect(closestCommand('(a|b)*', COMMANDS)).toBeNull();
    expect(closestCommand('ab', COMMANDS)).toBeNull();
    expect(unknownCommandMessage(['check', 'a'], COMMANDS)).toBeNull();
    expect(unknownCommandMessage(['--help'], COMMANDS)).toBeNull();
    expect(unknownCommandMessage([], COMMANDS)).toBeNull();
  });

  it('`wordflow enumm` and `wordflow chekc x y` exit 2 with a suggestion, whatever the terminal', () => {
    const r = wordflow(['enumm']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe(
      "wordflow: unknown command 'enumm' — did you mean enum? (the playground on a pattern is `wordflow play PATTERN`)\n",
    );
    const c = wordflow(['chekc', 'x', 'y']);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/^wordflow: unknown command 'chekc' — did you mean check\?/);
    const p = wordflow(['(a|b)*']);
    expect(p.code).toBe(2);
    expect(p.stderr).toBe(
      "wordflow: unknown command '(a|b)*' (the playground on a pattern is `wordflow play PATTERN`)\n",
    );
  });
});

describe('help', () => {
  const help = (command: string): string => wordflow([command, '--help']).stdout;
  const LANGUAGE_FLAGS = ['--max-length', '--max-depth', '--max-repeat', '--max-states', '--max-nfa-states'];

  it('every command that reads a pattern lists every limit it can hit', () => {
    for (const command of PATTERN_COMMANDS) {
      const text = help(command);
      for (const flag of LANGUAGE_FLAGS) expect(text, `${command} --help`).toContain(`${flag} <n>`);
      expect(text.includes('--max-monoid'), `${command} --help`).toBe(command === 'monoid' || command === 'play');
      expect(text.includes('--max-enum-length'), `${command} --help`).toBe(
        ['enum', 'count', 'sample', 'play'].includes(command),
      );
    }
  });

  it('play --help shows the live budgets it really uses', () => {
    const text = help('play').replace(/\s+/g, ' ');
    expect(text).toMatch(/--max-states <n> most DFA states built \(default 20000\)/);
    expect(text).toMatch(/--max-nfa-states <n> most NFA states built \(default 200000\)/);
    expect(text).toMatch(/--max-monoid <n> most transition-monoid elements \(default 5000\)/);
  });

  it('hidden limit flags are still accepted', () => {
    expect(wordflow(['check', 'a', 'a', '--max-monoid', '10']).code).toBe(0);
  });
});

describe('option names', () => {
  it('sample takes --limit like enum and monoid; --n stays as the old spelling', () => {
    const limit = wordflow(['sample', '[ab]*c', '--length', '5', '--limit', '4', '--seed', '3']);
    expect(limit.code).toBe(0);
    expect(limit.stdout.trim().split('\n')).toHaveLength(4);
    expect(wordflow(['sample', '[ab]*c', '--length', '5', '--n', '4', '--seed', '3']).stdout).toBe(limit.stdout);
    const both = wordflow(['sample', '[ab]*c', '--length', '5', '--n', '4', '--limit', '4']);
    expect(both.code).toBe(2);
    expect(both.stderr).toMatch(/--limit or its old spelling --n, not both/);
    expect(help('sample')).toContain('--limit <k>');
    expect(help('sample')).not.toContain('--n <k>');
  });

  function help(command: string): string {
    return wordflow([command, '--help']).stdout;
  }
});

describe('trace tables', () => {
  it('several strings: each table is headed by its string', () => {
    const r = wordflow(['trace', '(a|b)*abb', 'abb', 'ab', '--embedding', 'transform']);
    expect(r.stdout).toMatch(/^string 1: "abb"\nstep/m);
    expect(r.stdout).toMatch(/\n\nstring 2: "ab"\nstep/);
    const one = wordflow(['trace', '(a|b)*abb', 'abb', '--embedding', 'transform']);
    expect(one.stdout).toMatch(/^step/);
  });

  it('columns line up by display width: an emoji takes two cells', () => {
    const r = wordflow(['trace', '.*', 'a😀b', '--embedding', 'transform']);
    const rows = r.stdout.split('\n').filter((l) => /^\d/.test(l) || l.startsWith('step'));
    expect(rows).toHaveLength(5);
    // The region column starts at the same display column on every row, the emoji's included.
    const regionColumn = (line: string): number => textWidth(line.slice(0, line.search(/R_0|region/)));
    expect(new Set(rows.map(regionColumn)).size).toBe(1);
  });
});
