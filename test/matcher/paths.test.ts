/**
 * Every membership path on the same inputs, side by side: the DFA walk, the
 * compiled matcher under each engine, streaming (UTF-8 in random chunks),
 * parallel composition (2–3 threads over a shared buffer), the incremental
 * tree (built from the pieces by edits), and the lazy DFA straight from the
 * NFA. Each path is also tested on its own elsewhere; this is the one place
 * that says they are all one function.
 */
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { accepts } from '../../src/automata/dfa.js';
import { lazyDfa } from '../../src/automata/lazy.js';
import { createIncremental } from '../../src/incremental/index.js';
import { compileAst, nfaOfRegex } from '../../src/language.js';
import { limits } from '../../src/limits.js';
import { compileMatcher } from '../../src/matcher/index.js';
import { acceptsBytes, closeWorkers } from '../../src/parallel/index.js';
import { parseRegex } from '../../src/syntax/regex/parse.js';
import { extendedPatternArb } from '../support/arbitraries.js';
import { cuts, wellFormedArb } from './support.js';

const letters = ['a', 'b', 'c', 'é', '😀'];

/** Short strings over the pattern letters, or such a string repeated into a long one. */
const inputArb = fc.oneof(
  fc.array(fc.constantFrom(...letters, 'x'), { maxLength: 12 }).map((xs) => xs.join('')),
  wellFormedArb(8),
  fc
    .tuple(fc.array(fc.constantFrom(...letters), { minLength: 1, maxLength: 6 }), fc.integer({ min: 10, max: 400 }))
    .map(([xs, n]) => xs.join('').repeat(n)),
);

afterAll(closeWorkers);

describe('all membership paths', () => {
  it('give one verdict on every input', async () => {
    await fc.assert(
      fc.asyncProperty(
        extendedPatternArb(letters, 3),
        fc.array(inputArb, { minLength: 1, maxLength: 4 }),
        fc.array(fc.double({ min: 0, max: 1, noNaN: true }), { maxLength: 4 }),
        fc.integer({ min: 2, max: 3 }),
        async (pattern, inputs, fractions, threads) => {
          const lim = limits({});
          const ast = parseRegex(pattern, lim);
          const dfa = compileAst(ast, { limits: lim });
          const auto = compileMatcher(dfa);
          const js = compileMatcher(dfa, { engine: 'js' });
          const wasm = compileMatcher(dfa, { engine: 'wasm' });
          const lazy = lazyDfa(nfaOfRegex(ast, { limits: lim }), 4);
          for (const s of inputs) {
            const expected = accepts(dfa, s);
            const verdicts: Record<string, boolean> = {
              auto: auto.accepts(s),
              js: js.accepts(s),
              wasm: wasm.accepts(s),
              lazy: lazy.accepts(s),
            };
            const bytes = Buffer.from(s, 'utf8');
            const scan = auto.scanner();
            let at = 0;
            for (const cut of [...cuts(bytes.length, fractions), bytes.length]) {
              scan.push(bytes.subarray(at, cut));
              at = cut;
            }
            verdicts['stream'] = scan.accepts();
            const shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
            shared.set(bytes);
            verdicts['parallel'] = (await acceptsBytes(auto, shared, { threads, threshold: 0 })).accept;
            // The incremental tree, built by inserting the string's pieces in a shuffled order.
            const inc = createIncremental(dfa);
            const pieces = [0, ...cuts(s.length, fractions), s.length];
            for (let k = pieces.length - 2; k >= 0; k--) inc.insert(0, s.slice(pieces[k], pieces[k + 1]));
            expect(inc.text()).toBe(s);
            verdicts['incremental'] = inc.accepts();
            for (const [path, verdict] of Object.entries(verdicts))
              expect({ pattern, s: s.slice(0, 40), path, verdict }).toEqual({
                pattern,
                s: s.slice(0, 40),
                path,
                verdict: expected,
              });
          }
        },
      ),
      { numRuns: 60 },
    );
  });
});
