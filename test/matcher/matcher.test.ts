/**
 * Every membership path against the DFA walk (`accepts` in dfa.ts): the JS
 * unit matcher, the code-point fallback, the WebAssembly and JS byte
 * matchers, chunked (streaming) reading, the facade's engines, and vector
 * transformations. Random DFAs over random partitions, random strings with
 * astral code points and lone surrogates, random (often ill-formed) UTF-8.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { accepts } from '../../src/automata/dfa.js';
import { codePointRunner, runnerAccepts, unitRunner } from '../../src/matcher/js.js';
import { jsByteRunner } from '../../src/matcher/bytes.js';
import { compileMatcher, isWellFormed, WASM_BUILD_UNITS } from '../../src/matcher/index.js';
import { shortAccepts } from '../../src/matcher/short.js';
import { vectorRun } from '../../src/matcher/transform.js';
import { unitAccepts, utf16Automaton, utf8Automaton } from '../../src/matcher/units.js';
import { wasmRunner, wasmUtf16Runner } from '../../src/matcher/wasm/matcher.js';
import { bytesArb, compilePattern, cuts, dfaArb, stringArb, wellFormedArb } from './support.js';

const decode = (b: Uint8Array): string => Buffer.from(b).toString('utf8');
const STRIDES = [1, 2, 4] as const;
const fractions = fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 5 });

describe('string runners', () => {
  it('the UTF-16 unit matcher and the code-point fallback agree with the DFA walk', () => {
    fc.assert(
      fc.property(dfaArb, stringArb(), (dfa, s) => {
        const expected = accepts(dfa, s);
        expect(runnerAccepts(unitRunner(utf16Automaton(dfa)!), s)).toBe(expected);
        expect(runnerAccepts(codePointRunner(dfa), s)).toBe(expected);
        expect(unitRunner(utf16Automaton(dfa)!).accepts(s)).toBe(expected);
        expect(codePointRunner(dfa).accepts(s)).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('the short-string pair loop agrees with the DFA walk (ASCII pairs, mixed pairs, odd lengths, early death)', () => {
    const asciiArb = fc
      .array(fc.constantFrom('a', 'b', 'c', '0', 'z', '\n', '\x7f', '\x00'), { maxLength: 41 })
      .map((xs) => xs.join(''));
    fc.assert(
      fc.property(dfaArb, fc.oneof(stringArb(), asciiArb), (dfa, s) => {
        const f = shortAccepts(utf16Automaton(dfa)!)!;
        expect(f(s)).toBe(accepts(dfa, s));
      }),
      { numRuns: 400 },
    );
  });

  it('the pair loop switches from four-unit ASCII blocks to pairs at a non-ASCII unit anywhere, and hands long strings off or reads them itself', () => {
    const asciiArb = fc
      .array(fc.constantFrom('a', 'b', 'c', '0', 'z', '\x7f', '\x00'), { maxLength: 40 })
      .map((xs) => xs.join(''));
    const oddUnit = fc.constantFrom('é', '\u0080', '😀', '\ud800', '\udc00', '\uffff');
    const mixed = fc.tuple(asciiArb, oddUnit, asciiArb, fc.nat()).map(([a, u, b, n]) => {
      const at = n % (a.length + 1);
      return a.slice(0, at) + u + a.slice(at) + b;
    });
    fc.assert(
      fc.property(
        dfaArb,
        mixed,
        fc.integer({ min: 0, max: 48 }),
        fc.constantFrom<boolean | undefined>(undefined, true, false),
        (dfa, s, from, verdict) => {
          const a = utf16Automaton(dfa)!;
          const expected = accepts(dfa, s);
          expect(shortAccepts(a)!(s)).toBe(expected);
          // A long path that declines leaves the string to the loop; one that decides is believed.
          const long = shortAccepts(a, { from, accepts: () => verdict })!;
          expect(long(s)).toBe(s.length >= from && verdict !== undefined ? verdict : expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reading in pieces (splitting surrogate pairs anywhere) gives the same verdict', () => {
    fc.assert(
      fc.property(dfaArb, stringArb(), fractions, (dfa, s, fs) => {
        const expected = accepts(dfa, s);
        for (const r of [unitRunner(utf16Automaton(dfa)!), codePointRunner(dfa)]) {
          let state = r.enter(dfa.start);
          let at = 0;
          for (const cut of [...cuts(s.length, fs), s.length]) {
            state = r.run(state, s, at, cut);
            at = cut;
          }
          expect(dfa.accepting[r.settle(state)] === 1).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('wasm over UTF-16 units', () => {
  it('every stride gives the DFA walk verdict on any string, read whole or in pieces that split surrogate pairs', () => {
    const long = fc.tuple(stringArb(6), fc.integer({ min: 1, max: 40 })).map(([s, n]) => s.repeat(n));
    fc.assert(
      fc.property(dfaArb, fc.oneof(stringArb(), long), fractions, (dfa, s, fs) => {
        const expected = accepts(dfa, s);
        const a = utf16Automaton(dfa)!;
        const js = unitRunner(a);
        for (const stride of STRIDES) {
          const r = wasmUtf16Runner(a, stride)!;
          expect(unitAccepts(a, r.run(dfa.start, s))).toBe(expected);
          let state = dfa.start;
          let at = 0;
          for (const cut of [...cuts(s.length, fs), s.length]) {
            state = r.run(state, s, at, cut);
            // The same unit state as the JS loop, piece by piece.
            expect(state * a.symbols).toBe(js.run(js.enter(dfa.start), s, 0, cut));
            at = cut;
          }
          expect(unitAccepts(a, state)).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });
});

describe('byte runners (UTF-8)', () => {
  it('the byte automaton decodes exactly as Buffer#toString does, ill-formed input included', () => {
    fc.assert(
      fc.property(dfaArb, bytesArb(), (dfa, bytes) => {
        const expected = accepts(dfa, decode(bytes));
        const a = utf8Automaton(dfa)!;
        expect(unitAccepts(a, jsByteRunner(a).runBytes(dfa.start, bytes))).toBe(expected);
        for (const stride of STRIDES)
          expect(unitAccepts(a, wasmRunner(a, stride)!.runBytes(dfa.start, bytes))).toBe(expected);
      }),
      { numRuns: 300 },
    );
  });

  it('every stride ends in the same unit state as the JS loop, through long runs and short ones (skips and their back-off)', () => {
    // Runs of one byte set alternate with single other bytes, in lengths from 1 to a few hundred, so
    // SIMD scans stop both short (back-off) and long (reset), at every offset modulo the stride.
    const runArb = fc.record({
      set: fc.array(fc.integer({ min: 0, max: 255 }), { minLength: 1, maxLength: 12 }),
      len: fc.integer({ min: 0, max: 300 }),
      other: fc.integer({ min: 0, max: 255 }),
    });
    fc.assert(
      fc.property(dfaArb, fc.array(runArb, { maxLength: 40 }), fc.integer({ min: 0, max: 255 }), (dfa, runs, seed) => {
        const out: number[] = [];
        let x = seed + 1;
        for (const r of runs) {
          for (let i = 0; i < r.len; i++) {
            x = (x * 1103515245 + 12345) >>> 0;
            out.push(r.set[x % r.set.length]!);
          }
          out.push(r.other);
        }
        const bytes = Uint8Array.from(out);
        const a = utf8Automaton(dfa)!;
        const expected = jsByteRunner(a).runBytes(dfa.start, bytes);
        for (const stride of STRIDES) {
          const r = wasmRunner(a, stride)!;
          expect(r.runBytes(dfa.start, bytes)).toBe(expected);
          // Ends of every length modulo four, so each tail path is taken.
          for (const cut of [1, 2, 3, 5, 6, 7]) {
            if (cut > bytes.length) continue;
            const head = bytes.subarray(0, bytes.length - cut);
            expect(r.runBytes(dfa.start, head)).toBe(jsByteRunner(a).runBytes(dfa.start, head));
          }
        }
      }),
      { numRuns: 100 },
    );
  });

  it('agrees with TextDecoder too', () => {
    fc.assert(
      fc.property(dfaArb, bytesArb(), (dfa, bytes) => {
        const a = utf8Automaton(dfa)!;
        const s = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
        expect(unitAccepts(a, jsByteRunner(a).runBytes(dfa.start, bytes))).toBe(accepts(dfa, s));
      }),
      { numRuns: 150 },
    );
  });

  it('chunks of any size (splitting UTF-8 sequences) carry the state exactly', () => {
    fc.assert(
      fc.property(dfaArb, bytesArb(), fractions, (dfa, bytes, fs) => {
        const expected = accepts(dfa, decode(bytes));
        for (const engine of ['wasm', 'js'] as const) {
          const scan = compileMatcher(dfa, { bytes: engine }).scanner();
          let at = 0;
          for (const cut of [...cuts(bytes.length, fs), bytes.length]) {
            scan.push(bytes.subarray(at, cut));
            at = cut;
          }
          expect(scan.accepts()).toBe(expected);
        }
      }),
      { numRuns: 200 },
    );
  });

  it('the wasm matcher reads well-formed strings as UTF-8', () => {
    fc.assert(
      fc.property(dfaArb, wellFormedArb(), (dfa, s) => {
        const a = utf8Automaton(dfa)!;
        for (const stride of STRIDES)
          expect(unitAccepts(a, wasmRunner(a, stride)!.runString(dfa.start, s))).toBe(accepts(dfa, s));
      }),
      { numRuns: 300 },
    );
  });
});

describe('compiled matcher facade', () => {
  it('every engine gives the DFA walk verdict, on short and long strings', () => {
    const long = fc.tuple(stringArb(8), fc.integer({ min: 1, max: 12_500 })).map(([s, n]) => s.repeat(n));
    fc.assert(
      fc.property(dfaArb, fc.oneof(stringArb(), long), (dfa, s) => {
        const expected = accepts(dfa, s);
        for (const engine of ['auto', 'js', 'wasm'] as const)
          expect(compileMatcher(dfa, { engine }).accepts(s)).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('auto switches from the JS loop to WebAssembly after WASM_BUILD_UNITS units of long strings, with the same verdicts', () => {
    const p = '([a-z]+,)*[a-z]+|"([^"\\\\]|\\\\.)*"';
    const m = compileMatcher(compilePattern(p));
    const re = new RegExp('^(?:' + p + ')$', 'su');
    const inputs = [
      'abc,de,'.repeat(150_000) + 'x',
      'abc,de,'.repeat(150_000),
      '"' + 'é\\"😀 '.repeat(200_000) + '"',
      '"' + 'é😀'.repeat(200_000),
    ];
    let units = 0;
    for (let round = 0; units < 2 * WASM_BUILD_UNITS; round++) {
      for (const s of inputs) {
        expect(m.accepts(s)).toBe(re.test(s));
        units += s.length;
      }
    }
  });

  it('isWellFormed matches a lone-surrogate scan', () => {
    fc.assert(
      fc.property(stringArb(), (s) => {
        const lone = [...s].some((ch) => ch.length === 1 && (ch.charCodeAt(0) & 0xf800) === 0xd800);
        expect(isWellFormed(s)).toBe(!lone);
      }),
    );
  });

  it('agrees with V8 on realistic patterns over long matching and non-matching inputs', () => {
    const cases: [string, string][] = [
      ['[A-Za-z_][A-Za-z0-9_]*', 'x' + 'ab_9Z'.repeat(20_000)],
      ['[0-9]+', '0123456789'.repeat(10_000) + 'x'],
      ['"([^"\\\\]|\\\\.)*"', '"' + 'ab\\"c é 😀 '.repeat(5_000) + '"'],
      ['(a|b)*abb', 'ab'.repeat(20_000) + 'abb'],
      ['(a|b)*abb', 'ab'.repeat(20_000) + 'ab'],
      ['[^\\n]*error[^\\n]*', 'x'.repeat(50_000) + 'error' + 'é'.repeat(100)],
      // Words of 1–60 letters: SIMD scans that stop short and long, and their back-off.
      [
        '([a-z]+,)*[a-z]+',
        Array.from({ length: 4000 }, (_, i) => 'abcdefghij'.repeat(6).slice(0, 1 + ((i * 7919) % 60))).join(','),
      ],
    ];
    for (const [p, s] of cases) {
      const m = compileMatcher(compilePattern(p));
      const expected = new RegExp('^(?:' + p + ')$', 'su').test(s);
      for (const t of [s, s.slice(0, 100), s.slice(1)]) {
        expect(m.accepts(t)).toBe(new RegExp('^(?:' + p + ')$', 'su').test(t));
      }
      expect(m.accepts(s)).toBe(expected);
    }
  });
});

describe('vector transformations', () => {
  it('the end state from every start state equals running from that state', () => {
    fc.assert(
      fc.property(
        dfaArb,
        fc.tuple(stringArb(), fc.integer({ min: 1, max: 60 })).map(([x, n]) => x.repeat(n)),
        bytesArb(),
        (dfa, s, bytes) => {
          const u16 = utf16Automaton(dfa)!;
          const starts = Array.from({ length: u16.states }, (_, q) => q);
          const v = vectorRun(u16, starts);
          const r = unitRunner(u16);
          const w = u16.symbols;
          v.feedString(s, 0, s.length, (q, from, to) => r.run(q * w, s, from, to) / w);
          const ends = v.ends();
          for (const q of starts) expect(ends[q]).toBe(r.run(q * w, s) / w);

          const u8 = utf8Automaton(dfa)!;
          const b = jsByteRunner(u8);
          const vb = vectorRun(
            u8,
            Array.from({ length: dfa.states }, (_, q) => q),
          );
          const half = bytes.length >> 1;
          vb.feedBytes(bytes, 0, half, (q, from, to) => b.runBytes(q, bytes, from, to));
          vb.feedBytes(bytes, half, bytes.length, (q, from, to) => b.runBytes(q, bytes, from, to));
          const endsB = vb.ends();
          for (let q = 0; q < dfa.states; q++) expect(endsB[q]).toBe(b.runBytes(q, bytes));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('regressions', () => {
  it('test_end_filter: a last letter that no state can accept on rejects at once, and only then', async () => {
    const { compileRegex } = await import('../../src/language.js');
    const { compileMatcher } = await import('../../src/matcher/index.js');
    const m = compileMatcher(compileRegex('(a|aa)*c'));
    expect(m.accepts('a'.repeat(28))).toBe(false);
    expect(m.accepts('a'.repeat(27) + 'c')).toBe(true);
    expect(m.accepts('aac')).toBe(true);
    expect(m.accepts('ca')).toBe(false);
    const n = compileMatcher(compileRegex('.*(a|\\uD83D\\uDE00)'));
    expect(n.accepts('xyz😀')).toBe(true); // a low surrogate last: decided by the full run
    expect(n.accepts('xya')).toBe(true);
    expect(n.accepts('xyb')).toBe(false);
  });

  it('test_end_filter_boundary: verdicts just below, at and above the length where the last-letter test starts', async () => {
    const { compileRegex } = await import('../../src/language.js');
    const { compileMatcher } = await import('../../src/matcher/index.js');
    const { END_CHECK_FROM } = await import('../../src/matcher/short.js');
    const m = compileMatcher(compileRegex('(a|aa)*c'));
    for (const length of [END_CHECK_FROM - 1, END_CHECK_FROM, END_CHECK_FROM + 1]) {
      expect(m.accepts('a'.repeat(length)), `a^${length}`).toBe(false);
      expect(m.accepts('a'.repeat(length - 1) + 'c'), `a^${length - 1}c`).toBe(true);
      expect(m.accepts('c' + 'a'.repeat(length - 1)), `ca^${length - 1}`).toBe(false);
      expect(m.accepts('a'.repeat(length - 2) + 'cc'), `a^${length - 2}cc`).toBe(false);
    }
  });
});
