/**
 * The picture and format flags of the built CLI: `dfa --format dot|svg`,
 * `--highlight`, `--show-dead`, `trace --format svg`, `--output FILE` on
 * dfa, trace and compile, their errors (exit 2 with a message), no colour
 * and no progress output where they do not belong, and examples in every
 * command's help.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';
import { PATTERN_COMMANDS } from '../support/commands.js';
import { byName, parseXml } from './xml.js';

const dir = mkdtempSync(join(tmpdir(), 'wordflow-pictures-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('wordflow dfa pictures', () => {
  it('--format dot prints a digraph with the accepting state doubled', () => {
    const r = wordflow(['dfa', '(a|b)*abb', '--format', 'dot']);
    expect(r.code).toBe(0);
    expect(r.stdout.startsWith('digraph dfa {')).toBe(true);
    expect(r.stdout).toMatch(/^ {2}q3 \[label="3", shape="doublecircle"/m);
    expect(r.stdout).not.toMatch(/^ {2}q4 /m);
    expect(wordflow(['dfa', '(a|b)*abb', '--format', 'dot', '--show-dead']).stdout).toMatch(/^ {2}q4 \[label="4†"/m);
  });

  it('--format svg prints an SVG document; --output writes the same to a file', () => {
    const r = wordflow(['dfa', '(a|b)*abb', '--format', 'svg', '--highlight', 'babb']);
    expect(r.code).toBe(0);
    expect(parseXml(r.stdout).name).toBe('svg');
    const file = join(dir, 'abb.svg');
    const w = wordflow(['dfa', '(a|b)*abb', '--format', 'svg', '--highlight', 'babb', '--output', file]);
    expect(w.code).toBe(0);
    expect(w.stdout).toBe('');
    expect(readFileSync(file, 'utf8')).toBe(r.stdout);
  });

  it('--output works for every format, and overwrites', () => {
    for (const format of ['table', 'json', 'dot']) {
      const file = join(dir, `dfa.${format}`);
      expect(wordflow(['dfa', 'x', '--format', format, '-o', file]).code).toBe(0);
      expect(wordflow(['dfa', 'ab*', '--format', format, '-o', file]).code).toBe(0);
      expect(readFileSync(file, 'utf8')).toBe(wordflow(['dfa', 'ab*', '--format', format]).stdout);
    }
  });

  it('a file that cannot be written is exit 2 with the reason', () => {
    const r = wordflow(['dfa', 'a', '--format', 'svg', '--output', join(dir, 'missing', 'x.svg')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`wordflow: cannot write ${join(dir, 'missing', 'x.svg')}: no such directory\n`);
    expect(wordflow(['dfa', 'a', '--output', dir]).stderr).toContain('it is a directory');
  });

  it('--highlight marks the table with brackets, not colour, when NO_COLOR is set or stdout is a pipe', () => {
    for (const env of [{ NO_COLOR: '1' }, { NO_COLOR: '' }]) {
      const r = wordflow(['dfa', '(a|b)*abb', '--highlight', 'babb'], '', env);
      expect(r.code).toBe(0);
      expect(r.stdout).not.toContain('\u001b');
      expect(r.stdout).toContain('[1]');
      expect(r.stdout).toContain('"babb": 0 -b→ 0 -a→ 1 -b→ 2 -b→ 3: accepted');
    }
  });

  it('rejects unknown formats, --highlight with json, and graphs past --max-draw-states', () => {
    expect(wordflow(['dfa', 'a', '--format', 'png'])).toMatchObject({
      code: 2,
      stderr: expect.stringContaining("unknown format 'png'"),
    });
    expect(wordflow(['dfa', 'a', '--json', '--highlight', 'a']).code).toBe(2);
    const big = wordflow(['dfa', '(a|b)*a(a|b){4}', '--format', 'svg', '--max-draw-states', '10']);
    expect(big.code).toBe(2);
    expect(big.stderr).toContain('the DFA has 32 states to draw, more than --max-draw-states 10');
  });

  it('never draws progress when stderr is not a terminal, even for a large DFA', () => {
    const r = wordflow([
      'dfa',
      '(a|b)*a(a|b){15}',
      '--format',
      'json',
      '--max-states',
      '200000',
      '-o',
      join(dir, 'big.json'),
    ]);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect((JSON.parse(readFileSync(join(dir, 'big.json'), 'utf8')) as { states: number }).states).toBe(2 ** 16 + 1);
  });
});

describe('wordflow trace --format svg', () => {
  it('draws one string for each embedding, to stdout or --output', () => {
    for (const embedding of ['flow2d', 'relu1d', 'onehot', 'sigmoid', 'transform']) {
      const file = join(dir, `trace-${embedding}.svg`);
      const r = wordflow(['trace', '(a|b)*abb', 'babb', '--embedding', embedding, '--format', 'svg', '-o', file]);
      expect(r.code, r.stderr).toBe(0);
      const root = parseXml(readFileSync(file, 'utf8'));
      expect(byName(root, 'title')[0]!.text).toBe(`${embedding}: "babb" in (a|b)*abb`);
    }
  });

  it('exits 1 for a rejected string but still draws it; reads the string from stdin', () => {
    const r = wordflow(['trace', '(a|b)*abb', '--format', 'svg'], 'abba\n');
    expect(r.code).toBe(1);
    expect(byName(parseXml(r.stdout), 'title')[0]!.text).toBe('flow2d: "abba" in (a|b)*abb');
  });

  it('draws exactly one string', () => {
    const r = wordflow(['trace', 'a*', 'a', 'aa', '--format', 'svg']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('wordflow: --format svg draws one string; got 2\n');
  });

  it('--output collects text and JSON traces of several strings into one file', () => {
    const file = join(dir, 'trace.jsonl');
    expect(wordflow(['trace', 'a*', 'a', 'aa', '--json', '--output', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(wordflow(['trace', 'a*', 'a', 'aa', '--json']).stdout);
    const text = join(dir, 'trace.txt');
    expect(wordflow(['trace', 'a*', 'a', 'aa', '--output', text]).code).toBe(0);
    expect(readFileSync(text, 'utf8')).toBe(wordflow(['trace', 'a*', 'a', 'aa']).stdout);
  });
});

describe('wordflow compile --output', () => {
  it('writes the vocabulary JSON to the file', () => {
    const file = join(dir, 'v.json');
    expect(wordflow(['compile', '[0-9]+', '--embedding', 'onehot', '--json', '--output', file]).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(wordflow(['compile', '[0-9]+', '--embedding', 'onehot', '--json']).stdout);
  });
});

describe('--help', () => {
  for (const command of [...PATTERN_COMMANDS, 'matrix', 'bench']) {
    it(`wordflow ${command} --help shows examples of itself`, () => {
      const r = wordflow([command, '--help']);
      expect(r.code).toBe(0);
      // The default command `play` is also run as plain `wordflow`.
      const invocation = command === 'play' ? 'wordflow(?: play)?\\b' : `wordflow ${command}\\b`;
      expect(r.stdout).toMatch(new RegExp(`Examples:\\n(?:.*\\n)*? {2}\\$ ${invocation}`));
    });
  }
});
