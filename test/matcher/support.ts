/**
 * Shared generators for the matcher tests: random complete DFAs over random
 * code-point partitions (boundaries near ASCII, UTF-8 length changes,
 * surrogates and the astral planes), strings that mix every kind of UTF-16
 * unit (lone surrogates and pairs included), random byte strings, and a
 * compiler from patterns that does not depend on the CLI.
 */
import fc from 'fast-check';
import { partition } from '../../src/alphabet/alphabet.js';
import { fromRanges, type Range } from '../../src/alphabet/charset.js';
import type { CompleteDfa } from '../../src/automata/dfa.js';
import { alphabetOf, nfaFromRegex } from '../../src/automata/fromRegex.js';
import { determinize } from '../../src/automata/determinize.js';
import { minimize } from '../../src/automata/minimize.js';
import { mergeEquivalentClasses } from '../../src/automata/compact.js';
import { complete } from '../../src/automata/dfa.js';
import { limits } from '../../src/limits.js';
import { parseRegex } from '../../src/syntax/regex/parse.js';

/** Code points where encodings and partitions change behaviour. */
const POINTS = [
  0, 0x0a, 0x30, 0x39, 0x41, 0x5a, 0x61, 0x62, 0x63, 0x7a, 0x7f, 0x80, 0xff, 0x7ff, 0x800, 0xfff, 0xd7ff, 0xd800,
  0xdbff, 0xdc00, 0xdfff, 0xe000, 0xfffd, 0xffff, 0x10000, 0x103ff, 0x10400, 0x1f600, 0x1f64f, 0x10fbff, 0x10ffff,
];

const pointArb = fc.oneof(fc.constantFrom(...POINTS), fc.integer({ min: 0, max: 0x10ffff }));
const rangeArb: fc.Arbitrary<Range> = fc
  .tuple(pointArb, pointArb)
  .map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as Range);

/** A random complete DFA: random partition, 1–8 states, random table and accepting set. */
export const dfaArb: fc.Arbitrary<CompleteDfa> = fc
  .record({
    sets: fc.array(fc.array(rangeArb, { minLength: 1, maxLength: 3 }), { minLength: 0, maxLength: 4 }),
    states: fc.integer({ min: 1, max: 8 }),
    seed: fc.array(fc.nat(), { minLength: 64, maxLength: 64 }),
    accepting: fc.array(fc.boolean(), { minLength: 8, maxLength: 8 }),
    withDead: fc.boolean(),
  })
  .map(({ sets, states, seed, accepting, withDead }) => {
    const alphabet = partition(sets.map((r) => fromRanges(r)));
    const k = alphabet.classes.length;
    const delta = new Int32Array(states * k);
    for (let i = 0; i < delta.length; i++) delta[i] = seed[i % 64]! % states;
    const acc = Uint8Array.from({ length: states }, (_, q) => (accepting[q] ? 1 : 0));
    if (withDead && states > 1) {
      // Make the last state a sink that rejects, so early exits are exercised.
      const d = states - 1;
      acc[d] = 0;
      for (let c = 0; c < k; c++) delta[d * k + c] = d;
    }
    return complete({ alphabet, states, start: 0, accepting: acc, delta });
  });

/** One UTF-16 piece: ASCII, a random BMP unit, a lone surrogate, or a pair. */
const pieceArb = fc.oneof(
  { weight: 4, arbitrary: fc.constantFrom('a', 'b', 'c', '0', 'z', '\n', '\x7f') },
  { weight: 2, arbitrary: pointArb.filter((p) => p < 0x10000).map((p) => String.fromCharCode(p)) },
  { weight: 1, arbitrary: fc.integer({ min: 0xd800, max: 0xdfff }).map((u) => String.fromCharCode(u)) },
  { weight: 2, arbitrary: pointArb.filter((p) => p >= 0x10000).map((p) => String.fromCodePoint(p)) },
);

/** Strings of any UTF-16 content, up to `maxLength` pieces. */
export function stringArb(maxLength = 40): fc.Arbitrary<string> {
  return fc.array(pieceArb, { maxLength }).map((xs) => xs.join(''));
}

/** Well-formed strings (no lone surrogates). */
export function wellFormedArb(maxLength = 40): fc.Arbitrary<string> {
  return stringArb(maxLength).map((s) =>
    [...s].filter((ch) => !(ch.length === 1 && (ch.charCodeAt(0) & 0xf800) === 0xd800)).join(''),
  );
}

/** Byte strings biased towards UTF-8 structure: valid sequences, stray continuation and lead bytes. */
export function bytesArb(maxLength = 60): fc.Arbitrary<Uint8Array> {
  const chunk = fc.oneof(
    wellFormedArb(3).map((s) => Array.from(Buffer.from(s, 'utf8'))),
    fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 3 }),
    fc.array(fc.constantFrom(0x80, 0xbf, 0xc0, 0xc2, 0xe0, 0xed, 0xa0, 0xf0, 0xf4, 0x90, 0x8f, 0xff), { maxLength: 4 }),
  );
  return fc.array(chunk, { maxLength: maxLength / 3 }).map((xs) => Uint8Array.from(xs.flat()));
}

/** Split points (sorted, within `[0, length]`) from random fractions. */
export function cuts(length: number, fractions: readonly number[]): number[] {
  return [...fractions.map((f) => Math.floor(f * (length + 1)) % (length + 1))].sort((a, b) => a - b);
}

/** Pattern → minimal complete DFA, straight through the engine (no CLI). */
export function compilePattern(pattern: string): CompleteDfa {
  const lim = limits({});
  const ast = parseRegex(pattern, lim);
  return mergeEquivalentClasses(minimize(complete(determinize(nfaFromRegex(ast, alphabetOf(ast), lim), lim))));
}
