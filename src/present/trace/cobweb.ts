/**
 * The relu1d trajectory as a cobweb diagram: the graphs of the maps of the
 * letters used (continuous piecewise-linear, one colour per word), the
 * diagonal y = x, and the state intervals R_q as bands. Reading a letter c
 * at x is a vertical move to the graph of f_c, then a horizontal move back
 * to the diagonal — at x' = f_c(x), where the next letter starts.
 */
import type { Relu1dVocabulary } from '../../vocabulary/relu1d.js';
import { evaluateKnots } from '../../vocabulary/relu1d.js';
import { classLabel } from '../../syntax/regex/print.js';
import type { Trace } from '../../vocabulary/trace.js';
import { ACCEPT_FILL, ACCEPT_STROKE, categoryColour, FAINT, INK, REJECT_FILL } from '../palette.js';
import { axes, labelPlacer, linearScale, page, text, textWidth } from '../plot.js';
import { el, num, type XmlElement } from '../xml.js';
import { checkDrawable, legendEntry, stepLegend, type TracePictureOptions, traceTitle, verdict } from './legend.js';

const WIDTH = 940;
const SIDE = 470;
const BOX = { x: 76, y: 92, w: SIDE, h: SIDE };
const HEIGHT = BOX.y + BOX.h + 56;

/** The relu1d cobweb picture of a trajectory, as an SVG root element. */
export function cobwebPicture(v: Relu1dVocabulary, t: Trace, options: TracePictureOptions = {}): XmlElement {
  checkDrawable(t);
  const n = v.dfa.states;
  const r = v.params.radius;
  const lo = -0.5;
  const hi = n - 0.5;
  const ticks = Array.from({ length: n }, (_, q) => q).filter((q) => n <= 16 || q % Math.ceil(n / 12) === 0);
  const sx = linearScale(lo, hi, BOX.x, BOX.x + BOX.w, ticks);
  const sy = linearScale(lo, hi, BOX.y + BOX.h, BOX.y, ticks);

  // Words in order of first use; each gets its colour.
  const used: number[] = [];
  for (const s of t.steps) if (s.class !== null && !used.includes(s.class)) used.push(s.class);
  const colourOf = (c: number): string => categoryColour(used.indexOf(c));

  const bands: XmlElement[] = [];
  const bandLabels: XmlElement[] = [];
  for (let q = 0; q < n; q++) {
    const accepting = v.dfa.accepting[q] === 1;
    const x0 = sx(q - r);
    const x1 = sx(q + r);
    bands.push(
      el('rect', {
        x: num(x0),
        y: BOX.y,
        width: num(x1 - x0),
        height: BOX.h,
        fill: accepting ? ACCEPT_FILL : REJECT_FILL,
        opacity: 0.7,
      }),
    );
    const y0 = sy(q + r);
    const y1 = sy(q - r);
    bands.push(
      el('rect', {
        x: BOX.x,
        y: num(y0),
        width: BOX.w,
        height: num(y1 - y0),
        fill: accepting ? ACCEPT_FILL : REJECT_FILL,
        opacity: 0.3,
      }),
    );
    if (n <= 24)
      bandLabels.push(
        text((x0 + x1) / 2, BOX.y - 6, `R${q}`, {
          size: n <= 10 ? 13 : 10,
          anchor: 'middle',
          weight: 'bold',
          fill: accepting ? ACCEPT_STROKE : '#555555',
        }),
      );
  }
  const diagonal = el('line', {
    x1: num(sx(lo)),
    y1: num(sy(lo)),
    x2: num(sx(hi)),
    y2: num(sy(hi)),
    stroke: FAINT,
    'stroke-width': 1.2,
    'stroke-dasharray': '6 4',
  });

  // Each used word's graph: its knots, extended flat to both edges (the map is constant outside them).
  const graphs = used.map((c) => {
    const w = v.params.words[c]!;
    const pts: [number, number][] = [[lo, evaluateKnots(w, lo)]];
    for (let i = 0; i < w.xs.length; i++) if (w.xs[i]! > lo && w.xs[i]! < hi) pts.push([w.xs[i]!, w.ys[i]!]);
    pts.push([hi, evaluateKnots(w, hi)]);
    return el('polyline', {
      points: pts.map(([x, y]) => `${num(sx(x), 1)},${num(sy(y), 1)}`).join(' '),
      fill: 'none',
      stroke: colourOf(c),
      'stroke-width': 2.2,
      'stroke-linejoin': 'round',
    });
  });

  // The cobweb: up/down to the graph, across to the diagonal. Moves that
  // repeat (a cycle read again) are drawn once and labelled with all their steps.
  const web: XmlElement[] = [];
  const labels = new Map<string, { x: number; y: number; steps: number[]; colour: string }>();
  for (let i = 1; i < t.steps.length; i++) {
    const x = t.steps[i - 1]!.point[0]!;
    const y = t.steps[i]!.point[0]!;
    const c = t.steps[i]!.class!;
    const key = `${x}|${y}|${c}`;
    const seen = labels.get(key);
    if (seen !== undefined) {
      seen.steps.push(i);
      continue;
    }
    labels.set(key, { x: sx(x), y: sy(y), steps: [i], colour: colourOf(c) });
    web.push(
      el('polyline', {
        points: `${num(sx(x), 1)},${num(sy(x), 1)} ${num(sx(x), 1)},${num(sy(y), 1)} ${num(sx(y), 1)},${num(sy(y), 1)}`,
        fill: 'none',
        stroke: INK,
        'stroke-width': 1.6,
        'marker-end': 'url(#arrow)',
        'stroke-linejoin': 'round',
      }),
    );
  }
  const placer = labelPlacer();
  const stepLabels: XmlElement[] = [];
  for (const { x, y, steps, colour } of labels.values()) {
    const label = steps.length <= 4 ? steps.join(', ') : `${steps.slice(0, 3).join(', ')}, … (${steps.length}×)`;
    const w = textWidth(label, 11) + 8;
    const baseline = placer.place(x + 5, y - 6, w, 11);
    stepLabels.push(
      el('rect', {
        x: num(x + 4),
        y: num(baseline - 11),
        width: num(w),
        height: 15,
        rx: 3,
        fill: '#FFFFFF',
        stroke: colour,
        'stroke-width': 1.2,
        opacity: 0.95,
      }),
      text(x + 8, baseline, label, { size: 11, fill: INK, weight: 'bold' }),
    );
  }
  const start = t.steps[0]!.point[0]!;
  const startMark = el('circle', {
    cx: num(sx(start)),
    cy: num(sy(start)),
    r: 5,
    fill: INK,
    stroke: '#FFFFFF',
    'stroke-width': 1.5,
  });

  const legendX = BOX.x + BOX.w + 34;
  let ly = BOX.y + 4;
  const key: XmlElement[] = [text(legendX, ly, 'maps', { size: 12, weight: 'bold' })];
  ly += 20;
  for (const c of used) {
    key.push(
      legendEntry(
        legendX,
        ly,
        el('line', { x1: legendX, y1: ly, x2: legendX + 16, y2: ly, stroke: colourOf(c), 'stroke-width': 3 }),
        `f for word ${classLabel(v.dfa.alphabet, c)}`,
      ),
    );
    ly += 19;
  }
  key.push(
    legendEntry(
      legendX,
      ly,
      el('line', {
        x1: legendX,
        y1: ly,
        x2: legendX + 16,
        y2: ly,
        stroke: FAINT,
        'stroke-width': 1.2,
        'stroke-dasharray': '6 4',
      }),
      'diagonal y = x',
    ),
  );
  ly += 19;
  key.push(
    legendEntry(
      legendX,
      ly,
      el('line', { x1: legendX, y1: ly, x2: legendX + 16, y2: ly, stroke: INK, 'stroke-width': 2 }),
      'the iteration (step numbers)',
    ),
  );
  ly += 19;
  key.push(
    legendEntry(
      legendX,
      ly,
      el('rect', { x: legendX, y: ly - 6, width: 16, height: 12, fill: ACCEPT_FILL }),
      `accepting R_q = [q − ${r}, q + ${r}]`,
    ),
  );
  ly += 19;
  key.push(
    legendEntry(
      legendX,
      ly,
      el('rect', { x: legendX, y: ly - 6, width: 16, height: 12, fill: REJECT_FILL }),
      'other R_q',
    ),
  );
  ly += 19;
  key.push(legendEntry(legendX, ly, el('circle', { cx: legendX + 8, cy: ly, r: 5, fill: INK }), `start x₀ = ${start}`));
  ly += 30;
  const steps = stepLegend(t, legendX, ly, (i) => colourOf(t.steps[i]!.class!));

  const subtitle = [
    `${verdict(t)}. Each letter's map is continuous and piecewise linear; one hidden ReLU layer.`,
    "Cobweb: from the diagonal up or down to the graph of the letter's map, then across to the diagonal.",
  ];
  return page(WIDTH, Math.max(HEIGHT, steps.bottom + 16), traceTitle(t, options), subtitle, [
    el(
      'defs',
      {},
      el('clipPath', { id: 'plot' }, el('rect', { x: BOX.x, y: BOX.y, width: BOX.w, height: BOX.h })),
      el(
        'marker',
        {
          id: 'arrow',
          viewBox: '0 0 10 10',
          refX: 9,
          refY: 5,
          markerWidth: 7,
          markerHeight: 7,
          orient: 'auto-start-reverse',
        },
        el('path', { d: 'M0,0 L10,5 L0,10 z', fill: INK }),
      ),
    ),
    axes(BOX, sx, sy, { x: 'x (before the letter)', y: 'f(x) (after the letter)' }),
    el('g', { class: 'regions', 'clip-path': 'url(#plot)' }, bands, diagonal),
    el('g', { class: 'region-labels' }, bandLabels),
    el('g', { class: 'maps', 'clip-path': 'url(#plot)' }, graphs),
    el('g', { class: 'cobweb' }, web, startMark),
    el('g', { class: 'steps' }, stepLabels),
    el('g', { class: 'legend' }, key, steps.items),
  ]);
}
