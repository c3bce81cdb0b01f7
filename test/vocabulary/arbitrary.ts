/**
 * fast-check arbitraries for the vocabulary tests: random complete DFAs
 * (up to 30 states, up to 4 classes, any transition table) and sentences
 * over their classes.
 */
import fc from 'fast-check';
import { partition, type Alphabet } from '../../src/alphabet/alphabet.js';
import { single } from '../../src/alphabet/charset.js';
import { complete, type CompleteDfa, dfaFromTable, type Dfa } from '../../src/automata/dfa.js';

/** An alphabet of exactly m classes: the letters a, b, … (m − 1 of them) and `other`. */
export function alphabetOf(m: number): Alphabet {
  return partition(Array.from({ length: m - 1 }, (_, i) => single(0x61 + i)));
}

export interface DfaShape {
  readonly maxStates?: number;
  readonly maxClasses?: number;
}

/** A random complete DFA. */
export function arbDfa({ maxStates = 30, maxClasses = 4 }: DfaShape = {}): fc.Arbitrary<CompleteDfa> {
  return fc
    .record({ n: fc.integer({ min: 1, max: maxStates }), m: fc.integer({ min: 1, max: maxClasses }) })
    .chain(({ n, m }) =>
      fc.record({
        table: fc.array(fc.array(fc.integer({ min: 0, max: n - 1 }), { minLength: m, maxLength: m }), {
          minLength: n,
          maxLength: n,
        }),
        start: fc.integer({ min: 0, max: n - 1 }),
        accepting: fc.uniqueArray(fc.integer({ min: 0, max: n - 1 }), { maxLength: n }),
      }),
    )
    .map(({ table, start, accepting }) =>
      complete(dfaFromTable(alphabetOf(table[0]!.length), table, start, accepting)),
    );
}

/** A sentence (class ids) for a DFA with m classes, of length up to maxLength. */
export function arbSentence(m: number, maxLength = 40): fc.Arbitrary<number[]> {
  return fc.array(fc.integer({ min: 0, max: m - 1 }), { maxLength });
}

/** A deterministic pseudo-random long sentence (fast to build, so lengths ≥ 10 000 are cheap). */
export function longSentence(m: number, length: number, seed: number): Int32Array {
  const out = new Int32Array(length);
  let s = seed >>> 0 || 1;
  for (let i = 0; i < length; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    out[i] = (s >>> 0) % m;
  }
  return out;
}

/** A string whose code points fall in the given classes of `alphabetOf(m)` (class of 'a'+i is found by lookup). */
export function stringOf(dfa: Dfa, classes: ArrayLike<number>): string {
  const reps = dfa.alphabet.classes.map((cls) => {
    for (const [lo, hi] of cls.ranges) if (hi >= 0x21 && lo <= 0x7e) return String.fromCodePoint(Math.max(lo, 0x21));
    return String.fromCodePoint(cls.ranges[0]![0]);
  });
  let s = '';
  for (let i = 0; i < classes.length; i++) s += reps[classes[i]!]!;
  return s;
}
