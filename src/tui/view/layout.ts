/**
 * Where the panes go at a given terminal size. The top (tab bar, pattern,
 * string) and the footer are fixed; the rest is a grid of pane slots — one
 * slot at 80×24, up to 3 × 2 at 160×48 — showing the page of panes that
 * holds the active one.
 */
import { PANES, type PaneId } from '../state.js';

/** Rows taken by the tab bar (1), pattern editor (3), string editor (1) and footer (1). */
export const FIXED_ROWS = 6;

/** Smallest terminal width the playground draws in; below, it says the terminal is too small. */
export const MIN_WIDTH = 40;
/** Smallest terminal height the playground draws in (the frame is one row shorter, see `Playground`). */
export const MIN_HEIGHT = 12;
/** Smallest frame the layout is computed for: the smallest terminal less the row Ink needs free. */
export const MIN_FRAME_HEIGHT = MIN_HEIGHT - 1;
/** Rows of panes kept however long the pattern's error is. */
const MIN_PANE_ROWS = 3;

/** One pane's place in the grid. */
export interface Slot {
  readonly pane: PaneId;
  readonly width: number;
  /** Lines including the pane's title line (when titled). */
  readonly height: number;
}

/** The grid of panes for one terminal size. */
export interface Layout {
  readonly width: number;
  readonly height: number;
  /** Rows of slots, top to bottom. */
  readonly rows: readonly (readonly Slot[])[];
  /** Whether panes carry a title line (only when more than one is shown). */
  readonly titled: boolean;
  /** Panes on screen. */
  readonly visible: readonly PaneId[];
}

/** How many rows beyond `FIXED_ROWS` the top may take at this height (for a long error), keeping some panes. */
export function spareTopRows(height: number): number {
  return Math.max(0, Math.max(MIN_FRAME_HEIGHT, Math.floor(height)) - FIXED_ROWS - MIN_PANE_ROWS);
}

/**
 * The slots of the grid for a frame of `width × height`, with `active` on
 * screen; `extraTop` rows (at most `spareTopRows`) go to the top, for a long
 * error. Which panes are visible does not depend on `extraTop`.
 */
export function layout(width: number, height: number, active: PaneId, extraTop = 0): Layout {
  const w = Math.max(MIN_WIDTH, Math.floor(width));
  const h = Math.max(MIN_FRAME_HEIGHT, Math.floor(height));
  const area = h - FIXED_ROWS;
  const extra = Math.max(0, Math.min(extraTop, spareTopRows(h)));
  const cols = w >= 150 ? 3 : w >= 100 ? 2 : 1;
  const gridRows = area >= 34 ? 2 : 1;
  const n = Math.min(PANES.length, cols * gridRows);
  // Pages of n panes; a short last page is shifted back so every slot is used.
  const index = PANES.indexOf(active);
  let first = Math.floor(index / n) * n;
  if (first + n > PANES.length) first = PANES.length - n;
  const visible = PANES.slice(first, first + n);
  const perRow = Math.ceil(n / gridRows);
  const rows: Slot[][] = [];
  // The top row gets the spare line, and the DFA/vocabulary/trace row deserves it.
  const paneArea = area - extra;
  const heights = gridRows === 1 ? [paneArea] : [Math.ceil(paneArea / 2), Math.floor(paneArea / 2)];
  for (let r = 0; r < gridRows; r++) {
    const panes = visible.slice(r * perRow, (r + 1) * perRow);
    if (panes.length === 0) continue;
    const gaps = panes.length - 1;
    const base = Math.floor((w - gaps) / panes.length);
    let spare = w - gaps - base * panes.length;
    rows.push(
      panes.map((pane) => {
        const extra = spare > 0 ? 1 : 0;
        spare -= extra;
        return { pane, width: base + extra, height: heights[r]! };
      }),
    );
  }
  return { width: w, height: h, rows, titled: n > 1, visible };
}
