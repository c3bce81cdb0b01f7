/**
 * The trace pane: step mode and the trajectory plot. The string editor's
 * cursor is the step: after i letters the pane shows the DFA state, the
 * point x_i = f_{c_i}(…f_{c_1}(x0)) of the selected embedding, the composed
 * prefix, and whether the embedding agrees with the DFA. The plot is a
 * braille canvas for `flow2d` (regions outlined, the target marked, the
 * trajectory in continuous time), a number line for `relu1d`, bars of the
 * state vector for `onehot` and `sigmoid`, and the state path for
 * `transform`.
 */
import { runClasses } from '../../automata/dfa.js';
import { phraseTrajectory } from '../../flows/phrase.js';
import type { Point } from '../../vocabulary/types.js';
import { embeddingSpec } from '../../vocabulary/registry.js';
import {
  canvasRuns,
  createCanvas,
  drawLabel,
  plotPath,
  plotPoint,
  plotRect,
  toCell,
  type Viewport,
} from '../braille.js';
import { fit, showString, textWidth } from '../text.js';
import type { Run } from '../tracking.js';
import { fullDfa, type ScreenModel } from './model.js';
import { type Line, type Seg, type Style, besides, seg, wrap } from './seg.js';
import { num, pointText } from './vocabPane.js';
import { LIVE_TRACE_LETTERS, traceOf, type Trace, type VocabularyView } from './vocabularyModel.js';
import { lazyNote } from './lazyNote.js';

/** What the trace pane draws from. */
interface StepContext {
  readonly m: ScreenModel;
  readonly v: VocabularyView | null;
  readonly trace: Trace | null;
  /** Letters consumed: 0..n. */
  readonly i: number;
  readonly n: number;
  readonly labels: readonly string[];
}

function context(m: ScreenModel): StepContext | null {
  const dfa = fullDfa(m.language);
  if (dfa === null || m.run === null) return null;
  const r = m.vocabulary.value;
  const v = r !== undefined && r.ok && r.value.vocabulary.dfa === dfa ? r.value : null;
  const i = Math.min(m.ui.text.cursor, m.run.letters);
  const trace = v === null ? null : traceOf(v.vocabulary, m.run.classesUpTo(Math.min(i, LIVE_TRACE_LETTERS)));
  return { m, v, trace, i, n: m.run.letters, labels: m.summary?.labels ?? [] };
}

/** `0 ─a→ 1 ─b→ 0`: the states of a run around step `i`, fitted to `width`, the current one highlighted. */
export function pathLine(run: Run, labels: readonly string[], i: number, width: number): Line {
  const n = run.letters;
  const item = (j: number): string => {
    const q = run.stateAt(j);
    return j === 0 ? `${q}` : ` ─${labels[run.classAt(j - 1)] ?? '?'}→ ${q < 0 ? '∅' : q}`;
  };
  let from = i;
  let to = i;
  let w = textWidth(item(i));
  // Grow around the current state, more to the left (what led here).
  for (;;) {
    const left = from > 0 ? textWidth(item(from - 1)) : Infinity;
    const right = to < n ? textWidth(item(to + 1)) : Infinity;
    const pick = left <= right * 2 ? 'left' : 'right';
    const cost = pick === 'left' ? left : right;
    if (cost === Infinity || w + cost + 4 > width) break;
    if (pick === 'left') from--;
    else to++;
    w += cost;
  }
  const segs: Seg[] = [];
  if (from > 0) segs.push(seg('… ', 'dim'));
  for (let j = from; j <= to; j++) {
    const text = j === from && from > 0 ? item(j).replace(/^ ─.*?→ /, '') : item(j);
    if (j === i) {
      const arrow = /^( ─.*?→ )(.*)$/.exec(text);
      if (arrow !== null) segs.push(seg(arrow[1]!, 'dim'), seg(arrow[2]!, 'highlight'));
      else segs.push(seg(text, 'highlight'));
    } else segs.push(seg(text, j < i ? undefined : 'dim'));
  }
  if (to < n) segs.push(seg(' …', 'dim'));
  return segs;
}

/** The composed prefix `f_b ∘ f_a` (last letter leftmost), elided in the middle. */
function composedText(c: StepContext, width: number): string {
  const { m, i, labels } = c;
  if (i === 0) return 'identity (no letters yet)';
  const name = (j: number): string => `f_${labels[m.run!.classAt(j)] ?? '?'}`;
  const all: string[] = [];
  for (let j = i - 1; j >= 0 && all.length < 64; j--) all.push(name(j));
  let text = all.join(' ∘ ');
  if (i > all.length || textWidth(text) > width) {
    const head: string[] = [];
    for (let j = i - 1; j >= 0 && textWidth([...head, name(j)].join(' ∘ ')) < width / 2; j--) head.push(name(j));
    text = `${head.join(' ∘ ')} ∘ … ∘ ${name(0)}`;
  }
  return `${text}  (${i} word${i === 1 ? '' : 's'})`;
}

/** What the composition of the prefix is, in the embedding's own terms. */
function compositionDetail(c: StepContext, width: number): string[] {
  const { m, v, i } = c;
  const dfa = fullDfa(m.language)!;
  const long = Math.min(dfa.states, 32) * i > 2_000_000 || i > LIVE_TRACE_LETTERS;
  const classes = long ? new Int32Array(0) : m.run!.classesUpTo(i);
  const image = (): string =>
    long
      ? `(${i.toLocaleString('en-US')} letters: too long to compose live)`
      : Array.from({ length: Math.min(dfa.states, 32) }, (_, q) => `${q}→${runClasses(dfa, classes, q)}`).join(' ') +
        (dfa.states > 32 ? ' …' : '');
  switch (v?.embedding) {
    case undefined:
    case 'transform':
      return [`as a transformation: ${image()}`];
    case 'onehot':
      return [`M_w = product of the words' 0/1 matrices: e_q ↦ e_δ*(q,w):`, image()];
    case 'relu1d':
      return [`constant on each region: R_q ↦ δ*(q,w):`, image()];
    case 'sigmoid':
      return [
        'σ-layers do not fold into one matrix; x_i is computed word by word',
        `(gain H = ${num(v.json.constants['gain'] ?? 0)}, the state is read off the largest coordinate)`,
      ];
    case 'flow2d': {
      if (long) return [`the spellings of all ${i.toLocaleString('en-US')} words in order`];
      let flows = 0;
      for (let j = 0; j < i; j++) {
        const word = v.json.words[classes[j]!]!.map;
        if (word.kind === 'flow2d') flows += word.length;
      }
      return [
        `${flows.toLocaleString('en-US')} time-1 primitive flows`,
        `(the spellings of the words in order; each word is invertible)`,
      ].map((s) => fit(s, width));
    }
  }
}

/** The step information lines. */
function stepLines(c: StepContext, width: number): Line[] {
  const { m, v, trace, i, n, labels } = c;
  const dfa = fullDfa(m.language)!;
  const chars = m.ui.text.chars;
  const q = m.run!.stateAt(i);
  const next = i < n ? `next ${showString(chars[i]!)} (class ${labels[m.run!.classAt(i)]})` : 'end of the string';
  const lines: Line[] = [
    [
      seg(`step ${i}/${n}`, 'bold'),
      seg(`  prefix ${fit(showString(chars.slice(0, i).join('')), Math.max(6, width - 40))}`, 'plain'),
      seg(`  ${next}`, 'dim'),
    ],
    [
      seg('state  ', 'dim'),
      seg(q < 0 ? 'none' : `${q}`, 'highlight'),
      seg(q >= 0 && dfa.accepting[q] ? ' accepting' : ' not accepting', q >= 0 && dfa.accepting[q] ? 'good' : 'dim'),
    ],
    [seg('path   ', 'dim'), ...pathLine(m.run!, labels, i, width - 7)],
  ];
  if (v === null) {
    const r = m.vocabulary.value;
    if (r !== undefined && !r.ok) {
      // Wrapped under the label: a limit message names its flag at the end, which a cut would lose.
      wrap(r.error.message, Math.max(8, width - 7)).forEach((part, k) => {
        lines.push([seg(k === 0 ? 'point  ' : '       ', 'dim'), seg(part, 'warn')]);
      });
    } else {
      const building = `${m.spinner || '…'} building the ${m.ui.embedding} vocabulary…`;
      lines.push([seg('point  ', 'dim'), seg(building, 'dim')]);
    }
  } else if (trace === null || trace.points.length <= i) {
    lines.push([
      seg('point  ', 'dim'),
      seg(`beyond the live trace budget (first ${trace?.points.length ?? 0} letters)`, 'warn'),
    ]);
  } else {
    const x = trace.points[i]!;
    const inT = v.vocabulary.inTarget(x);
    const region = v.vocabulary.stateOf(x);
    lines.push([seg(`x_${i}    `.slice(0, 7), 'dim'), seg(fit(pointText(x, 6), width - 7), 'accent')]);
    lines.push([
      seg('       ', 'dim'),
      seg(region === null ? 'in no region' : `in R_${region}`, region === q ? 'plain' : 'bad'),
      seg(inT ? ' · in T' : ' · not in T', inT ? 'good' : 'dim'),
      seg(region === q ? '  ✓ agrees with the DFA' : '  ✗ disagrees with the DFA', region === q ? 'good' : 'bad'),
    ]);
  }
  lines.push([seg('f_w    ', 'dim'), seg(composedText(c, width - 7))]);
  for (const d of compositionDetail(c, width - 7)) lines.push([seg('       '), seg(fit(d, width - 7), 'dim')]);
  return lines;
}

const PLOT_STYLES: readonly Style[] = ['plain', 'plot1', 'plot2', 'plot3', 'plot4'];

/** Canvas rows as styled lines. */
function canvasLinesStyled(canvas: ReturnType<typeof createCanvas>): Line[] {
  return canvasRuns(canvas).map((runs) => runs.map((r) => seg(r.text, PLOT_STYLES[r.layer] ?? 'plain')));
}

/** States to show: a window of consecutive states around `q` that fits `room` columns of `unit` cells. */
function stateWindow(states: number, q: number, room: number): [number, number] {
  const count = Math.max(1, Math.min(states, room));
  const first = Math.max(0, Math.min(states - count, q - Math.floor(count / 2)));
  return [first, first + count - 1];
}

/** flow2d: regions R_q = [q − W, q + W] × [0, 1] outlined, target marked, trajectory in continuous time. */
function flow2dPlot(c: StepContext, width: number, height: number): Line[] {
  const v = c.v!;
  const dfa = v.vocabulary.dfa;
  const radius = v.json.constants['radius'] ?? 0.25;
  const rows = Math.max(3, height - 1);
  const canvas = createCanvas(width, rows);
  const x = c.trace!.points[Math.min(c.i, c.trace!.points.length - 1)]!;
  const current = Math.max(0, Math.min(dfa.states - 1, Math.round(x[0]!)));
  const [q0, q1] = stateWindow(dfa.states, current, Math.max(1, Math.floor(width / 6)));
  const view: Viewport = { xMin: q0 - 0.5, xMax: q1 + 0.5, yMin: -0.12, yMax: 1.12 };
  for (let q = q0; q <= q1; q++) {
    const accepting = dfa.accepting[q] === 1;
    plotRect(canvas, view, q - radius, 0, q + radius, 1, accepting ? 2 : 1);
    if (accepting) plotRect(canvas, view, q - radius - 0.06, -0.06, q + radius + 0.06, 1.06, 2);
    const [col] = toCell(canvas, view, q, 0);
    drawLabel(canvas, col, rows - 1, String(q), accepting ? 2 : 1);
  }
  // The discrete points x_0 … x_i, joined, and the last word's flow in continuous time.
  const points = c.trace!.points.slice(0, c.i + 1);
  const recent = points.slice(Math.max(0, points.length - 40));
  plotPath(
    canvas,
    view,
    recent.map((p) => [p[0]!, p[1]!] as const),
    3,
  );
  const vocab = v.vocabulary;
  if (c.i > 0 && vocab.embedding === 'flow2d' && points.length > c.i) {
    const prev = points[c.i - 1]!;
    const samples = phraseTrajectory(vocab.params.phrases[c.m.run!.classAt(c.i - 1)]!, prev[0]!, prev[1]!, 3);
    plotPath(
      canvas,
      view,
      samples.map((s) => [s.x, s.y] as const),
      3,
    );
  }
  const [cc, cr] = toCell(canvas, view, x[0]!, x[1]!);
  if (cc >= 0 && cc < width && cr >= 0 && cr < rows) drawLabel(canvas, cc, cr, '●', 4);
  else plotPoint(canvas, view, x[0]!, x[1]!, 4);
  const legend: Line = [
    seg('□ R_q  ', 'plot1'),
    seg('▣ target (accepting)  ', 'plot2'),
    seg('⠒ trajectory  ', 'plot3'),
    seg('● x_i', 'plot4'),
  ];
  return [...canvasLinesStyled(canvas), legend];
}

/** relu1d: the number line with the regions, the target, and the points. */
function relu1dPlot(c: StepContext, width: number, height: number): Line[] {
  const v = c.v!;
  const dfa = v.vocabulary.dfa;
  const x = c.trace!.points[Math.min(c.i, c.trace!.points.length - 1)]![0]!;
  // Cells per unit of the line: roomy for a few states, never under 8 (so ¼ is two cells).
  const unit = Math.max(8, Math.min(16, Math.floor((width - 2) / Math.max(1, dfa.states))));
  const current = Math.max(0, Math.min(dfa.states - 1, Math.round(x)));
  const [q0, q1] = stateWindow(dfa.states, current, Math.max(1, Math.floor((width - 2) / unit)));
  const col = (p: number): number => Math.round((p - q0 + 0.5) * unit);
  const cells = width;
  const axis = new Array<string>(cells).fill('─');
  const target = new Array<string>(cells).fill(' ');
  const ticks = new Array<string>(cells).fill(' ');
  const marks = new Array<string>(cells).fill(' ');
  for (let q = q0; q <= q1; q++) {
    const a = col(q - 0.25);
    const b = col(q + 0.25);
    for (let k = a; k <= b && k < cells; k++) if (k >= 0) axis[k] = k === a ? '[' : k === b ? ']' : '━';
    if (dfa.accepting[q] === 1)
      for (let k = col(q - 0.5) + 1; k < col(q + 0.5) && k < cells; k++) if (k >= 0) target[k] = '▁';
    const label = String(q);
    for (let k = 0; k < label.length; k++) if (col(q) + k < cells) ticks[col(q) + k] = label[k]!;
  }
  // Earlier points (faint) and the current one.
  const points = c.trace!.points.slice(Math.max(0, c.i - 30), c.i + 1);
  for (const p of points) {
    const k = col(p[0]!);
    if (k >= 0 && k < cells) marks[k] = '·';
  }
  const k = col(x);
  const off = k < 0 ? '◀ ' : k >= cells ? ' ▶' : '';
  if (k >= 0 && k < cells) marks[k] = '▲';
  return [
    [seg(target.join(''), 'plot2')],
    [seg(axis.join(''), 'plot1')],
    [seg(marks.join(''), 'plot4')],
    [seg(ticks.join(''), 'dim')],
    [seg(`x_${c.i} = ${num(x)}${off}`, 'accent'), seg('   [ ] R_q = [q−¼, q+¼]   ▁ target T   ▲ x_i', 'dim')],
  ].slice(0, Math.max(1, height));
}

/** onehot / sigmoid: one bar per coordinate of x_i. */
function barsPlot(c: StepContext, width: number, height: number): Line[] {
  const v = c.v!;
  const dfa = v.vocabulary.dfa;
  const x: Point = c.trace!.points[Math.min(c.i, c.trace!.points.length - 1)]!;
  const rows = Math.max(1, height - 1);
  const q = c.m.run!.stateAt(c.i);
  const [q0, q1] = stateWindow(dfa.states, Math.max(0, q), rows);
  const labelWidth = String(dfa.states - 1).length + 2;
  const barWidth = Math.max(4, width - labelWidth - 10);
  const lines: Line[] = [];
  for (let p = q0; p <= q1; p++) {
    const value = Math.max(0, Math.min(1, x[p]!));
    const full = Math.round(value * barWidth);
    const accepting = dfa.accepting[p] === 1;
    lines.push([
      seg(`x${p}`.padEnd(labelWidth), p === q ? 'highlight' : 'dim'),
      seg('█'.repeat(full), accepting ? 'plot2' : 'plot3'),
      seg('░'.repeat(barWidth - full), 'plot1'),
      seg(` ${num(x[p]!).slice(0, 6).padStart(6)}`, 'plain'),
      seg(accepting ? ' ★' : '', 'good'),
    ]);
  }
  // The target test as the embedding defines it (its registry record), not recomputed here.
  const score = embeddingSpec(v.embedding).targetScore(v.vocabulary, x);
  if (score !== null) {
    lines.push([
      seg(
        `${score.name} over ★ accepting = ${num(score.value)} ${score.value > 0.5 ? '> ½: in T' : '≤ ½: not in T'}`,
        'dim',
      ),
    ]);
  }
  return lines;
}

/** transform: the run as states along the letters, with counts of visits. */
function transformPlot(c: StepContext, width: number, height: number): Line[] {
  const dfa = c.v!.vocabulary.dfa;
  const visits = new Map<number, number>();
  const first = Math.max(0, c.i - LIVE_TRACE_LETTERS);
  for (let j = first; j <= c.i; j++) {
    const p = c.m.run!.stateAt(j);
    visits.set(p, (visits.get(p) ?? 0) + 1);
  }
  const q = c.m.run!.stateAt(c.i);
  const [q0, q1] = stateWindow(dfa.states, Math.max(0, q), Math.max(1, height - 1));
  const max = Math.max(1, ...visits.values());
  const barWidth = Math.max(4, width - 14);
  const lines: Line[] = [];
  for (let p = q0; p <= q1; p++) {
    const count = visits.get(p) ?? 0;
    const full = Math.round((count / max) * barWidth);
    lines.push([
      seg(`q${p}`.padEnd(6), p === q ? 'highlight' : 'dim'),
      seg('█'.repeat(full), dfa.accepting[p] ? 'plot2' : 'plot3'),
      seg(' '.repeat(barWidth - full)),
      seg(` ${count}`.padStart(5), 'dim'),
      seg(dfa.accepting[p] ? ' ★' : '', 'good'),
    ]);
  }
  lines.push([
    seg(
      `visits to each state${first > 0 ? ` in the last ${LIVE_TRACE_LETTERS.toLocaleString('en-US')} letters` : ' so far'} (★ accepting)`,
      'dim',
    ),
  ]);
  return lines;
}

function plotLines(c: StepContext, width: number, height: number): Line[] {
  if (c.v === null || c.trace === null || c.trace.points.length <= c.i) return [];
  // The registry says which plot shows the embedding; the plane and the line need two and one coordinates.
  switch (embeddingSpec(c.v.embedding).plot) {
    case 'plane':
      return c.v.vocabulary.dimension === 2 ? flow2dPlot(c, width, height) : transformPlot(c, width, height);
    case 'line':
      return c.v.vocabulary.dimension === 1 ? relu1dPlot(c, width, height) : transformPlot(c, width, height);
    case 'bars':
      return barsPlot(c, width, height);
    case 'path':
      return transformPlot(c, width, height);
  }
}

/** The trace pane: step information and, below or beside it, the plot of the embedding. */
export function tracePane(m: ScreenModel, width: number, height: number): Line[] {
  const c = context(m);
  if (c === null) {
    return (
      lazyNote(m, "The trace (each word's map along the string) is", width) ?? [
        [seg(m.language.pending ? 'compiling…' : 'no language yet: type a pattern', 'dim')],
      ]
    );
  }
  const help: Line = [seg('←→ step (in the string or after Esc) · e embedding', 'dim')];
  if (width >= 100) {
    // Side by side: steps on the left, the plot on the right.
    const left = Math.floor(width * 0.45);
    const right = width - left - 1;
    const steps = [...stepLines(c, left), [], help];
    return besides(
      [
        { lines: steps, width: left },
        { lines: plotLines(c, right, height), width: right },
      ],
      height,
    );
  }
  const steps = stepLines(c, width);
  const room = height - steps.length - 1;
  const plot = room >= 4 ? plotLines(c, width, room) : [];
  return [...steps, [seg('─'.repeat(width), 'dim')], ...plot].slice(0, height);
}
