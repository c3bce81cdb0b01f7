/**
 * The shared case table (test/data/membership.json) through all five
 * embeddings: each decides by composing its maps, and each certificate holds
 * on the table's (minimal, compiled) languages.
 */
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/language.js';
import { acceptsBy, certify, EMBEDDING_NAMES, verifyAll, vocabulary } from '../../src/vocabulary/index.js';
import { membershipCases } from '../support/cases.js';

describe.each(membershipCases())('$pattern', ({ pattern, accept, reject }) => {
  const dfa = compileRegex(pattern);
  it.each(EMBEDDING_NAMES.map((e) => [e]))('%s accepts and rejects as the table says, with a certificate', (name) => {
    const v = vocabulary(dfa, name);
    expect(certify(v).holds).toBe(true);
    for (const s of accept) expect(acceptsBy(v, s), JSON.stringify(s)).toBe(true);
    for (const s of reject) expect(acceptsBy(v, s), JSON.stringify(s)).toBe(false);
  });
  it('verifyAll sees no disagreement', () => {
    for (const s of [...accept, ...reject]) expect(verifyAll(dfa, s).disagreements).toEqual([]);
  });
});
