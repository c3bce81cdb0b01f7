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
  });

  it('margins: flow2d keeps 2^−(k+1) = 1/32 with k = ⌈log2(5·3 + 1)⌉ = 4; relu1d 1/4; linear maps 0', () => {
    const margin = (e: string): number => JSON.parse(wordflow(['certify', '(a|b)*abb', '--embedding', e, '--json']).stdout).margin;
    expect(margin('flow2d')).toBe(1 / 32);
    expect(margin('relu1d')).toBe(0.25);
    expect(margin('onehot')).toBe(0);
    expect(margin('transform')).toBe(0);
  });

  it('defaults to flow2d and prints one line of text', () => {
    const r = wordflow(['certify', 'colou?r']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^flow2d: the certificate holds \(exact\); margin [\d.]+; \d+ states × \d+ classes\n$/);
  });

  it('a sigmoid gain too small fails: exit 1, holds false, with the failures', () => {
    const r = wordflow(['certify', '(ab)*', '--embedding', 'sigmoid', '--gain', '3', '--json']);
    expect(r.code).toBe(1);
    const c = JSON.parse(r.stdout);
    expect(c.holds).toBe(false);
    expect(c.margin).toBeLessThan(0);
    expect(c.failures.length).toBeGreaterThan(0);
    expect(c.gain).toBe(3);
    expect(c.minimalGain).toBeGreaterThan(3);
    const ok = JSON.parse(wordflow(['certify', '(ab)*', '--embedding', 'sigmoid', '--gain', String(c.minimalGain), '--json']).stdout);
    expect(ok.holds).toBe(true);
    const text = wordflow(['certify', '(ab)*', '--embedding', 'sigmoid']);
    expect(text.stdout).toMatch(/smallest certified gain [\d.]+ \(to 0\.001\); Omlin–Giles bound [\d.]+ for in-degree r = \d+/);
  });

  it('bad input exits 2', () => {
    expect(wordflow(['certify', '(a', '--json']).code).toBe(2);
    expect(wordflow(['certify', 'a', '--embedding', 'x']).code).toBe(2);
  });
});
