/**
 * The README's "use as a library" example is `examples/library.ts`, included
 * verbatim: this runs it as a user would (`npx tsx examples/library.ts`),
 * checks every line it prints against expectations worked out by hand or by
 * brute force with V8's RegExp as the oracle, and type-checks it.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));
const example = `${root}examples/library.ts`;

/** Every string over {a, b} of length 0..max, shortest first, then in code-point order. */
function stringsOverAb(max: number): string[] {
  const out = [''];
  for (let i = 0; out[i]!.length < max; i++) out.push(out[i] + 'a', out[i] + 'b');
  return out;
}

describe('examples/library.ts (the README library example)', () => {
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'examples/library.ts'], {
    cwd: root,
    encoding: 'utf8',
    timeout: 60_000,
  });
  const lines = run.stdout.split('\n');
  const line = (prefix: string): string => {
    const found = lines.find((l) => l.startsWith(prefix));
    expect(found, `a line starting with ${JSON.stringify(prefix)} in:\n${run.stdout}${run.stderr}`).toBeDefined();
    return found!.slice(prefix.length);
  };

  it('runs to the end without an error', () => {
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it('prints exactly the output the README shows under it, every line', () => {
    const readme = readFileSync(`${root}README.md`, 'utf8');
    const shown = /```sh\nnpx tsx examples\/library\.ts\n```\n\n```\n([\s\S]*?)```/.exec(readme);
    expect(shown, 'the output block after `npx tsx examples/library.ts` in the README').not.toBeNull();
    expect(run.stdout).toBe(shown![1]);
  });

  it('compiles (a|b)*abb to the 4 suffix states of abb plus the dead state, and decides membership', () => {
    expect(line('states: ')).toBe('5');
    const v8 = /^(?:(a|b)*abb)$/su;
    expect(line('accepts "babb": ')).toBe(`${v8.test('babb')}, "abba": ${v8.test('abba')}`);
  });

  it('decides identifiers with a compiled matcher as V8 does, short and 1 MB long', () => {
    const v8 = /^(?:[A-Za-z_][A-Za-z0-9_]*)$/su;
    expect(line('identifiers: ')).toBe(
      ['x1', '9lives', 'snake_case', 'a-b'].map((s) => `${s} ${v8.test(s) ? 'yes' : 'no'}`).join(', '),
    );
    expect(line('a 1 MB identifier: ')).toBe('true');
  });

  it('lists the first members in shortlex order and counts 2^7 members of length 10', () => {
    const expected = stringsOverAb(6)
      .filter((s) => /^(?:(a|b)*abb)$/su.test(s))
      .slice(0, 4);
    expect(line('first members: ')).toBe(expected.join(', '));
    expect(line('members of length 10: ')).toBe(String(2 ** 7));
  });

  it('prints an expression for "ends in abb and has no aa" that V8 agrees with on every string up to length 10', () => {
    const printed = line('ends in abb, no aa: ');
    const re = new RegExp(`^(?:${printed})$`, 'su');
    for (const s of stringsOverAb(10)) expect(re.test(s), s).toBe(s.endsWith('abb') && !s.includes('aa'));
  });

  it('finds the empty string telling a* from a+', () => {
    expect(line('a* = a+? ')).toBe('false: "" is in A only');
  });

  it('certifies the flow2d vocabulary and traces babb through the states of the abb suffix automaton into R_3', () => {
    expect(line('flow2d certificate holds: ')).toBe('true');
    // The state after a prefix is the longest suffix of it that starts "abb": "", "", a, ab, abb.
    expect(line('states along "babb": ')).toBe('0 → 0 → 1 → 2 → 3');
    const m = /^\((.+), (.+)\), accepted: (true|false)$/.exec(line('end point: '));
    expect(m).not.toBeNull();
    const [x, y] = [Number(m![1]), Number(m![2])];
    // R_3 = [3 − ¼, 3 + ¼] × [0, 1]; folded maps send integer columns to integer columns.
    expect(x).toBe(3);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(1);
    expect(m![3]).toBe('true');
  });

  it('shows a malformed expression as a message with a caret under the fault', () => {
    const at = lines.findIndex((l) => l.includes('unclosed group'));
    expect(at).toBeGreaterThanOrEqual(0);
    expect(lines[at + 1]).toBe('  (a|b');
    expect(lines[at + 2]).toBe('  ^');
  });

  it('type-checks under the project settings (strict, NodeNext)', () => {
    const program = ts.createProgram([example], {
      module: ts.ModuleKind.NodeNext,
      moduleResolution: ts.ModuleResolutionKind.NodeNext,
      target: ts.ScriptTarget.ES2022,
      lib: ['lib.es2022.d.ts'],
      types: ['node'],
      strict: true,
      noEmit: true,
      skipLibCheck: true,
      jsx: ts.JsxEmit.ReactJSX,
    });
    const problems = ts.getPreEmitDiagnostics(program).map((d) => ts.flattenDiagnosticMessageText(d.messageText, '\n'));
    expect(problems).toEqual([]);
  });
});
