/** explain and trace: the language's reading, checked against the DFA and brute force. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accepts, complete, dfaFromTable, type Dfa } from '../../src/automata/dfa.js';
import { compileRegex } from '../../src/language.js';
import { EMBEDDING_NAMES, explain, renderExplanation, trace, vocabulary } from '../../src/vocabulary/index.js';
import { alphabetOf, arbDfa, arbSentence, stringOf } from './arbitrary.js';

/** The length of the shortest string (over class representatives) with the given verdict, by brute force. */
function shortestLength(dfa: Dfa, verdict: boolean, maxLength = 8): number | null {
  const k = dfa.alphabet.classes.length;
  let level = [dfa.start];
  for (let len = 0; len <= maxLength; len++) {
    if (level.some((q) => (dfa.accepting[q] === 1) === verdict)) return len;
    level = [...new Set(level.flatMap((q) => Array.from({ length: k }, (_, c) => dfa.delta[q * k + c]!)))];
  }
  return null;
}

describe('explain', () => {
  it('gives a shortest accepted and a shortest rejected sentence, landing where the DFA says', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 8 }), fc.constantFrom(...EMBEDDING_NAMES), (dfa, embedding) => {
        const e = explain(dfa, embedding, { sigmoid: { gain: 12 } });
        for (const [reading, verdict] of [[e.accepted, true], [e.rejected, false]] as const) {
          const len = shortestLength(dfa, verdict, dfa.states);
          if (len === null) {
            expect(reading).toBeNull();
            continue;
          }
          expect(reading).not.toBeNull();
          expect([...reading!.text]).toHaveLength(len);
          expect(accepts(dfa, reading!.text)).toBe(verdict);
          expect(reading!.inTarget).toBe(verdict);
          expect(reading!.region).toBe(reading!.state);
        }
        expect(e.analogy.map((r) => [r.linguistics, r.mathematics])).toEqual([
          ['word', 'map'],
          ['phrase', 'composition'],
          ['sentence', 'composed map applied to x0'],
          ['grammar', 'automaton'],
          ['meaning', 'landing region'],
        ]);
        expect(e.words).toHaveLength(dfa.alphabet.classes.length);
        const text = renderExplanation(e);
        for (const w of e.words) expect(text).toContain(w.label);
        if (e.accepted !== null) expect(text).toContain(JSON.stringify(e.accepted.text));
      }),
      { numRuns: 40 },
    );
  });

  it('for flow2d shows a word as its phrase of primitive flows, and the sentence as one affine map on R_q0', () => {
    const e = explain(compileRegex('(a|b)*abb'), 'flow2d');
    expect(e.accepted!.text).toBe('abb');
    expect(e.phrase.primitive!.phrase).toMatch(/^hy\^\d+ ty\+ dy/);
    expect(e.accepted!.composition).toMatch(/f_b ∘ f_b ∘ f_a; on R_0 it is the affine map \(x, y\) ↦ \(0\.125·x \+ 3, /);
    expect(e.rejected!.text).toBe('');
    expect(renderExplanation(e)).toMatch(/meaning +↔ landing region/);
  });

  it('an empty language has no accepted sentence, a universal one no rejected sentence', () => {
    const none = complete(dfaFromTable(alphabetOf(2), [[0, 0]], 0, []));
    const all = complete(dfaFromTable(alphabetOf(2), [[0, 0]], 0, [0]));
    expect(explain(none, 'onehot').accepted).toBeNull();
    expect(explain(all, 'onehot').rejected).toBeNull();
    expect(renderExplanation(explain(none, 'relu1d'))).toMatch(/Accepted sentence: none — every sentence is rejected/);
  });
});

describe('trace', () => {
  it('every embedding: one step per code point, region = DFA state, verdicts agree', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 8 }), arbSentence(4, 30), fc.constantFrom(...EMBEDDING_NAMES), (dfa, raw, embedding) => {
        const m = dfa.alphabet.classes.length;
        const s = stringOf(dfa, raw.map((c) => c % m));
        const t = trace(vocabulary(dfa, embedding, { sigmoid: { gain: 12 } }), s);
        expect(t.steps).toHaveLength([...s].length + 1);
        expect(t.steps[0]!.symbol).toBeNull();
        t.steps.forEach((step, i) => {
          expect(step.index).toBe(i);
          expect(step.region).toBe(step.state);
          if (i > 0) expect(step.symbol).toBe([...s][i - 1]);
          expect(step.inTarget).toBe(dfa.accepting[step.state] === 1);
        });
        expect(t.accept).toBe(accepts(dfa, s));
        expect(t.dfaAccept).toBe(t.accept);
      }),
      { numRuns: 60 },
    );
  });
});
