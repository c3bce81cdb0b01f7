/** relu1d: the knot form equals its one-hidden-layer ReLU network. */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { evaluateKnots, evaluateNetwork, relu1dParams, reluNetwork, vocabulary } from '../../src/vocabulary/index.js';
import { arbDfa } from './arbitrary.js';

describe('relu1d words as ReLU networks', () => {
  it('knot form = network, bit for bit on dyadic points, and to 1e-9 on any point', () => {
    fc.assert(
      fc.property(
        arbDfa(),
        fc.array(fc.integer({ min: -(2 ** 26), max: 2 ** 26 }), { minLength: 1, maxLength: 50 }),
        fc.array(fc.double({ min: -40, max: 40, noNaN: true }), { maxLength: 50 }),
        (dfa, ticks, floats) => {
          const p = relu1dParams(dfa);
          for (const w of p.words) {
            const net = reluNetwork(w);
            expect(net.width).toBeLessThanOrEqual(w.xs.length);
            for (const t of ticks) {
              const x = t / 2 ** 20;
              expect(evaluateNetwork(net, x)).toBe(evaluateKnots(w, x));
            }
            for (const x of floats)
              expect(Math.abs(evaluateNetwork(net, x) - evaluateKnots(w, x))).toBeLessThan(
                1e-9 * (1 + Math.abs(x)) * dfa.states,
              );
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('is constant δ(q, c) on every region and a hidden unit only where the slope changes', () => {
    fc.assert(
      fc.property(arbDfa(), (dfa) => {
        const k = dfa.alphabet.classes.length;
        const p = relu1dParams(dfa);
        p.words.forEach((w, c) => {
          for (let q = 0; q < dfa.states; q++) {
            for (const x of [q - 0.25, q - 0.1, q, q + 0.2, q + 0.25])
              expect(evaluateKnots(w, x)).toBe(dfa.delta[q * k + c]);
          }
          let changes = 0;
          for (let q = 0; q + 1 < dfa.states; q++)
            if (dfa.delta[q * k + c] !== dfa.delta[(q + 1) * k + c]) changes += 2;
          expect(reluNetwork(w).width).toBe(changes);
        });
      }),
    );
  });

  it('describe() carries the network of every word', () => {
    fc.assert(
      fc.property(arbDfa({ maxStates: 6 }), (dfa) => {
        const json = vocabulary(dfa, 'relu1d').describe();
        for (const w of json.words) {
          if (w.map.kind !== 'relu1d') throw new Error('wrong kind');
          const knots = {
            xs: Float64Array.from(w.map.knots, (k) => k[0]),
            ys: Float64Array.from(w.map.knots, (k) => k[1]),
          };
          for (let x = -1; x <= dfa.states; x += 0.125)
            expect(evaluateNetwork(w.map.network, x)).toBe(evaluateKnots(knots, x));
        }
      }),
    );
  });
});
