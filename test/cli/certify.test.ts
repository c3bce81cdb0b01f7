/** `wordflow certify`: the JSON contract and exit 0 iff the certificate holds. */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

const EMBEDDINGS = ['transform', 'onehot', 'relu1d', 'sigmoid', 'flow2d'];

describe('wordflow certify', () => {
  it.each(EMBEDDINGS)('%s: holds on (a|b)*abb with the contract fields', (embedding) => {
    const r = wordflow(['certify', '(a|b)*abb', '--embedding', embedding, '--json']);
    expect(r.code).toBe(0);
    const c = JSON.parse(r.stdout);
    expect(Object.keys(c).slice(0, 5)).toEqual(['embedding', 'holds', 'margin', 'states', 'classes']);
    expect(c).toMatchObject({ embedding, holds: true, states: 5, classes: 3 });
    expect(c.margin).toBeGreaterThanOrEqual(0);
    expect(c.floatSound).toBe(true);
  });

  it('margins: flow2d keeps 2^−(k+1) = 1/32 with k = ⌈log2(5·3 + 1)⌉ = 4; relu1d 1/4; linear maps 0', () => {
    const margin = (e: string): number =>
      JSON.parse(wordflow(['certify', '(a|b)*abb', '--embedding', e, '--json']).stdout).margin;
    expect(margin('flow2d')).toBe(1 / 32);
    expect(margin('relu1d')).toBe(0.25);
    expect(margin('onehot')).toBe(0);
    expect(margin('transform')).toBe(0);
  });

  it('defaults to flow2d: the verdict, why it covers every length, and whether floats are covered', () => {
    const r = wordflow(['certify', 'colou?r']);
    expect(r.code).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^flow2d: the certificate holds \(exact\); margin [\d.]+; \d+ states × \d+ classes$/);
    expect(lines[1]).toMatch(/^ {2}every length: x0 lies in R_q0 .*by induction on the length/);
    expect(lines[2]).toMatch(/^ {2}floating point: covered — regions are closed under the float map/);
    expect(lines).toHaveLength(3);
    const onehot = wordflow(['certify', 'colou?r', '--embedding', 'onehot']).stdout;
    expect(onehot).toMatch(/floating point: covered — every reachable point is exact/);
  });

  it('a sigmoid gain too small fails: exit 1, holds false, with the failures', () => {
    const r = wordflow(['certify', '(ab)*', '--embedding', 'sigmoid', '--gain', '3', '--json']);
    expect(r.code).toBe(1);
    const c = JSON.parse(r.stdout);
    expect(c.holds).toBe(false);
    // No margin for a certificate that fails (a positive number there would read as "holds").
    expect(c.margin).toBeNull();
    expect(c.floatSound).toBe(false);
    expect(c.failures.length).toBeGreaterThan(0);
    expect(c.gain).toBe(3);
    expect(c.minimalGain).toBeGreaterThan(3);
    const ok = JSON.parse(
      wordflow(['certify', '(ab)*', '--embedding', 'sigmoid', '--gain', String(c.minimalGain), '--json']).stdout,
    );
    expect(ok.holds).toBe(true);
    const text = wordflow(['certify', '(ab)*', '--embedding', 'sigmoid']);
    expect(text.stdout).toMatch(
      /smallest certified gain [\d.]+ \(to 0\.001\); Omlin–Giles bound \(our reconstruction of their fixed-point conditions\) [\d.]+ for in-degree r = \d+/,
    );
    const failing = wordflow(['certify', '(ab)*', '--embedding', 'sigmoid', '--gain', '3']).stdout;
    expect(failing).toMatch(/^sigmoid: the certificate fails \(interval\): \d+ failures?; 3 states × 3 classes$/m);
    expect(failing).not.toMatch(/margin/);
  });

  it('bad input exits 2', () => {
    expect(wordflow(['certify', '(a', '--json']).code).toBe(2);
    expect(wordflow(['certify', 'a', '--embedding', 'x']).code).toBe(2);
  });
});
