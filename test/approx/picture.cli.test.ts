/**
 * `wordflow approx --format svg`: the picture on standard output and in a
 * file with -o, and the usage errors of the picture options.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';
import { allText, byName, parseXml } from '../present/xml.js';

describe('approx --format svg', () => {
  it('draws the three panels of a rotation to standard output', () => {
    const r = wordflow([
      'approx',
      '0.8*x - 0.6*y',
      '0.6*x + 0.8*y',
      '--eps',
      '1e-2',
      '--grid',
      '17',
      '--format',
      'svg',
    ]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const root = parseXml(r.stdout);
    const classes = byName(root, 'g').map((g) => g.attrs.class);
    expect(classes).toEqual(expect.arrayContaining(['grid-panel', 'path-panel', 'heat-panel']));
    expect(allText(root)).toContain('(0.8*x - 0.6*y, 0.6*x + 0.8*y)');
    expect(allText(root)).toContain('built for ε = 0.01');
  });

  it('writes the picture to the file of -o and nothing to standard output', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'wordflow-approx-')), 'shear.svg');
    const r = wordflow(['approx', 'x', 'y + 0.5*x', '--eps', '1e-2', '--grid', '17', '--format', 'svg', '-o', file]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toBe('');
    const root = parseXml(readFileSync(file, 'utf8'));
    // The heat map's legend names the measured extremes, both within ε.
    const legend = allText(byName(root, 'g').find((g) => g.attrs.class === 'heat-panel')!);
    const max = Number(/max (\d\.\d+e[-+]\d+)/.exec(legend)![1]);
    expect(max).toBeLessThanOrEqual(1e-2);
  });

  it('refuses an unknown format, -o without svg, and svg with --json or --curve', () => {
    for (const args of [
      ['--format', 'png'],
      ['-o', 'x.svg'],
      ['--format', 'svg', '--json'],
      ['--format', 'svg', '--curve'],
    ]) {
      const r = wordflow(['approx', 'x', 'y', ...args]);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/format|output/);
    }
  });
});
