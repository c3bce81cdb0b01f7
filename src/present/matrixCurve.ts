/**
 * `wordflow matrix --curve --format svg`: sentence length against 1/ε on
 * log-log axes, one line per vocabulary — a straight line of slope 1 for
 * Kronecker (Θ(1/ε)) and a nearly flat one for dyadic (O(log 1/ε)).
 */
import type { CurvePoint } from '../matrix/curve.js';
import { CATEGORY_COLOURS, INK } from './palette.js';
import { axes, page, text, type Scale } from './plot.js';
import { el, num, svgDocument } from './xml.js';

function logScale(lo: number, hi: number, r0: number, r1: number): Scale {
  const a = Math.floor(Math.log10(lo));
  const b = Math.max(a + 1, Math.ceil(Math.log10(hi)));
  const f = ((v: number) => r0 + ((Math.log10(v) - a) / (b - a)) * (r1 - r0)) as Scale;
  const ticks = [];
  for (let k = a; k <= b; k++) ticks.push({ value: 10 ** k, label: `1e${k}` });
  return Object.assign(f, { ticks });
}

/** The curve as a standalone SVG document. */
export function matrixCurveSvg(points: readonly CurvePoint[], title: string): string {
  const box = { x: 90, y: 96, w: 520, h: 320 };
  const series = [
    { name: 'dyadic (Horner digits: O(log 1/ε))', cells: points.map((p) => ({ eps: p.eps, cell: p.dyadic })) },
    { name: 'kronecker (p + q√2: Θ(1/ε))', cells: points.map((p) => ({ eps: p.eps, cell: p.kronecker })) },
  ];
  const lengths = series.flatMap((s) =>
    s.cells.flatMap(({ cell }) => ('length' in cell && cell.length > 0 ? [cell.length] : [])),
  );
  const epsilons = points.map((p) => 1 / p.eps);
  const sx = logScale(Math.min(...epsilons), Math.max(...epsilons), box.x, box.x + box.w);
  const sy = logScale(Math.max(1, Math.min(...lengths, 10)), Math.max(...lengths, 100), box.y + box.h, box.y);
  const lines = series.map((s, i) => {
    const colour = CATEGORY_COLOURS[i % CATEGORY_COLOURS.length]!;
    const pts = s.cells.flatMap(({ eps, cell }) =>
      'length' in cell && cell.length > 0 ? [[sx(1 / eps), sy(cell.length)] as const] : [],
    );
    return el(
      'g',
      { class: 'series' },
      el('polyline', {
        points: pts.map(([x, y]) => `${num(x)},${num(y)}`).join(' '),
        fill: 'none',
        stroke: colour,
        'stroke-width': 2,
      }),
      pts.map(([x, y]) => el('circle', { cx: num(x), cy: num(y), r: 3.5, fill: colour })),
      el('rect', { x: box.x + 14, y: box.y + 12 + 20 * i, width: 14, height: 4, fill: colour }),
      text(box.x + 34, box.y + 18 + 20 * i, s.name, { size: 12, fill: INK }),
    );
  });
  const over = series.flatMap((s) =>
    s.cells.filter(({ cell }) => 'limit' in cell).map(({ eps }) => `${s.name.split(' ')[0]} at ε = ${eps}`),
  );
  const subtitle = [
    'words in the sentence against 1/ε, both axes logarithmic; every point proved within ε (Frobenius)',
  ];
  if (over.length > 0) subtitle.push(`not drawn (over --max-length): ${over.join(', ')}`);
  return svgDocument(
    page(box.x + box.w + 40, box.y + box.h + 60, title, subtitle, [
      axes(box, sx, sy, { x: '1/ε', y: 'words' }),
      ...lines,
    ]),
  );
}
