/**
 * Rules about the source tree that no type checker enforces: user input is
 * never run as code (the one `vm` use compiles the CLI's own bundle), and
 * chevrotain is loaded once, from its bundle.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    return e.isDirectory() ? sources(path) : /\.tsx?$/.test(e.name) ? [path] : [];
  });
}

/** `file:line: text` for every line of a source file matching `pattern`, comment lines left out. */
function occurrences(pattern: RegExp, allowed: readonly string[] = []): string[] {
  const out: string[] = [];
  for (const file of sources(SRC)) {
    const name = relative(SRC, file);
    if (allowed.includes(name)) continue;
    readFileSync(file, 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (!/^\s*(\*|\/\/|\/\*)/.test(line) && pattern.test(line)) out.push(`${name}:${i + 1}: ${line.trim()}`);
      });
  }
  return out;
}

describe('source rules', () => {
  it('finds the sources it checks', () => {
    expect(sources(SRC).length).toBeGreaterThan(50);
  });

  it('never evaluates strings as code; only the benchmark builds RegExps (for V8 as a competitor)', () => {
    expect(occurrences(/\beval\s*\(|new\s+Function\s*\(/)).toEqual([]);
    expect(occurrences(/new\s+RegExp\s*\(|RegExp\s*\(/, ['bench/suite.ts'])).toEqual([]);
  });

  it("compiles code only in the loader of the start-up bundle, wordflow's own build output (src/cli/codeCache.ts)", () => {
    expect(occurrences(/from\s+'(node:)?vm'|require\(\s*'(node:)?vm'\s*\)/, [join('cli', 'codeCache.ts')])).toEqual([]);
    expect(occurrences(/from\s+'(node:)?vm'/).map((line) => line.split(':')[0])).toEqual([join('cli', 'codeCache.ts')]);
  });

  it('imports the Unicode property table (a costly parse) only through propertyTable.ts, so start-up skips it', () => {
    const seam = join('syntax', 'regex', 'propertyTable.ts');
    expect(occurrences(/^import\s+(?!type\b).*from\s+'\.\/properties\.js'/, [seam])).toEqual([]);
    expect(occurrences(/properties\.js'/, [seam]).filter((line) => !/^[^:]+:\d+: import type /.test(line))).toEqual([]);
  });

  it('takes chevrotain values only from the one loader of its bundle (two copies would not share token types)', () => {
    expect(occurrences(/^import\s+(?!type\b).*from\s+'chevrotain'/, [join('syntax', 'chevrotain.ts')])).toEqual([]);
    expect(occurrences(/import\s*\(\s*'chevrotain'\s*\)/, [join('syntax', 'chevrotain.ts')])).toEqual([]);
  });
});
