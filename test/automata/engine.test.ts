/**
 * The engine's semantics linked end to end: expression ↔ NFA ↔ DFA ↔ minimal
 * DFA ↔ V8, set operators by brute force, minimality by Myhill–Nerode, and
 * every language operation against its definition.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { compileAst, compileRegex, nfaOfRegex, dfaOfNfa } from '../../src/language.js';
import { accepts, type Dfa } from '../../src/automata/dfa.js';
import { WordflowError } from '../../src/errors.js';
import {
  complement,
  concat,
  difference,
  equivalence,
  intersection,
  isEmpty,
  isFinite,
  isSubset,
  reverse,
  star,
  symmetricDifference,
  union,
} from '../../src/automata/ops.js';
import { countMembers, enumerate } from '../../src/automata/count.js';
import { sampleMembers } from '../../src/automata/sample.js';
import { regexOfDfa } from '../../src/automata/toRegex.js';
import { printRegex } from '../../src/syntax/regex/print.js';
import { allStrings, nerodeClasses, nfaAccepts, v8Accepts } from '../support/oracles.js';
import { extendedPatternArb, sharedPatternArb } from '../support/arbitraries.js';

const AB = ['a', 'b'];
const ABC = ['a', 'b', 'c'];
const strings4 = allStrings(ABC, 4);
const strings6 = allStrings(AB, 6);

/** Compiles, treating a limit as a precondition failure rather than a test failure. */
function tryCompile(p: string): Dfa {
  try {
    return compileRegex(p);
  } catch (e) {
    if (e instanceof WordflowError && e.kind === 'limit') fc.pre(false);
    throw e;
  }
}

function take<T>(it: Iterable<T>, n: number): T[] {
  const out: T[] = [];
  if (n <= 0) return out;
  for (const x of it) {
    out.push(x);
    if (out.length >= n) break;
  }
  return out;
}

describe('expression ↔ NFA ↔ DFA ↔ minimal DFA ↔ V8', () => {
  it('agree on every string over the alphabet up to length 4', () => {
    fc.assert(
      fc.property(sharedPatternArb(ABC), (p) => {
        const ast = parseRegex(p);
        const nfa = nfaOfRegex(ast);
        const dfa = dfaOfNfa(nfa, { minimize: false });
        const min = compileAst(ast);
        for (const s of [...strings4, 'd', 'ad', 'ä', '😀']) {
          const expected = v8Accepts(p, s);
          expect(nfaAccepts(nfa, s), `NFA ${p} on ${JSON.stringify(s)}`).toBe(expected);
          expect(accepts(dfa, s), `DFA ${p} on ${JSON.stringify(s)}`).toBe(expected);
          expect(accepts(min, s), `min DFA ${p} on ${JSON.stringify(s)}`).toBe(expected);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('agree on random longer strings', () => {
    fc.assert(
      fc.property(
        sharedPatternArb(AB),
        fc.array(fc.string({ unit: fc.constantFrom('a', 'b'), maxLength: 30 }), { maxLength: 10 }),
        (p, ss) => {
          const min = tryCompile(p);
          for (const s of ss) expect(accepts(min, s)).toBe(v8Accepts(p, s));
        },
      ),
      { numRuns: 200 },
    );
  });
});

describe('& and ~', () => {
  it('agree with set semantics by brute force', () => {
    fc.assert(
      fc.property(sharedPatternArb(AB), sharedPatternArb(AB), (p, q) => {
        const and = tryCompile(`(${p})&(${q})`);
        const not = tryCompile(`~(${p})`);
        const minus = tryCompile(`(${p})&~(${q})`);
        for (const s of strings6) {
          const inP = v8Accepts(p, s);
          const inQ = v8Accepts(q, s);
          expect(accepts(and, s)).toBe(inP && inQ);
          expect(accepts(not, s)).toBe(!inP);
          expect(accepts(minus, s)).toBe(inP && !inQ);
        }
        // ~ is relative to all strings of code points, not just {a,b}*.
        for (const s of ['c', 'ac', '😀']) expect(accepts(not, s)).toBe(!v8Accepts(p, s));
      }),
      { numRuns: 150 },
    );
  });

  it('binds & looser than concatenation and tighter than |', () => {
    const d = compileRegex('a|b&bc*');
    expect(accepts(d, 'a')).toBe(true);
    expect(accepts(d, 'b')).toBe(true);
    expect(accepts(d, 'bc')).toBe(false);
    const n = compileRegex('~a*b');
    expect(accepts(n, 'b')).toBe(false); // ~(a*) b: "b" = ε·b, and ε ∈ a*
    expect(accepts(n, 'bb')).toBe(true);
  });
});

describe('minimization', () => {
  it('has as many states as Myhill–Nerode classes (brute force)', () => {
    fc.assert(
      fc.property(extendedPatternArb(AB), (p) => {
        const min = tryCompile(p);
        fc.pre(min.states <= 5);
        // One letter per class suffices to reach and tell apart every state;
        // n states are reached by prefixes and told apart by suffixes of length < n.
        const letters = min.alphabet.classes.map((c) => String.fromCodePoint(c.ranges[0]![0]));
        const member = (s: string): boolean => accepts(min, s);
        const expected = nerodeClasses(member, letters, 4, 4);
        expect(min.states).toBe(expected);
      }),
      { numRuns: 100 },
    );
  });

  it('gives identical tables for equal languages', () => {
    const pairs = [
      ['(a|b)*', '(a*b*)*'],
      ['a(ba)*', '(ab)*a'],
      ['(a|b)*abb', '(a|b)*(abb)'],
      ['a+', 'aa*'],
      ['~(~a)', 'a'],
      ['[ab]*&~(.*aa.*)', '(b|ab)*(a|)'],
    ];
    for (const [x, y] of pairs) {
      const a = compileRegex(x!);
      const b = compileRegex(y!);
      expect(a.states).toBe(b.states);
      expect(Array.from(a.delta)).toEqual(Array.from(b.delta));
      expect(Array.from(a.accepting)).toEqual(Array.from(b.accepting));
    }
  });

  it('builds the textbook blow-up (a|b)*a(a|b){3}: 16 live states plus the dead state', () => {
    const d = compileRegex('(a|b)*a(a|b){3}');
    expect(d.states).toBe(17);
  });

  it('stops at the state budget naming --max-states', () => {
    expect(() => compileRegex('(a|b)*a(a|b){30}')).toThrow(/--max-states/);
    expect(() => compileRegex('(a|b)*a(a|b){12}', { limits: { maxStates: 100 } })).toThrow(/--max-states/);
  });
});

describe('language operations', () => {
  it('union, intersection, difference, xor and complement follow their definitions', () => {
    fc.assert(
      fc.property(sharedPatternArb(AB), sharedPatternArb(AB), (p, q) => {
        const a = tryCompile(p);
        const b = tryCompile(q);
        const ops = {
          union: union(a, b),
          intersection: intersection(a, b),
          difference: difference(a, b),
          xor: symmetricDifference(a, b),
          complement: complement(a),
        };
        for (const s of strings6) {
          const x = accepts(a, s);
          const y = accepts(b, s);
          expect(accepts(ops.union, s)).toBe(x || y);
          expect(accepts(ops.intersection, s)).toBe(x && y);
          expect(accepts(ops.difference, s)).toBe(x && !y);
          expect(accepts(ops.xor, s)).toBe(x !== y);
          expect(accepts(ops.complement, s)).toBe(!x);
        }
        expect(isSubset(ops.intersection, a)).toBe(true);
        expect(isSubset(a, ops.union)).toBe(true);
        expect(isEmpty(intersection(a, complement(a)))).toBe(true);
      }),
      { numRuns: 100 },
    );
  });

  it('concatenation, star and reverse follow their definitions', () => {
    fc.assert(
      fc.property(sharedPatternArb(AB), sharedPatternArb(AB), (p, q) => {
        const a = tryCompile(p);
        const b = tryCompile(q);
        const ab = concat(a, b);
        const as = star(a);
        const ra = reverse(a);
        for (const s of allStrings(AB, 5)) {
          const splits = [...Array(s.length + 1).keys()];
          expect(accepts(ab, s)).toBe(splits.some((i) => accepts(a, s.slice(0, i)) && accepts(b, s.slice(i))));
          expect(accepts(ra, s)).toBe(accepts(a, [...s].reverse().join('')));
          expect(accepts(as, s)).toBe(v8Accepts(`(?:${p})*`, s));
        }
      }),
      { numRuns: 80 },
    );
  });

  it('finiteness', () => {
    expect(isFinite(compileRegex('a{2,5}|b'))).toBe(true);
    expect(isFinite(compileRegex('[]'))).toBe(true);
    expect(isFinite(compileRegex('a*'))).toBe(false);
    expect(isFinite(compileRegex('ab*&a'))).toBe(true);
  });
});

describe('equivalence', () => {
  it('witnesses are in exactly one language, on the side named, and shortest then least', () => {
    fc.assert(
      fc.property(sharedPatternArb(AB), sharedPatternArb(AB), (p, q) => {
        const a = tryCompile(p);
        const b = tryCompile(q);
        const r = equivalence(a, b);
        // Brute force: the least string (shortlex over code points) in exactly one.
        const candidates = allStrings(['a', 'b', 'c'], 5).sort(
          (x, y) => x.length - y.length || (x < y ? -1 : x > y ? 1 : 0),
        );
        const first = candidates.find((s) => v8Accepts(p, s) !== v8Accepts(q, s));
        if (r.equal) {
          expect(first).toBeUndefined();
        } else {
          const w = r.witness!;
          expect(v8Accepts(p, w)).not.toBe(v8Accepts(q, w));
          expect(r.in).toBe(v8Accepts(p, w) ? 'A' : 'B');
          if (first !== undefined) {
            expect([...w].length).toBeLessThanOrEqual([...first].length);
            if ([...w].length === [...first].length && /^[abc]*$/.test(w)) expect(w <= first).toBe(true);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('decides the classic pairs', () => {
    expect(equivalence(compileRegex('(a|b)*'), compileRegex('(a*b*)*')).equal).toBe(true);
    expect(equivalence(compileRegex('a*'), compileRegex('a+'))).toEqual({ equal: false, witness: '', in: 'A' });
    expect(equivalence(compileRegex('(ab)*'), compileRegex('(ab)*|ba'))).toEqual({
      equal: false,
      witness: 'ba',
      in: 'B',
    });
  });
});

describe('counting, enumeration, sampling', () => {
  it('counts equal brute-force counts over the code-point alphabet', () => {
    fc.assert(
      fc.property(extendedPatternArb(AB), fc.integer({ min: 0, max: 4 }), (p, n) => {
        // Restricted to {a,b}*, where brute force is exact.
        const d = intersection(tryCompile(p), compileRegex('[ab]*'));
        const brute = allStrings(AB, n).filter((s) => [...s].length === n && accepts(d, s)).length;
        expect(countMembers(d, n)).toBe(BigInt(brute));
      }),
      { numRuns: 150 },
    );
  });

  it('weighs classes by their size', () => {
    expect(countMembers(compileRegex('[a-z]+'), 2)).toBe(676n);
    expect(countMembers(compileRegex('.'), 1)).toBe(0x110000n);
    expect(countMembers(compileRegex('(a|b)*a(a|b){3}'), 10)).toBe(512n);
  });

  it('enumerates soundly, completely and in shortlex order', () => {
    fc.assert(
      fc.property(sharedPatternArb(AB), (p) => {
        const d = intersection(tryCompile(p), compileRegex('[ab]*')); // members over {a,b} only
        const listed = take(enumerate(d), 60);
        for (const s of listed) expect(accepts(d, s)).toBe(true);
        const expected = allStrings(AB, 5).filter((s) => accepts(d, s));
        const upTo5 = listed.filter((s) => s.length <= 5);
        if (listed.length < 60 || listed[listed.length - 1]!.length > 5) expect(upTo5).toEqual(expected);
        else expect(upTo5).toEqual(expected.slice(0, upTo5.length));
      }),
      { numRuns: 150 },
    );
  });

  it('stops after the last member of a finite language', () => {
    expect(take(enumerate(compileRegex('a{1,3}|b')), 100)).toEqual(['a', 'b', 'aa', 'aaa']);
    expect(take(enumerate(compileRegex('[]')), 10)).toEqual([]);
  });

  it('samples members of the requested length, reproducibly per seed', () => {
    const d = compileRegex('[ab]*c[ab]*');
    const s1 = sampleMembers(d, 6, 50, 7);
    expect(s1).toHaveLength(50);
    for (const s of s1) {
      expect(accepts(d, s)).toBe(true);
      expect([...s]).toHaveLength(6);
    }
    expect(sampleMembers(d, 6, 50, 7)).toEqual(s1);
    expect(sampleMembers(compileRegex('a{2}'), 3, 5, 1)).toEqual([]);
  });

  it('samples uniformly (chi-squared over a language of 8 members)', () => {
    const d = compileRegex('[ab]{3}');
    const n = 8000;
    const counts = new Map<string, number>();
    for (const s of sampleMembers(d, 3, n, 12345)) counts.set(s, (counts.get(s) ?? 0) + 1);
    expect(counts.size).toBe(8);
    const chi = [...counts.values()].reduce((acc, c) => acc + (c - n / 8) ** 2 / (n / 8), 0);
    expect(chi).toBeLessThan(24.3); // p = 0.001 with 7 degrees of freedom
  });
});

describe('state elimination', () => {
  it('gives an expression equivalent to its source', () => {
    fc.assert(
      fc.property(extendedPatternArb(AB), (p) => {
        const d = tryCompile(p);
        const text = printRegex(regexOfDfa(d));
        expect(equivalence(compileRegex(text), d).equal, `${p} → ${text}`).toBe(true);
      }),
      { numRuns: 150 },
    );
  });

  it('reads well on small examples', () => {
    expect(printRegex(regexOfDfa(compileRegex('a|b')))).toBe('[ab]');
    expect(printRegex(regexOfDfa(compileRegex('aa*')))).toBe('a+');
    expect(printRegex(regexOfDfa(compileRegex('[]')))).toBe('[]');
    expect(printRegex(regexOfDfa(compileRegex('()')))).toBe('()');
  });
});
