/**
 * The transition monoid against independent brute force: closure of the
 * generator maps, shortlex enumeration of words, powers for aperiodicity,
 * and monoids known by hand.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dfaFromTable, type Dfa } from '../../src/automata/dfa.js';
import { elementOf, formatWord, mapOf, transitionMonoid, wordOf } from '../../src/automata/monoid.js';
import { WordflowError } from '../../src/errors.js';
import { compileRegex } from '../../src/language.js';
import { alphabetOf, arbDfa } from '../vocabulary/arbitrary.js';

type Transformation = readonly number[];
const key = (f: Transformation): string => f.join(',');
/** f then g. */
const then = (f: Transformation, g: Transformation): number[] => f.map((q) => g[q]!);
const generatorsOf = (dfa: Dfa): number[][] =>
  dfa.alphabet.classes.map((_, c) => Array.from({ length: dfa.states }, (_, q) => dfa.delta[q * dfa.alphabet.classes.length + c]!));

/** Closure of {id} ∪ generators under composition, by fixpoint over all pairs. */
function closure(dfa: Dfa): Set<string> {
  const id = Array.from({ length: dfa.states }, (_, q) => q);
  const all = new Map<string, Transformation>([[key(id), id]]);
  for (const g of generatorsOf(dfa)) all.set(key(g), g);
  for (let grew = true; grew; ) {
    grew = false;
    const items = [...all.values()];
    for (const f of items) {
      for (const g of items) {
        const h = then(f, g);
        if (!all.has(key(h))) {
          all.set(key(h), h);
          grew = true;
        }
      }
    }
  }
  return new Set(all.keys());
}

/** The first word (shortlex, classes in order) reaching each map, by enumerating words level by level. */
function firstWords(dfa: Dfa, count: number, maxWords = 300_000): Map<string, number[]> | null {
  const gens = generatorsOf(dfa);
  const id = Array.from({ length: dfa.states }, (_, q) => q);
  const first = new Map<string, number[]>([[key(id), []]]);
  let level: { word: number[]; f: Transformation }[] = [{ word: [], f: id }];
  let seen = 1;
  while (first.size < count) {
    const next: { word: number[]; f: Transformation }[] = [];
    for (const { word, f } of level) {
      for (let c = 0; c < gens.length; c++) {
        const g = then(f, gens[c]!);
        const w = [...word, c];
        if (!first.has(key(g))) first.set(key(g), w);
        next.push({ word: w, f: g });
        if (++seen > maxWords) return null;
      }
    }
    level = next;
  }
  return first;
}

describe('transition monoid', () => {
  it('has exactly the elements of the closure of the generators', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 5, maxClasses: 3 }), (dfa) => {
        const m = transitionMonoid(dfa);
        const expected = closure(dfa);
        expect(m.size).toBe(expected.size);
        const got = new Set(Array.from({ length: m.size }, (_, i) => key(mapOf(m, i))));
        expect(got).toEqual(expected);
        expect(mapOf(m, 0)).toEqual(Array.from({ length: dfa.states }, (_, q) => q));
      }),
      { numRuns: 80 },
    );
  });

  it('labels each element with its shortest, then least, word', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 4, maxClasses: 3 }), (dfa) => {
        const m = transitionMonoid(dfa);
        const first = firstWords(dfa, m.size);
        fc.pre(first !== null);
        for (let i = 0; i < m.size; i++) {
          const w = wordOf(m, i);
          expect(elementOf(m, w)).toBe(i);
          expect(w).toEqual(first.get(key(mapOf(m, i))));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('idempotents, aperiodicity and the multiplication table agree with brute force', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 5, maxClasses: 3 }), (dfa) => {
        const m = transitionMonoid(dfa);
        const maps = Array.from({ length: m.size }, (_, i) => mapOf(m, i));
        expect(m.idempotents).toEqual(maps.flatMap((f, i) => (key(then(f, f)) === key(f) ? [i] : [])));
        const stabilises = (f: Transformation): boolean => {
          let p: Transformation = f;
          for (let i = 0; i <= m.size; i++) {
            const next = then(p, f);
            if (key(next) === key(p)) return true;
            p = next;
          }
          return false;
        };
        expect(m.aperiodic).toBe(maps.every(stabilises));
        if (m.periodicWitness !== null) expect(stabilises(maps[m.periodicWitness]!)).toBe(false);
        if (m.size <= 64) {
          expect(m.table).not.toBeNull();
          for (let a = 0; a < m.size; a++) for (let b = 0; b < m.size; b++) expect(m.table![a * m.size + b]).toBe(elementOf(m, [...wordOf(m, a), ...wordOf(m, b)]));
        } else expect(m.table).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('(a|b)*: two elements, the identity and the dead constant — aperiodic', () => {
    // By hand: over {other, a, b}, states 0 (accepting) and 1 (dead); a and b fix everything, other kills.
    const dfa = dfaFromTable(alphabetOf(3), [[1, 0, 0], [1, 1, 1]], 0, [0]);
    const m = transitionMonoid(dfa);
    expect(m.size).toBe(2);
    expect(m.aperiodic).toBe(true);
    expect(m.idempotents).toEqual([0, 1]);
    expect(mapOf(m, 1)).toEqual([1, 1]);
    expect(formatWord(m, wordOf(m, 1))).toBe('other');
    const compiled = transitionMonoid(compileRegex('(a|b)*'));
    expect(compiled.size).toBe(2);
  });

  it('parity (aa)*: the identity, a (an involution) and the dead constant — not aperiodic', () => {
    const dfa = dfaFromTable(alphabetOf(2), [[2, 1], [2, 0], [2, 2]], 0, [0]);
    const m = transitionMonoid(dfa);
    expect(m.size).toBe(3);
    expect(m.aperiodic).toBe(false);
    expect(mapOf(m, m.periodicWitness!)).toEqual([1, 0, 2]);
    expect(m.idempotents.map((i) => mapOf(m, i))).toEqual([[0, 1, 2], [2, 2, 2]]);
    // Elements in BFS order: 0 = id, 1 = z (word `other`), 2 = a. Rows: id·x = x; z·x = z; a·id = a, a·z = z, a·a = id.
    expect(Array.from(m.table!)).toEqual([0, 1, 2, 1, 1, 1, 2, 1, 0]);
    expect(transitionMonoid(compileRegex('(aa)*')).aperiodic).toBe(false);
  });

  it('(ab)*: the six-element Brandt monoid, aperiodic (star-free)', () => {
    const m = transitionMonoid(compileRegex('(ab)*'));
    expect(m.size).toBe(6);
    expect(m.aperiodic).toBe(true);
    expect(m.idempotents).toHaveLength(4); // 1, ab, ba, 0
  });

  it('stops at --max-monoid with a limit error', () => {
    const dfa = dfaFromTable(alphabetOf(2), [[2, 1], [2, 0], [2, 2]], 0, [0]);
    expect(() => transitionMonoid(dfa, { maxMonoid: 2 })).toThrow(WordflowError);
    try {
      transitionMonoid(dfa, { maxMonoid: 2 });
    } catch (e) {
      expect((e as WordflowError).kind).toBe('limit');
      expect((e as WordflowError).message).toMatch(/--max-monoid/);
    }
    expect(transitionMonoid(dfa, { maxMonoid: 3 }).size).toBe(3);
  });

  it('the full transformation monoid T_n is reached by a cycle, a transposition and a merge', () => {
    // Generators of T_4: (0 1 2 3), (0 1), and 0→1 merge; |T_4| = 4^4 = 256.
    const dfa = dfaFromTable(alphabetOf(3), [[1, 1, 1], [2, 0, 1], [3, 2, 2], [0, 3, 3]], 0, [0]);
    const m = transitionMonoid(dfa);
    expect(m.size).toBe(256);
    expect(m.table).toBeNull();
  });
});
