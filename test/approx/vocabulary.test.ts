/**
 * V*: sixteen words, flow2d's twelve untouched; runs in closed form agree
 * with the words applied one at a time; inverses undo; the exact dyadic
 * evaluator agrees with doubles where doubles are exact; sentences merge,
 * cancel, invert, print and parse back.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import * as D from '../../src/approx/dyadic.js';
import {
  evaluateSentence,
  evaluateSentenceExactAt,
  formatSentence,
  invertSentence,
  parseSentence,
  type Run,
  sentenceLength,
  sentencePath,
  SentenceWriter,
} from '../../src/approx/sentence.js';
import { inverseWord, VOCABULARY, WORD_CODE, wordAt, WORDS } from '../../src/approx/vocabulary.js';
import { FLOW_NAMES } from '../../src/flows/primitives.js';
import { word, wordByWord } from './independent.js';

const arbWord = fc.constantFrom(...VOCABULARY);
const arbCoord = fc.double({ min: -4, max: 4, noNaN: true });

describe('the vocabulary V*', () => {
  it('has the sixteen names of the issue, the twelve of flow2d first with their op codes', () => {
    expect(VOCABULARY).toEqual([
      'hx',
      'dx',
      'hy',
      'dy',
      'tx+',
      'tx-',
      'ty+',
      'ty-',
      'ry+',
      'ry-',
      'rx+',
      'rx-',
      'sx+',
      'sx-',
      'sy+',
      'sy-',
    ]);
    expect(FLOW_NAMES).toHaveLength(12);
    FLOW_NAMES.forEach((f, i) => expect(WORD_CODE[f]).toBe(i));
    expect(WORDS['sx+'].timeOne).toContain('e·x');
    expect(WORDS['sy-'].dyadic).toBe(false);
  });

  it('a run of n words is the word applied n times', () => {
    fc.assert(
      fc.property(arbWord, fc.integer({ min: 1, max: 40 }), arbCoord, arbCoord, (w, n, x, y) => {
        const [a, b] = wordAt(w, n, x, y);
        const [c, d] = wordByWord([[w, n]], x, y);
        expect(Math.abs(a - c)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(c)));
        expect(Math.abs(b - d)).toBeLessThanOrEqual(1e-12 * Math.max(1, Math.abs(d)));
      }),
    );
  });

  it('every word is undone by its inverse', () => {
    fc.assert(
      fc.property(arbWord, arbCoord, arbCoord, (w, x, y) => {
        const [a, b] = word(inverseWord(w), ...word(w, x, y));
        expect(Math.abs(a - x)).toBeLessThanOrEqual(1e-12);
        expect(Math.abs(b - y)).toBeLessThanOrEqual(1e-12);
      }),
    );
  });

  it('long sx runs are applied in pieces: e^800·1e-300 is finite', () => {
    const [x] = wordAt('sx+', 800, 1e-300, 0);
    expect(Number.isFinite(x)).toBe(true);
    expect(x / Math.exp(800 - 300 * Math.LN10)).toBeCloseTo(1, 10);
    expect(wordAt('sx-', 2000, -3, 1)).toEqual([-3, 1]);
  });

  it('the exact dyadic evaluator agrees with doubles on sentences over the twelve at dyadic points', () => {
    const twelve = fc.constantFrom(...FLOW_NAMES);
    fc.assert(
      fc.property(
        fc.array(fc.tuple(twelve, fc.integer({ min: 1, max: 5 })), { maxLength: 30 }),
        fc.integer({ min: -1024, max: 1024 }),
        fc.integer({ min: -1024, max: 1024 }),
        (runs, i, j) => {
          const s = runs as Run[];
          // Small dyadics and few words: every double operation is exact, so both must agree bit for bit.
          expect(evaluateSentenceExactAt(s, i / 256, j / 256)).toEqual(evaluateSentence(s, i / 256, j / 256));
        },
      ),
    );
    expect(() => evaluateSentenceExactAt([['sx+', 1]], 0.5, 0)).toThrow(RangeError);
    expect(evaluateSentenceExactAt([['sx+', 1]], -0.5, 0)).toEqual([-0.5, 0]);
  });

  it('dyadic arithmetic: exact values of doubles, quantization, comparison', () => {
    expect(D.toNumber(D.fromNumber(0.1))).toBe(0.1);
    expect(D.compare(D.fromNumber(0.1), D.quantize(0.1, 20))).not.toBe(0);
    expect(D.toNumber(D.add(D.fromNumber(0.5), D.fromNumber(0.25)))).toBe(0.75);
    expect(D.toNumber(D.floorTo(-0.3, 2))).toBe(-0.5);
    expect(D.toNumber(D.ceilTo(-0.3, 2))).toBe(-0.25);
  });
});

describe('sentences', () => {
  it('the writer merges equal neighbours and cancels inverse ones', () => {
    const w = new SentenceWriter();
    w.push('hx', 2);
    w.push('hx', 3);
    w.push('dx', 1);
    w.push('ty+', 1);
    w.push('ty-', 3);
    expect(w.sentence()).toEqual([
      ['hx', 4],
      ['ty-', 2],
    ]);
    expect(w.length).toBe(6);
  });

  it('invert undoes, text round-trips, the path ends at the image', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(arbWord, fc.integer({ min: 1, max: 4 })), { maxLength: 20 }),
        arbCoord,
        arbCoord,
        (runs, x, y) => {
          const s = runs as Run[];
          const [a, b] = evaluateSentence(s, x, y);
          const [c, d] = evaluateSentence(invertSentence(s), a, b);
          expect(Math.abs(c - x)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(x), Math.abs(a)) * 2 ** 10);
          expect(Math.abs(d - y)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(y), Math.abs(b)) * 2 ** 10);
          expect(parseSentence(formatSentence(s))).toEqual(s);
          const path = sentencePath(s, x, y);
          expect(path).toHaveLength(s.length + 1);
          expect([path[path.length - 1]!.x, path[path.length - 1]!.y]).toEqual([a, b]);
          expect(sentenceLength(s)).toBe(s.reduce((n, [, k]) => n + k, 0));
        },
      ),
    );
  });

  it('long sentences print shortened, with the count of what is left out', () => {
    const s: Run[] = Array.from({ length: 50 }, (_, i) => [i % 2 ? 'tx+' : 'hy', 2] as Run);
    const text = formatSentence(s, 10);
    expect(text).toMatch(/… \(40 more runs, 80 words\) …/);
    expect(() => parseSentence('hx^0')).toThrow(RangeError);
    expect(() => parseSentence('warp')).toThrow(RangeError);
  });
});
