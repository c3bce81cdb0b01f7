/** `wordflow compile`: the vocabulary as text and as JSON a consumer can evaluate. */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

describe('wordflow compile', () => {
  it('prints the flow2d vocabulary by default: phrases over V and folded maps', () => {
    const r = wordflow(['compile', '(a|b)*abb']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^flow2d vocabulary: 5 states, 3 words \(other, a, b\), space ℝ\^2$/m);
    expect(r.stdout).toMatch(/^word a: spelled with \d+ primitive flows in \d+ runs$/m);
    expect(r.stdout).toMatch(/^ {2}hy\^5 ty\+ dy\^5 /m);
    expect(r.stdout).toMatch(/^ {4}R_0: x ↦ \(x \+ 2\)·0\.5, y ↦ y·0\.03125 \+ 0\.125$/m);
  });

  it('--json: the folded maps, applied by hand along "abb", land in the accepting column', () => {
    const r = wordflow(['compile', '(a|b)*abb', '--json']);
    expect(r.code).toBe(0);
    const v = JSON.parse(r.stdout);
    expect(v.embedding).toBe('flow2d');
    expect(v.words.map((w: { label: string }) => w.label)).toEqual(['other', 'a', 'b']);
    let [x, y] = v.start as [number, number];
    for (const label of ['a', 'b', 'b']) {
      const word = v.words.find((w: { label: string }) => w.label === label);
      const f = word.map.folded[Math.round(x)];
      x = (x + f.x.shift) * f.x.scale;
      y = y * f.y.scale + f.y.shift + f.y.after;
    }
    expect(x).toBe(3);
    expect(v.accepting).toEqual([3]);
    expect(y).toBeGreaterThan(0);
    expect(y).toBeLessThan(1);
  });

  it('relu1d --json: each word as knots and as a ReLU network that agree', () => {
    const r = wordflow(['compile', '(aa)*', '--embedding', 'relu1d', '--json']);
    const v = JSON.parse(r.stdout);
    for (const w of v.words) {
      const { knots, network } = w.map;
      for (const [kx, ky] of knots) {
        let out = network.outputBias;
        for (let i = 0; i < network.width; i++)
          out += network.outputWeights[i] * Math.max(0, network.hiddenWeights[i] * kx + network.hiddenBiases[i]);
        expect(out).toBeCloseTo(ky, 12);
      }
    }
    expect(wordflow(['compile', '(aa)*', '--embedding', 'relu1d']).stdout).toMatch(/ReLU network, width \d+:/);
  });

  it('onehot and sigmoid print their matrices; --gain sets the sigmoid gain', () => {
    const onehot = JSON.parse(wordflow(['compile', 'ab', '--embedding', 'onehot', '--json']).stdout);
    for (const w of onehot.words) expect(w.map.entries).toHaveLength(onehot.states);
    const sigmoid = JSON.parse(wordflow(['compile', 'ab', '--embedding', 'sigmoid', '--gain', '9.5', '--json']).stdout);
    expect(sigmoid.constants.gain).toBe(9.5);
    expect(sigmoid.words[0].map.bias.every((b: number) => b === -4.75)).toBe(true);
  });

  it('bad embeddings, misplaced --gain and bad patterns exit 2 with a message', () => {
    const bad = wordflow(['compile', 'a', '--embedding', 'tensor']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/unknown embedding 'tensor'; choose one of transform, onehot, relu1d, sigmoid, flow2d/);
    const gain = wordflow(['compile', 'a', '--gain', '3']);
    expect(gain.code).toBe(2);
    expect(gain.stderr).toMatch(/--gain applies to the sigmoid embedding only/);
    expect(wordflow(['compile', 'a', '--embedding', 'sigmoid', '--gain', '-1']).code).toBe(2);
    const syntax = wordflow(['compile', 'a(']);
    expect(syntax.code).toBe(2);
    expect(syntax.stderr).not.toMatch(/at .*\.js:\d+/);
  });

  it('reads automaton files with --fa', () => {
    const r = wordflow(['compile', '--fa', 'grammars/examples/parity.fa', '--embedding', 'transform']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^transform vocabulary: \d+ states/m);
  });
});
