/**
 * `wordflow approx` end to end: the Done-when targets through `--json`,
 * each sentence judged by the independent word-by-word evaluator on an
 * offset grid (not the grid approx measures on) — the pendulum against a
 * fixed-step RK4 written here; the lengths the issue caps; the refusals
 * (exit 2, a sentence that teaches); parse errors with a caret; the limit.
 */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';
import { offsetGrid, type RunLike, supError } from './independent.js';

interface ApproxJson {
  sentence: RunLike[];
  length: number;
  error: { grid: number; grid_points: number; bound: number | null };
}

function approx(args: string[]): ApproxJson {
  const r = wordflow(['approx', ...args, '--json', '--grid', '33']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as ApproxJson;
}

/** The pendulum x' = y, y' = −sin x for time 1 by classical RK4 with 400 steps (error far below 1e-6 here). */
function pendulum(x: number, y: number): [number, number] {
  const n = 400;
  const h = 1 / n;
  for (let i = 0; i < n; i++) {
    const k1x = y,
      k1y = -Math.sin(x);
    const k2x = y + (h / 2) * k1y,
      k2y = -Math.sin(x + (h / 2) * k1x);
    const k3x = y + (h / 2) * k2y,
      k3y = -Math.sin(x + (h / 2) * k2x);
    const k4x = y + h * k3y,
      k4y = -Math.sin(x + h * k3x);
    x += (h / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
    y += (h / 6) * (k1y + 2 * k2y + 2 * k3y + k4y);
  }
  return [x, y];
}

const rot =
  (t: number) =>
  (x: number, y: number): [number, number] => [Math.cos(t) * x - Math.sin(t) * y, Math.sin(t) * x + Math.cos(t) * y];

const TARGETS: { name: string; args: string[]; map: (x: number, y: number) => [number, number]; eps: number[] }[] = [
  {
    name: 'rotation by 0.7',
    args: ['cos(0.7)*x - sin(0.7)*y', 'sin(0.7)*x + cos(0.7)*y'],
    map: rot(0.7),
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'area-preserving squeeze',
    args: ['1.5*x', 'y/1.5'],
    map: (x, y) => [1.5 * x, y / 1.5],
    eps: [1e-2, 1e-3, 1e-4],
  },
  { name: 'non-dyadic scaling', args: ['3*x', 'y'], map: (x, y) => [3 * x, y], eps: [1e-2, 1e-3, 1e-4] },
  {
    name: 'sin coupling',
    args: ['x + 0.3*sin(2*pi*y)', 'y'],
    map: (x, y) => [x + 0.3 * Math.sin(2 * Math.PI * y), y],
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'polynomial coupling',
    args: ['x', 'y + x^3 - 0.5*x'],
    map: (x, y) => [x, y + x ** 3 - 0.5 * x],
    eps: [1e-2, 1e-3, 1e-4],
  },
  {
    name: 'composition of a rotation and a coupling',
    args: ['cos(0.5)*x - sin(0.5)*y', 'sin(0.5)*x + cos(0.5)*y', 'x', 'y + 0.2*sin(3*x)'],
    map: (x, y) => {
      const [u, v] = rot(0.5)(x, y);
      return [u, v + 0.2 * Math.sin(3 * u)];
    },
    eps: [1e-2, 1e-3],
  },
  { name: "the pendulum's time-1 map", args: ['--flow', 'y', '-sin(x)'], map: pendulum, eps: [1e-2, 1e-3] },
];

const GRID = offsetGrid(41);

describe('wordflow approx --json: the Done-when targets, evaluated word by word on an offset grid', () => {
  for (const t of TARGETS) {
    for (const eps of t.eps) {
      it(`${t.name} at ε = ${eps}`, () => {
        const a = approx([...t.args, '--eps', String(eps)]);
        expect(supError(a.sentence, t.map, GRID)).toBeLessThanOrEqual(eps);
        expect(a.error.grid).toBeLessThanOrEqual(eps);
        if (a.error.bound !== null) expect(a.error.bound).toBeLessThanOrEqual(eps);
        if (t.name === 'sin coupling' && eps === 1e-4) expect(a.length).toBeLessThanOrEqual(15_000);
        if (t.name.startsWith('the pendulum') && eps === 1e-3) expect(a.length).toBeLessThanOrEqual(300_000);
      });
    }
  }

  it('--inverse meets ε against f⁻¹ (the coupling with −h)', () => {
    const a = approx(['x + 0.3*sin(2*pi*y)', 'y', '--inverse', '--eps', '1e-3']);
    expect(supError(a.sentence, (x, y) => [x - 0.3 * Math.sin(2 * Math.PI * y), y], GRID)).toBeLessThanOrEqual(1e-3);
  });
});

describe('wordflow approx: refusals and errors (exit 2)', () => {
  const refusals: [string[], RegExp][] = [
    [['--', '-x', 'y'], /reverses orientation.*degree argument/s],
    [['y', 'x'], /reverses orientation/],
    [['x*x', 'y'], /not injective.*both map to/s],
    [['x + 1/y', 'y'], /not defined at \(-?\d.*, 0\).*divides by y, which is exactly 0/s],
    [['x + 3*y + 0.1*x^2', 'y'], /straight-line isotopy.*symmetric part of the Jacobian.*not positive definite/s],
    [['x', 'y + 0.1*x', 'x + 3*y + 0.1*x^2', 'y'], /map 2 of 2, .*straight-line isotopy.*not positive definite/s],
    [['x + 0.1*y^2', 'y + 0.1*x', 'x', 'y + x', '--inverse'], /inverse of a composition with a general map/],
    [['x'], /pairs FX FY/],
    [['x', 'y', '--eps', '0'], /--eps needs a positive number/],
    [['x', 'y', '--domain', '[1,0]x[0,1]'], /--domain needs a box/],
    [['3*x', 'y', '--eps', '1e-4', '--max-length', '100'], /over the limit of 100; raise it with --max-length/],
  ];
  for (const [args, message] of refusals) {
    it(`approx ${args.join(' ')}`, () => {
      const r = wordflow(['approx', ...args]);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(message);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    });
  }

  it('a parse error points at the fault with a caret', () => {
    const r = wordflow(['approx', 'x + sin(', 'y']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^wordflow: FX: .*\n {2}x \+ sin\(\n {9}\^/);
  });
});

describe('wordflow approx: human output and --curve', () => {
  it('prints the sentence, length, measured error with its grid, the bound and where the words go', () => {
    const r = wordflow(['approx', 'x + y', 'y', '--eps', '1e-2']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^sentence: /);
    expect(r.stdout).toMatch(/length: \d+ words over V\*/);
    expect(r.stdout).toMatch(/measured on a 129×129 grid/);
    expect(r.stdout).toMatch(/proved bound: \d\.\d\de-\d+/);
    expect(r.stdout).toMatch(/where the words go: /);
  });

  it('--curve lists ε = 1e-1 … 1e-4 with lengths growing, and the fitted rate', () => {
    const r = wordflow(['approx', 'x + 0.3*sin(2*pi*y)', 'y', '--curve', '--grid', '33']);
    expect(r.code).toBe(0);
    const rows = r.stdout.split('\n').filter((l) => /^\s+1e-\d/.test(l));
    expect(rows).toHaveLength(4);
    const lengths = rows.map((l) => Number(l.trim().split(/\s+/)[1]!.replace(/,/g, '')));
    for (let i = 1; i < lengths.length; i++) expect(lengths[i]!).toBeGreaterThan(lengths[i - 1]!);
    expect(r.stdout).toMatch(/fitted rate: length ≈ .*ε\^−0\.\d\d/);
  });
});
