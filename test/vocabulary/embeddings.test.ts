/**
 * Every embedding agrees with the DFA on every string, and every
 * certificate holds — over random complete DFAs and random sentences,
 * including sentences of 10 000+ letters.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runClasses } from '../../src/automata/dfa.js';
import {
  acceptsBy,
  certify,
  EMBEDDING_NAMES,
  verifyAll,
  vocabulary,
  type EmbeddingName,
} from '../../src/vocabulary/index.js';
import { arbDfa, arbSentence, longSentence, stringOf } from './arbitrary.js';

const cheap: EmbeddingName[] = ['transform', 'onehot', 'relu1d', 'flow2d'];

describe('every embedding reads like its DFA', () => {
  for (const name of cheap) {
    it(`${name}: lands in R_δ(q0,w) for short and ≥ 10 000-letter sentences; certificate holds`, () => {
      fc.assert(
        fc.property(
          arbDfa(),
          fc.array(arbSentence(4, 60), { maxLength: 8 }),
          fc.integer({ min: 10_000, max: 30_000 }),
          fc.nat(),
          (dfa, sentences, longLength, seed) => {
            const m = dfa.alphabet.classes.length;
            const v = vocabulary(dfa, name);
            const cert = certify(v);
            expect(cert.holds).toBe(true);
            expect(cert.failures).toEqual([]);
            const all = [...sentences.map((s) => s.map((c) => c % m)), Array.from(longSentence(m, longLength, seed))];
            for (const w of all) {
              const end = v.run(w);
              const q = runClasses(dfa, w);
              expect(v.stateOf(end)).toBe(q);
              expect(v.inTarget(end)).toBe(dfa.accepting[q] === 1);
            }
          },
        ),
        { numRuns: 40 },
      );
    });
  }

  it('sigmoid (default gain): agrees on short and 10 000-letter sentences; certificate holds', () => {
    fc.assert(
      fc.property(
        arbDfa({ maxStates: 12 }),
        fc.array(arbSentence(4, 40), { maxLength: 6 }),
        fc.nat(),
        (dfa, sentences, seed) => {
          const m = dfa.alphabet.classes.length;
          const v = vocabulary(dfa, 'sigmoid');
          expect(certify(v).holds).toBe(true);
          for (const w of [...sentences.map((s) => s.map((c) => c % m)), Array.from(longSentence(m, 10_000, seed))]) {
            const end = v.run(w);
            const q = runClasses(dfa, w);
            expect(v.stateOf(end)).toBe(q);
            expect(v.inTarget(end)).toBe(dfa.accepting[q] === 1);
          }
        },
      ),
      { numRuns: 15 },
    );
  });

  it('apply composes to run, step by step, in every embedding', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 10 }), arbSentence(4, 25), (dfa, raw) => {
        const m = dfa.alphabet.classes.length;
        const w = raw.map((c) => c % m);
        for (const name of EMBEDDING_NAMES) {
          const v = vocabulary(dfa, name, { sigmoid: { gain: 12 } });
          let x: Float64Array = Float64Array.from(v.start);
          for (const c of w) x = v.apply(c, x);
          expect(Array.from(x)).toEqual(Array.from(v.run(w)));
        }
      }),
      { numRuns: 25 },
    );
  });

  it('acceptsBy and verifyAll read strings as code points and agree with the DFA', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 10 }), arbSentence(4, 30), (dfa, raw) => {
        const m = dfa.alphabet.classes.length;
        const w = raw.map((c) => c % m);
        const s = stringOf(dfa, w);
        const expected = dfa.accepting[runClasses(dfa, w)] === 1;
        for (const name of cheap) expect(acceptsBy(vocabulary(dfa, name), s)).toBe(expected);
        expect(verifyAll(dfa, s)).toEqual({ accept: expected, disagreements: [] });
      }),
      { numRuns: 25 },
    );
  });

  it('astral code points are one letter each', () => {
    const dfa = fc.sample(arbDfa({ maxStates: 3, maxClasses: 2 }), { numRuns: 1, seed: 5 })[0]!;
    const v = vocabulary(dfa, 'transform');
    // 😀 is one code point (two UTF-16 units): one word, not two.
    const other = dfa.alphabet.other!;
    const k = dfa.alphabet.classes.length;
    const q = dfa.delta[dfa.start * k + other]!;
    expect(acceptsBy(v, '😀')).toBe(dfa.accepting[q] === 1);
  });

  it('a partial DFA, completed with a dead state (the type requires it), embeds and certifies', async () => {
    const { complete, dfaFromTable, isComplete } = await import('../../src/automata/dfa.js');
    const { alphabetOf } = await import('./arbitrary.js');
    const partial = dfaFromTable(
      alphabetOf(2),
      [
        [1, -1],
        [-1, 1],
      ],
      0,
      [1],
    );
    expect(isComplete(partial)).toBe(false);
    const v = vocabulary(complete(partial), 'flow2d');
    expect(v.dfa.states).toBe(3);
    expect(certify(v).holds).toBe(true);
    expect(acceptsBy(v, '!')).toBe(true);
    expect(acceptsBy(v, 'a')).toBe(false);
    expect(acceptsBy(v, '!a')).toBe(true);
    expect(acceptsBy(v, '!!')).toBe(false);
  });

  it('unknown words and malformed points are usage errors, not crashes', () => {
    const dfa = fc.sample(arbDfa({ maxStates: 3, maxClasses: 2 }), { numRuns: 1, seed: 9 })[0]!;
    for (const name of cheap) {
      const v = vocabulary(dfa, name);
      expect(() => v.apply(7, v.start)).toThrow(/no word/);
      expect(() => v.run([0, 9])).toThrow(/class 9/);
      expect(() => v.apply(0, new Float64Array(v.dimension + 1))).toThrow(/coordinates/);
    }
  });
});
