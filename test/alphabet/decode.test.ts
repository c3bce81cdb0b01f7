/**
 * The streaming code-point decoder (`alphabet/decode.ts`) is the definition of
 * how a JavaScript string is read: it must split strings as the language's own
 * string iterator does, whatever pieces the input comes in. The readers that
 * keep an inline copy for speed — the matcher's code-point runner and the lazy
 * DFA — and the unit automaton (whose pending states decode) must agree with
 * it on strings with lone and paired surrogates cut at random points,
 * surrogate pairs included.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOf } from '../../src/alphabet/alphabet.js';
import {
  ClassTable,
  classesOfText,
  codePointOf,
  codePointsOf,
  DECODE_BLOCK,
  Utf16Decoder,
} from '../../src/alphabet/decode.js';
import { runClasses } from '../../src/automata/dfa.js';
import { lazyDfa } from '../../src/automata/lazy.js';
import { nfaOfRegex } from '../../src/language.js';
import { codePointRunner, unitRunner } from '../../src/matcher/js.js';
import { utf16Automaton } from '../../src/matcher/units.js';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { compilePattern, cuts, dfaArb, stringArb } from '../matcher/support.js';

const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 6 });

/** The pieces of `s` cut at `fs` (empty pieces included). */
function pieces(s: string, fs: readonly number[]): [number, number][] {
  const out: [number, number][] = [];
  let at = 0;
  for (const cut of [...cuts(s.length, fs), s.length]) {
    out.push([at, cut]);
    at = cut;
  }
  return out;
}

/** Everything a decoder writes for `s` read in the given pieces, then ended. */
function decodeInPieces(decoder: Utf16Decoder, s: string, parts: readonly [number, number][]): number[] {
  const out: number[] = [];
  const buf = new Int32Array(s.length + 1);
  for (const [from, to] of parts) out.push(...buf.subarray(0, decoder.decode(s, from, to, buf)));
  out.push(...buf.subarray(0, decoder.end(buf)));
  return out;
}

/** The reference: the code points the language's string iterator yields. */
const iterated = (s: string): number[] => Array.from(s, (ch) => ch.codePointAt(0)!);

describe('Utf16Decoder', () => {
  it('reads any string in any pieces as the string iterator does', () => {
    fc.assert(
      fc.property(stringArb(60), fractions, (s, fs) => {
        expect(decodeInPieces(new Utf16Decoder(), s, pieces(s, fs))).toEqual(iterated(s));
        expect(Array.from(codePointsOf(s))).toEqual(iterated(s));
        expect([...s].map(codePointOf)).toEqual(iterated(s));
      }),
      { numRuns: 300 },
    );
  });

  it('with a class table, writes the class of each of those code points', () => {
    fc.assert(
      fc.property(dfaArb, stringArb(60), fractions, (dfa, s, fs) => {
        const want = iterated(s).map((cp) => classOf(dfa.alphabet, cp));
        expect(decodeInPieces(new Utf16Decoder(new ClassTable(dfa.alphabet)), s, pieces(s, fs))).toEqual(want);
        expect(Array.from(classesOfText(dfa.alphabet, s))).toEqual(want);
      }),
      { numRuns: 100 },
    );
  });

  it('keeps a high surrogate pending across pieces, and only at the end reads it as lone', () => {
    const d = new Utf16Decoder();
    const buf = new Int32Array(4);
    expect(d.decode('a\ud83d', 0, 2, buf)).toBe(1);
    expect(d.pending).toBe(0xd83d);
    expect(d.decode('', 0, 0, buf)).toBe(0);
    expect(d.decode('\ude00b', 0, 2, buf)).toBe(2);
    expect(Array.from(buf.subarray(0, 2))).toEqual([0x1f600, 0x62]);
    expect(d.decode('\ud83d', 0, 1, buf)).toBe(0);
    expect(d.end(buf)).toBe(1);
    expect(buf[0]).toBe(0xd83d);
    expect(d.end(buf)).toBe(0);
  });

  it('decodes across block boundaries of the streaming readers', () => {
    const s = 'x'.repeat(DECODE_BLOCK - 1) + '\ud83d\ude00' + '\udc00'.repeat(3) + '\ud800';
    const parts: [number, number][] = [];
    for (let at = 0; at < s.length; at += DECODE_BLOCK) parts.push([at, Math.min(s.length, at + DECODE_BLOCK)]);
    expect(decodeInPieces(new Utf16Decoder(), s, parts)).toEqual(iterated(s));
  });
});

describe('inline copies of the decoder agree with it', () => {
  it('the code-point runner and the unit automaton reach the state of the decoded classes, in any pieces', () => {
    fc.assert(
      fc.property(dfaArb, stringArb(), fractions, (dfa, s, fs) => {
        const want = runClasses(dfa, classesOfText(dfa.alphabet, s));
        for (const r of [codePointRunner(dfa), unitRunner(utf16Automaton(dfa)!)]) {
          let state = r.enter(dfa.start);
          for (const [from, to] of pieces(s, fs)) state = r.run(state, s, from, to);
          expect(r.settle(state)).toBe(want);
        }
      }),
      { numRuns: 200 },
    );
  });

  // Languages that tell a pair from two lone surrogates: by the pair, by either half, and by the parity of the count.
  const PATTERNS = ['.*\\u{1F600}', '.*\\u{D83D}', '.*\\u{DE00}.', '(..)*', '(...)*', '[^\\u{D800}-\\u{DFFF}]*'];

  it('the lazy DFA pushed in pieces gives the verdict of the decoded classes', () => {
    const languages = PATTERNS.map((p) => ({ nfa: nfaOfRegex(parseRegex(p)), dfa: compilePattern(p) }));
    fc.assert(
      fc.property(fc.constantFrom(...languages), stringArb(), fractions, ({ nfa, dfa }, s, fs) => {
        const q = runClasses(dfa, classesOfText(dfa.alphabet, s));
        const run = lazyDfa(nfa, 4).start();
        for (const [from, to] of pieces(s, fs)) run.push(s.slice(from, to));
        expect(run.accepts()).toBe(dfa.accepting[q] === 1);
      }),
      { numRuns: 300 },
    );
  });
});
