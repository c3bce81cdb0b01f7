/**
 * The example pictures in docs/ are exactly what the README's commands
 * produce today: regenerating them with those commands changes nothing.
 * (After changing a picture on purpose, rerun the commands listed here.)
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'wordflow-docs-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const PICTURES: Record<string, string[]> = {
  'abb-dfa.svg': ['dfa', '(a|b)*abb', '--format', 'svg', '--highlight', 'babb'],
  'abb-flow2d-trace.svg': ['trace', '(a|b)*abb', 'babb', '--format', 'svg'],
  'parity-relu1d-cobweb.svg': [
    'trace',
    '--fa',
    'grammars/examples/parity.fa',
    'abbab',
    '--embedding',
    'relu1d',
    '--format',
    'svg',
  ],
  'abb-sigmoid-heatmap.svg': ['trace', '(a|b)*abb', 'babb', '--embedding', 'sigmoid', '--format', 'svg'],
  'approx-coupling.svg': ['approx', 'x + 0.3*sin(2*pi*y)', 'y', '--eps', '1e-2', '--format', 'svg'],
};

describe('docs/ pictures', () => {
  for (const [name, args] of Object.entries(PICTURES)) {
    it(`docs/${name} = wordflow ${args.join(' ')} -o docs/${name}`, () => {
      const out = join(dir, name);
      const r = wordflow([...args, '-o', out]);
      expect(r.code, r.stderr).toBe(0);
      expect(readFileSync(out, 'utf8')).toBe(readFileSync(`${root}docs/${name}`, 'utf8'));
    });
  }
});
