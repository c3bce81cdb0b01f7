/** `wordflow explain`: the linguistic reading, in text and JSON. */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

describe('wordflow explain', () => {
  it('reads (a|b)*abb: words, a phrase of primitive flows, sentences and the analogy table', () => {
    const r = wordflow(['explain', '(a|b)*abb']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Accepted sentence: "abb" \(words a b b\)$/m);
    expect(r.stdout).toMatch(/^ {2}lands at \(3, [\d.]+\), in R_3 \(state 3\), inside T$/m);
    expect(r.stdout).toMatch(/^Rejected sentence: "" \(words none\)$/m);
    expect(r.stdout).toMatch(/word a as a phrase of primitive flows/);
    for (const row of ['word +↔ map', 'phrase +↔ composition', 'sentence +↔ composed map', 'grammar +↔ automaton', 'meaning +↔ landing region']) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}${row}`, 'm'));
    }
  });

  it('--json with another embedding', () => {
    const e = JSON.parse(wordflow(['explain', '(aa)*', '--embedding', 'onehot', '--json']).stdout);
    expect(e.embedding).toBe('onehot');
    expect(e.accepted.text).toBe('');
    expect(e.rejected.text).toBe('!');
    expect(e.phrase.words).toEqual(['a', 'a']);
    expect(e.analogy).toHaveLength(5);
  });

  it('an empty language says so', () => {
    const r = wordflow(['explain', '[]', '--embedding', 'transform']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^Grammar: a minimal DFA with 1 state and 1 word; start 0, accepting \{\}, dead state 0\.$/m);
    expect(r.stdout).toMatch(/Accepted sentence: none — every sentence is rejected/);
  });
});
