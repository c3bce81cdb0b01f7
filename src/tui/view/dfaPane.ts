/**
 * The DFA pane: the minimal DFA's transition table (from `present/table`)
 * with the current state's row highlighted and marked `▶`, and the column of
 * the next letter's class marked, so stepping through the string reads as a
 * walk through the table. Long tables follow the current state; wide ones
 * keep the next letter's column in view.
 */
import type { Dfa } from '../../automata/dfa.js';
import { dfaTableCells } from '../../present/table.js';
import { fit, pad, showString, textWidth } from '../text.js';
import { fullDfa, type ScreenModel } from './model.js';
import { pathLine } from './tracePane.js';
import { type Line, type Seg, seg } from './seg.js';
import { lazyNote } from './lazyNote.js';

/** Where the string's cursor is: the state reached and the next letter's class. */
export interface StepPoint {
  readonly state: number;
  readonly nextClass: number | null;
}

/** The current step, from the run and the string editor's cursor. */
export function stepPoint(m: ScreenModel): StepPoint | null {
  if (m.run === null) return null;
  const i = Math.min(m.ui.text.cursor, m.run.letters);
  return { state: m.run.stateAt(i), nextClass: i < m.run.letters ? m.run.classAt(i) : null };
}

/** Table cells and column widths per DFA, computed once (a frame is drawn per key press). */
const tables = new WeakMap<Dfa, { cells: string[][]; widths: number[] }>();

function tableOf(dfa: Dfa): { cells: string[][]; widths: number[] } {
  let t = tables.get(dfa);
  if (t === undefined) {
    const cells = dfaTableCells(dfa);
    const widths = cells[0]!.map(() => 0);
    for (const r of cells) r.forEach((c, i) => (widths[i] = Math.max(widths[i]!, textWidth(c))));
    t = { cells, widths };
    tables.set(dfa, t);
  }
  return t;
}

/** The DFA pane, `width × height`. */
export function dfaPane(m: ScreenModel, width: number, height: number): Line[] {
  const dfa = fullDfa(m.language);
  if (dfa === null) {
    return (
      lazyNote(m, 'The DFA table is', width) ?? [
        [seg(m.language.pending ? 'compiling…' : 'no language yet: type a pattern', 'dim')],
      ]
    );
  }
  const step = stepPoint(m);
  const { cells, widths } = tableOf(dfa);
  const header = cells[0]!;
  const body = cells.slice(1);
  const k = header.length - 2;
  // Which class columns fit, keeping the next letter's column in view.
  const fixed = 2 + widths[0]! + 2 + widths[1]!;
  let firstCol = 0;
  const fits = (from: number): number => {
    let w = fixed;
    let n = 0;
    for (let c = from; c < k && w + 2 + widths[c + 2]! <= width - 2; c++, n++) w += 2 + widths[c + 2]!;
    return n;
  };
  if (step?.nextClass != null)
    while (firstCol < step.nextClass && firstCol + fits(firstCol) <= step.nextClass) firstCol++;
  const shown = Math.max(1, fits(firstCol));
  const cols = [0, 1, ...Array.from({ length: Math.min(shown, k - firstCol) }, (_, i) => firstCol + i + 2)];
  const prefix = m.ui.text.chars.slice(0, m.ui.text.cursor).join('');
  const title: Line = [
    seg('current ', 'dim'),
    seg(step === null ? '—' : `▶ ${step.state < 0 ? 'none' : `state ${step.state}`}`, 'accent'),
    seg(
      ` after ${fit(showString(prefix), Math.max(8, Math.floor(width / 3)))} (${m.ui.text.cursor}/${m.ui.text.chars.length})`,
      'dim',
    ),
    ...(step?.nextClass != null ? [seg(' · next class ', 'dim'), seg(header[step.nextClass + 2]!, 'accent')] : []),
  ];
  const hidden = k - (cols.length - 2);
  const legend: Line = [
    seg(
      `→ start  * accepting  † dead${hidden > 0 ? `  · ${hidden} more class${hidden === 1 ? '' : 'es'} off screen` : ''}`,
      'dim',
    ),
  ];
  const row = (r: readonly string[], current: boolean, isHeader: boolean): Line => {
    const out: Seg[] = [seg(current ? '▶ ' : '  ', current ? 'highlight' : undefined)];
    cols.forEach((ci, j) => {
      const isNext = step?.nextClass != null && ci === step.nextClass + 2;
      const text = pad(r[ci]!, widths[ci]!) + (j < cols.length - 1 ? '  ' : '');
      const style = current
        ? isNext
          ? 'mark'
          : 'highlight'
        : isHeader && isNext
          ? 'accent'
          : isHeader
            ? 'bold'
            : undefined;
      out.push(seg(text, style));
    });
    return out;
  };
  const lines: Line[] = [title, row(header, false, true)];
  const rowsRoom = Math.max(1, height - 3);
  // Scroll: the user's offset, moved just enough to keep the current state visible.
  let top = Math.min(m.ui.scroll.dfa, Math.max(0, body.length - rowsRoom));
  if (step !== null && step.state >= 0) {
    if (step.state < top) top = step.state;
    else if (step.state >= top + rowsRoom) top = step.state - rowsRoom + 1;
  }
  for (let q = top; q < Math.min(body.length, top + rowsRoom); q++) lines.push(row(body[q]!, step?.state === q, false));
  const more = body.length - (top + rowsRoom);
  lines.push(
    more > 0 || top > 0
      ? [seg(`${top > 0 ? `↑ ${top} above  ` : ''}${more > 0 ? `↓ ${more} more` : ''}  (↑↓ scroll)`, 'dim')]
      : legend,
  );
  // Room to spare: the run of the string through the table, and where to look next.
  if (m.run !== null && height - lines.length >= 3) {
    lines.push(
      [],
      [
        seg('run  ', 'dim'),
        ...pathLine(m.run, m.summary?.labels ?? header.slice(2), Math.min(m.ui.text.cursor, m.run.letters), width - 5),
      ],
    );
    if (height - lines.length >= 2)
      lines.push([], [seg('3 Trace: the point and the plot · 2 Vocabulary: the maps · e: embedding', 'dim')]);
  }
  return lines;
}

/** How far the DFA pane can scroll. */
export function dfaMaxScroll(m: ScreenModel, height: number): number {
  const dfa = fullDfa(m.language);
  return dfa === null ? 0 : Math.max(0, dfa.states - Math.max(1, height - 3));
}
