/** explain and trace: the language's reading, checked against the DFA and brute force. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accepts, complete, dfaFromTable, type Dfa } from '../../src/automata/dfa.js';
import { complement as complementOf } from '../../src/automata/ops.js';
import { readFileSync } from 'node:fs';
import { compileFa, compileRegex } from '../../src/language.js';
import { EMBEDDING_NAMES, explain, renderExplanation, trace, vocabulary } from '../../src/vocabulary/index.js';
import { alphabetOf, arbDfa, arbSentence, stringOf } from './arbitrary.js';

/** Levenshtein distance between two strings of code points (the classic dynamic programme). */
function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  let row = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const next = [i];
    for (let j = 1; j <= y.length; j++)
      next.push(Math.min(row[j]! + 1, next[j - 1]! + 1, row[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1)));
    row = next;
  }
  return row[y.length]!;
}

/**
 * The length of the shortest member of at least `min` letters, level by level over sets of states (all classes);
 * with `seen`, only members whose run enters a state outside it.
 */
function shortestMemberLength(dfa: Dfa, min: number, maxLength = 12, seen: Set<number> | null = null): number | null {
  const k = dfa.alphabet.classes.length;
  const fresh = (q: number): boolean => seen === null || !seen.has(q);
  // Level entries: "state,left" where left = 1 once the run has entered a state outside `seen`.
  let level = new Set([`${dfa.start},${fresh(dfa.start) ? 1 : 0}`]);
  for (let len = 0; len <= maxLength; len++) {
    for (const key of level) {
      const [q, left] = key.split(',').map(Number) as [number, number];
      if (len >= min && left === 1 && dfa.accepting[q] === 1) return len;
    }
    const next = new Set<string>();
    for (const key of level) {
      const [q, left] = key.split(',').map(Number) as [number, number];
      for (let c = 0; c < k; c++) {
        const t = dfa.delta[q * k + c]!;
        next.add(`${t},${left === 1 || fresh(t) ? 1 : 0}`);
      }
    }
    level = next;
  }
  return null;
}

/** The DFA state after each prefix of a sentence of classes, by running the table. */
function statesAlong(dfa: Dfa, classes: readonly number[]): number[] {
  const k = dfa.alphabet.classes.length;
  const out = [dfa.start];
  for (const c of classes) out.push(dfa.delta[out.at(-1)! * k + c]!);
  return out;
}

describe('explain', () => {
  it('members are the shortest non-empty one and the next longer one; the near miss is one edit from a member and rejected', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 8 }), fc.constantFrom(...EMBEDDING_NAMES), (dfa, embedding) => {
        const e = explain(dfa, embedding, { sigmoid: { gain: 12 } });
        const first = shortestMemberLength(dfa, 1, 2 * dfa.states);
        if (first === null) expect(e.members).toHaveLength(0);
        else {
          expect([...e.members[0]!.text]).toHaveLength(first);
          const second = shortestMemberLength(dfa, first + 1, 2 * dfa.states + 1);
          if (second === null) expect(e.members).toHaveLength(1);
          else {
            // A shortest longer member whose run leaves the states of the first member's run, if there is one.
            const seen = new Set(statesAlong(dfa, e.members[0]!.classes));
            const fresh = shortestMemberLength(dfa, first + 1, 4 * dfa.states + 2, seen);
            const along = statesAlong(dfa, e.members[1]!.classes);
            expect([...e.members[1]!.text]).toHaveLength(fresh ?? second);
            expect(along.some((q) => !seen.has(q))).toBe(fresh !== null);
          }
        }
        for (const m of e.members) expect(accepts(dfa, m.text)).toBe(true);
        expect(e.acceptsEmpty).toBe(accepts(dfa, ''));
        if (e.accepted !== null) expect(accepts(dfa, e.accepted.text)).toBe(true);
        if (e.nearMiss !== null) {
          expect(accepts(dfa, e.nearMiss.from)).toBe(true);
          expect(accepts(dfa, e.nearMiss.reading.text)).toBe(false);
          expect(editDistance(e.nearMiss.from, e.nearMiss.reading.text)).toBe(1);
          for (const ch of e.nearMiss.reading.text) expect(e.letters).toContain(ch);
        }
        if (e.rejected !== null) {
          expect(accepts(dfa, e.rejected.text)).toBe(false);
          expect(e.rejected.inTarget).toBe(false);
        } else expect(shortestMemberLength(complementOf(dfa), 0, dfa.states)).toBeNull();
        for (const r of [e.accepted, e.rejected]) {
          if (r === null) continue;
          expect(r.region).toBe(r.state);
          const states = statesAlong(dfa, r.classes);
          r.steps.forEach((s, i) => expect(s.region).toBe(states[i]));
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
        // Plural agreement: never "1 words", "1 states", …
        expect(text).not.toMatch(/(^|[^\d.])1 (word|state|run|letter|primitive flow|element)s\b/);
        // The identity is not constant on a region.
        expect(text).not.toMatch(/id \(the empty composition\)[^\n]*constant/);
        if (e.accepted !== null) expect(text).toContain(JSON.stringify(e.accepted.text));
      }),
      { numRuns: 40 },
    );
  });

  it('(ab)*: members "ab" and "abab", the near miss "aba", every step in the region of its DFA state', () => {
    for (const embedding of EMBEDDING_NAMES) {
      const e = explain(compileRegex('(ab)*'), embedding, { sigmoid: { gain: 12 } });
      expect(e.members.map((m) => m.text)).toEqual(['ab', 'abab']);
      expect(e.letters).toEqual(['a', 'b']);
      expect(e.nearMiss!.reading.text).toBe('aba');
      expect(e.nearMiss!.edit).toBe('"abab" without its last letter');
      expect(e.accepted!.steps.map((s) => s.region)).toEqual([0, 1, 0, 1, 0]);
      const text = renderExplanation(e);
      expect(text).toMatch(/^ {2}"aba" +rejected \(a near miss: "abab" without its last letter\)$/m);
      expect(text).toMatch(/^ {2}margin +how far inside/m);
    }
  });

  it('for flow2d spells a word with primitive flows, pushes x0 through the spelling, and glosses every flow used', () => {
    const dfa = compileRegex('(a|b)*abb');
    const e = explain(dfa, 'flow2d');
    expect(e.accepted!.text).toBe('aabb');
    expect(e.spelling!.spelling).toMatch(/^hy\^\d+ ty\+ dy/);
    // The spelling run by run ends where the word's (folded) map sends x0.
    const v = vocabulary(dfa, 'flow2d');
    const end = v.apply(e.accepted!.classes[0]!, v.start);
    expect(e.spelling!.steps.at(-1)!.point).toEqual([end[0], end[1]]);
    expect(e.accepted!.composition).toMatch(
      /f_b ∘ f_b ∘ f_a ∘ f_a; on R_0 it is the affine map \(x, y\) ↦ \(0\.0625·x \+ 3, /,
    );
    const text = renderExplanation(e);
    expect(text).toMatch(/^ {2}hy +halve y: y ↦ y\/2/m);
    expect(text).toMatch(/^ {2}spelling +the primitive flows whose composition is one word’s map/m);
    expect(text).not.toMatch(/phrase of primitive flows/);
  });

  it('relu1d: the empty composition is the identity, not a constant', () => {
    const e = explain(compileRegex('(a|b)*abb'), 'relu1d');
    const text = renderExplanation(explain(compileRegex('a'), 'relu1d'));
    expect(text).toMatch(
      /Rejected sentence: "" \(words none\)\n {2}composed map: id \(the empty composition\): every point stays where it is/,
    );
    expect(e.phrase.composition).toMatch(/constant on each R_q/);
  });

  it('mult3: the longer member 11 (three) visits a remainder the first member 0 does not', () => {
    const e = explain(compileFa(readFileSync('grammars/examples/mult3.fa', 'utf8')), 'transform');
    expect(e.members.map((m) => m.text)).toEqual(['0', '11']);
    expect(e.nearMiss!.reading.text).toBe('1');
  });

  it('.* has 1 word and no rejected sentence; [ab]* is rejected only outside its letters', () => {
    const text = renderExplanation(explain(compileRegex('.*'), 'onehot'));
    expect(text).toMatch(/with 1 state and 1 word;/);
    expect(text).toMatch(/every sentence is accepted: no near miss exists/);
    const ab = explain(compileRegex('[ab]*'), 'transform');
    expect(ab.nearMiss).toBeNull();
    expect(ab.rejected!.text).toBe('c');
  });

  it('an empty language has no accepted sentence, a universal one no rejected sentence', () => {
    const none = complete(dfaFromTable(alphabetOf(2), [[0, 0]], 0, []));
    const all = complete(dfaFromTable(alphabetOf(2), [[0, 0]], 0, [0]));
    expect(explain(none, 'onehot').accepted).toBeNull();
    expect(explain(all, 'onehot').rejected).toBeNull();
    expect(renderExplanation(explain(none, 'relu1d'))).toMatch(/Accepted sentence: none — every sentence is rejected/);
  });

  it('states the certificate with a margin only when it holds, and why it covers every length', () => {
    const holds = explain(compileRegex('(ab)*'), 'sigmoid', { sigmoid: { gain: 12 } });
    expect(holds.certificate.holds).toBe(true);
    expect(holds.certificate.margin).toBeGreaterThan(0);
    expect(holds.certificate.floatSound).toBe(true);
    const fails = explain(compileRegex('(ab)*'), 'sigmoid', { sigmoid: { gain: 2 } });
    expect(fails.certificate.holds).toBe(false);
    expect(fails.certificate.margin).toBeNull();
    expect(renderExplanation(fails)).toMatch(/^Certificate: fails \(margin: none\)\.$/m);
    expect(renderExplanation(holds)).toMatch(/^ {2}Every length: x0 lies in R_q0 .* by induction on the length/m);
  });
});

describe('trace', () => {
  it('every embedding: one step per code point, region = DFA state, verdicts agree', () => {
    fc.assert(
      fc.property(
        arbDfa({ maxStates: 8 }),
        arbSentence(4, 30),
        fc.constantFrom(...EMBEDDING_NAMES),
        (dfa, raw, embedding) => {
          const m = dfa.alphabet.classes.length;
          const s = stringOf(
            dfa,
            raw.map((c) => c % m),
          );
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
        },
      ),
      { numRuns: 60 },
    );
  });
});
