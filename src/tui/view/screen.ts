/**
 * The whole frame: fixed rows on top, the grid of panes, the footer; or the
 * help overlay in place of the panes. Pure: a model and a size in, exactly
 * `height` lines of `width` cells out.
 */
import type { PaneId } from '../state.js';
import { PANE_TITLES, PANES } from '../state.js';
import { dfaMaxScroll, dfaPane } from './dfaPane.js';
import { helpMaxScroll, helpWindow } from './help.js';
import { type Layout, layout, MIN_FRAME_HEIGHT, MIN_HEIGHT, MIN_WIDTH, spareTopRows } from './layout.js';
import { equivPane, galleryPane, membersPane } from './listPanes.js';
import type { ScreenModel } from './model.js';
import { besides, fitBlock, fitLine, type Line, seg, wrap } from './seg.js';
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
  return [
    seg(label, active ? 'activeTitle' : 'bold'),
    seg('─'.repeat(Math.max(0, width - label.length)), active ? 'accent' : 'dim'),
  ];
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

/** The pattern rows counted in `FIXED_ROWS`. */
const PATTERN_ROWS = 3;

/** Whether a frame of `width × height` (the terminal less one row) is below the minimum. */
export function tooSmall(width: number, height: number): boolean {
  return width < MIN_WIDTH || height < MIN_FRAME_HEIGHT;
}

/**
 * What a terminal below the minimum shows instead of a clipped, garbled
 * frame: the sizes, wrapped to whatever width there is.
 */
export function tooSmallLines(width: number, height: number): Line[] {
  const w = Math.max(1, width);
  const sizes = `needs ${MIN_WIDTH}×${MIN_HEIGHT}, this one is ${width}×${height + 1}`;
  const text = `terminal too small (${sizes}); enlarge it, or press Ctrl-C to quit`;
  return wrap(text, w)
    .slice(0, Math.max(1, height))
    .map((l) => fitLine([seg(l, 'warn')], w));
}

/** The pattern rows as the frame shows them, and how many rows beyond the usual three they take. */
function topOf(m: ScreenModel, width: number): { rows: Line[]; extra: number } {
  const rows = patternRows(m, width, PATTERN_ROWS + spareTopRows(m.height));
  return { rows, extra: rows.length - PATTERN_ROWS };
}

/** The frame for a model, plus the layout it used. */
export function screen(m: ScreenModel): { lines: Line[]; layout: Layout } {
  const w0 = layout(m.width, m.height, m.ui.pane).width;
  const pattern = topOf(m, w0);
  const lay = layout(m.width, m.height, m.ui.pane, pattern.extra);
  const w = lay.width;
  if (m.ui.help) {
    // The help takes the screen but for the pattern, its status and the verdict, so they stay in view.
    const rows = patternRows(m, w);
    const status = rows.find((l) => l.some((x) => x.text.startsWith('✗'))) ?? rows[1]!;
    const top = [rows[0]!, status, stringRow(m, w)];
    const room = helpRoom(lay);
    const help = fitBlock(helpWindow(w, room, m.ui.helpScroll), w, room);
    return { lines: [...top, ...help, footer(m.ui, w)], layout: lay };
  }
  const top: Line[] = [tabBar(m, lay), ...pattern.rows, stringRow(m, w)];
  const middle: Line[] = [];
  for (const row of lay.rows) {
    const h = row[0]!.height;
    middle.push(
      ...besides(
        row.map((s) => ({ lines: paneBlock(m, s.pane, s.width, h, lay.titled), width: s.width })),
        h,
        [seg('│', 'dim')],
      ),
    );
  }
  const lines = fitBlock([...top, ...middle, footer(m.ui, w)], w, lay.height);
  return { lines, layout: lay };
}

/** Lines of the help window: the frame less the three rows kept above it and the footer. */
function helpRoom(lay: Layout): number {
  return lay.height - 3 - 1;
}

/** How far the help overlay can scroll at the current size (for the reducer's bounds). */
export function helpScrollLimit(m: ScreenModel): number {
  const lay = layout(m.width, m.height, m.ui.pane);
  return helpMaxScroll(lay.width, helpRoom(lay));
}

/** How far a pane can scroll at the current layout (for the reducer's bounds). */
export function maxScroll(m: ScreenModel, pane: PaneId): number {
  const lay = layout(m.width, m.height, m.ui.pane, topOf(m, layout(m.width, m.height, m.ui.pane).width).extra);
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
