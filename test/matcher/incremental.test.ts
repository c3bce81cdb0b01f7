/**
 * Incremental re-checking against recomputation: random edit sequences
 * (positions anywhere, including inside surrogate pairs) on texts long enough
 * to span many blocks; after every edit the verdict and `stateAfter` at random
 * prefixes must equal the DFA walk of the edited string.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { classOf } from '../../src/alphabet/alphabet.js';
import { accepts, type Dfa } from '../../src/automata/dfa.js';
import { WordflowError } from '../../src/errors.js';
import { createIncremental } from '../../src/incremental/index.js';
import { compilePattern, dfaArb, stringArb } from './support.js';

/** DFA state after a string (code points; lone surrogates are code points). */
function walk(dfa: Dfa, s: string): number {
  const k = dfa.alphabet.classes.length;
  let q = dfa.start;
  for (const ch of s) q = dfa.delta[q * k + classOf(dfa.alphabet, ch.codePointAt(0)!)]!;
  return q;
}

const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.double({ min: 0, max: 1, noNaN: true }),
  insert: fc.oneof(
    stringArb(6),
    fc.tuple(stringArb(4), fc.integer({ min: 1, max: 300 })).map(([s, n]) => s.repeat(n)),
  ),
  kind: fc.constantFrom('insert', 'delete', 'replace'),
});

describe('incremental membership', () => {
  it('random edit sequences give the verdict and prefix states of recomputation', () => {
    fc.assert(
      fc.property(
        dfaArb,
        fc.tuple(stringArb(8), fc.integer({ min: 0, max: 400 })).map(([s, n]) => s.repeat(n)),
        fc.array(editArb, { maxLength: 12 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { minLength: 1, maxLength: 3 }),
        (dfa, initial, edits, probes) => {
          const doc = createIncremental(dfa, initial);
          let model = initial;
          const check = () => {
            expect(doc.length).toBe(model.length);
            expect(doc.accepts()).toBe(accepts(dfa, model));
            for (const p of probes) {
              const at = Math.floor(p * (model.length + 1)) % (model.length + 1);
              expect(doc.stateAfter(at)).toBe(walk(dfa, model.slice(0, at)));
            }
          };
          check();
          for (const e of edits) {
            const index = Math.floor(e.at * (model.length + 1)) % (model.length + 1);
            const count = Math.floor(e.span * (model.length - index + 1)) % (model.length - index + 1);
            if (e.kind === 'insert') {
              doc.insert(index, e.insert);
              model = model.slice(0, index) + e.insert + model.slice(index);
            } else if (e.kind === 'delete') {
              doc.delete(index, count);
              model = model.slice(0, index) + model.slice(index + count);
            } else {
              doc.replace(index, count, e.insert);
              model = model.slice(0, index) + e.insert + model.slice(index + count);
            }
            check();
          }
          expect(doc.text()).toBe(model);
        },
      ),
      { numRuns: 120 },
    );
  });

  it('an edit of a 1 MB string flips the verdict', () => {
    const doc = createIncremental(compilePattern('(a|b)*abb'), 'ab'.repeat(500_000));
    expect(doc.accepts()).toBe(false);
    doc.insert(doc.length, 'b');
    expect(doc.accepts()).toBe(true);
    doc.replace(1, 1, 'c');
    expect(doc.accepts()).toBe(false);
    doc.delete(0, 2);
    expect(doc.accepts()).toBe(true);
  });

  it('rejects edits outside the text with a usage error', () => {
    const doc = createIncremental(compilePattern('a*'), 'aaa');
    expect(() => doc.delete(2, 5)).toThrow(WordflowError);
    expect(() => doc.insert(-1, 'a')).toThrow(/outside the text/);
  });
});
