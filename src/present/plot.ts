/**
 * Small plotting helpers shared by the trace pictures: scales from data to
 * pixels (linear, and "linear inside, logarithmic outside" for flow2d paths
 * that wander far from the state regions), tick choice, axes, text boxes that
 * avoid each other, and the page frame with a title.
 */
import { el, num, type XmlElement } from './xml.js';
import { FAINT, INK } from './palette.js';

/** The font of every picture. */
export const FONT = 'Helvetica, Arial, sans-serif';

/** A monotone map from data to pixels along one axis. */
export interface Scale {
  (v: number): number;
  /** Data values worth a tick, with their labels. */
  readonly ticks: readonly { readonly value: number; readonly label: string }[];
}

/** A compact label for a tick value: `0.5`, `12`, `-150`, `1.2e+6`. */
export function tickLabel(v: number): string {
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a >= 1e5 || a < 1e-3) return v.toExponential(1);
  return String(Number(v.toPrecision(3)));
}

/** "Nice" tick values covering [lo, hi], about `count` of them (1, 2, 5 × 10^k steps). */
export function niceTicks(lo: number, hi: number, count = 5): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / Math.max(1, count);
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? 10 * mag;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) out.push(Number(v.toPrecision(12)));
  return out;
}

/** The linear scale taking [d0, d1] to [r0, r1]. */
export function linearScale(
  d0: number,
  d1: number,
  r0: number,
  r1: number,
  ticks: readonly number[] = niceTicks(d0, d1),
): Scale {
  const k = d1 === d0 ? 0 : (r1 - r0) / (d1 - d0);
  const f = ((v: number) => r0 + (v - d0) * k) as Scale;
  return Object.assign(f, { ticks: ticks.map((value) => ({ value, label: tickLabel(value) })) });
}

/**
 * A scale that is linear on [a, b] and logarithmic beyond: u(v) = v inside,
 * b + λ·ln(1 + (v − b)/λ) above, a − λ·ln(1 + (a − v)/λ) below. It is
 * continuous with slope 1 at a and b, so a path leaving the regions keeps
 * its direction while far excursions are compressed. `lo`/`hi` is the data
 * range to show (it may lie inside [a, b]).
 */
export function warpedScale(
  a: number,
  b: number,
  lambda: number,
  lo: number,
  hi: number,
  r0: number,
  r1: number,
  linearTicks: readonly number[],
): Scale {
  const u = (v: number): number =>
    v > b ? b + lambda * Math.log1p((v - b) / lambda) : v < a ? a - lambda * Math.log1p((a - v) / lambda) : v;
  const u0 = u(Math.min(lo, a));
  const u1 = u(Math.max(hi, b));
  const k = (r1 - r0) / (u1 - u0);
  const f = ((v: number) => r0 + (u(v) - u0) * k) as Scale;
  // Powers of ten beyond the linear part, kept only where they do not crowd the others.
  const outer: number[] = [];
  for (let e = 0; e <= 12; e++) {
    const p = 10 ** e;
    if (p > b && p <= hi) outer.push(p);
    if (-p < a && -p >= lo) outer.push(-p);
  }
  const chosen: number[] = [];
  for (const v of [...linearTicks, ...outer.sort((x, y) => x - y)]) {
    if (chosen.every((w) => Math.abs(f(w) - f(v)) >= 22)) chosen.push(v);
  }
  chosen.sort((x, y) => x - y);
  return Object.assign(f, { ticks: chosen.map((value) => ({ value, label: tickLabel(value) })) });
}

/** Approximate width of a text in pixels (sans-serif: about 0.6 em per character). */
export function textWidth(s: string, size: number): number {
  return [...s].length * size * 0.6;
}

/** Text with the picture's font. */
export function text(
  x: number,
  y: number,
  content: string,
  options: {
    size?: number;
    anchor?: 'start' | 'middle' | 'end';
    fill?: string;
    weight?: string;
    baseline?: string;
    rotate?: number;
  } = {},
): XmlElement {
  return el(
    'text',
    {
      x: num(x),
      y: num(y),
      'font-family': FONT,
      'font-size': options.size ?? 12,
      'text-anchor': options.anchor,
      'dominant-baseline': options.baseline,
      fill: options.fill ?? INK,
      'font-weight': options.weight,
      transform: options.rotate === undefined ? undefined : `rotate(${options.rotate} ${num(x)} ${num(y)})`,
    },
    content,
  );
}

/** The axes of a plot box: frame, grid lines and tick labels on the left and bottom, axis titles. */
export function axes(
  box: { x: number; y: number; w: number; h: number },
  sx: Scale,
  sy: Scale,
  titles: { x: string; y: string },
): XmlElement {
  const grid: XmlElement[] = [];
  const labels: XmlElement[] = [];
  for (const t of sx.ticks) {
    const px = sx(t.value);
    if (px < box.x - 0.5 || px > box.x + box.w + 0.5) continue;
    grid.push(
      el('line', {
        x1: num(px),
        y1: num(box.y),
        x2: num(px),
        y2: num(box.y + box.h),
        stroke: '#E4E4E4',
        'stroke-width': 1,
      }),
    );
    labels.push(text(px, box.y + box.h + 16, t.label, { size: 11, anchor: 'middle', fill: '#555555' }));
  }
  for (const t of sy.ticks) {
    const py = sy(t.value);
    if (py < box.y - 0.5 || py > box.y + box.h + 0.5) continue;
    grid.push(
      el('line', {
        x1: num(box.x),
        y1: num(py),
        x2: num(box.x + box.w),
        y2: num(py),
        stroke: '#E4E4E4',
        'stroke-width': 1,
      }),
    );
    labels.push(text(box.x - 6, py + 4, t.label, { size: 11, anchor: 'end', fill: '#555555' }));
  }
  return el(
    'g',
    { class: 'axes' },
    grid,
    el('rect', {
      x: num(box.x),
      y: num(box.y),
      width: num(box.w),
      height: num(box.h),
      fill: 'none',
      stroke: FAINT,
      'stroke-width': 1,
    }),
    labels,
    text(box.x + box.w / 2, box.y + box.h + 34, titles.x, { size: 12, anchor: 'middle' }),
    text(box.x - 44, box.y + box.h / 2, titles.y, { size: 12, anchor: 'middle', rotate: -90 }),
  );
}

/** Keeps labels from covering each other: each is moved down (then up) until it overlaps nothing placed or blocked before. */
export interface LabelPlacer {
  /** Reserves an area no label may cover (e.g. a marker). */
  block(x0: number, y0: number, x1: number, y1: number): void;
  /** The baseline y for a label `width` wide at x, as near `y` as free space allows; the area is then taken. */
  place(x: number, y: number, width: number, size: number): number;
}

/** A fresh `LabelPlacer`. */
export function labelPlacer(): LabelPlacer {
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = [];
  return {
    block(x0, y0, x1, y1) {
      boxes.push({ x0, y0, x1, y1 });
    },
    place(x, y, width, size) {
      const h = size + 2;
      const free = (yy: number): boolean =>
        boxes.every((b) => x + width <= b.x0 || x >= b.x1 || yy <= b.y0 || yy - h >= b.y1);
      let chosen = y;
      for (let i = 0; i < 40; i++) {
        const down = y + i * h * 0.5;
        const up = y - i * h * 0.5;
        if (free(down)) {
          chosen = down;
          break;
        }
        if (free(up)) {
          chosen = up;
          break;
        }
      }
      boxes.push({ x0: x, y0: chosen - h, x1: x + width, y1: chosen });
      return chosen;
    },
  };
}

/** The whole picture: white page, title and subtitle lines on top (content starts below y = 76), the content below. */
export function page(
  width: number,
  height: number,
  title: string,
  subtitle: readonly string[],
  content: readonly XmlElement[],
): XmlElement {
  return el(
    'svg',
    {
      width: num(width),
      height: num(height),
      viewBox: `0 0 ${num(width)} ${num(height)}`,
      role: 'img',
      'aria-label': title,
    },
    el('title', {}, title),
    el('rect', { x: 0, y: 0, width: num(width), height: num(height), fill: '#FFFFFF' }),
    text(20, 28, title, { size: 16, weight: 'bold' }),
    subtitle.map((line, i) => text(20, 48 + 16 * i, line, { size: 12, fill: '#444444' })),
    content,
  );
}
