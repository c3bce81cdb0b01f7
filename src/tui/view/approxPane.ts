/**
 * The Approx pane: the three editors (FX, FY, ε — or VX, VY, ε for a
 * field), the sentence's length, its measured error and proved bound, and
 * the grid of Ω pushed by the target and by the sentence, overlaid in
 * braille (equal scales on both axes, so a rotation looks like one).
 */
import { APPROX_LABELS, gridLine } from '../approxCompute.js';
import { canvasRuns, createCanvas, plotPath, type Viewport } from '../braille.js';
import { editorView } from '../editor.js';
import { fit } from '../text.js';
import type { ScreenModel } from './model.js';
import { type Line, seg, type Style, wrap } from './seg.js';
import { editorSegs } from './top.js';

const sci = (v: number): string => (v === 0 ? '0' : Number.isFinite(v) ? v.toExponential(1) : '∞');

/** A viewport holding every point with equal world units per braille dot across and down. */
function squareViewport(points: Iterable<readonly [number, number]>, cols: number, rows: number): Viewport {
  let xMin = -1;
  let xMax = 1;
  let yMin = -1;
  let yMax = 1;
  for (const [x, y] of points) {
    if (!Number.isFinite(x) || !Number.isFinite(y)) continue;
    xMin = Math.min(xMin, x);
    xMax = Math.max(xMax, x);
    yMin = Math.min(yMin, y);
    yMax = Math.max(yMax, y);
  }
  const perDot = Math.max((xMax - xMin) / Math.max(1, 2 * cols - 1), (yMax - yMin) / Math.max(1, 4 * rows - 1)) * 1.05;
  const cx = (xMin + xMax) / 2;
  const cy = (yMin + yMax) / 2;
  const hw = (perDot * (2 * cols - 1)) / 2;
  const hh = (perDot * (4 * rows - 1)) / 2;
  return { xMin: cx - hw, xMax: cx + hw, yMin: cy - hh, yMax: cy + hh };
}

/** Elapsed time as the status line shows it: tenths of a second. */
const seconds = (ms: number): string => `${(Math.max(0, ms) / 1000).toFixed(1)} s`;

const LAYER_STYLE: readonly Style[] = ['plain', 'plot1', 'plot3'];

/** The pane's lines for a slot of `width × height`. */
export function approxPane(m: ScreenModel, width: number, height: number): Line[] {
  const a = m.ui.approx;
  const labels = a.flow ? APPROX_LABELS.flow : APPROX_LABELS.map;
  const editing = m.ui.focus === 'approx';
  const lines: Line[] = a.fields.map((ed, i) => {
    const focused = editing && a.field === i;
    const label = `${labels[i]}${focused ? ' ▸' : '  '} `.padEnd(5);
    return [
      seg(label, focused ? 'accent' : 'dim'),
      ...editorSegs(editorView(ed, Math.max(4, width - 5), focused), focused),
    ];
  });
  const mode = a.flow ? "field x' = VX(y), y' = VY(x), time 1" : 'map (x, y) ↦ (FX, FY)';
  lines.push([
    seg(fit(`on [-1,1]² · ${mode} · ${editing ? 'Tab next · Esc done' : 'Enter edit · f map/field'}`, width), 'dim'),
  ]);
  const job = m.approx;
  const result = job.value;
  // The compile runs in a worker: say how long it has run (the spinner keeps the frame ticking).
  const compiling = `${m.spinner || '…'} compiling…${job.elapsedMs === null ? '' : ` ${seconds(job.elapsedMs)}`}`;
  if (result === undefined) {
    lines.push([seg(compiling, 'warn')]);
    return lines;
  }
  if (!result.ok) {
    if (job.pending) lines.push([seg(compiling, 'warn')]);
    // Refusals explain themselves at length: give them the pane's rows.
    const room = Math.max(1, height - lines.length);
    const wrapped = wrap(`✗ ${result.error.message}`, width);
    const shown =
      wrapped.length <= room ? wrapped : [...wrapped.slice(0, room - 1), fit(wrapped.slice(room - 1).join(' '), width)];
    for (const l of shown) lines.push([seg(l, job.pending ? 'dim' : 'bad')]);
    return lines;
  }
  const r = result.value;
  const facts =
    `${r.length.toLocaleString('en-US')} words · error ${sci(r.error)} on a ${r.grid}×${r.grid} grid` +
    `${r.bound === null ? '' : ` · proved ≤ ${sci(r.bound)}`} · ${Math.round(r.ms)} ms · vs ${r.reference}`;
  // While a newer compile runs, the previous input's facts stay, marked as such.
  const prefix = job.pending ? `${compiling} · was ` : '✓ ';
  // Two rows for the facts when the slot is narrow, so the error and the bound are never cut off.
  const [first = '', ...more] = wrap(facts, Math.max(8, width - prefix.length));
  const status: Line = [seg(prefix, job.pending ? 'warn' : 'good'), seg(first, job.pending ? 'dim' : 'plain')];
  lines.push(status);
  if (more.length > 0)
    lines.push([seg(' '.repeat(prefix.length)), seg(fit(more.join(' '), Math.max(1, width - prefix.length)), 'dim')]);
  lines.push([seg(fit(r.preview, width), 'dim')]);
  const rows = height - lines.length - 1;
  if (rows < 3) return lines;
  const canvas = createCanvas(width, rows);
  const target = Array.from({ length: r.lines }, (_, k) => gridLine(r, r.targetGrid, k));
  const sentence = Array.from({ length: r.lines }, (_, k) => gridLine(r, r.sentenceGrid, k));
  const view = squareViewport([...target.flat(), ...sentence.flat()], width, rows);
  for (const line of target) plotPath(canvas, view, line, 1);
  for (const line of sentence) plotPath(canvas, view, line, 2);
  for (const runs of canvasRuns(canvas))
    lines.push(runs.map((run) => seg(run.text, LAYER_STYLE[run.layer] ?? 'plain')));
  lines.push([
    seg('⣿ target f', 'plot1'),
    seg('  '),
    seg('⣿ sentence', 'plot3'),
    seg('  (the grid of [-1,1]², 7×7 lines)', 'dim'),
  ]);
  return lines;
}
