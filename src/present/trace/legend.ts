/**
 * What every trace picture shares: the title and subtitle of a trajectory,
 * how a letter is shown, the step list of the legend, and the limit on how
 * many letters one picture draws.
 */
import type { Trace, TraceStep } from '../../vocabulary/trace.js';
import { WordflowError } from '../../errors.js';
import { categoryColour, INK } from '../palette.js';
import { text } from '../plot.js';
import { el, num, type XmlElement } from '../xml.js';

/** Options of every trace picture. */
export interface TracePictureOptions {
  /** What the language is called in the title, e.g. its pattern. */
  readonly title?: string;
}

/**
 * Letters drawn at most: beyond a few hundred steps a picture is unreadable
 * and its file grows large (flow2d draws dozens of flows per letter).
 */
export const MAX_PICTURE_STEPS = 500;

/** Rejects a trajectory too long to draw, pointing to the JSON output instead. */
export function checkDrawable(t: Trace): void {
  const letters = t.steps.length - 1;
  if (letters > MAX_PICTURE_STEPS) {
    throw new WordflowError(
      'limit',
      `a picture draws at most ${MAX_PICTURE_STEPS} letters and this string has ${letters}; --format json gives the whole trajectory as data`,
    );
  }
}

/** A letter as shown in pictures: itself, or a JSON escape for invisible characters. */
export function showSymbol(s: string): string {
  return /^[\p{L}\p{N}\p{P}\p{S}]$/u.test(s) ? s : JSON.stringify(s).slice(1, -1) || '␠';
}

/** A string in quotes, shortened in the middle when long. */
export function showInput(s: string, max = 40): string {
  const chars = [...s];
  const shown = chars.length <= max ? s : chars.slice(0, max / 2).join('') + '…' + chars.slice(-max / 2).join('');
  return JSON.stringify(shown);
}

/** The picture's title: embedding, string, and language. */
export function traceTitle(t: Trace, options: TracePictureOptions): string {
  return `${t.embedding}: ${showInput(t.input)}${options.title === undefined ? '' : ` in ${options.title}`}`;
}

/** The verdict in words. */
export function verdict(t: Trace): string {
  const last = t.steps[t.steps.length - 1]!;
  return `${t.accept ? 'accepted' : 'rejected'}: ends in state ${last.state}${t.accept === t.dfaAccept ? '' : ' (the DFA disagrees!)'}`;
}

/** One step as a legend line: `3  b  1 → 2`. */
export function stepLine(prev: TraceStep, s: TraceStep): string {
  const letter = showSymbol(s.symbol ?? '');
  const cls = s.label !== null && s.label !== letter ? ` (${s.label})` : '';
  return `${letter}${cls}   ${prev.state} → ${s.state}`;
}

/** Steps listed in a legend before the rest is summarised. */
export const LEGEND_STEPS = 14;

/**
 * The list of steps, each with its number in a disc of its colour, from
 * (x, y) down; returns the elements and the y below them.
 */
export function stepLegend(
  t: Trace,
  x: number,
  y: number,
  colourOf: (step: number) => string = (i) => categoryColour(i - 1),
): { items: XmlElement[]; bottom: number } {
  const items: XmlElement[] = [text(x, y, 'steps', { size: 12, weight: 'bold' })];
  let yy = y + 20;
  const n = t.steps.length - 1;
  const shown = n <= LEGEND_STEPS ? n : LEGEND_STEPS - 1;
  for (let i = 1; i <= shown; i++) {
    items.push(numberDisc(x + 9, yy - 4, i, colourOf(i)));
    items.push(text(x + 24, yy, stepLine(t.steps[i - 1]!, t.steps[i]!), { size: 12 }));
    yy += 19;
  }
  if (shown < n) {
    items.push(text(x, yy, `… ${n - shown} more steps`, { size: 12, fill: '#555555' }));
    yy += 19;
  }
  if (n === 0) {
    items.push(text(x, yy, '(the empty string: no steps)', { size: 12, fill: '#555555' }));
    yy += 19;
  }
  return { items, bottom: yy };
}

/** A step number in a small coloured disc. */
export function numberDisc(cx: number, cy: number, n: number, colour: string): XmlElement {
  const label = String(n);
  const r = label.length > 2 ? 10 : 8;
  return el(
    'g',
    {},
    el('circle', { cx: num(cx), cy: num(cy), r, fill: colour, stroke: '#FFFFFF', 'stroke-width': 1.2 }),
    text(cx, cy + 3.5, label, { size: label.length > 2 ? 8 : 10, anchor: 'middle', fill: '#FFFFFF', weight: 'bold' }),
  );
}

/** A legend entry: a swatch (drawn by the caller at x, y) and a label. */
export function legendEntry(x: number, y: number, swatch: XmlElement, label: string): XmlElement {
  return el('g', {}, swatch, text(x + 24, y + 4, label, { size: 12, fill: INK }));
}
