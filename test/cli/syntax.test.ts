/**
 * `--syntax wordflow|ecma` as a user meets it: on every command that reads a
 * pattern, in its --help, with errors that point at the fault.
 */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';
import { PATTERN_COMMANDS } from '../support/commands.js';

describe('--syntax', () => {
  it("check --syntax ecma '[<>]&' '<&' accepts; the default wordflow syntax reads & as intersection and rejects", () => {
    const ecma = wordflow(['check', '--syntax', 'ecma', '[<>]&', '<&']);
    expect(ecma.stdout).toBe('accept\t<&\n');
    expect(ecma.code).toBe(0);
    const plain = wordflow(['check', '[<>]&', '<&']);
    expect(plain.stdout).toBe('reject\t<&\n');
    expect(plain.code).toBe(1);
  });

  it('is in the --help of every command that reads a pattern, with the default', () => {
    for (const command of PATTERN_COMMANDS) {
      const help = wordflow([command, '--help']).stdout.replace(/\s+/g, ' ');
      expect(help, command).toContain('--syntax <name>');
      expect(help, command).toMatch(/choices: "wordflow", "ecma", default: "wordflow"/);
    }
  });

  it('works on each command (ecma reads ~ and & as characters)', () => {
    expect(wordflow(['dfa', '--syntax', 'ecma', 'a~', '--format', 'json']).code).toBe(0);
    expect(wordflow(['equiv', '--syntax', 'ecma', '[&]', '&']).stdout).toBe('equal\n');
    expect(wordflow(['equiv', '[&]', '&']).stdout).toMatch(/^not equal/);
    expect(wordflow(['enum', '--syntax', 'ecma', 'x&y']).stdout).toBe('x&y\n');
    expect(wordflow(['count', '--syntax', 'ecma', '[~&]{2}', '--length', '2']).stdout.trim()).toBe('4');
    expect(wordflow(['sample', '--syntax', 'ecma', '~{3}', '--length', '3']).stdout.split('\n')[0]).toBe('~~~');
    expect(wordflow(['regex', '--syntax', 'ecma', 'a&b']).code).toBe(0);
    expect(wordflow(['monoid', '--syntax', 'ecma', '(~~)*']).code).toBe(0);
    expect(wordflow(['explain', '--syntax', 'ecma', '(&~)*']).code).toBe(0);
    expect(wordflow(['compile', '--syntax', 'ecma', '&+', '--embedding', 'onehot', '--json']).code).toBe(0);
    expect(wordflow(['certify', '--syntax', 'ecma', '&+', '--embedding', 'onehot']).code).toBe(0);
    expect(wordflow(['trace', '--syntax', 'ecma', '&+', '&&']).code).toBe(0);
  });

  it('rejects what JavaScript rejects, with a caret', () => {
    const r = wordflow(['check', '--syntax', 'ecma', 'a\\&b', 'x']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("\\& is not an escape in the ecma syntax (JavaScript's u flag rejects it)");
    expect(r.stderr).toMatch(/a\\&b\n\s+ \^\^/);
    const nested = wordflow(['check', '--syntax', 'ecma', '[a[b]c]', 'x']);
    expect(nested.code).toBe(2);
    expect(nested.stderr).toContain("unmatched ']'");
  });

  it('an unknown syntax is a usage error (exit 2) naming the choices', () => {
    const r = wordflow(['check', '--syntax', 'perl', 'a', 'a']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/wordflow, ecma/);
  });
});
