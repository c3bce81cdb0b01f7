/**
 * The base vocabulary V: each primitive's closed form is the flow of its
 * vector field (checked against RK4), the group law holds, every flow's
 * inverse undoes it, and phrases read back from text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  fieldAt,
  flowAt,
  FLOW_NAMES,
  inverseFlow,
  pow2,
  PRIMITIVES,
  type FlowName,
} from '../../src/flows/primitives.js';
import {
  applyPhrase,
  formatPhrase,
  invertPhrase,
  parsePhrase,
  phraseLength,
  phraseTrajectory,
  type Phrase,
} from '../../src/flows/phrase.js';

/** Classical Runge–Kutta on the primitive's own field. */
function rk4(flow: FlowName, t: number, x: number, y: number, steps = 2000): [number, number] {
  const h = t / steps;
  for (let i = 0; i < steps; i++) {
    const [k1x, k1y] = fieldAt(flow, x, y);
    const [k2x, k2y] = fieldAt(flow, x + (h / 2) * k1x, y + (h / 2) * k1y);
    const [k3x, k3y] = fieldAt(flow, x + (h / 2) * k2x, y + (h / 2) * k2y);
    const [k4x, k4y] = fieldAt(flow, x + h * k3x, y + h * k3y);
    x += (h / 6) * (k1x + 2 * k2x + 2 * k3x + k4x);
    y += (h / 6) * (k1y + 2 * k2y + 2 * k3y + k4y);
  }
  return [x, y];
}

/** Identifies −0 with +0. */
const unsigned = (v: number): number => v + 0;

const coord = fc.double({ min: -8, max: 8, noNaN: true });
const time = fc.double({ min: 0, max: 3, noNaN: true });
const flowName = fc.constantFrom(...FLOW_NAMES);

describe('primitive flows', () => {
  it('there are twelve, each with an inverse in V that is its time reversal', () => {
    expect(FLOW_NAMES).toHaveLength(12);
    for (const f of FLOW_NAMES) {
      expect(inverseFlow(inverseFlow(f))).toBe(f);
      const [gx, gy] = fieldAt(inverseFlow(f), 0.7, -1.3);
      const [fx, fy] = fieldAt(f, 0.7, -1.3);
      expect([gx + fx, gy + fy]).toEqual([0, 0]);
      expect(PRIMITIVES[f].inverse).toBe(inverseFlow(f));
    }
  });

  it('the closed form at time t agrees with an RK4 integration of the field', () => {
    fc.assert(
      fc.property(flowName, time, coord, coord, (f, t, x, y) => {
        const [cx, cy] = flowAt(f, t, x, y);
        const [rx, ry] = rk4(f, t, x, y);
        expect(Math.abs(cx - rx)).toBeLessThan(1e-9 * (1 + Math.abs(rx)));
        expect(Math.abs(cy - ry)).toBeLessThan(1e-9 * (1 + Math.abs(ry)));
      }),
      { numRuns: 200 },
    );
  });

  it('time-1 maps are those of the base vocabulary table', () => {
    fc.assert(
      fc.property(coord, coord, (x, y) => {
        const relu = (v: number): number => Math.max(v, 0);
        const expected: Record<FlowName, [number, number]> = {
          hx: [x / 2, y],
          dx: [2 * x, y],
          hy: [x, y / 2],
          dy: [x, 2 * y],
          'tx+': [x + 1, y],
          'tx-': [x - 1, y],
          'ty+': [x, y + 1],
          'ty-': [x, y - 1],
          'ry+': [x, y + relu(x)],
          'ry-': [x, y - relu(x)],
          'rx+': [x + relu(y), y],
          'rx-': [x - relu(y), y],
        };
        // ±0 aside (−0 + 0 is +0), exactly the same numbers.
        for (const f of FLOW_NAMES) expect(flowAt(f, 1, x, y).map(unsigned)).toEqual(expected[f].map(unsigned));
      }),
    );
  });

  it('flows form a one-parameter group: time s then time t is time s + t', () => {
    fc.assert(
      fc.property(flowName, time, time, coord, coord, (f, s, t, x, y) => {
        const [ax, ay] = flowAt(f, s, x, y);
        const [bx, by] = flowAt(f, t, ax, ay);
        const [cx, cy] = flowAt(f, s + t, x, y);
        expect(Math.abs(bx - cx)).toBeLessThan(1e-12 * (1 + Math.abs(cx)));
        expect(Math.abs(by - cy)).toBeLessThan(1e-12 * (1 + Math.abs(cy)));
      }),
    );
  });

  it('pow2 is exact for integers across the double range', () => {
    let p = 1;
    for (let e = 0; e <= 1023; e++, p *= 2) expect(pow2(e)).toBe(p);
    p = 1;
    for (let e = 0; e >= -1074; e--, p /= 2) expect(pow2(e)).toBe(p);
    expect(pow2(-1075)).toBe(0);
    expect(pow2(1024)).toBe(Infinity);
  });
});

const arbPhrase: fc.Arbitrary<Phrase> = fc.array(fc.record({ flow: flowName, times: fc.integer({ min: 1, max: 5 }) }), {
  maxLength: 30,
});

describe('phrases', () => {
  it('a phrase followed by its inverse returns points to within rounding', () => {
    fc.assert(
      fc.property(arbPhrase, coord, coord, (p, x, y) => {
        const [ax, ay] = applyPhrase(p, x, y);
        // The forward phrase may grow points (dx, ridges), so rounding is relative to the largest value seen.
        let scale = 1 + Math.abs(x) + Math.abs(y);
        let px = x;
        let py = y;
        for (const s of p) {
          [px, py] = applyPhrase([s], px, py);
          scale = Math.max(scale, Math.abs(px) + Math.abs(py));
        }
        const [bx, by] = applyPhrase(invertPhrase(p), ax, ay);
        expect(Math.abs(bx - x)).toBeLessThan(1e-13 * scale * (p.length + 1));
        expect(Math.abs(by - y)).toBeLessThan(1e-13 * scale * (p.length + 1));
      }),
      { numRuns: 300 },
    );
  });

  it('on dyadic points with few bits a phrase and its inverse are exact inverses', () => {
    fc.assert(
      fc.property(
        arbPhrase,
        fc.integer({ min: -1024, max: 1024 }),
        fc.integer({ min: -1024, max: 1024 }),
        (p, i, j) => {
          const x = i / 64;
          const y = j / 64;
          const [ax, ay] = applyPhrase(p, x, y);
          expect(applyPhrase(invertPhrase(p), ax, ay)).toEqual([x, y]);
        },
      ),
    );
  });

  it('the inverse phrase reverses the order and inverts each flow; lengths count time-1 words', () => {
    fc.assert(
      fc.property(arbPhrase, (p) => {
        const inv = invertPhrase(p);
        expect(inv.map((s) => inverseFlow(s.flow))).toEqual([...p].reverse().map((s) => s.flow));
        expect(invertPhrase(inv)).toEqual(p);
        expect(phraseLength(inv)).toBe(p.reduce((n, s) => n + s.times, 0));
      }),
    );
  });

  it('format and parse are inverse', () => {
    fc.assert(
      fc.property(arbPhrase, (p) => {
        expect(parsePhrase(formatPhrase(p))).toEqual(p);
      }),
    );
    expect(() => parsePhrase('hx zz')).toThrow(/not a primitive flow: zz/);
    expect(() => parsePhrase('hx^0')).toThrow(/positive/);
    expect(
      formatPhrase([
        { flow: 'hy', times: 3 },
        { flow: 'ty+', times: 1 },
      ]),
    ).toBe('hy^3 ty+');
  });

  it('the continuous trajectory starts at the point, passes each step end, and ends at the phrase image', () => {
    fc.assert(
      fc.property(
        arbPhrase.filter((p) => p.length > 0),
        coord,
        coord,
        fc.integer({ min: 1, max: 6 }),
        (p, x, y, samples) => {
          const path = phraseTrajectory(p, x, y, samples);
          expect(path).toHaveLength(p.length * (samples + 1));
          expect([path[0]!.x, path[0]!.y].map(unsigned)).toEqual([x, y].map(unsigned));
          const last = path[path.length - 1]!;
          expect([last.x, last.y].map(unsigned)).toEqual(applyPhrase(p, x, y).map(unsigned));
          for (let i = 1; i < p.length; i++) {
            const end = path[i * (samples + 1) - 1]!;
            const begin = path[i * (samples + 1)]!;
            expect([begin.x, begin.y].map(unsigned)).toEqual([end.x, end.y].map(unsigned));
            expect(begin.t).toBe(0);
          }
        },
      ),
    );
  });
});
