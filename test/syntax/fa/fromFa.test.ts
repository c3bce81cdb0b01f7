/**
 * `nfaFromFa`: the NFA's language, checked by a simulation written here
 * (ε-closure and step) against predicates on every short string and against
 * a second simulation that reads the file's edges directly; the alphabet and
 * the class pairs; determinism.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';

import { nfaFromFa, stateNames } from '../../../src/automata/fromFa.js';
import { parseFa } from '../../../src/syntax/fa/parse.js';
import { allStrings, faAccepts, nfaAccepts } from './simulate.js';

const count = (s: string, ch: string): number => [...s].filter((c) => c === ch).length;

describe('languages of small files', () => {
  it("parity of a's; other symbols lead to the implicit dead state", () => {
    const nfa = nfaFromFa(
      parseFa('start even\naccept even\neven -a-> odd\neven -b-> even\nodd -a-> even\nodd -b-> odd\n'),
    );
    expect(nfa.states).toBe(2);
    for (const s of allStrings(['a', 'b', 'c'], 6)) {
      expect(nfaAccepts(nfa, s), s).toBe(!s.includes('c') && count(s, 'a') % 2 === 0);
    }
  });

  it('an ε-NFA for a|ab', () => {
    const nfa = nfaFromFa(parseFa('start s\naccept f\ns -ε-> one\ns -eps-> two\none -a-> f\ntwo -a-> mid -b-> f\n'));
    const accepted = allStrings(['a', 'b'], 5).filter((s) => nfaAccepts(nfa, s));
    expect(accepted).toEqual(['a', 'ab']);
  });

  it('ε-cycles and ε into accepting states', () => {
    const nfa = nfaFromFa(parseFa('start p\naccept r\np -ε-> q\nq -ε-> p\nq -a-> p\np -b-> r\nr -ε-> p\n'));
    // (a|b)* ending in b, or … : r is reached exactly after a b
    for (const s of allStrings(['a', 'b'], 6)) expect(nfaAccepts(nfa, s), s).toBe(s.endsWith('b'));
  });

  it('a guessing NFA: the third symbol from the end is 1', () => {
    const nfa = nfaFromFa(parseFa('start q\naccept q3\nq -0,1-> q\nq -1-> q1 -0,1-> q2 -0,1-> q3\n'));
    for (const s of allStrings(['0', '1'], 8))
      expect(nfaAccepts(nfa, s), s).toBe(s.length >= 3 && s[s.length - 3] === '1');
  });

  it('classes: overlapping labels are split, each edge covers its classes', () => {
    const fa = parseFa('start q\naccept r\nq -[0-9]-> q\nq -5-> r\nr -.-> r\n');
    const nfa = nfaFromFa(fa);
    // classes: [0-4 6-9], 5, everything else
    expect(nfa.alphabet.classes.length).toBe(3);
    for (const s of allStrings(['1', '5', 'x'], 5)) {
      expect(nfaAccepts(nfa, s), s).toBe(/^[0-9]*5.*$/su.test(s));
    }
  });

  it('the start state may be accepting and may have no edges', () => {
    const nfa = nfaFromFa(parseFa('start q\naccept q\n'));
    expect(nfa.states).toBe(1);
    expect(nfa.alphabet.classes.length).toBe(1);
    expect(allStrings(['a'], 3).filter((s) => nfaAccepts(nfa, s))).toEqual(['']);
  });

  it('drops repeated pairs and keeps file order', () => {
    const nfa = nfaFromFa(parseFa('start q\nq -a-> r\nq -[ab]-> r\nq -ε-> r\nq -eps-> r\nq -b-> q\n'));
    const a = nfa.alphabet.classes.findIndex((c) => c.ranges[0]![0] === 0x61);
    const b = nfa.alphabet.classes.findIndex((c) => c.ranges[0]![0] === 0x62);
    expect([...nfa.edges[0]!]).toEqual([a, 1, b, 1, b, 0]);
    expect([...nfa.epsilon[0]!]).toEqual([1]);
  });

  it('names states in file order and is deterministic', () => {
    const text = 'state z\nstart x\nx -a-> z -b-> "y y"\naccept "y y"\n';
    const fa = parseFa(text);
    expect(stateNames(fa)).toEqual(['z', 'x', 'y y']);
    const one = nfaFromFa(fa);
    const two = nfaFromFa(parseFa(text));
    expect(one.start).toBe(1);
    expect([...one.accepting]).toEqual([0, 0, 1]);
    expect(two).toEqual(one);
  });
});

const NAMES = ['p', 'q', 'r', 's'];
const LABELS = ['a', 'b', 'c', '[ab]', '[^a]', '.', 'ε', '[b-c]', '\\x61'];

/** Small random automaton files built from the format's pieces. */
const faText = fc
  .record({
    start: fc.constantFrom(...NAMES),
    accept: fc.uniqueArray(fc.constantFrom(...NAMES), { maxLength: 3 }),
    edges: fc.array(
      fc.tuple(
        fc.constantFrom(...NAMES),
        fc.uniqueArray(fc.constantFrom(...LABELS), { minLength: 1, maxLength: 3 }),
        fc.constantFrom(...NAMES),
      ),
      { maxLength: 10 },
    ),
  })
  .map(({ start, accept, edges }) => {
    const lines = [`start ${start}`, `state ${NAMES.join(' ')}`];
    if (accept.length > 0) lines.push(`accept ${accept.join(', ')}`);
    for (const [from, labels, to] of edges) lines.push(`${from} -${labels.join(',')}-> ${to}`);
    return lines.join('\n');
  });

describe('properties', () => {
  it('the NFA accepts exactly what the file accepts, read edge by edge', () => {
    const words = allStrings(['a', 'b', 'c', 'd'], 4);
    fc.assert(
      fc.property(faText, (text) => {
        const fa = parseFa(text);
        const nfa = nfaFromFa(fa);
        for (const w of words) expect(nfaAccepts(nfa, w), `${text}\n${w}`).toBe(faAccepts(fa, w));
      }),
      { numRuns: 150 },
    );
  });
});
