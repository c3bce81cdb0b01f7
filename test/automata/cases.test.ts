/**
 * One table of hand-written cases (test/data/membership.json) run through
 * every engine, so the tests are differential by construction: the NFA, the
 * subset DFA, the minimal DFA, and V8 on the shared syntax. Other engines
 * (embeddings, compiled matchers) add themselves in their own suites by
 * loading the same table with `membershipCases()`.
 */
import { describe, expect, it } from 'vitest';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { compileAst, dfaOfNfa, nfaOfRegex } from '../../src/language.js';
import { accepts } from '../../src/automata/dfa.js';
import { nfaAccepts, v8Accepts } from '../support/oracles.js';
import { membershipCases } from '../support/cases.js';

describe.each(membershipCases())('$pattern', ({ pattern, accept, reject, v8 }) => {
  const ast = parseRegex(pattern);
  const nfa = nfaOfRegex(ast);
  const engines: [string, (s: string) => boolean][] = [
    ['nfa', (s) => nfaAccepts(nfa, s)],
    ['subset dfa', (s) => accepts(dfaOfNfa(nfa, { minimize: false }), s)],
    ['minimal dfa', (s) => accepts(compileAst(ast), s)],
  ];
  if (v8 !== false) engines.push(['v8', (s) => v8Accepts(pattern, s)]);
  it.each(engines)('%s accepts and rejects as the table says', (_, decide) => {
    for (const s of accept) expect(decide(s), JSON.stringify(s)).toBe(true);
    for (const s of reject) expect(decide(s), JSON.stringify(s)).toBe(false);
  });
});
