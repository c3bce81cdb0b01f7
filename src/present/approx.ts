/**
 * The picture of an approximation (`wordflow approx --format svg`): three
 * panels side by side.
 *
 * 1. The domain's grid pushed forward by the target and by the sentence,
 *    overlaid: where the two drawings part, the sentence misses.
 * 2. One point's path through the sentence, in continuous time: every word
 *    is a flow, so each run is drawn as its flow sampled at a few times in
 *    [0, count], coloured by the word's family. Frames rescale the plane by
 *    powers of two on the way, so the axes are linear on the domain and
 *    logarithmic beyond it (`warpedScale`).
 * 3. The error |sentence − target| at the centres of a grid of cells, on a
 *    viridis scale whose ends are labelled with the measured min and max.
 *
 * Pure: the sentence, the target map and the box in, an SVG element tree
 * out (`approxToSvg` renders it).
 */
import { compileSentence, runCompiledSentence, type Sentence, sentenceLength } from '../approx/sentence.js';
import { WORD_CODE, wordCodeAt, type WordName } from '../approx/vocabulary.js';
import { FAINT, INK, viridis } from './palette.js';
import { axes, linearScale, page, type Scale, text, textWidth, tickLabel, warpedScale } from './plot.js';
import { el, num, svgDocument, type XmlElement } from './xml.js';

/** The box Ω of the picture. */
export interface PictureBox {
  readonly x0: number;
  readonly x1: number;
  readonly y0: number;
  readonly y1: number;
}

/** What to draw besides the sentence and the target. */
export interface ApproxPictureOptions {
  readonly title?: string;
  /** The tolerance the sentence was built for, shown in the subtitle. */
  readonly eps?: number;
  /** The point whose path is drawn (default: 70% across, 35% up the box). */
  readonly start?: readonly [number, number];
  /** Grid lines per direction in the first panel (default 9). */
  readonly gridLines?: number;
  /** Cells per side of the error heat map (default 48). */
  readonly heatCells?: number;
  /** Samples of each run's flow in the path panel (default 4; 1 draws the runs' end points only). */
  readonly samplesPerRun?: number;
}

/** A map of the plane. */
export type PlaneMap = (x: number, y: number) => readonly [number, number];

/** Colour of the target's grid (Okabe–Ito blue). */
export const TARGET_COLOUR = '#0072B2';
/** Colour of the sentence's grid (Okabe–Ito vermillion). */
export const SENTENCE_COLOUR = '#D55E00';

/** The word families of the path panel: a word and its inverse move along the same field. */
export const WORD_FAMILIES: readonly {
  readonly name: string;
  readonly words: readonly WordName[];
  readonly colour: string;
}[] = [
  { name: 'hx dx', words: ['hx', 'dx'], colour: '#0072B2' },
  { name: 'hy dy', words: ['hy', 'dy'], colour: '#56B4E9' },
  { name: 'tx±', words: ['tx+', 'tx-'], colour: '#D55E00' },
  { name: 'ty±', words: ['ty+', 'ty-'], colour: '#E69F00' },
  { name: 'ry±', words: ['ry+', 'ry-'], colour: '#009E73' },
  { name: 'rx±', words: ['rx+', 'rx-'], colour: '#CC79A7' },
  { name: 'sx±', words: ['sx+', 'sx-'], colour: '#6A3D9A' },
  { name: 'sy±', words: ['sy+', 'sy-'], colour: '#444444' },
];

/** The family index of each word. */
export function familyOf(w: WordName): number {
  return WORD_FAMILIES.findIndex((f) => f.words.includes(w));
}

/** Above this many runs the path is drawn through the runs' end points only (every run is a straight segment). */
export const MAX_SAMPLED_RUNS = 4000;

const PANEL = 360;
const GAP = 96;
const LEFT = 72;
const TOP = 96;

/** A grid line of the domain (`lines` per direction, `samples` points each), in domain coordinates. */
export function domainGrid(box: PictureBox, lines: number, samples: number): [number, number][][] {
  const out: [number, number][][] = [];
  const at = (a: number, b: number, i: number, n: number): number => a + ((b - a) * i) / (n - 1);
  for (let i = 0; i < lines; i++) {
    const x = at(box.x0, box.x1, i, lines);
    const y = at(box.y0, box.y1, i, lines);
    out.push(Array.from({ length: samples }, (_, k) => [x, at(box.y0, box.y1, k, samples)] as [number, number]));
    out.push(Array.from({ length: samples }, (_, k) => [at(box.x0, box.x1, k, samples), y] as [number, number]));
  }
  return out;
}

/** One vertex of the continuous path: the point and the run it is on (−1 for the start). */
export interface PathSample {
  readonly run: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The continuous path of (x, y) through the sentence: each run of `count`
 * words is its word's flow, sampled at times count·k/samples, k = 1…samples
 * (the closed form of `wordCodeAt` holds for any time t ≥ 0).
 */
export function continuousPath(s: Sentence, x: number, y: number, samples = 4): PathSample[] {
  const out: PathSample[] = [{ run: -1, x, y }];
  const p = new Float64Array(2);
  let cx = x;
  let cy = y;
  s.forEach(([w, c], i) => {
    const code = WORD_CODE[w];
    for (let k = 1; k <= samples; k++) {
      wordCodeAt(code, (c * k) / samples, cx, cy, p);
      out.push({ run: i, x: p[0]!, y: p[1]! });
    }
    cx = p[0]!;
    cy = p[1]!;
  });
  return out;
}

/** The error |sentence − target| at the centres of an n×n grid of cells; row j = y from bottom. NaN where undefined. */
export function errorGrid(s: Sentence, target: PlaneMap, box: PictureBox, n: number): Float64Array {
  const compiled = compileSentence(s);
  const out = new Float64Array(n * n);
  const p = new Float64Array(2);
  for (let j = 0; j < n; j++) {
    const y = box.y0 + ((box.y1 - box.y0) * (j + 0.5)) / n;
    for (let i = 0; i < n; i++) {
      const x = box.x0 + ((box.x1 - box.x0) * (i + 0.5)) / n;
      runCompiledSentence(compiled, x, y, p);
      const [u, v] = target(x, y);
      out[j * n + i] = Math.hypot(p[0]! - u, p[1]! - v);
    }
  }
  return out;
}

function polyline(
  points: readonly (readonly [number, number])[],
  sx: Scale,
  sy: Scale,
  attrs: Record<string, string | number>,
): XmlElement {
  return el('polyline', {
    points: points.map(([x, y]) => `${num(sx(x))},${num(sy(y))}`).join(' '),
    fill: 'none',
    ...attrs,
  });
}

/** Square data bounds holding every point (non-finite ones skipped), padded by 4%. */
function squareBounds(points: Iterable<readonly [number, number]>, box: PictureBox): PictureBox {
  let x0 = box.x0;
  let x1 = box.x1;
  let y0 = box.y0;
  let y1 = box.y1;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    x0 = Math.min(x0, x);
    x1 = Math.max(x1, x);
    y0 = Math.min(y0, y);
    y1 = Math.max(y1, y);
  }
  const side = Math.max(x1 - x0, y1 - y0) * 1.08;
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  return { x0: cx - side / 2, x1: cx + side / 2, y0: cy - side / 2, y1: cy + side / 2 };
}

function legendLine(x: number, y: number, colour: string, label: string, dash?: string): XmlElement[] {
  return [
    el('line', {
      x1: num(x),
      y1: num(y - 4),
      x2: num(x + 24),
      y2: num(y - 4),
      stroke: colour,
      'stroke-width': 2.5,
      'stroke-dasharray': dash,
    }),
    text(x + 30, y, label, { size: 12 }),
  ];
}

function gridPanel(s: Sentence, target: PlaneMap, box: PictureBox, lines: number, x: number): XmlElement {
  const grid = domainGrid(box, lines, 48);
  const compiled = compileSentence(s);
  const p = new Float64Array(2);
  const byTarget = grid.map((line) => line.map(([u, v]) => [...target(u, v)] as [number, number]));
  const bySentence = grid.map((line) =>
    line.map(([u, v]) => {
      runCompiledSentence(compiled, u, v, p);
      return [p[0]!, p[1]!] as [number, number];
    }),
  );
  const b = squareBounds([...byTarget.flat(), ...bySentence.flat()], box);
  const frame = { x, y: TOP, w: PANEL, h: PANEL };
  const sx = linearScale(b.x0, b.x1, x, x + PANEL);
  const sy = linearScale(b.y0, b.y1, TOP + PANEL, TOP);
  const finite = (line: [number, number][]): [number, number][] =>
    line.filter(([u, v]) => Number.isFinite(u) && Number.isFinite(v));
  const legendY = TOP + PANEL + 58;
  return el(
    'g',
    { class: 'grid-panel' },
    text(x, TOP - 12, 'the grid of Ω, deformed', { size: 13, weight: 'bold' }),
    axes(frame, sx, sy, { x: 'x', y: 'y' }),
    domainOutline(box, sx, sy),
    el(
      'g',
      { class: 'target-grid' },
      byTarget.map((l) =>
        polyline(finite(l), sx, sy, { stroke: TARGET_COLOUR, 'stroke-width': 2.4, 'stroke-opacity': 0.55 }),
      ),
    ),
    el(
      'g',
      { class: 'sentence-grid' },
      bySentence.map((l) =>
        polyline(finite(l), sx, sy, { stroke: SENTENCE_COLOUR, 'stroke-width': 1.1, 'stroke-dasharray': '5 3' }),
      ),
    ),
    el('g', { class: 'legend' }, [
      ...legendLine(x, legendY, TARGET_COLOUR, 'target f (grid of Ω pushed by f)'),
      ...legendLine(x, legendY + 18, SENTENCE_COLOUR, 'the sentence (same grid)', '5 3'),
      ...legendLine(x, legendY + 36, FAINT, 'Ω itself', '2 3'),
    ]),
  );
}

function pathPanel(
  s: Sentence,
  target: PlaneMap,
  box: PictureBox,
  start: readonly [number, number],
  samples: number,
  x: number,
): XmlElement {
  const path = continuousPath(s, start[0], start[1], s.length > MAX_SAMPLED_RUNS ? 1 : samples);
  let lo = [box.x0, box.y0];
  let hi = [box.x1, box.y1];
  for (const q of path) {
    if (!Number.isFinite(q.x) || !Number.isFinite(q.y)) continue;
    lo = [Math.min(lo[0]!, q.x), Math.min(lo[1]!, q.y)];
    hi = [Math.max(hi[0]!, q.x), Math.max(hi[1]!, q.y)];
  }
  const wx = (box.x1 - box.x0) / 2;
  const wy = (box.y1 - box.y0) / 2;
  const sx = warpedScale(
    box.x0 - 0.1 * wx,
    box.x1 + 0.1 * wx,
    wx,
    lo[0]!,
    hi[0]!,
    x,
    x + PANEL,
    linearScale(box.x0, box.x1, 0, 1).ticks.map((t) => t.value),
  );
  const sy = warpedScale(
    box.y0 - 0.1 * wy,
    box.y1 + 0.1 * wy,
    wy,
    lo[1]!,
    hi[1]!,
    TOP + PANEL,
    TOP,
    linearScale(box.y0, box.y1, 0, 1).ticks.map((t) => t.value),
  );
  // Consecutive runs of one family share a polyline (each starts where the last ended).
  const pieces: XmlElement[] = [];
  const used = new Set<number>();
  let i = 1;
  while (i < path.length) {
    const fam = familyOf(s[path[i]!.run]![0]);
    used.add(fam);
    const pts: [number, number][] = [[path[i - 1]!.x, path[i - 1]!.y]];
    while (i < path.length && familyOf(s[path[i]!.run]![0]) === fam) {
      pts.push([path[i]!.x, path[i]!.y]);
      i++;
    }
    pieces.push(
      polyline(pts, sx, sy, {
        stroke: WORD_FAMILIES[fam]!.colour,
        'stroke-width': 2,
        'stroke-linejoin': 'round',
        'data-family': WORD_FAMILIES[fam]!.name,
      }),
    );
  }
  const end = path[path.length - 1]!;
  const [fx, fy] = target(start[0], start[1]);
  const legendY = TOP + PANEL + 58;
  const families = WORD_FAMILIES.map((f, k) => ({ f, k })).filter(({ k }) => used.has(k));
  const legend = families.flatMap(({ f }, n) =>
    legendLine(x + (n % 4) * 90, legendY + Math.floor(n / 4) * 18, f.colour, f.name),
  );
  return el(
    'g',
    { class: 'path-panel' },
    text(x, TOP - 12, `one point's path through the ${sentenceLength(s).toLocaleString('en-US')} words`, {
      size: 13,
      weight: 'bold',
    }),
    axes({ x, y: TOP, w: PANEL, h: PANEL }, sx, sy, { x: 'x (linear on Ω, log beyond)', y: 'y' }),
    domainOutline(box, sx, sy),
    el('g', { class: 'path' }, pieces),
    el('circle', {
      class: 'start',
      cx: num(sx(start[0])),
      cy: num(sy(start[1])),
      r: 4.5,
      fill: '#FFFFFF',
      stroke: INK,
      'stroke-width': 1.5,
    }),
    el('circle', { class: 'end', cx: num(sx(end.x)), cy: num(sy(end.y)), r: 4, fill: INK }),
    el('path', {
      class: 'target-point',
      d: `M${num(sx(fx) - 6)},${num(sy(fy) - 6)}L${num(sx(fx) + 6)},${num(sy(fy) + 6)}M${num(sx(fx) - 6)},${num(sy(fy) + 6)}L${num(sx(fx) + 6)},${num(sy(fy) - 6)}`,
      stroke: TARGET_COLOUR,
      'stroke-width': 2,
      fill: 'none',
    }),
    el('g', { class: 'legend' }, [
      ...legend,
      text(
        x,
        legendY + Math.ceil(families.length / 4) * 18 + 4,
        `○ start (${tickLabel(start[0])}, ${tickLabel(start[1])})  ● sentence end  ✕ f(start)`,
        { size: 12 },
      ),
    ]),
  );
}

/** Log or linear colour position of an error value between the measured min and max. */
function heatPosition(e: number, min: number, max: number, log: boolean): number {
  if (!(max > min)) return 0;
  if (log) return (Math.log10(Math.max(e, min)) - Math.log10(min)) / (Math.log10(max) - Math.log10(min));
  return (e - min) / (max - min);
}

/** The min and max of the finite values (NaN for none). */
export function finiteRange(values: Float64Array): { min: number; max: number; undefinedCells: number } {
  let min = Infinity;
  let max = -Infinity;
  let bad = 0;
  for (const v of values) {
    if (!Number.isFinite(v)) {
      bad++;
      continue;
    }
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  return min > max ? { min: NaN, max: NaN, undefinedCells: bad } : { min, max, undefinedCells: bad };
}

function heatPanel(s: Sentence, target: PlaneMap, box: PictureBox, n: number, x: number): XmlElement {
  const errors = errorGrid(s, target, box, n);
  const { min, max, undefinedCells } = finiteRange(errors);
  // A log scale once the errors span two decades; its floor keeps exact zeros on the scale.
  const floor = Math.max(min, max * 1e-6);
  const log = max > 0 && max / Math.max(floor, Number.MIN_VALUE) >= 100;
  const cell = PANEL / n;
  const cells: XmlElement[] = [];
  for (let j = 0; j < n; j++) {
    for (let i = 0; i < n; i++) {
      const e = errors[j * n + i]!;
      const fill = Number.isFinite(e) ? viridis(heatPosition(e, log ? floor : min, max, log)) : '#BBBBBB';
      cells.push(
        el('rect', {
          x: num(x + i * cell),
          y: num(TOP + PANEL - (j + 1) * cell),
          width: num(cell + 0.3),
          height: num(cell + 0.3),
          fill,
        }),
      );
    }
  }
  const sx = linearScale(box.x0, box.x1, x, x + PANEL);
  const sy = linearScale(box.y0, box.y1, TOP + PANEL, TOP);
  const barY = TOP + PANEL + 50;
  const stops = Array.from({ length: 11 }, (_, k) =>
    el('stop', { offset: `${k * 10}%`, 'stop-color': viridis(k / 10) }),
  );
  const fmt = (v: number): string => (Number.isFinite(v) ? v.toExponential(2) : '—');
  return el(
    'g',
    { class: 'heat-panel' },
    text(x, TOP - 12, `error |sentence − f| at ${n}×${n} cell centres`, { size: 13, weight: 'bold' }),
    el('defs', {}, el('linearGradient', { id: 'approx-viridis', x1: '0', x2: '1', y1: '0', y2: '0' }, stops)),
    el('g', { class: 'cells' }, cells),
    axes({ x, y: TOP, w: PANEL, h: PANEL }, sx, sy, { x: 'x', y: 'y' }),
    el('g', { class: 'legend' }, [
      el('rect', {
        x: num(x),
        y: num(barY),
        width: PANEL,
        height: 14,
        fill: 'url(#approx-viridis)',
        stroke: FAINT,
        'stroke-width': 0.5,
      }),
      text(x, barY + 30, `min ${fmt(min)}`, { size: 12, anchor: 'start' }),
      text(x + PANEL, barY + 30, `max ${fmt(max)}`, { size: 12, anchor: 'end' }),
      text(x + PANEL / 2, barY + 30, log ? '(log scale)' : '(linear scale)', {
        size: 11,
        anchor: 'middle',
        fill: '#555555',
      }),
      undefinedCells > 0
        ? text(x, barY + 48, `grey: ${undefinedCells} cells where f is undefined`, { size: 11 })
        : null,
    ]),
  );
}

/** The three-panel picture of a sentence against its target on a box, as an SVG root element. */
export function approxPicture(
  s: Sentence,
  target: PlaneMap,
  box: PictureBox,
  options: ApproxPictureOptions = {},
): XmlElement {
  const start = options.start ?? [box.x0 + 0.7 * (box.x1 - box.x0), box.y0 + 0.35 * (box.y1 - box.y0)];
  const lines = Math.max(2, Math.floor(options.gridLines ?? 9));
  const cells = Math.max(2, Math.floor(options.heatCells ?? 48));
  const samples = Math.max(1, Math.floor(options.samplesPerRun ?? 4));
  const width = LEFT + 3 * PANEL + 2 * GAP + 30;
  const height = TOP + PANEL + 130;
  const length = sentenceLength(s);
  const boxText = `[${tickLabel(box.x0)}, ${tickLabel(box.x1)}]×[${tickLabel(box.y0)}, ${tickLabel(box.y1)}]`;
  const subtitle = [
    `${length.toLocaleString('en-US')} words in ${s.length.toLocaleString('en-US')} runs over V* (first word applied first) on Ω = ${boxText}` +
      (options.eps === undefined ? '' : `, built for ε = ${options.eps}`),
  ];
  const title = options.title ?? 'a sentence over V* against its target';
  const pageWidth = Math.max(width, 40 + textWidth(subtitle[0]!, 12));
  return page(pageWidth, height, title, subtitle, [
    gridPanel(s, target, box, lines, LEFT),
    pathPanel(s, target, box, start, samples, LEFT + PANEL + GAP),
    heatPanel(s, target, box, cells, LEFT + 2 * (PANEL + GAP)),
  ]);
}

/**
 * The picture of a sentence against its target as a standalone SVG document.
 *
 * @example
 * const a = approximateMap(target, { domain, eps: 1e-2 });
 * const svg = approxToSvg(a.sentence, (x, y) => [0.8 * x - 0.6 * y, 0.6 * x + 0.8 * y], domain);
 */
export function approxToSvg(
  s: Sentence,
  target: PlaneMap,
  box: PictureBox,
  options: ApproxPictureOptions = {},
): string {
  return svgDocument(approxPicture(s, target, box, options));
}

/** Ω's border, dotted, in a panel's coordinates (drawn under both the grid and the path panels). */
function domainOutline(box: PictureBox, sx: (x: number) => number, sy: (y: number) => number): ReturnType<typeof el> {
  return el('rect', {
    x: num(sx(box.x0)),
    y: num(sy(box.y1)),
    width: num(sx(box.x1) - sx(box.x0)),
    height: num(sy(box.y0) - sy(box.y1)),
    fill: 'none',
    stroke: FAINT,
    'stroke-width': 1,
    'stroke-dasharray': '2 3',
  });
}
