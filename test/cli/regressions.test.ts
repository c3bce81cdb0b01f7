/**
 * One regression test per defect of the hostile-use report (issue 15), each
 * named after its bug. The CLI tests run the built CLI (`npm run build`).
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { countMembers } from '../../src/automata/count.js';
import { sampleMembers } from '../../src/automata/sample.js';
import { regexOfDfa } from '../../src/automata/toRegex.js';
import { fileError, intOption } from '../../src/cli/common.js';
import { records } from '../../src/cli/input.js';
import { formatError, WordflowError } from '../../src/errors.js';
import { compileRegex } from '../../src/language.js';
import { limits } from '../../src/limits.js';
import { el } from '../../src/present/xml.js';
import { wordflow } from '../support/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'wordflow-regressions-'));

async function collect(stream: Readable): Promise<string[]> {
  const out: string[] = [];
  for await (const r of records(stream)) out.push(r);
  return out;
}

describe('issue 15 regressions', () => {
  it('test_bug_count_rolling_layers: counts are exact at lengths whose table would not fit', () => {
    // Members of length n of (a|b)*a(a|b){k}: the letter k+1 from the end is an a, the rest free.
    const dfa = compileRegex('(a|b)*a(a|b){10}');
    expect(countMembers(dfa, 3000)).toBe(2n ** 2999n);
    expect(countMembers(compileRegex('[a-z]*'), 5000)).toBe(26n ** 5000n);
    expect(() => countMembers(dfa, 20_000, limits({ maxEnumLength: 100_000, maxCountCells: 1_000_000 }))).toThrow(
      /--max-count-cells/,
    );
  });

  it('test_bug_sample_checkpoints: samples through several recomputed blocks are members of the right length', () => {
    const dfa = compileRegex('(a|b)*a(a|b){3}');
    const members = sampleMembers(dfa, 1500, 4, 99);
    expect(members).toHaveLength(4);
    for (const s of members) {
      expect(s).toHaveLength(1500);
      expect(s[s.length - 4]).toBe('a');
      expect(/^[ab]*$/.test(s)).toBe(true);
    }
    expect(sampleMembers(dfa, 1500, 4, 99)).toEqual(members);
  });

  it('test_bug_regex_blowup: regex names --max-regex-size instead of running on', () => {
    expect(() => regexOfDfa(compileRegex('(a|b)*a(a|b){5}'))).toThrow(/expression size.*--max-regex-size/);
    const r = wordflow(['regex', '(a|b)*a(a|b){5}']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-regex-size/);
    const small = wordflow(['regex', '(a|b)*a(a|b){2}']);
    expect(small.code).toBe(0);
    expect(wordflow(['equiv', small.stdout.trim(), '(a|b)*a(a|b){2}']).stdout.trim()).toBe('equal');
  });

  it('test_bug_u_brace_leading_zeros: \\u{00000061} is a, \\u{12345678} an error with a caret', () => {
    expect(wordflow(['check', '\\u{00000061}', 'a']).code).toBe(0);
    const bad = wordflow(['check', '\\u{12345678}', 'a']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/beyond the last code point U\+10FFFF/);
    expect(bad.stderr).toMatch(/\^{12}/);
    const fa = join(dir, 'u.fa');
    writeFileSync(fa, 'start 0\naccept 1\n0 -\\u{00000061}-> 1\n');
    expect(wordflow(['check', '--fa', fa, 'a']).code).toBe(0);
    writeFileSync(fa, 'start 0\naccept 1\n0 -\\u{12345678}-> 1\n');
    expect(wordflow(['check', '--fa', fa, 'a']).stderr).toMatch(/U\+10FFFF[^]*\^/);
  });

  it('test_bug_long_line_chunks: one line spread over many chunks is one record, CR before LF dropped', async () => {
    const chunks = Array.from({ length: 5000 }, (_, i) => (i % 2 === 0 ? 'ab' : 'ba'));
    expect(await collect(Readable.from([...chunks, '\r\n', 'x\r']))).toEqual([chunks.join(''), 'x\r']);
    const line = 'a'.repeat(400_000);
    const r = wordflow(['check', 'a*'], line + '\n');
    expect(r.code).toBe(0);
    expect(r.stdout.length).toBe(line.length + 'accept\t\n'.length);
  });

  it('test_bug_enum_silent_no: enum names the limit when the members are too long', () => {
    const r = wordflow(['enum', '(a{1000}){11}']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/--max-enum-length/);
    expect(wordflow(['enum', '[]']).code).toBe(1);
    expect(wordflow(['enum', 'a{3}|b']).stdout).toBe('b\naaa\n');
  });

  it('test_bug_trace_samples_unbounded: --samples past --max-samples is a limit', () => {
    const r = wordflow(['trace', 'a', 'a', '--json', '--samples', '100000000']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-samples/);
    expect(wordflow(['trace', 'a', 'a', '--json', '--samples', '8']).code).toBe(0);
  });

  it('test_bug_anchor_after_class_paren: ( and ) inside a class are not groups for the anchor scan', () => {
    expect(wordflow(['check', '[(]$', '(']).code).toBe(0);
    expect(wordflow(['check', '[(]|^b', 'b']).code).toBe(0);
    expect(wordflow(['check', 'a|[(]$', 'a']).code).toBe(0);
    expect(wordflow(['check', '([)])$', ')']).code).toBe(0);
    expect(wordflow(['check', 'a$b', 'ab']).code).toBe(2);
  });

  it('test_bug_jsonl_empty_lines: every input line is answered, in order, with its number', () => {
    const input =
      ['{"pattern":"a","input":"a"}', '', '{"pattern":"a","input":"b"}', '   ', '{"pattern":"a","input":"a"}'].join(
        '\n',
      ) + '\n';
    const lines = wordflow(['check', '--jsonl'], input)
      .stdout.trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines.map((l) => l.line)).toEqual([1, 2, 3, 4, 5]);
    expect(lines[0]).toEqual({ accept: true, line: 1 });
    expect(lines[1]!.error).toMatch(/empty line/);
    expect(lines[2]).toEqual({ accept: false, line: 3 });
    expect(lines[3]!.error).toMatch(/empty line/);
  });

  it('test_bug_svg_stack_overflow: an element takes more children than a spread call could', () => {
    const children = Array.from({ length: 300_000 }, (_, i) => el('rect', { x: i }));
    expect(el('g', {}, children, [[el('circle')]]).children).toHaveLength(300_001);
  });

  it('test_bug_sample_n_zero: --n 0 prints nothing and succeeds', () => {
    const r = wordflow(['sample', 'a*', '--length', '3', '--n', '0']);
    expect(r).toMatchObject({ code: 0, stdout: '', stderr: '' });
    expect(sampleMembers(compileRegex('a*'), 3, 0, 1)).toEqual([]);
  });

  it('test_bug_crlf_stdin: a CR before LF is not part of the string', () => {
    const r = wordflow(['check', '(a|b)*abb'], 'abb\r\nab\r\n');
    expect(r.stdout).toBe('accept\tabb\nreject\tab\n');
    expect(wordflow(['check', 'a\\r', '--null'], 'a\r\0').code).toBe(0);
  });

  it('test_bug_fa_escaped_dash_message: a \\ followed by - outside a label is not "escapes nothing"', () => {
    const fa = join(dir, 'dash.fa');
    writeFileSync(fa, 'start q\naccept q\nq ->,a,\\- -> q\n');
    const r = wordflow(['check', '--fa', fa, 'a']);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/escapes nothing/);
    expect(r.stderr).toMatch(/'\\-' outside an edge label/);
  });

  it('test_bug_loose_integer_options: empty, hex, signed and exponent values are refused', () => {
    for (const value of ['', '0x10', '1e3', ' 7', '-1', '1.5', '99999999999999999999']) {
      expect(() => intOption(value, '--max-states')).toThrow(/--max-states needs a non-negative integer/);
    }
    expect(intOption('010', '--max-states')).toBe(10);
    const r = wordflow(['count', 'a', '--length', '1', '--max-states', '']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-states needs a non-negative integer/);
    expect(wordflow(['sample', 'a', '--length', '1', '--seed', '0x10']).code).toBe(2);
    expect(wordflow(['certify', 'a', '--embedding', 'sigmoid', '--gain', '0x10']).code).toBe(2);
  });

  it('test_bug_file_errors: the same plain words everywhere, names escaped, codes explained', () => {
    expect(wordflow(['check', '--file', dir]).stderr).toMatch(/it is a directory/);
    const jsonl = wordflow(['check', '--jsonl'], JSON.stringify({ fa: dir, input: 'a' }) + '\n');
    expect(JSON.parse(jsonl.stdout) as unknown).toEqual({ error: `cannot read ${dir}: it is a directory`, line: 1 });
    const nul = wordflow(['check', '--jsonl'], JSON.stringify({ fa: 'a\u0000b', input: 'a' }) + '\n');
    expect(nul.stdout).toContain('NUL byte');
    expect(fileError('read', 'x', Object.assign(new Error('EIO'), { code: 'EIO' })).message).toBe(
      'cannot read x: an input/output error (the device or file system failed)',
    );
    expect(fileError('read', 'a\u0000b', Object.assign(new Error(''), { code: 'EACCES' })).message).toBe(
      'cannot read "a\\u0000b": permission denied',
    );
    const shown = formatError(new WordflowError('syntax', 'bad \u0000 here', { start: 1, end: 2 }, 'a\u0000b'));
    expect(shown).not.toMatch(/\u0000/);
    expect(shown).toContain('\\u{0}');
  });

  it('test_bug_certify_flow2d_slow: flow2d certification has a state budget', () => {
    const r = wordflow(['certify', '(a|b)*a(a|b){4}', '--embedding', 'flow2d', '--max-flow-states', '10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-flow-states/);
    expect(wordflow(['certify', '(a|b)*a(a|b){4}', '--embedding', 'flow2d']).code).toBe(0);
  });
});
