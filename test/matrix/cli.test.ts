/**
 * `wordflow matrix` end to end: text and JSON output (validated against
 * schemas/matrix.schema.json and re-multiplied independently), the curve as
 * a table, JSON and SVG, and every kind of bad input with exit 2 and a
 * message that names the problem.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020Module from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';
import { frobenius, fromStrings, sentenceProduct } from './reference.js';

const Ajv2020 = Ajv2020Module.default ?? Ajv2020Module;
const ajv = new Ajv2020({ strict: true, allErrors: true });
const root = fileURLToPath(new URL('../..', import.meta.url));
const schema = (name: string) => ajv.compile(JSON.parse(readFileSync(`${root}schemas/${name}.schema.json`, 'utf8')));

interface Json {
  dimension: number;
  eps: number;
  vocabulary: { name: string; matrix: string[][]; field: string; time: string }[];
  sentence: [string, number][];
  length: number;
  product: string[][];
  target: string[][];
  error: { bound: number; measured: number; norm: string };
  parts: { determinant: number; determinantLowerBound: number | null };
}

function run(args: string[]): Json {
  const r = wordflow(['matrix', ...args, '--json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as Json;
}

const significant = (s: string) => s.replace(/^-?0*\.?0*/, '').replace('.', '').length;

describe('wordflow matrix --json', () => {
  const validate = schema('matrix');
  const cases: string[][] = [
    ['[[0,-1],[1,0]]'],
    ['--rotation', '1', '--eps', '1e-4'],
    ['[[1.99,0],[0,1]]', '--eps', '1e-3'],
    ['[[2,1,0],[1,1,0.5],[0,0.25,3]]', '--eps', '1e-5'],
    ['[[0,1],[1,0]]', '--reflection', '--eps', '1e-2'],
    ['[[2,1],[1,1.5]]', '--vocabulary', 'kronecker', '--eps', '1e-3'],
  ];
  for (const args of cases) {
    it(`${args.join(' ')}: valid, and the sentence re-multiplied from the JSON vocabulary is within ε and the bound`, () => {
      const j = run(args);
      expect(validate(j), JSON.stringify(validate.errors)).toBe(true);
      const words = new Map(j.vocabulary.map((w) => [w.name, fromStrings(w.matrix)]));
      const p = sentenceProduct(words, j.sentence, j.dimension);
      const err = frobenius(p, fromStrings(j.target));
      expect(err.lte(j.eps)).toBe(true);
      expect(err.lte(j.error.bound + 1e-40)).toBe(true);
      expect(frobenius(p, fromStrings(j.product)).lte('1e-40')).toBe(true);
      expect(j.length).toBe(j.sentence.reduce((s, [, c]) => s + c, 0));
      for (const row of [...j.product, ...j.vocabulary.flatMap((w) => w.matrix)]) {
        for (const x of row) {
          // Exact (a short dyadic) or at least 40 significant digits.
          const exactDyadic = /^-?\d+(\.\d{0,60})?$/.test(x) && significant(x) < 40;
          if (!exactDyadic) expect(significant(x)).toBeGreaterThanOrEqual(40);
        }
      }
    });
  }

  it('reads the target as exact decimals: 0.1 is one tenth', () => {
    const j = run(['[[0.1,0],[0,10]]', '--eps', '1e-3']);
    expect(j.target).toEqual([
      ['0.1', '0'],
      ['0', '10'],
    ]);
  });

  it('the schema rejects broken output', () => {
    const j = run(['[[0,-1],[1,0]]']) as unknown as Record<string, unknown>;
    expect(validate({ ...j, dimension: 1 })).toBe(false);
    expect(validate({ ...j, sentence: [['E12+', 0]] })).toBe(false);
    expect(
      validate({
        ...j,
        product: [
          [1, 0],
          [0, 1],
        ],
      }),
    ).toBe(false);
    expect(validate({ ...j, error: { bound: 0, measured: 0, norm: 'max' } })).toBe(false);
    expect(validate({ ...j, extra: true })).toBe(false);
  });
});

describe('wordflow matrix (text)', () => {
  it('shows the words with their matrices and fields, the sentence with runs, product, error and where the length goes', () => {
    const r = wordflow(['matrix', '--rotation', '1', '--eps', '1e-4']);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("E12+  [[1, 1], [0, 1]]    x' = E12·x");
    expect(r.stdout).toMatch(/sentence, \d+ words \(first applied first/);
    expect(r.stdout).toMatch(/D1\^\d+ E12\+/);
    expect(r.stdout).toMatch(/error: ‖product − target‖_F ≤ [\d.e-]+ \(proved\), measured/);
    expect(r.stdout).toContain('where the length goes:');
  });

  it('explains the determinant: its words and the three-distance lower bound', () => {
    const r = wordflow(['matrix', '[[1.99,0],[0,1]]', '--eps', '1e-3']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /det 1\.99 ≈ e\^\d+·2\^-\d+: \d+ scaling words, and any sentence within ε needs ≥ \d+ of them/,
    );
    expect(r.stdout).toContain('three-distance');
  });

  it('reads --file, and writes -o', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wordflow-matrix-'));
    writeFileSync(join(dir, 'a.json'), '[[2, 0],\n [0, 0.5]]\n');
    const r = wordflow(['matrix', '--file', join(dir, 'a.json'), '-o', join(dir, 'out.txt')]);
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(dir, 'out.txt'), 'utf8')).toContain('product (exact):');
  });
});

describe('wordflow matrix --curve', () => {
  it('a table for ε = 1e-1 … 1e-8: dyadic grows like log(1/ε), kronecker like 1/ε', () => {
    const r = wordflow(['matrix', '--rotation', '1', '--curve', '--json']);
    expect(r.code, r.stderr).toBe(0);
    const j = JSON.parse(r.stdout) as {
      curve: { eps: number; dyadic: { length: number; bound: number }; kronecker: { length: number; bound: number } }[];
    };
    expect(schema('matrix-curve')(j)).toBe(true);
    expect(j.curve.map((p) => p.eps)).toEqual([1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]);
    for (const p of j.curve) {
      expect(p.dyadic.bound).toBeLessThanOrEqual(p.eps);
      expect(p.kronecker.bound).toBeLessThanOrEqual(p.eps);
    }
    const first = j.curve[0]!;
    const last = j.curve[7]!;
    expect(last.dyadic.length).toBeLessThan(12 * 4 * Math.log2(1e8));
    expect(last.kronecker.length / first.kronecker.length).toBeGreaterThan(1e5);
    const text = wordflow(['matrix', '--rotation', '1', '--curve']).stdout;
    expect(text).toContain('kronecker words');
    expect(text).toContain('log(1/ε)');
  });

  it('an SVG log-log plot', () => {
    const dir = mkdtempSync(join(tmpdir(), 'wordflow-matrix-'));
    const file = join(dir, 'curve.svg');
    const r = wordflow(['matrix', '[[1,1],[0,1]]', '--curve', '--format', 'svg', '-o', file]);
    expect(r.code, r.stderr).toBe(0);
    const svg = readFileSync(file, 'utf8');
    expect(svg).toMatch(/^<\?xml/);
    expect(svg.match(/<polyline/g)).toHaveLength(2);
    expect(svg).toContain('kronecker');
  });
});

describe('wordflow matrix: bad input', () => {
  const bad: [string[], RegExp][] = [
    [['[[1,2],[3]]'], /ragged rows: row 2 has 1 entry/],
    [['[[1,2,3],[4,5,6]]'], /not square/],
    [['[]'], /empty/],
    [['[[1,NaN],[0,1]]'], /NaN is not a finite number/],
    [['[[1,Infinity],[0,1]]'], /not a finite number/],
    [['[[1,x],[0,1]]'], /'x' is not a decimal number/],
    [['[[1,2],[3,4]'], /ends early/],
    [['[[0,1],[1,0]]'], /det of the target is -1 < 0.*--reflection/],
    [['[[1,2],[2,4]]'], /singular \(det = 0\).*det.*→ 0/],
    [['[[1,0],[0,1]]', '--eps', '0'], /--eps needs a positive number/],
    [['[[1,0],[0,1]]', '--eps', '1e-40'], /below 1e-30/],
    [['[[5]]'], /start at d = 2/],
    [
      [
        `[${Array.from({ length: 9 }, (_, i) => `[${Array.from({ length: 9 }, (__, j) => (i === j ? 1 : 0)).join(',')}]`).join(',')}]`,
      ],
      /dimension 9: over the limit of 8; raise it with --max-dimension/,
    ],
    [
      ['[[2,1],[1,1.5]]', '--vocabulary', 'kronecker', '--eps', '1e-6', '--max-length', '1000'],
      /over the limit of 1,000; raise it with --max-length/,
    ],
    [['--rotation', 'pi'], /--rotation needs an angle/],
    [['[[1,0],[0,1]]', '--rotation', '1'], /exactly one target/],
    [['--file', '/nonexistent/m.json'], /cannot read/],
  ];
  for (const [args, message] of bad) {
    it(`${args.join(' ').slice(0, 60)} → exit 2: ${message.source}`, () => {
      const r = wordflow(['matrix', ...args]);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
      expect(r.stdout).toBe('');
    });
  }
});
