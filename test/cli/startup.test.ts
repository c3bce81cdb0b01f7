/**
 * What the built CLI loads to start: `check` from its start-up bundle with
 * V8's code cache, and without the full build (src/cli/codeCache.ts), any
 * other command from the full build; a cache that is stale, corrupt or
 * missing changes nothing but speed. The Unicode property table (a costly
 * parse, see src/syntax/regex/propertyTable.ts) loads only when a pattern
 * names a property, and then from its own file; the answers are the same
 * either way.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { afterAll, describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

/** Runs the built CLI with a preload that lists the files it loaded through require(). */
function required(args: readonly string[]): { stdout: string; files: string[] } {
  const r = spawnSync(
    process.execPath,
    ['--import', './test/support/record-requires.mjs', 'dist/cli/main.cjs', ...args],
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

/**
 * Whether V8 takes the code cache of the bundle in `dir` (a directory of the
 * built CLI), asked in a fresh process: within one, V8 reuses its own
 * compilation of a source it has seen and never looks at the cache.
 */
function cacheUsed(dir: string): string {
  const module = pathToFileURL(join(root, 'dist', 'cli', 'codeCache.js')).href;
  const program = `import { compileBundle } from ${JSON.stringify(module)};
    process.stdout.write(String(compileBundle(new URL(${JSON.stringify(pathToFileURL(dir + '/').href)}))?.cacheUsed));`;
  return spawnSync(process.execPath, ['--input-type=module', '-e', program], { encoding: 'utf8' }).stdout;
}

describe('the start-up bundle of check', () => {
  // A copy of the built CLI (dist/cli and package.json, node_modules linked) that a test may break.
  const copies: string[] = [];
  function copyOfCli(): { dir: string; cli: string; run: (args: readonly string[]) => ReturnType<typeof spawnSync> } {
    const dir = mkdtempSync(join(tmpdir(), 'wordflow-startup-'));
    copies.push(dir);
    cpSync(join(root, 'dist', 'cli'), join(dir, 'dist', 'cli'), { recursive: true });
    cpSync(join(root, 'package.json'), join(dir, 'package.json'));
    symlinkSync(join(root, 'node_modules'), join(dir, 'node_modules'));
    const cli = join(dir, 'dist', 'cli');
    return {
      dir,
      cli,
      run: (args) => spawnSync(process.execPath, [join(cli, 'main.cjs'), ...args], { encoding: 'utf8' }),
    };
  }
  afterAll(() => {
    for (const dir of copies) rmSync(dir, { recursive: true, force: true });
  });

  function expectCheckAnswers(run: (args: readonly string[]) => ReturnType<typeof spawnSync>): void {
    const r = run(['check', '(a|b)*abb', 'aabb', 'ab']);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('accept\taabb\nreject\tab\n');
    expect(r.status).toBe(1);
  }

  it('has a cache that the Node which built it takes', () => {
    expect(cacheUsed(join(root, 'dist', 'cli'))).toBe('true');
  });

  it('answers check without the full build, which every other command needs', () => {
    const copy = copyOfCli();
    for (const name of readdirSync(copy.cli)) {
      if (/^(cli|chunk-\w+)\.js$/.test(name)) rmSync(join(copy.cli, name));
    }
    expectCheckAnswers(copy.run);
    expect(copy.run(['check', '--help']).stdout).toContain('Usage: wordflow check');
    const dfa = copy.run(['dfa', 'a']);
    expect(dfa.status).not.toBe(0);
    expect(dfa.stderr).toContain('cli.js');
  });

  it('runs check from the full build when there is no bundle', () => {
    const copy = copyOfCli();
    rmSync(join(copy.cli, 'check.cjs'));
    expectCheckAnswers(copy.run);
  });

  it("ignores a corrupt cache, a cache of another build, another script's cache and a missing one", () => {
    const copy = copyOfCli();
    const cacheFile = join(copy.cli, 'check.cache');
    const good = readFileSync(cacheFile);
    const headerEnd = good.indexOf(0x0a) + 1;
    const header = good.subarray(0, headerEnd);
    const broken: [string, Buffer | undefined][] = [
      ['corrupt', Buffer.concat([header, Buffer.alloc(good.length - headerEnd, 0x5a)])],
      ['truncated', good.subarray(0, headerEnd + 64)],
      [
        'of another build',
        Buffer.concat([Buffer.from('// wordflow check bundle, build 0\n'), good.subarray(headerEnd)]),
      ],
      ['of another script', Buffer.concat([header, new Script('1 + 1').createCachedData()])],
      ['missing', undefined],
    ];
    for (const [what, bytes] of broken) {
      if (bytes === undefined) rmSync(cacheFile, { force: true });
      else writeFileSync(cacheFile, bytes);
      expect(cacheUsed(copy.cli), what).toBe('false');
      expectCheckAnswers(copy.run);
    }
    writeFileSync(cacheFile, good);
    expect(cacheUsed(copy.cli)).toBe('true');
  });
});

describe('the bundle', () => {
  it("does not rename functions as it runs (esbuild's keepNames: a regex compile ran 3× slower)", () => {
    // keepNames wraps every function expression in a helper that sets the function's name; minified, the helper
    // reads `(f,n)=>defineProperty(f,"name",{value:n,configurable:!0})`.
    const helper = /"name",\{value:[A-Za-z_$][\w$]*,configurable:!0\}/;
    const files = readdirSync(join(root, 'dist', 'cli')).filter((f) => /\.c?js$/.test(f));
    expect(files).toContain('check.cjs');
    expect(files.filter((f) => f.startsWith('chunk-')).length).toBeGreaterThan(0);
    const renaming = files.filter((f) => helper.test(readFileSync(join(root, 'dist', 'cli', f), 'utf8')));
    expect(renaming).toEqual([]);
    // The pattern does find the helper where it is.
    expect(helper.test('var o=(e,n)=>a(e,"name",{value:n,configurable:!0});')).toBe(true);
  });
});
