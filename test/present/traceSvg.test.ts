/**
 * Trace pictures: well-formed SVG for every embedding, and the geometry
 * each one promises — flow2d regions and a path per letter ending at the
 * numbered points, relu1d cobweb moves between the diagonal and the graphs,
 * heat-map cells coloured by the vector's values with the DFA's state
 * outlined.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { compileRegex } from '../../src/language.js';
import { ACCEPT_STROKE, REJECT_FILL, viridis } from '../../src/present/palette.js';
import { MAX_PICTURE_STEPS, traceToSvg } from '../../src/present/traceSvg.js';
import { EMBEDDING_NAMES, trace, vocabulary, type EmbeddingName } from '../../src/vocabulary/index.js';
import { sharedPatternArb, stringOverArb } from '../support/arbitraries.js';
import { allText, byName, parseXml, type XmlNode } from './xml.js';

function picture(pattern: string, s: string, embedding: EmbeddingName): { svg: string; root: XmlNode } {
  const v = vocabulary(compileRegex(pattern), embedding);
  const svg = traceToSvg(v, trace(v, s), { title: pattern });
  return { svg, root: parseXml(svg) };
}

function group(root: XmlNode, cls: string): XmlNode {
  const g = byName(root, 'g').find((n) => n.attrs.class === cls);
  expect(g, `<g class="${cls}">`).toBeDefined();
  return g!;
}

function points(polyline: XmlNode): [number, number][] {
  return polyline.attrs.points!.split(' ').map((p) => p.split(',').map(Number) as [number, number]);
}

describe('every embedding', () => {
  for (const embedding of EMBEDDING_NAMES) {
    it(`${embedding}: a standalone SVG with a viewBox, a title naming the string and the verdict`, () => {
      const { svg, root } = picture('(a|b)*abb', 'babb', embedding);
      expect(svg.startsWith('<?xml')).toBe(true);
      expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
      const [x, y, w, h] = root.attrs.viewBox!.split(' ').map(Number);
      expect([x, y]).toEqual([0, 0]);
      expect([w, h]).toEqual([Number(root.attrs.width), Number(root.attrs.height)]);
      expect(byName(root, 'title')[0]!.text).toBe(`${embedding}: "babb" in (a|b)*abb`);
      expect(allText(root)).toContain('accepted: ends in state 3');
    });

    it(`${embedding}: letters special in XML, controls and astral characters keep the file well-formed`, () => {
      const { root } = picture('.*', '<&>"\'\u0001😀', embedding);
      expect(byName(root, 'title')[0]!.text).toContain('<&>');
      expect(allText(root)).toContain('\\u0001');
    });
  }

  test.prop(
    [sharedPatternArb(['a', 'b', 'c']), stringOverArb(['a', 'b', 'c', 'd'], 12), fc.constantFrom(...EMBEDDING_NAMES)],
    { numRuns: 40 },
  )(
    'any language, string and embedding: well-formed, and every coordinate a finite number',
    (pattern, s, embedding) => {
      const { svg, root } = picture(pattern, s, embedding);
      expect(svg).not.toMatch(/NaN|Infinity/);
      for (const n of byName(root, 'rect').concat(byName(root, 'circle'), byName(root, 'line'), byName(root, 'text'))) {
        for (const key of ['x', 'y', 'width', 'height', 'cx', 'cy', 'x1', 'y1', 'x2', 'y2']) {
          if (n.attrs[key] !== undefined)
            expect(Number.isFinite(Number(n.attrs[key])), `${n.name} ${key}=${n.attrs[key]}`).toBe(true);
        }
      }
    },
  );

  it(`refuses strings over ${MAX_PICTURE_STEPS} letters with a limit error`, () => {
    const v = vocabulary(compileRegex('a*'), 'onehot');
    expect(() => traceToSvg(v, trace(v, 'a'.repeat(MAX_PICTURE_STEPS + 1)))).toThrow(
      expect.objectContaining({ kind: 'limit' }),
    );
    expect(() => traceToSvg(v, trace(v, 'a'.repeat(MAX_PICTURE_STEPS)))).not.toThrow();
  });
});

describe('flow2d', () => {
  it('draws a rectangle per state region (accepting ones outlined in green) and a path per letter ending at its numbered point', () => {
    const { root } = picture('(a|b)*abb', 'babb', 'flow2d');
    const regions = byName(group(root, 'regions'), 'rect');
    expect(regions.filter((r) => r.attrs.stroke === ACCEPT_STROKE)).toHaveLength(1);
    expect(regions.filter((r) => r.attrs.fill === REJECT_FILL)).toHaveLength(4);
    const paths = byName(group(root, 'path'), 'polyline');
    expect(paths).toHaveLength(4);
    const discs = group(root, 'points').children.filter((c) => c.name === 'g');
    expect(discs.map((d) => byName(d, 'text')[0]!.text)).toEqual(['1', '2', '3', '4']);
    const start = byName(group(root, 'points'), 'circle')[0]!;
    paths.forEach((p, i) => {
      const pts = points(p);
      // Each letter's path starts where the previous one ended and ends at the point of its step.
      const from = i === 0 ? start : byName(discs[i - 1]!, 'circle')[0]!;
      const to = byName(discs[i]!, 'circle')[0]!;
      expect(pts[0]![0]).toBeCloseTo(Number(from.attrs.cx), 0);
      expect(pts[0]![1]).toBeCloseTo(Number(from.attrs.cy), 0);
      expect(pts[pts.length - 1]![0]).toBeCloseTo(Number(to.attrs.cx), 0);
      expect(pts[pts.length - 1]![1]).toBeCloseTo(Number(to.attrs.cy), 0);
      // Every primitive flow moves along one axis, so every segment is horizontal or vertical.
      for (let j = 1; j < pts.length; j++)
        expect(pts[j]![0] === pts[j - 1]![0] || pts[j]![1] === pts[j - 1]![1]).toBe(true);
      expect(pts.length).toBeGreaterThan(10);
    });
  });
});

describe('relu1d cobweb', () => {
  it('draws one graph per letter used and moves from the diagonal to a graph and back', () => {
    const { root } = picture('(a|b)*abb', 'abab', 'relu1d');
    expect(byName(group(root, 'maps'), 'polyline')).toHaveLength(2);
    const moves = byName(group(root, 'cobweb'), 'polyline');
    // abab visits 0→1→2→1→2: the last move repeats the second and is drawn once, labelled "2, 4".
    expect(moves).toHaveLength(3);
    expect(byName(group(root, 'steps'), 'text').map((t) => t.text)).toEqual(['1', '2, 4', '3']);
    const box = byName(group(root, 'axes'), 'rect')[0]!;
    const [bx, by, bh] = [Number(box.attrs.x), Number(box.attrs.y), Number(box.attrs.height)];
    const onDiagonal = ([x, y]: [number, number]): void => expect(x - bx).toBeCloseTo(by + bh - y, 0);
    for (const m of moves) {
      const [p0, p1, p2] = points(m) as [[number, number], [number, number], [number, number]];
      onDiagonal(p0);
      expect(p1[0]).toBe(p0[0]);
      expect(p2[1]).toBe(p1[1]);
      onDiagonal(p2);
    }
  });
});

describe('heat maps', () => {
  it('sigmoid: one cell per state and step, coloured by the value, the DFA state outlined', () => {
    const pattern = '(a|b)*abb';
    const v = vocabulary(compileRegex(pattern), 'sigmoid');
    const t = trace(v, 'babb');
    const root = parseXml(traceToSvg(v, t));
    const cells = byName(group(root, 'cells'), 'rect');
    const n = v.dfa.states;
    expect(cells).toHaveLength(n * t.steps.length);
    // Cells are written column by column, state by state.
    t.steps.forEach((s, j) => s.point.forEach((value, q) => expect(cells[j * n + q]!.attrs.fill).toBe(viridis(value))));
    const outlines = byName(group(root, 'dfa-state'), 'rect').filter((r) => r.attrs.stroke === '#000000');
    expect(outlines).toHaveLength(t.steps.length);
    outlines.forEach((o, j) => {
      const cell = cells[j * n + t.steps[j]!.state]!;
      expect(Number(o.attrs.x)).toBeCloseTo(Number(cell.attrs.x) + 3, 5);
      expect(Number(o.attrs.y)).toBeCloseTo(Number(cell.attrs.y) + 3, 5);
    });
  });

  it('transform: the state ids shown one-hot', () => {
    const v = vocabulary(compileRegex('(aa)*'), 'transform');
    const t = trace(v, 'aaa');
    const cells = byName(group(parseXml(traceToSvg(v, t)), 'cells'), 'rect');
    const n = v.dfa.states;
    t.steps.forEach((s, j) => {
      for (let q = 0; q < n; q++) expect(cells[j * n + q]!.attrs.fill).toBe(viridis(q === s.state ? 1 : 0));
    });
  });
});

describe('flow2d points that coincide', () => {
  it('share one label listing their steps (points of one (state, letter) pair lie in one thin strip)', () => {
    // After the first a, every further a reads (1, a) again: steps 2–4 land within 2^-(k+1) of each other.
    const { root } = picture('(a|b)*abb', 'aaaa', 'flow2d');
    const pills = byName(group(root, 'points'), 'g').filter((g) => g.attrs.class === 'steps-here');
    expect(pills.map((p) => byName(p, 'text')[0]!.text)).toEqual(['2, 3, 4']);
    const discs = group(root, 'points').children.filter((g) => g.name === 'g' && g.attrs.class !== 'steps-here');
    expect(discs.map((d) => byName(d, 'text')[0]!.text)).toEqual(['1']);
  });
});
