/**
 * The whole frame: fixed rows on top, the grid of panes, the footer; or the
 * help overlay in place of the panes. Pure: a model and a size in, exactly
 * `height` lines of `width` cells out.
 */
import type { PaneId } from '../state.js';
import { PANE_TITLES, PANES } from '../state.js';
import { dfaMaxScroll, dfaPane } from './dfaPane.js';
import { helpLines } from './help.js';
import { type Layout, layout } from './layout.js';
import { equivPane, galleryPane, membersPane } from './listPanes.js';
import type { ScreenModel } from './model.js';
import { besides, fitBlock, type Line, seg } from './seg.js';
import { footer, patternRows, stringRow, tabBar } from './top.js';
import { tracePane } from './tracePane.js';
import { approxPane } from './approxPane.js';
import { vocabMaxScroll, vocabPane } from './vocabPane.js';

type PaneRenderer = (m: ScreenModel, width: number, height: number) => Line[];

const RENDERERS: { readonly [P in PaneId]: PaneRenderer } = {
  dfa: dfaPane,
  vocab: vocabPane,
  trace: tracePane,
  equiv: equivPane,
  enum: membersPane,
  gallery: galleryPane,
  approx: approxPane,
};

/** The title rule of a pane in a multi-pane layout. */
function titleLine(m: ScreenModel, pane: PaneId, width: number): Line {
  const active = m.ui.pane === pane;
  const name = `${PANES.indexOf(pane) + 1} ${PANE_TITLES[pane]}${pane === 'vocab' || pane === 'trace' ? ` · ${m.ui.embedding}` : ''}`;
  const label = active ? `▶ ${name} ` : `─ ${name} `;
  return [seg(label, active ? 'activeTitle' : 'bold'), seg('─'.repeat(Math.max(0, width - label.length)), active ? 'accent' : 'dim')];
}

/** One pane fitted to its slot, crash-proof: a failing pane shows its error instead of taking the screen down. */
function paneBlock(m: ScreenModel, pane: PaneId, width: number, height: number, titled: boolean): Line[] {
  const bodyHeight = titled ? height - 1 : height;
  let body: Line[];
  try {
    body = RENDERERS[pane](m, width, bodyHeight);
  } catch (e) {
    body = [[seg(`✗ this pane failed to draw: ${e instanceof Error ? e.message : String(e)}`, 'bad')]];
  }
  const lines = fitBlock(body, width, bodyHeight);
  return titled ? [titleLine(m, pane, width), ...lines] : lines;
}

/** The frame for a model, plus the layout it used. */
export function screen(m: ScreenModel): { lines: Line[]; layout: Layout } {
  const lay = layout(m.width, m.height, m.ui.pane);
  const w = lay.width;
  if (m.ui.help) {
    // The help takes the screen but for the pattern, its status and the verdict, so they stay in view.
    const rows = patternRows(m, w);
    const status = rows.find((l) => l.some((x) => x.text.startsWith('✗'))) ?? rows[1]!;
    const top = [rows[0]!, status, stringRow(m, w)];
    const room = lay.height - top.length - 1;
    return { lines: [...top, ...fitBlock(helpLines(w, room), w, room), footer(m.ui, w)], layout: lay };
  }
  const top: Line[] = [tabBar(m, lay), ...patternRows(m, w), stringRow(m, w)];
  const middle: Line[] = [];
  for (const row of lay.rows) {
    const h = row[0]!.height;
    middle.push(...besides(row.map((s) => ({ lines: paneBlock(m, s.pane, s.width, h, lay.titled), width: s.width })), h, [seg('│', 'dim')]));
  }
  const lines = fitBlock([...top, ...middle, footer(m.ui, w)], w, lay.height);
  return { lines, layout: lay };
}

/** How far a pane can scroll at the current layout (for the reducer's bounds). */
export function maxScroll(m: ScreenModel, pane: PaneId): number {
  const lay = layout(m.width, m.height, m.ui.pane);
  const slot = lay.rows.flat().find((s) => s.pane === pane);
  const h = (slot?.height ?? lay.height - 6) - (lay.titled ? 1 : 0);
  switch (pane) {
    case 'dfa':
      return dfaMaxScroll(m, h);
    case 'vocab':
      return vocabMaxScroll(m, slot?.width ?? lay.width, h);
    default:
      return 0;
  }
}
