/** The string's run kept up to date across edits: arrays for short strings, the segment tree for long ones. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { accepts } from '../../src/automata/dfa.js';
import { compileRegex } from '../../src/language.js';
import { INCREMENTAL_FROM, trackRun, type Tracked } from '../../src/tui/tracking.js';

const dfa = compileRegex('(a|b)*a(a|b){2}|😀+');

/** The state after each prefix, by walking the DFA directly (the oracle). */
function walk(chars: readonly string[]): number[] {
  const k = dfa.alphabet.classes.length;
  const out = [dfa.start];
  for (const ch of chars) {
    const cp = ch.codePointAt(0)!;
    let c = 0;
    while (!dfa.alphabet.classes[c]!.ranges.some(([lo, hi]) => lo <= cp && cp <= hi)) c++;
    out.push(dfa.delta[out[out.length - 1]! * k + c]!);
  }
  return out;
}

const letter: fc.Arbitrary<string> = fc.constantFrom('a', 'b', 'c', '😀');
type Op = { at: number; del: number; ins: string[] };
const op = fc.record({ at: fc.nat(), del: fc.nat({ max: 40 }), ins: fc.array(letter, { maxLength: 30 }) });

function applyOp(chars: string[], o: Op): string[] {
  const at = o.at % (chars.length + 1);
  return [...chars.slice(0, at), ...o.ins, ...chars.slice(Math.min(chars.length, at + o.del))];
}

function check(t: Tracked, chars: readonly string[]): void {
  const states = walk(chars);
  expect(t.run.letters).toBe(chars.length);
  expect(t.run.accepted).toBe(accepts(dfa, chars.join('')));
  // Spot-check prefix states (all of them for short strings).
  const step = Math.max(1, Math.floor(chars.length / 50));
  for (let i = 0; i <= chars.length; i += step) expect(t.run.stateAt(i)).toBe(states[i]);
  expect(t.run.stateAt(chars.length)).toBe(states[chars.length]);
}

describe('run tracking', () => {
  it('follows random edits of short strings', () => {
    fc.assert(
      fc.property(fc.array(letter, { maxLength: 60 }), fc.array(op, { maxLength: 12 }), (start, ops) => {
        let chars = start;
        let t = trackRun(undefined, dfa, chars);
        check(t, chars);
        for (const o of ops) {
          chars = applyOp(chars, o);
          t = trackRun(t, dfa, chars);
          check(t, chars);
        }
      }),
    );
  });

  it('follows random edits of long strings through the segment tree, across the threshold both ways', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 8 }), fc.integer({ min: -40, max: 40 }), (ops, around) => {
        let chars: string[] = Array.from({ length: INCREMENTAL_FROM + around }, (_, i) => (i % 7 === 3 ? 'b' : 'a'));
        let t = trackRun(undefined, dfa, chars);
        check(t, chars);
        for (const o of ops) {
          chars = applyOp(chars, o);
          t = trackRun(t, dfa, chars);
          check(t, chars);
          expect(t.doc !== null).toBe(chars.length >= INCREMENTAL_FROM);
        }
      }),
      { numRuns: 30 },
    );
  });

  it('reports classes of prefixes', () => {
    const chars = [...'ab😀c'];
    const t = trackRun(undefined, dfa, chars);
    const labels = Array.from(t.run.classesUpTo(4));
    expect(labels).toHaveLength(4);
    expect(labels[0]).toBe(t.run.classAt(0));
    expect(labels[0]).not.toBe(labels[1]);
    expect(labels[3]).not.toBe(labels[2]);
  });
});
