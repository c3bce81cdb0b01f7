/**
 * The approximation picture: well-formed SVG with its three panels, the
 * continuous path sampled along each word's flow (checked against values
 * worked by hand), the error grid against hand-computed errors with its
 * min and max labelled, the overlaid grids, and a fuzz over random
 * sentences.
 */
import { fc, test } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { evaluateSentence, type Sentence } from '../../src/approx/sentence.js';
import { VOCABULARY } from '../../src/approx/vocabulary.js';
import {
  approxToSvg,
  continuousPath,
  domainGrid,
  errorGrid,
  familyOf,
  finiteRange,
  WORD_FAMILIES,
} from '../../src/present/approx.js';
import { allText, byName, parseXml, type XmlNode } from './xml.js';

const BOX = { x0: -1, x1: 1, y0: -1, y1: 1 };

function group(root: XmlNode, cls: string): XmlNode {
  const g = byName(root, 'g').find((n) => n.attrs.class === cls);
  expect(g, `<g class="${cls}">`).toBeDefined();
  return g!;
}

describe('continuousPath', () => {
  it('samples each run along its flow: tx+^2 then hx from (1, 0.5)', () => {
    const path = continuousPath(
      [
        ['tx+', 2],
        ['hx', 1],
      ],
      1,
      0.5,
      2,
    );
    // tx+ for t = 1, 2: x = 2, 3; hx for t = 1/2, 1: x = 3·2^{-1/2}, 1.5.
    expect(path.map((p) => [p.run, p.x, p.y])).toEqual([
      [-1, 1, 0.5],
      [0, 2, 0.5],
      [0, 3, 0.5],
      [1, 3 * 2 ** -0.5, 0.5],
      [1, 1.5, 0.5],
    ]);
  });

  it('sx+ moves a positive coordinate by e^t and leaves a negative one', () => {
    const up = continuousPath([['sx+', 1]], 0.5, 0, 2);
    expect(up[1]!.x).toBeCloseTo(0.5 * Math.exp(0.5), 14);
    expect(up[2]!.x).toBeCloseTo(0.5 * Math.E, 14);
    expect(continuousPath([['sx+', 3]], -0.5, 0, 3).map((p) => p.x)).toEqual([-0.5, -0.5, -0.5, -0.5]);
  });
});

describe('errorGrid', () => {
  it('the empty sentence against (1.1x, y) errs by 0.1·|x| at the cell centres', () => {
    const n = 8;
    const e = errorGrid([], (x, y) => [1.1 * x, y], BOX, n);
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const x = -1 + (2 * (i + 0.5)) / n;
        expect(e[j * n + i]).toBeCloseTo(0.1 * Math.abs(x), 14);
      }
    }
    const r = finiteRange(e);
    expect(r.min).toBeCloseTo(0.1 / n, 14);
    expect(r.max).toBeCloseTo(0.1 * (1 - 1 / n), 14);
  });

  it('counts the cells where the target is undefined', () => {
    const e = errorGrid([], (x, y) => [Math.sqrt(x), y], BOX, 4);
    expect(finiteRange(e).undefinedCells).toBe(8);
  });
});

describe('approxToSvg', () => {
  const rotation = (x: number, y: number): [number, number] => [0.8 * x - 0.6 * y, 0.6 * x + 0.8 * y];

  it('a standalone SVG with the three panels and a title', () => {
    const svg = approxToSvg([['tx+', 1]], (x, y) => [x + 1, y], BOX, { title: 'shift', eps: 0.01 });
    expect(svg.startsWith('<?xml')).toBe(true);
    const root = parseXml(svg);
    expect(root.attrs.xmlns).toBe('http://www.w3.org/2000/svg');
    for (const cls of ['grid-panel', 'path-panel', 'heat-panel']) group(root, cls);
    const words = allText(root);
    expect(words).toContain('shift');
    expect(words).toContain('built for ε = 0.01');
    expect(svg).not.toMatch(/NaN|Infinity/);
  });

  it('labels the heat map with the measured min and max', () => {
    const root = parseXml(approxToSvg([], (x, y) => [1.1 * x, y], BOX, { heatCells: 48 }));
    const legend = allText(group(group(root, 'heat-panel'), 'legend'));
    // 0.1·(1/48) and 0.1·(47/48), worked by hand.
    expect(legend).toContain('min 2.08e-3');
    expect(legend).toContain('max 9.79e-2');
    expect(byName(group(group(root, 'heat-panel'), 'cells'), 'rect')).toHaveLength(48 * 48);
  });

  it('draws the grid twice: a sentence equal to the target draws the same polylines', () => {
    const root = parseXml(approxToSvg([['ty-', 1]], (x, y) => [x, y - 1], BOX, { gridLines: 5 }));
    const target = byName(group(root, 'target-grid'), 'polyline');
    const sentence = byName(group(root, 'sentence-grid'), 'polyline');
    expect(target).toHaveLength(10);
    expect(sentence.map((p) => p.attrs.points)).toEqual(target.map((p) => p.attrs.points));
    expect(domainGrid(BOX, 5, 3)).toHaveLength(10);
  });

  it('colours the path by word family and lists only the families used', () => {
    const s: Sentence = [
      ['tx+', 1],
      ['tx-', 1],
      ['ry+', 2],
    ];
    const root = parseXml(approxToSvg(s, rotation, BOX));
    const pieces = byName(group(root, 'path'), 'polyline');
    expect(pieces.map((p) => p.attrs['data-family'])).toEqual(['tx±', 'ry±']);
    expect(pieces.map((p) => p.attrs.stroke)).toEqual([
      WORD_FAMILIES[familyOf('tx+')]!.colour,
      WORD_FAMILIES[familyOf('ry+')]!.colour,
    ]);
    const legend = allText(group(group(root, 'path-panel'), 'legend'));
    expect(legend).toContain('ry±');
    expect(legend).not.toContain('sx±');
  });

  it('every word has a family', () => {
    for (const w of VOCABULARY) expect(familyOf(w)).toBeGreaterThanOrEqual(0);
  });

  const runArb = fc.tuple(fc.constantFrom(...VOCABULARY), fc.integer({ min: 1, max: 6 }));
  test.prop(
    [
      fc.array(runArb, { maxLength: 20 }),
      fc.double({ min: -1, max: 1, noNaN: true }),
      fc.double({ min: -1, max: 1, noNaN: true }),
    ],
    {
      numRuns: 60,
    },
  )('random sentences: well-formed SVG, and the path ends where the sentence does', (s, x, y) => {
    const svg = approxToSvg(s, rotation, BOX, { start: [x, y], heatCells: 6, gridLines: 3 });
    expect(svg).not.toMatch(/NaN|Infinity/);
    parseXml(svg);
    const path = continuousPath(s, x, y, 3);
    const end = path[path.length - 1]!;
    const [u, v] = evaluateSentence(s, x, y);
    expect(Math.abs(end.x - u)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(u)));
    expect(Math.abs(end.y - v)).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(v)));
  });
});
