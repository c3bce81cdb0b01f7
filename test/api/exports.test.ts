/**
 * The package entry: every export of `src/index.ts` is documented (TSDoc at
 * its definition), and the built entry that `import … from 'wordflow'`
 * resolves to (package.json `exports`) loads and offers the same values.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import * as source from '../../src/index.js';
import { exportDocs } from './exportDocs.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the library entry', () => {
  it('documents every export at its definition', () => {
    const all = exportDocs();
    expect(all.length).toBeGreaterThan(100);
    expect(all.filter((e) => !e.documented).map((e) => `${e.name} (${e.file})`)).toEqual([]);
  });

  it('offers the pipeline, the operations and the vocabularies by name', () => {
    for (const name of [
      'parseRegex',
      'parseFa',
      'compileRegex',
      'compileFa',
      'nfaOfRegex',
      'dfaOfNfa',
      'determinize',
      'minimize',
      'union',
      'intersection',
      'complement',
      'equivalence',
      'countMembers',
      'enumerate',
      'sampleMembers',
      'regexOfDfa',
      'printRegex',
      'transitionMonoid',
      'compileMatcher',
      'createIncremental',
      'vocabulary',
      'certify',
      'trace',
      'explain',
      'dfaToDot',
      'dfaToSvg',
      'traceToSvg',
      'WordflowError',
      'formatError',
      'limits',
    ]) {
      expect(typeof (source as Record<string, unknown>)[name], name).toBe('function');
    }
    expect(source.DEFAULT_LIMITS.maxStates).toBeGreaterThan(0);
    expect(source.EMBEDDING_NAMES).toEqual(['transform', 'onehot', 'relu1d', 'sigmoid', 'flow2d']);
  });

  it('is what package.json exports, and the built file has the same value exports', async () => {
    const pkg = JSON.parse(readFileSync(`${root}package.json`, 'utf8')) as {
      main: string;
      types: string;
      exports: { '.': { import: string; types: string } };
    };
    expect(pkg.exports['.'].import).toBe('./dist/index.js');
    expect(pkg.exports['.'].types).toBe('./dist/index.d.ts');
    const built = (await import(`${root}dist/index.js`)) as Record<string, unknown>;
    expect(Object.keys(built).sort()).toEqual(Object.keys(source).sort());
    const dfa = (built.compileRegex as (p: string) => unknown)('(a|b)*abb');
    expect((built.accepts as (d: unknown, s: string) => boolean)(dfa, 'babb')).toBe(true);
    expect(readFileSync(`${root}dist/index.d.ts`, 'utf8')).toContain('compileRegex');
  });
});
