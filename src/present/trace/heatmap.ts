/**
 * The vector embeddings' trajectory as a heat map: one row per coordinate
 * (state), one column per step (0 = the start point), each cell coloured by
 * the coordinate's value (viridis, 0 to 1). The DFA's state at each step is
 * outlined, so where the vector's mass sits can be compared with where the
 * automaton is. `transform` points are state ids; they are shown one-hot.
 */
import type { Vocabulary } from '../../vocabulary/embeddings.js';
import type { Trace } from '../../vocabulary/trace.js';
import { ACCEPT_STROKE, inkOnViridis, INK, viridis } from '../palette.js';
import { page, text, textWidth } from '../plot.js';
import { el, num, type XmlElement } from '../xml.js';
import { checkDrawable, showSymbol, type TracePictureOptions, traceTitle, verdict } from './legend.js';

/** The state vector of each step: the point itself, or for `transform` the one-hot vector of its state. */
export function stateVectors(v: Vocabulary, t: Trace): number[][] {
  const n = v.dfa.states;
  return t.steps.map((s) => {
    if (v.embedding !== 'transform') return [...s.point];
    const row = new Array<number>(n).fill(0);
    const q = s.point[0]!;
    if (Number.isInteger(q) && q >= 0 && q < n) row[q] = 1;
    return row;
  });
}

const EXPLAIN: Record<string, string> = {
  onehot: 'x ↦ M_c x with 0/1 matrices: the vector stays one-hot',
  sigmoid: 'x ↦ σ(H·M_c x − H/2): values near 0 or 1, never exactly',
  transform: 'the point is a state id, shown as a one-hot vector',
};

/** The heat-map picture of a trajectory (onehot, sigmoid, transform), as an SVG root element. */
export function heatmapPicture(v: Vocabulary, t: Trace, options: TracePictureOptions = {}): XmlElement {
  checkDrawable(t);
  const n = v.dfa.states;
  const cols = t.steps.length;
  const values = stateVectors(v, t);
  const cell = Math.max(6, Math.min(44, Math.floor(860 / cols), Math.floor(520 / n)));
  const rowH = Math.max(6, Math.min(34, cell));
  const showValues = cell >= 36 && rowH >= 22;
  const left = 110;
  const top = 120;
  const gridW = cell * cols;
  const gridH = rowH * n;
  const legendY = top + gridH + 58;
  const width = Math.max(620, left + gridW + 150);
  const height = legendY + 78;

  const cells: XmlElement[] = [];
  const outlines: XmlElement[] = [];
  for (let j = 0; j < cols; j++) {
    const col = values[j]!;
    for (let q = 0; q < n; q++) {
      const value = col[q] ?? 0;
      const x = left + j * cell;
      const y = top + q * rowH;
      cells.push(
        el(
          'rect',
          { x, y, width: cell, height: rowH, fill: viridis(value) },
          el('title', {}, `step ${j}, x_${q} = ${value}`),
        ),
      );
      if (showValues) {
        const shown =
          value === 0 || value === 1
            ? String(value)
            : value < 0.01
              ? '<.01'
              : value > 0.99
                ? '>.99'
                : value.toFixed(2).replace(/^0/, '');
        cells.push(
          text(x + cell / 2, y + rowH / 2 + 4, shown, { size: 10, anchor: 'middle', fill: inkOnViridis(value) }),
        );
      }
    }
    const q = t.steps[j]!.state;
    // White then black: visible on every viridis colour without relying on hue.
    outlines.push(
      el('rect', {
        x: left + j * cell + 1.5,
        y: top + q * rowH + 1.5,
        width: cell - 3,
        height: rowH - 3,
        fill: 'none',
        stroke: '#FFFFFF',
        'stroke-width': 3,
      }),
      el('rect', {
        x: left + j * cell + 3,
        y: top + q * rowH + 3,
        width: cell - 6,
        height: rowH - 6,
        fill: 'none',
        stroke: '#000000',
        'stroke-width': 1.5,
      }),
    );
  }

  // Column headers: the letter read (start = x₀), and whether the point is in T.
  const headers: XmlElement[] = [];
  const every = Math.max(1, Math.ceil(22 / cell));
  for (let j = 0; j < cols; j++) {
    if (j % every !== 0 && j !== cols - 1) continue;
    const s = t.steps[j]!;
    const cx = left + j * cell + cell / 2;
    const label = j === 0 ? 'x₀' : showSymbol(s.symbol ?? '');
    headers.push(text(cx, top - 24, label, { size: 13, anchor: 'middle', weight: 'bold' }));
    headers.push(text(cx, top - 8, String(j), { size: 10, anchor: 'middle', fill: '#666666' }));
    headers.push(
      text(cx, top + gridH + 16, s.inTarget ? '✓' : '·', {
        size: 13,
        anchor: 'middle',
        fill: s.inTarget ? ACCEPT_STROKE : '#999999',
        weight: 'bold',
      }),
    );
  }
  const rowEvery = Math.max(1, Math.ceil(13 / rowH));
  const rowLabels: XmlElement[] = [];
  for (let q = 0; q < n; q++) {
    if (q % rowEvery !== 0) continue;
    const accepting = v.dfa.accepting[q] === 1;
    rowLabels.push(
      text(left - 8, top + q * rowH + rowH / 2 + 4, `x_${q}${accepting ? ' ✓' : ''}`, {
        size: 12,
        anchor: 'end',
        fill: accepting ? ACCEPT_STROKE : INK,
        weight: accepting ? 'bold' : undefined,
      }),
    );
  }
  const axisTitles = [
    text(left - 8, top - 24, 'letter', { size: 11, anchor: 'end', fill: '#666666' }),
    text(left - 8, top - 8, 'step', { size: 11, anchor: 'end', fill: '#666666' }),
    text(left - 8, top + gridH + 16, 'in T', { size: 11, anchor: 'end', fill: '#666666' }),
  ];

  // Colour bar and outline key.
  const barW = 200;
  const stops = Array.from({ length: 11 }, (_, i) =>
    el('stop', { offset: `${i * 10}%`, 'stop-color': viridis(i / 10) }),
  );
  const bar = [
    el('rect', {
      x: left,
      y: legendY,
      width: barW,
      height: 14,
      fill: 'url(#viridis)',
      stroke: '#888888',
      'stroke-width': 0.5,
    }),
    text(left, legendY + 30, '0', { size: 11, anchor: 'middle' }),
    text(left + barW / 2, legendY + 30, '0.5', { size: 11, anchor: 'middle' }),
    text(left + barW, legendY + 30, '1', { size: 11, anchor: 'middle' }),
    text(left, legendY - 8, 'value of the coordinate x_q', { size: 12 }),
    el('rect', {
      x: left + barW + 40,
      y: legendY,
      width: 18,
      height: 14,
      fill: viridis(0.5),
      stroke: '#FFFFFF',
      'stroke-width': 3,
    }),
    el('rect', {
      x: left + barW + 41.5,
      y: legendY + 1.5,
      width: 15,
      height: 11,
      fill: 'none',
      stroke: '#000000',
      'stroke-width': 1.5,
    }),
    text(left + barW + 66, legendY + 11, "the DFA's state at that step", { size: 12 }),
    text(left + barW + 40, legendY + 36, '✓ accepting state / point in the target T', {
      size: 12,
      fill: ACCEPT_STROKE,
    }),
  ];
  const explain = EXPLAIN[v.embedding] ?? '';
  const subtitle = [`${verdict(t)}. Rows: the coordinates x_q (one per state); columns: the steps.`, `${explain}.`];
  const pageWidth = Math.max(width, 40 + Math.max(...subtitle.map((l) => textWidth(l, 12))));
  return page(pageWidth, height, traceTitle(t, options), subtitle, [
    el('defs', {}, el('linearGradient', { id: 'viridis', x1: '0', x2: '1', y1: '0', y2: '0' }, stops)),
    el('g', { class: 'cells' }, cells),
    el('g', { class: 'dfa-state' }, outlines),
    el('rect', {
      x: left,
      y: top,
      width: num(gridW),
      height: num(gridH),
      fill: 'none',
      stroke: '#888888',
      'stroke-width': 0.5,
    }),
    el('g', { class: 'labels' }, headers, rowLabels, axisTitles),
    el('g', { class: 'legend' }, bar),
  ]);
}
