/**
 * The short-string loop is worth what it is only when V8 inlines it into its
 * callers, which V8 (Node 20) does for functions of at most 460 bytes of
 * bytecode (`--max-inlined-bytecode-size`). This reads the size V8 reports
 * for the built function, so an edit that pushes it over fails here instead
 * of silently costing 2–3 ns a call.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';

const root = fileURLToPath(new URL('../..', import.meta.url));

it('pairLoopAccepts stays small enough for V8 to inline', () => {
  const script = [
    "const { pairLoop, pairLoopAccepts } = await import('./dist/matcher/short.js');",
    "const { utf16Automaton } = await import('./dist/matcher/units.js');",
    "const { compileRegex } = await import('./dist/language.js');",
    "const loop = pairLoop(utf16Automaton(compileRegex('[a-z]+')));",
    "pairLoopAccepts(loop, 'abc');",
  ].join('\n');
  const r = spawnSync(
    process.execPath,
    ['--print-bytecode', '--print-bytecode-filter=pairLoopAccepts', '--input-type=module', '-e', script],
    { cwd: root, encoding: 'utf8', timeout: 60_000 },
  );
  expect(r.status).toBe(0);
  const size = /Bytecode length: (\d+)/.exec(r.stdout);
  expect(size, r.stdout.slice(0, 500)).not.toBeNull();
  expect(Number(size![1])).toBeLessThanOrEqual(460);
});
