/**
 * What the built CLI loads to start: the Unicode property table (a costly
 * parse, see src/syntax/regex/propertyTable.ts) only when a pattern names a
 * property, and then from its own file; the answers are the same either way.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the built CLI with a preload that lists the files it loaded through require(). */
function required(args: readonly string[]): { stdout: string; files: string[] } {
  const r = spawnSync(
    process.execPath,
    ['--import', './test/support/record-requires.mjs', 'dist/cli/main.js', ...args],
    { cwd: root, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } },
  );
  const files = r.stderr
    .split('\n')
    .filter((line) => line.startsWith('required '))
    .map((line) => line.slice('required '.length));
  return { stdout: r.stdout, files };
}

describe('the property table', () => {
  it('is not loaded by a pattern without \\p', () => {
    const run = required(['check', '(a|b)*abb', 'abb']);
    expect(run.stdout).toBe('accept\tabb\n');
    expect(run.files.filter((f) => f.endsWith('properties.cjs'))).toEqual([]);
  });

  it('is loaded from dist/cli/properties.cjs by the first \\p{…}', () => {
    const run = required(['check', '\\p{Script=Greek}+', 'αβγ']);
    expect(run.stdout).toBe('accept\tαβγ\n');
    expect(run.files.filter((f) => f.endsWith('properties.cjs'))).toEqual([`${root}dist/cli/properties.cjs`]);
  });

  it('gives the same sets in the CLI as V8: scripts, script extensions, categories and binary properties', () => {
    const cases: [string, string, boolean][] = [
      ['\\p{sc=Greek}', 'α', true],
      ['\\p{sc=Greek}', 'a', false],
      ['\\p{scx=Deva}', '\u0964', true], // DEVANAGARI DANDA: Common script, Devanagari among its extensions
      ['\\p{sc=Deva}', '\u0964', false],
      ['\\p{Lu}', 'A', true],
      ['\\p{Uppercase_Letter}', 'a', false],
      ['\\p{Emoji_Presentation}', '😀', true],
      ['\\P{ASCII_Hex_Digit}', 'f', false],
    ];
    for (const [pattern, input, accept] of cases) {
      // The oracle is V8 on fixed test data, never on user text.
      expect(new RegExp(`^${pattern}$`, 'u').test(input), `${pattern} on ${input}`).toBe(accept);
      const r = wordflow(['check', pattern, input]);
      expect(r.stdout, `${pattern} on ${input}`).toBe(`${accept ? 'accept' : 'reject'}\t${input}\n`);
    }
  });

  it('names properties when the regex command prints them', () => {
    expect(wordflow(['regex', '\\p{Script=Grek}']).stdout).toBe('\\p{sc=Greek}\n');
    expect(wordflow(['regex', '\\p{Uppercase_Letter}']).stdout).toBe('\\p{Lu}\n');
  });
});
