/**
 * Certificates can fail: a map perturbed across a region boundary is
 * caught, in every embedding, with the condition and place it breaks.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  certify,
  flow2dParams,
  flow2dVocabulary,
  FOLD_WIDTH,
  onehotParams,
  onehotVocabulary,
  relu1dParams,
  relu1dVocabulary,
  sigmoidParams,
  sigmoidVocabulary,
  transformParams,
  transformVocabulary,
  X_SHIFT,
  Y_SHIFT,
} from '../../src/vocabulary/index.js';
import { pushStep, type PhraseStep } from '../../src/flows/phrase.js';
import { arbDfa } from './arbitrary.js';
import { compileRegex } from '../../src/language.js';
import { EMBEDDING_NAMES, vocabulary } from '../../src/vocabulary/index.js';

/** A DFA with at least two states, and one (state, class) pair of it. */
const arbCase = arbDfa({ maxStates: 12 })
  .filter((d) => d.states >= 2)
  .chain((dfa) =>
    fc.record({
      dfa: fc.constant(dfa),
      q: fc.integer({ min: 0, max: dfa.states - 1 }),
      c: fc.integer({ min: 0, max: dfa.alphabet.classes.length - 1 }),
    }),
  );

describe('a perturbed map makes the certificate fail', () => {
  it('transform: one image changed', () => {
    fc.assert(
      fc.property(arbCase, ({ dfa, q, c }) => {
        const { maps } = transformParams(dfa);
        const changed = maps.map((m) => Int32Array.from(m));
        changed[c]![q] = (changed[c]![q]! + 1) % dfa.states;
        const cert = certify(transformVocabulary(dfa, { maps: changed }));
        expect(cert.holds).toBe(false);
        expect(cert.failures[0]).toMatchObject({ condition: 'transition', state: q, class: c });
      }),
    );
  });

  it('onehot: one column moved to another row, or scaled up', () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), ({ dfa, q, c }, move) => {
        const p = onehotParams(dfa);
        const m = p.matrices[c]!;
        const rows = Int32Array.from(m.rows);
        const values = Float64Array.from(m.values);
        if (move) rows[q] = (rows[q]! + 1) % dfa.states;
        else values[q] = 1.5;
        const matrices = p.matrices.map((x, i) => (i === c ? { colStart: x.colStart, rows, values } : x));
        const cert = certify(onehotVocabulary(dfa, { matrices, radius: p.radius }));
        expect(cert.holds).toBe(false);
        expect(cert.margin).toBeLessThan(0);
        expect(cert.failures.some((f) => f.condition === 'transition' && f.class === c)).toBe(true);
      }),
    );
  });

  it('relu1d: one knot value pushed out by more than the region radius', () => {
    fc.assert(
      fc.property(arbCase, fc.constantFrom(0.3, -0.3, 1, 0.2500001), ({ dfa, q, c }, shift) => {
        const p = relu1dParams(dfa);
        const ys = Float64Array.from(p.words[c]!.ys);
        ys[2 * q + 1]! += shift;
        const words = p.words.map((w, i) => (i === c ? { xs: w.xs, ys } : w));
        const cert = certify(relu1dVocabulary(dfa, { words, radius: p.radius }));
        expect(cert.holds).toBe(false);
        expect(cert.failures.some((f) => f.state === q && f.class === c)).toBe(true);
      }),
    );
  });

  it('relu1d: moving a knot within the region keeps the certificate (it is not merely picky)', () => {
    fc.assert(
      fc.property(arbCase, ({ dfa, q, c }) => {
        const p = relu1dParams(dfa);
        const ys = Float64Array.from(p.words[c]!.ys);
        ys[2 * q + 1]! += 0.125;
        const words = p.words.map((w, i) => (i === c ? { xs: w.xs, ys } : w));
        const cert = certify(relu1dVocabulary(dfa, { words, radius: p.radius }));
        expect(cert.holds).toBe(true);
        expect(cert.margin).toBe(0.125);
      }),
    );
  });

  it('sigmoid: one transition weight removed', () => {
    fc.assert(
      fc.property(arbCase, ({ dfa, q, c }) => {
        const p = sigmoidParams(dfa, 12);
        const values = Float64Array.from(p.weights[c]!.values);
        values[q] = 0;
        const weights = p.weights.map((w, i) => (i === c ? { ...w, values } : w));
        const cert = certify(sigmoidVocabulary(dfa, { ...p, weights }));
        expect(cert.holds).toBe(false);
        expect(cert.failures.some((f) => f.state === q && f.class === c)).toBe(true);
      }),
    );
  });

  it('flow2d: a translation in a phrase lengthened by one', () => {
    fc.assert(
      fc.property(arbCase, ({ dfa, c }) => {
        const p = flow2dParams(dfa);
        // The last `tx±`/`ty±` before the final `hy^e hx`: the horizontal shear's return.
        const phrase = [...p.phrases[c]!];
        const i = phrase.length - 3;
        expect(phrase[i]!.flow).toMatch(/^t[xy][+-]$/);
        phrase[i] = { ...phrase[i]!, times: phrase[i]!.times + 1 };
        const phrases = p.phrases.map((x, j) => (j === c ? phrase : x));
        const cert = certify(flow2dVocabulary(dfa, { ...p, phrases }));
        expect(cert.holds).toBe(false);
        expect(cert.failures.every((f) => f.class === c)).toBe(true);
      }),
    );
  });

  it('flow2d: an extra horizontal step appended to a phrase sends R_q out of its target', () => {
    fc.assert(
      fc.property(arbCase, ({ dfa, q, c }) => {
        const p = flow2dParams(dfa);
        const phrase: PhraseStep[] = [...p.phrases[c]!];
        pushStep(phrase, 'tx+', 1);
        const phrases = p.phrases.map((x, j) => (j === c ? phrase : x));
        const cert = certify(flow2dVocabulary(dfa, { ...p, phrases }));
        expect(cert.holds).toBe(false);
        expect(cert.margin).toBeLessThan(0);
        // Every state's image moves one unit right: each (state, class c) fails, twice (inclusion and folding).
        expect(cert.failureCount).toBe(2 * dfa.states);
        expect(cert.failures.every((f) => f.class === c)).toBe(true);
        expect(cert.failures.some((f) => f.state === Math.min(q, 9))).toBe(true);
      }),
    );
  });

  it('flow2d: a folded map that disagrees with its phrase is caught', () => {
    fc.assert(
      fc.property(arbCase, fc.boolean(), ({ dfa, q, c }, inX) => {
        const p = flow2dParams(dfa);
        const folded = Float64Array.from(p.folded);
        folded[FOLD_WIDTH * (c * dfa.states + q) + (inX ? X_SHIFT : Y_SHIFT)]! += 2 ** -20;
        const cert = certify(flow2dVocabulary(dfa, { ...p, folded }));
        expect(cert.holds).toBe(false);
        expect(cert.failures).toEqual([
          expect.objectContaining({ state: q, class: c, message: expect.stringMatching(/folded/) }),
        ]);
      }),
    );
  });
});

describe('certificates scale', () => {
  it('a minimal DFA of 1025 states × 3 classes is certified in every embedding (its time is for the benchmark)', () => {
    const dfa = compileRegex('(a|b)*a(a|b){9}');
    expect(dfa.states).toBe(1025);
    for (const name of EMBEDDING_NAMES) {
      const v = vocabulary(dfa, name, { sigmoid: { gain: 10 } });
      const cert = certify(v);
      expect(cert.holds, name).toBe(true);
    }
  });
});
