/**
 * The flow2d trajectory in the plane: the state regions R_q as rectangles
 * (accepting ones shaded, the target T as a light band), and the path of the
 * point through every primitive flow of every word, in continuous time,
 * one colour per letter, with the point after each letter numbered.
 *
 * The spellings rescale the plane on the way (x by 4, y by 2^(k+1) and more),
 * so the path leaves the unit-height regions by orders of magnitude. The
 * axes are therefore linear on the regions and logarithmic beyond them
 * (`warpedScale`), which keeps the regions large and the whole path in view.
 * Every primitive flow moves the point along a straight axis-parallel line
 * (scalings and translations along one axis, ridges with the other
 * coordinate fixed), so the end points of each run draw the path exactly.
 */
import { phraseTrajectory } from '../../flows/phrase.js';
import type { Flow2dVocabulary } from '../../vocabulary/flow2d/index.js';
import type { Trace } from '../../vocabulary/trace.js';
import { ACCEPT_FILL, ACCEPT_STROKE, categoryColour, FAINT, INK, REJECT_FILL } from '../palette.js';
import { axes, page, text, textWidth, warpedScale } from '../plot.js';
import { el, num, type XmlElement } from '../xml.js';
import {
  checkDrawable,
  legendEntry,
  numberDisc,
  stepLegend,
  type TracePictureOptions,
  traceTitle,
  verdict,
} from './legend.js';

const WIDTH = 980;
const BOX = { x: 76, y: 92, w: 640, h: 440 };
const HEIGHT = BOX.y + BOX.h + 56;

/** The continuous path of every letter: one polyline (in data coordinates) per step, step 1 first. */
export function flow2dPaths(v: Flow2dVocabulary, t: Trace): [number, number][][] {
  const paths: [number, number][][] = [];
  for (let i = 1; i < t.steps.length; i++) {
    const from = t.steps[i - 1]!.point;
    const c = t.steps[i]!.class!;
    const samples = phraseTrajectory(v.params.phrases[c]!, from[0]!, from[1]!, 1);
    const path: [number, number][] = [[from[0]!, from[1]!]];
    for (const s of samples) {
      const last = path[path.length - 1]!;
      if (s.x !== last[0] || s.y !== last[1]) path.push([s.x, s.y]);
    }
    paths.push(path);
  }
  return paths;
}

/** The flow2d picture of a trajectory, as an SVG root element. */
export function flow2dPicture(v: Flow2dVocabulary, t: Trace, options: TracePictureOptions = {}): XmlElement {
  checkDrawable(t);
  const n = v.dfa.states;
  const r = v.params.radius;
  const paths = flow2dPaths(v, t);
  let xlo = -0.5;
  let xhi = n - 0.5;
  let ylo = -0.05;
  let yhi = 1.05;
  for (const p of paths) {
    for (const [x, y] of p) {
      xlo = Math.min(xlo, x);
      xhi = Math.max(xhi, x);
      ylo = Math.min(ylo, y);
      yhi = Math.max(yhi, y);
    }
  }
  const stateTicks =
    n <= 16
      ? Array.from({ length: n }, (_, q) => q)
      : Array.from({ length: n }, (_, q) => q).filter((q) => q % Math.ceil(n / 12) === 0);
  const sx = warpedScale(-0.5, n - 0.5, 0.5, xlo, xhi, BOX.x, BOX.x + BOX.w, stateTicks);
  const sy = warpedScale(-0.05, 1.05, 0.15, ylo, yhi, BOX.y + BOX.h, BOX.y, [0, 0.5, 1]);

  const regions: XmlElement[] = [];
  for (let q = 0; q < n; q++) {
    const accepting = v.dfa.accepting[q] === 1;
    if (accepting) {
      // T = (q − ½, q + ½) × ℝ for accepting q: a light band over the whole height.
      regions.push(
        el('rect', {
          x: num(sx(q - 0.5)),
          y: BOX.y,
          width: num(sx(q + 0.5) - sx(q - 0.5)),
          height: BOX.h,
          fill: ACCEPT_FILL,
          opacity: 0.45,
        }),
      );
    }
    const x0 = sx(q - r);
    const x1 = sx(q + r);
    const y0 = sy(1);
    const y1 = sy(0);
    regions.push(
      el('rect', {
        x: num(x0),
        y: num(y0),
        width: num(x1 - x0),
        height: num(y1 - y0),
        fill: accepting ? ACCEPT_FILL : REJECT_FILL,
        stroke: accepting ? ACCEPT_STROKE : FAINT,
        'stroke-width': accepting ? 2 : 1,
      }),
    );
    if (n <= 24)
      regions.push(
        text((x0 + x1) / 2, y0 - 6, `R${q}`, {
          size: n <= 10 ? 13 : 10,
          anchor: 'middle',
          weight: 'bold',
          fill: accepting ? ACCEPT_STROKE : '#555555',
        }),
      );
  }
  // The linear part of the axes, so the change of scale is visible.
  const linear = el('rect', {
    x: num(sx(-0.5)),
    y: num(sy(1.05)),
    width: num(sx(n - 0.5) - sx(-0.5)),
    height: num(sy(-0.05) - sy(1.05)),
    fill: 'none',
    stroke: FAINT,
    'stroke-dasharray': '4 3',
  });

  const lines = paths.map((p, i) =>
    el('polyline', {
      points: p.map(([x, y]) => `${num(sx(x), 1)},${num(sy(y), 1)}`).join(' '),
      fill: 'none',
      stroke: categoryColour(i),
      'stroke-width': 1.6,
      'stroke-opacity': 0.85,
      'stroke-linejoin': 'round',
      'stroke-linecap': 'round',
    }),
  );

  const markers: XmlElement[] = [];
  const start = t.steps[0]!.point;
  const spx = sx(start[0]!);
  const spy = sy(start[1]!);
  markers.push(el('circle', { cx: num(spx), cy: num(spy), r: 5, fill: INK, stroke: '#FFFFFF', 'stroke-width': 1.5 }));
  markers.push(text(spx - 8, spy + 4, 'x₀', { size: 12, anchor: 'end', weight: 'bold' }));
  // The point after each letter: a numbered disc. Points of the same (state, letter) pair land in one
  // thin strip, so steps closer than a disc are drawn as one pill listing them all.
  const clusters: { x: number; y: number; steps: number[] }[] = [];
  for (let i = 1; i < t.steps.length; i++) {
    const p = t.steps[i]!.point;
    const px = sx(p[0]!);
    const py = sy(p[1]!);
    const near = clusters.find((c) => Math.hypot(c.x - px, c.y - py) < 12);
    if (near === undefined) clusters.push({ x: px, y: py, steps: [i] });
    else near.steps.push(i);
  }
  for (const c of clusters) {
    if (c.steps.length === 1) {
      markers.push(numberDisc(c.x, c.y, c.steps[0]!, categoryColour(c.steps[0]! - 1)));
      continue;
    }
    const label =
      c.steps.length <= 5 ? c.steps.join(', ') : `${c.steps.slice(0, 4).join(', ')}, … (${c.steps.length}×)`;
    const w = textWidth(label, 10) + 10;
    markers.push(
      el(
        'g',
        { class: 'steps-here' },
        el('rect', {
          x: num(c.x - w / 2),
          y: num(c.y - 8),
          width: num(w),
          height: 16,
          rx: 8,
          fill: '#FFFFFF',
          stroke: INK,
          'stroke-width': 1.2,
        }),
        text(c.x, c.y + 3.5, label, { size: 10, anchor: 'middle', weight: 'bold' }),
      ),
    );
  }

  const legendX = BOX.x + BOX.w + 28;
  const steps = stepLegend(t, legendX, BOX.y + 4);
  let ly = steps.bottom + 14;
  const key: XmlElement[] = [];
  key.push(
    legendEntry(
      legendX,
      ly,
      el('rect', {
        x: legendX,
        y: ly - 6,
        width: 16,
        height: 12,
        fill: ACCEPT_FILL,
        stroke: ACCEPT_STROKE,
        'stroke-width': 2,
      }),
      'accepting region R_q',
    ),
  );
  ly += 20;
  key.push(
    legendEntry(
      legendX,
      ly,
      el('rect', { x: legendX, y: ly - 6, width: 16, height: 12, fill: REJECT_FILL, stroke: FAINT }),
      'other region R_q',
    ),
  );
  ly += 20;
  key.push(
    legendEntry(
      legendX,
      ly,
      el('rect', { x: legendX, y: ly - 6, width: 16, height: 12, fill: ACCEPT_FILL, opacity: 0.45 }),
      'target T',
    ),
  );
  ly += 20;
  key.push(legendEntry(legendX, ly, el('circle', { cx: legendX + 8, cy: ly, r: 5, fill: INK }), 'start point x₀'));
  ly += 20;
  key.push(
    legendEntry(
      legendX,
      ly,
      el('rect', {
        x: legendX,
        y: ly - 6,
        width: 16,
        height: 12,
        fill: 'none',
        stroke: FAINT,
        'stroke-dasharray': '4 3',
      }),
      'linear scale inside',
    ),
  );
  ly += 28;
  key.push(text(legendX, ly, verdict(t), { size: 12, weight: 'bold', fill: t.accept ? ACCEPT_STROKE : INK }));

  const subtitle = [
    `${verdict(t)}. Each letter's word is spelled with primitive flows; the path follows every flow in continuous time.`,
    'The spellings rescale the plane, so the axes are linear inside the dashed box and logarithmic outside it.',
  ];
  return page(WIDTH, Math.max(HEIGHT, ly + 24), traceTitle(t, options), subtitle, [
    el('defs', {}, el('clipPath', { id: 'plot' }, el('rect', { x: BOX.x, y: BOX.y, width: BOX.w, height: BOX.h }))),
    axes(BOX, sx, sy, { x: 'x', y: 'y' }),
    el('g', { class: 'regions', 'clip-path': 'url(#plot)' }, regions, linear),
    el('g', { class: 'path', 'clip-path': 'url(#plot)' }, lines),
    el('g', { class: 'points' }, markers),
    el('g', { class: 'legend' }, steps.items, key),
  ]);
}
