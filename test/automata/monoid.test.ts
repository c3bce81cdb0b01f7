/**
 * The transition monoid against independent brute force: closure of the
 * generator maps, shortlex enumeration of words, powers for aperiodicity,
 * and monoids known by hand.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { dfaFromTable, type Dfa } from '../../src/automata/dfa.js';
import {
  elementOf,
  formatWord,
  indexAndPeriod,
  mapOf,
  monoidStructure,
  transitionMonoid,
  wordOf,
} from '../../src/automata/monoid.js';
import { compileFa } from '../../src/language.js';
import { readFileSync } from 'node:fs';
import { WordflowError } from '../../src/errors.js';
import { compileRegex } from '../../src/language.js';
import { alphabetOf, arbDfa } from '../vocabulary/arbitrary.js';

type Transformation = readonly number[];
const key = (f: Transformation): string => f.join(',');
/** f then g. */
const then = (f: Transformation, g: Transformation): number[] => f.map((q) => g[q]!);
const generatorsOf = (dfa: Dfa): number[][] =>
  dfa.alphabet.classes.map((_, c) =>
    Array.from({ length: dfa.states }, (_, q) => dfa.delta[q * dfa.alphabet.classes.length + c]!),
  );

/** Closure of {id} ∪ generators under composition, by fixpoint over all pairs. */
function closure(dfa: Dfa): Set<string> {
  const id = Array.from({ length: dfa.states }, (_, q) => q);
  const all = new Map<string, Transformation>([[key(id), id]]);
  for (const g of generatorsOf(dfa)) all.set(key(g), g);
  for (let grew = true; grew;) {
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
        // The right Cayley graph: element e then class c is the map q ↦ δ(e(q), c).
        const full = m.dfa;
        const k = full.alphabet.classes.length;
        for (let e = 0; e < m.size; e++) {
          for (let c = 0; c < k; c++) {
            const then = mapOf(m, e).map((q) => full.delta[q * k + c]!);
            expect(mapOf(m, m.right[e * k + c]!)).toEqual(then);
          }
        }
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
          for (let a = 0; a < m.size; a++)
            for (let b = 0; b < m.size; b++)
              expect(m.table![a * m.size + b]).toBe(elementOf(m, [...wordOf(m, a), ...wordOf(m, b)]));
        } else expect(m.table).toBeNull();
      }),
      { numRuns: 60 },
    );
  });

  it('(a|b)*: two elements, the identity and the dead constant — aperiodic', () => {
    // By hand: over {other, a, b}, states 0 (accepting) and 1 (dead); a and b fix everything, other kills.
    const dfa = dfaFromTable(
      alphabetOf(3),
      [
        [1, 0, 0],
        [1, 1, 1],
      ],
      0,
      [0],
    );
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
    const dfa = dfaFromTable(
      alphabetOf(2),
      [
        [2, 1],
        [2, 0],
        [2, 2],
      ],
      0,
      [0],
    );
    const m = transitionMonoid(dfa);
    expect(m.size).toBe(3);
    expect(m.aperiodic).toBe(false);
    expect(mapOf(m, m.periodicWitness!)).toEqual([1, 0, 2]);
    expect(m.idempotents.map((i) => mapOf(m, i))).toEqual([
      [0, 1, 2],
      [2, 2, 2],
    ]);
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
    const dfa = dfaFromTable(
      alphabetOf(2),
      [
        [2, 1],
        [2, 0],
        [2, 2],
      ],
      0,
      [0],
    );
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
    const dfa = dfaFromTable(
      alphabetOf(3),
      [
        [1, 1, 1],
        [2, 0, 1],
        [3, 2, 2],
        [0, 3, 3],
      ],
      0,
      [0],
    );
    const m = transitionMonoid(dfa);
    expect(m.size).toBe(256);
    expect(m.table).toBeNull();
  });
});

/** f^e by repeated composition. */
function powerOf(f: Transformation, e: number): number[] {
  let out = f.map((_, q) => q);
  for (let i = 0; i < e; i++) out = then(out, f);
  return out;
}

/** Least i ≥ 0 and p ≥ 1 with f^i = f^(i+p), by listing powers until one repeats. */
function bruteIndexPeriod(f: Transformation): { index: number; period: number } {
  const seen = new Map<string, number>();
  for (let e = 0; ; e++) {
    const k = key(powerOf(f, e));
    const at = seen.get(k);
    if (at !== undefined) return { index: at, period: e - at };
    seen.set(k, e);
  }
}

describe('monoid structure: zero, aperiodicity index, witness period, groups', () => {
  it('agrees with brute-force powers and products on random DFAs', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 5, maxClasses: 3 }), (dfa) => {
        const m = transitionMonoid(dfa);
        const s = monoidStructure(m);
        const elements = Array.from({ length: m.size }, (_, i) => mapOf(m, i));
        const ip = elements.map(bruteIndexPeriod);
        elements.forEach((f, i) => expect(indexAndPeriod(f)).toEqual(ip[i]));
        const periodic = ip.some((x) => x.period > 1);
        expect(s.aperiodicity).toBe(periodic ? null : Math.max(...ip.map((x) => x.index)));
        const zeros = elements.filter((z) =>
          elements.every((f) => key(then(z, f)) === key(z) && key(then(f, z)) === key(z)),
        );
        expect(s.zero === null ? null : key(elements[s.zero]!)).toBe(zeros.length === 0 ? null : key(zeros[0]!));
        if (!periodic) {
          expect(s.witness).toBeNull();
          return;
        }
        const w = s.witness!;
        expect(ip[w.element]).toEqual({ index: w.index, period: w.period });
        expect(key(elements[w.power]!)).toBe(key(powerOf(elements[w.element]!, w.index)));
        // The group: closed, with an identity that is idempotent and an inverse for each element; it holds x^index.
        const g = s.group!;
        const inG = new Set(g.elements.map((i) => key(elements[i]!)));
        const e = elements[g.idempotent]!;
        expect(key(then(e, e))).toBe(key(e));
        for (const a of g.elements) {
          for (const b of g.elements) expect(inG.has(key(then(elements[a]!, elements[b]!)))).toBe(true);
          expect(g.elements.some((b) => key(then(elements[a]!, elements[b]!)) === key(e))).toBe(true);
        }
        expect(inG.has(key(elements[w.power]!))).toBe(true);
        expect(g.name.order).toBe(g.elements.length);
        expect(g.elements.length).toBeGreaterThanOrEqual(w.period);
      }),
      { numRuns: 150 },
    );
  });

  it('PARITY: a² = ε ≠ a, the group {ε, a} ≅ ℤ2, the dead constant is the zero', () => {
    const m = transitionMonoid(compileFa(readFileSync('grammars/examples/parity.fa', 'utf8')));
    const s = monoidStructure(m);
    const word = (i: number): string => formatWord(m, wordOf(m, i));
    expect(word(s.witness!.element)).toBe('a');
    expect(s.witness).toMatchObject({ index: 0, period: 2 });
    expect(word(s.witness!.power)).toBe('ε');
    expect(s.group!.elements.map(word)).toEqual(['ε', 'a']);
    expect(s.group!.name.name).toBe('ℤ2');
    expect(word(s.zero!)).toBe('other');
    expect(s.aperiodicity).toBeNull();
  });

  it('mult3 (multiples of 3 in binary): the six permutations of the remainders, S3', () => {
    const m = transitionMonoid(compileFa(readFileSync('grammars/examples/mult3.fa', 'utf8')));
    const s = monoidStructure(m);
    const word = (i: number): string => formatWord(m, wordOf(m, i));
    // By hand: reading 0 doubles the remainder (swaps 1 and 2), reading 1 maps r to 2r + 1 (swaps 0 and 1).
    expect(word(s.witness!.element)).toBe('0');
    expect(s.witness).toMatchObject({ index: 0, period: 2 });
    expect(s.group!.elements.map(word)).toEqual(['ε', '0', '1', '01', '10', '010']);
    expect(s.group!.name).toMatchObject({ name: 'S3', order: 6, abelian: false });
  });

  it('(ab)*: aperiodic with k = 2 (a² = a³ is the dead constant, a ≠ a²); (aaa)*b|(ab)*: a⁵ = a², period 3, ℤ3', () => {
    const ab = monoidStructure(transitionMonoid(compileRegex('(ab)*')));
    expect(ab.aperiodicity).toBe(2);
    const m = transitionMonoid(compileRegex('(aaa)*b|(ab)*'));
    const s = monoidStructure(m);
    expect(formatWord(m, wordOf(m, s.witness!.element))).toBe('a');
    expect(s.witness).toMatchObject({ index: 2, period: 3 });
    expect(s.group!.elements.map((i) => formatWord(m, wordOf(m, i)))).toEqual(['aa', 'aaa', 'aaaa']);
    expect(s.group!.name.name).toBe('ℤ3');
    expect(formatWord(m, wordOf(m, s.group!.idempotent))).toBe('aaa');
  });
});
