/** `wordflow explain`: the linguistic reading, in text and JSON. */
import { describe, expect, it } from 'vitest';
import { wordflow } from '../support/cli.js';

describe('wordflow explain', () => {
  it('reads (a|b)*abb: words, a spelling of primitive flows, sentences over its own letters and the analogy table', () => {
    const r = wordflow(['explain', '(a|b)*abb']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^ {2}"abb" +accepted \(the shortest non-empty member\)$/m);
    expect(r.stdout).toMatch(/^Accepted sentence: "aabb" \(words a a b b\)$/m);
    expect(r.stdout).toMatch(/^ {2}lands at \(3, [\d.]+\), in R_3 \(state 3\), inside T$/m);
    expect(r.stdout).toMatch(/^Rejected sentence: "aab" \(words a a b\)$/m);
    expect(r.stdout).toMatch(/^The spelling of word a \(\d+ primitive flows in \d+ runs\): hy/m);
    for (const row of [
      'word +↔ map',
      'phrase +↔ composition',
      'sentence +↔ composed map',
      'grammar +↔ automaton',
      'meaning +↔ landing region',
    ]) {
      expect(r.stdout).toMatch(new RegExp(`^ {2}${row}`, 'm'));
    }
  });

  it('--json with another embedding', () => {
    const e = JSON.parse(wordflow(['explain', '(aa)*', '--embedding', 'onehot', '--json']).stdout);
    expect(e.embedding).toBe('onehot');
    expect(e.members.map((m: { text: string }) => m.text)).toEqual(['aa', 'aaaa']);
    expect(e.accepted.text).toBe('aaaa');
    expect(e.rejected.text).toBe('aaa');
    expect(e.phrase.words).toEqual(['a', 'a', 'a']);
    expect(e.certificate).toMatchObject({ holds: true, margin: 0, floatSound: true });
    expect(e.analogy).toHaveLength(5);
  });

  it('(ab)* is taught with its own letters: abab accepted, aba a near miss; .* has 1 word', () => {
    const r = wordflow(['explain', '(ab)*']);
    expect(r.stdout).toMatch(/^ {2}"abab" +accepted/m);
    expect(r.stdout).toMatch(/^ {2}"aba" +rejected \(a near miss/m);
    expect(wordflow(['explain', '.*']).stdout).toMatch(/1 state and 1 word;/);
  });

  it('an empty language says so', () => {
    const r = wordflow(['explain', '[]', '--embedding', 'transform']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^Grammar: a minimal DFA with 1 state and 1 word; start 0, accepting \{\}, dead state 0\.$/m,
    );
    expect(r.stdout).toMatch(/Accepted sentence: none — every sentence is rejected/);
  });
});
