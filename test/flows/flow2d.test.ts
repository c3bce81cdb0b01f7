/**
 * flow2d: folded and unfolded evaluation give the same bits, the arithmetic
 * is exact where docs/ARCHITECTURE.md says it is (checked against exact dyadic
 * rationals), decoding recovers sentences while the bits last, and a
 * million letters evaluate well under a second.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { runClasses } from '../../src/automata/dfa.js';
import { FLOW_NAMES } from '../../src/flows/primitives.js';
import { applyPhrase, invertPhrase, parsePhrase, phraseLength } from '../../src/flows/phrase.js';
import {
  applyUnfolded,
  decode,
  exactBits,
  regionImage,
  runUnfolded,
  trace,
  vocabulary,
  type Flow2dVocabulary,
} from '../../src/vocabulary/index.js';
import { arbDfa, arbSentence, longSentence, stringOf } from '../vocabulary/arbitrary.js';
import { applyExact, dyadic, toDouble } from './dyadic.js';

const flow2d = (dfa: Parameters<typeof vocabulary>[0]): Flow2dVocabulary =>
  vocabulary(dfa, 'flow2d') as Flow2dVocabulary;
const sameBits = (a: ArrayLike<number>, b: ArrayLike<number>): boolean =>
  Object.is(a[0], b[0]) && Object.is(a[1], b[1]);

/** A point of R_q whose x is on the exactness lattice (2^−bits) and whose y is arbitrary in [0, 1]. */
const arbRegionPoint = (v: Flow2dVocabulary) =>
  fc
    .record({
      q: fc.integer({ min: 0, max: v.dfa.states - 1 }),
      dx: fc.integer({ min: -(2 ** 18), max: 2 ** 18 }),
      y: fc.oneof(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.constantFrom(0, 1, 0.5, Number.MIN_VALUE, 1 - 2 ** -53),
      ),
    })
    .map(({ q, dx, y }) => Float64Array.of(q + (dx / 2 ** 18) * 0.25, y));

describe('flow2d folding', () => {
  it('folded and unfolded give the same bits on every point of R_q with x on the 2^(e−52) lattice', () => {
    fc.assert(
      fc.property(
        arbDfa().chain((dfa) => {
          const v = flow2d(dfa);
          return fc.tuple(
            fc.constant(v),
            fc.array(arbRegionPoint(v), { minLength: 1, maxLength: 30 }),
            fc.integer({ min: 0, max: dfa.alphabet.classes.length - 1 }),
          );
        }),
        ([v, points, c]) => {
          expect(exactBits(v.params)).toBeGreaterThanOrEqual(18);
          for (const p of points) {
            const folded = v.apply(c, p);
            const unfolded = applyUnfolded(v, c, p);
            expect(sameBits(folded, unfolded)).toBe(true);
            expect(v.stateOf(folded)).toBe(v.dfa.delta[v.stateOf(p)! * v.dfa.alphabet.classes.length + c]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('…and along whole trajectories of ≥ 10 000 letters, step by step', () => {
    fc.assert(
      fc.property(
        arbDfa({ maxStates: 12 }),
        fc.nat(),
        fc.integer({ min: 10_000, max: 12_000 }),
        (dfa, seed, length) => {
          const v = flow2d(dfa);
          const m = dfa.alphabet.classes.length;
          const w = longSentence(m, length, seed);
          let a: Float64Array = Float64Array.from(v.start);
          let b: Float64Array = Float64Array.from(v.start);
          for (let i = 0; i < w.length; i++) {
            a = v.apply(w[i]!, a);
            b = applyUnfolded(v, w[i]!, b);
            if (!sameBits(a, b)) expect.fail(`step ${i}: folded (${a[0]}, ${a[1]}) vs unfolded (${b[0]}, ${b[1]})`);
          }
          expect(sameBits(v.run(w), runUnfolded(v, w))).toBe(true);
          // The state coordinate never loses precision: it is exactly the DFA's state.
          expect(a[0]).toBe(runClasses(dfa, w));
        },
      ),
      { numRuns: 12 },
    );
  });

  it('floating point is exact: on points with few bits the phrase computes the exact dyadic result', () => {
    fc.assert(
      fc.property(
        arbDfa().chain((dfa) =>
          fc.tuple(
            fc.constant(dfa),
            fc.integer({ min: 0, max: dfa.states - 1 }),
            fc.integer({ min: 0, max: dfa.alphabet.classes.length - 1 }),
            fc.integer({ min: -(2 ** 16), max: 2 ** 16 }),
            fc.bigInt({ min: 0n, max: 1n << 40n }),
          ),
        ),
        ([dfa, q, c, dx, yn]) => {
          const v = flow2d(dfa);
          const x = q + dx / 2 ** 18;
          const y = Number(yn) / 2 ** 40;
          const [ex, ey] = applyExact(v.params.phrases[c]!, dyadic(x), dyadic(y));
          const unfolded = applyUnfolded(v, c, Float64Array.of(x, y));
          const folded = v.apply(c, Float64Array.of(x, y));
          expect(toDouble(ex)).toBe(unfolded[0]);
          expect(toDouble(ey)).toBe(unfolded[1]);
          expect(sameBits(folded, unfolded)).toBe(true);
        },
      ),
      { numRuns: 150 },
    );
  });

  it('the orbit of x0 is exact while y holds every letter (≤ 51/(k+1) letters)', () => {
    fc.assert(
      fc.property(arbDfa(), fc.array(fc.nat(), { maxLength: 25 }), (dfa, raw) => {
        const v = flow2d(dfa);
        const m = dfa.alphabet.classes.length;
        const w = raw.slice(0, Math.floor(51 / (v.params.k + 1))).map((c) => c % m);
        let x = dyadic(v.start[0]!);
        let y = dyadic(v.start[1]!);
        for (const c of w) [x, y] = applyExact(v.params.phrases[c]!, x, y);
        const end = v.run(w);
        expect(toDouble(x)).toBe(end[0]);
        expect(toDouble(y)).toBe(end[1]);
      }),
      { numRuns: 100 },
    );
  });

  it('a word followed by its inverse phrase returns points of R_q: x exactly, y to within the one rounding', () => {
    fc.assert(
      fc.property(
        arbDfa().chain((dfa) => {
          const v = flow2d(dfa);
          return fc.tuple(
            fc.constant(v),
            fc.array(arbRegionPoint(v), { minLength: 1, maxLength: 20 }),
            fc.integer({ min: 0, max: dfa.alphabet.classes.length - 1 }),
          );
        }),
        ([v, points, c]) => {
          const inverse = invertPhrase(v.params.phrases[c]!);
          for (const p of points) {
            const image = v.apply(c, p);
            const [x, y] = applyPhrase(inverse, image[0]!, image[1]!);
            expect(x).toBe(p[0]);
            // y lost at most its bits below 2^−52 when lifted into [1, 2), magnified back by 2^(k+1).
            expect(Math.abs(y - p[1]!)).toBeLessThanOrEqual(2 ** -53 * 2 ** (v.params.k + 1));
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('every word is a phrase over the twelve primitive flows of V, with O(n) runs', () => {
    fc.assert(
      fc.property(arbDfa(), (dfa) => {
        const v = flow2d(dfa);
        const n = dfa.states;
        for (const p of v.params.phrases) {
          for (const s of p) {
            expect(FLOW_NAMES).toContain(s.flow);
            expect(Number.isInteger(s.times) && s.times > 0).toBe(true);
          }
          expect(p.length).toBeLessThanOrEqual(8 * n + 16);
          expect(phraseLength(p)).toBe(p.reduce((t, s) => t + s.times, 0));
        }
        const json = v.describe();
        for (const w of json.words) if (w.map.kind === 'flow2d') expect(w.map.folded).toHaveLength(n);
      }),
      { numRuns: 40 },
    );
  });
});

describe('flow2d decoding', () => {
  it('recovers every short sentence exactly and completely', () => {
    fc.assert(
      fc.property(arbDfa(), arbSentence(4, 30), (dfa, raw) => {
        const v = flow2d(dfa);
        const k = v.params.k;
        const m = dfa.alphabet.classes.length;
        const w = raw.map((c) => c % m).slice(0, Math.max(0, Math.floor((50 - 2 * k) / (k + 1))));
        const d = decode(v, v.run(w));
        expect(d).toEqual({ classes: w, recovered: w.length, complete: true });
      }),
      { numRuns: 150 },
    );
  });

  it('recovers the last ≈ 53/(k+1) letters of a long sentence, and no more than the bits allow', () => {
    fc.assert(
      fc.property(
        arbDfa().filter((d) => d.states * d.alphabet.classes.length > 1),
        fc.nat(),
        (dfa, seed) => {
          const v = flow2d(dfa);
          const k = v.params.k;
          const m = dfa.alphabet.classes.length;
          const w = Array.from(longSentence(m, 500, seed));
          const d = decode(v, v.run(w));
          expect(d.complete).toBe(false);
          expect(d.classes).toEqual(w.slice(w.length - d.recovered));
          expect(d.recovered).toBeGreaterThanOrEqual(Math.floor((50 - 2 * k) / (k + 1)));
          expect(d.recovered).toBeLessThanOrEqual(Math.ceil(53 / (k + 1)) + 1);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('a point off every orbit decodes to nothing rather than to garbage', () => {
    fc.assert(
      fc.property(arbDfa(), (dfa) => {
        const v = flow2d(dfa);
        expect(decode(v, Float64Array.of(0.3, 0.77)).recovered).toBe(0);
      }),
    );
  });
});

describe('flow2d trajectories and speed', () => {
  it('trace: each word follows its phrase in continuous time from the previous point to the next', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 6 }), arbSentence(4, 6), (dfa, raw) => {
        const v = flow2d(dfa);
        const m = dfa.alphabet.classes.length;
        const s = stringOf(
          dfa,
          raw.map((c) => c % m),
        );
        const t = trace(v, s, { samplesPerFlow: 3 });
        expect(t.steps).toHaveLength([...s].length + 1);
        for (let i = 1; i < t.steps.length; i++) {
          const step = t.steps[i]!;
          const flow = step.flow!;
          expect([flow[0]!.x, flow[0]!.y]).toEqual(t.steps[i - 1]!.point);
          expect([flow[flow.length - 1]!.x, flow[flow.length - 1]!.y]).toEqual(step.point);
          expect(step.region).toBe(step.state);
        }
        expect(t.accept).toBe(t.dfaAccept);
      }),
      { numRuns: 30 },
    );
  });

  it('a 1 000 000-letter sentence runs through flow2d (folded) and transform to the state of the DFA', () => {
    const dfa = fc.sample(
      arbDfa({ maxStates: 30, maxClasses: 4 }).filter((d) => d.states > 20 && d.alphabet.classes.length === 4),
      { numRuns: 1, seed: 42 },
    )[0]!;
    const w = longSentence(4, 1_000_000, 7);
    const expected = runClasses(dfa, w);
    for (const name of ['flow2d', 'transform'] as const) {
      const v = vocabulary(dfa, name);
      const end = v.run(w);
      expect(v.stateOf(end)).toBe(expected);
    }
  });
});

describe('exact images of regions under phrases (the certificate’s polygon pushing)', () => {
  const arbStep = fc.record({ flow: fc.constantFrom(...FLOW_NAMES), times: fc.integer({ min: 1, max: 3 }) });
  it('contains the image of every point of the box and is attained on its boundary', () => {
    fc.assert(
      fc.property(fc.array(arbStep, { minLength: 1, maxLength: 8 }), (phrase) => {
        const img = regionImage(phrase, -0.25, 0.25, 0, 1);
        fc.pre(img.exact);
        const seen = { xmin: Infinity, xmax: -Infinity, ymin: Infinity, ymax: -Infinity };
        let outside = 0;
        const visit = (x: number, y: number, boundary: boolean): void => {
          const [px, py] = applyPhrase(phrase, x, y);
          const slack = 1e-9 * (1 + Math.abs(px) + Math.abs(py));
          if (px < img.xmin - slack || px > img.xmax + slack || py < img.ymin - slack || py > img.ymax + slack)
            outside++;
          if (boundary) {
            seen.xmin = Math.min(seen.xmin, px);
            seen.xmax = Math.max(seen.xmax, px);
            seen.ymin = Math.min(seen.ymin, py);
            seen.ymax = Math.max(seen.ymax, py);
          }
        };
        const steps = 1000;
        for (let i = 0; i <= steps; i++) {
          const s = i / steps;
          visit(-0.25 + 0.5 * s, 0, true);
          visit(-0.25 + 0.5 * s, 1, true);
          visit(-0.25, s, true);
          visit(0.25, s, true);
          visit(-0.25 + (0.5 * ((i * 7919) % steps)) / steps, ((i * 104729) % steps) / steps, false);
        }
        expect(outside).toBe(0);
        const size = 1 + Math.abs(img.xmax - img.xmin) + Math.abs(img.ymax - img.ymin);
        for (const key of ['xmin', 'xmax', 'ymin', 'ymax'] as const)
          expect(Math.abs(seen[key] - img[key])).toBeLessThan(1e-2 * size);
      }),
      { numRuns: 100 },
    );
  });

  it('cuts at the kink: a ridge across R_0 is not affine there, and the extent is exact', () => {
    // x ∈ [−⅛, ⅛]; y ↦ (2y + 1)/8 ∈ [⅛, ⅜]; then y += 6·relu(x) ≤ ¾.
    const phrase = parsePhrase('hx dy ty+ hy^3 ry+^6');
    const img = regionImage(phrase, -0.25, 0.25, 0, 1);
    expect(img).toEqual({ xmin: -0.125, xmax: 0.125, ymin: 0.125, ymax: 1.125, affine: false, exact: true });
  });
});
