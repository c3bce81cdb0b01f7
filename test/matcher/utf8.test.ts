/**
 * Exhaustive check of the UTF-8 byte automaton's decoding: every byte string
 * of the form `lead, b1, b2, b3` over all lead and second bytes and the
 * boundary values of the later bytes. The DFA used records the number of code
 * points read and the class of the last one, so comparing *end states* (not
 * just verdicts) checks every decoded code point's class and count.
 */
import { describe, expect, it } from 'vitest';
import { classOf, partition } from '../../src/alphabet/alphabet.js';
import { fromRanges } from '../../src/alphabet/charset.js';
import { type CompleteDfa, complete } from '../../src/automata/dfa.js';
import { jsByteRunner } from '../../src/matcher/bytes.js';
import { utf8Automaton } from '../../src/matcher/units.js';
import { wasmRunner } from '../../src/matcher/wasm/matcher.js';

function trackingDfa(): CompleteDfa {
  const alphabet = partition(
    [
      [0x80, 0x7ff],
      [0x800, 0xfff],
      [0x1000, 0xd7ff],
      [0xd800, 0xdbff],
      [0xdc00, 0xdfff],
      [0xe000, 0xfffc],
      [0xfffd, 0xfffd],
      [0x10000, 0x3ffff],
      [0x40000, 0x10ffff],
    ].map(([lo, hi]) => fromRanges([[lo!, hi!]])),
  );
  const k = alphabet.classes.length;
  const mod = 5;
  const states = 1 + mod * k;
  const delta = new Int32Array(states * k);
  for (let q = 0; q < states; q++) {
    const count = q === 0 ? 0 : Math.floor((q - 1) / k) + 1;
    for (let c = 0; c < k; c++) delta[q * k + c] = 1 + (count % mod) * k + c;
  }
  return complete({ alphabet, states, start: 0, accepting: new Uint8Array(states), delta });
}

function walk(dfa: CompleteDfa, s: string): number {
  const k = dfa.alphabet.classes.length;
  let q = dfa.start;
  for (const ch of s) q = dfa.delta[q * k + classOf(dfa.alphabet, ch.codePointAt(0)!)]!;
  return q;
}

describe('UTF-8 decoding by the byte automaton', () => {
  it('matches Buffer#toString on every lead/second byte and boundary continuations', () => {
    const dfa = trackingDfa();
    const a = utf8Automaton(dfa)!;
    const runners = [jsByteRunner(a), wasmRunner(a, 1)!, wasmRunner(a, 2)!, wasmRunner(a, 4)!];
    const later = [0x00, 0x41, 0x7f, 0x80, 0x8f, 0x90, 0x9f, 0xa0, 0xbf, 0xc0, 0xc2, 0xe0, 0xf0, 0xff];
    const bytes = new Uint8Array(4);
    let checked = 0;
    for (let b0 = 0; b0 < 256; b0++) {
      for (let b1 = 0; b1 < 256; b1++) {
        for (const b2 of b0 >= 0xe0 ? later : [0x80]) {
          for (const b3 of b0 >= 0xf0 ? later : [0x41]) {
            bytes.set([b0, b1, b2, b3]);
            for (const len of b0 >= 0xf0 ? [2, 3, 4] : [2, 3]) {
              const view = bytes.subarray(0, len);
              const expected = walk(dfa, Buffer.from(view).toString('utf8'));
              for (const r of runners) {
                const got = a.outcome[r.runBytes(dfa.start, view)];
                if (got !== expected)
                  expect([...view].map((b) => b.toString(16)).join(' ') + ` → ${got}`).toBe(`→ ${expected}`);
              }
              checked++;
            }
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(100_000);
  });
});
