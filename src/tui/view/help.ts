/**
 * The help overlay: every key, by where it works, and what the panes show.
 * Descriptions wrap under their key at any width; the overlay scrolls
 * (`screen.ts` shows the window at `ui.helpScroll`).
 */
import { PANE_TITLES, PANES } from '../state.js';
import { EMBEDDING_NAMES } from '../../vocabulary/embeddings.js';
import { textWidth } from '../text.js';
import { type Line, seg, wrap } from './seg.js';

const LAST_PANE = PANES.length;

const KEYS: readonly (readonly [string, string])[] = [
  ['', 'In an editor (pattern, string, 2nd pattern)'],
  ['type', 'edit; pastes and any Unicode text are fine'],
  ['← → Home End', 'move, also ^A ^E (in the string this is step mode)'],
  ['Bksp Del', 'delete a letter; ^W or Alt-Bksp a word'],
  ['^U ^K', 'delete to the start / end of the line'],
  ['Tab Shift-Tab', 'next / previous: pattern → string → 2nd pattern → keys'],
  ['Enter', 'next field'],
  ['Esc', 'leave the editor: letters become the keys below'],
  ['', 'Keys (after Esc)'],
  ['q', 'quit'],
  [`1-${LAST_PANE}  [ ]`, `panes: ${PANES.map((p) => PANE_TITLES[p]).join(' ')}`],
  ['e E', `embedding: ${EMBEDDING_NAMES.join(' ')}`],
  [
    'x',
    'syntax of the patterns: wordflow (& intersects, ~ complements, classes nest) or ' +
      'ecma (exactly a JavaScript RegExp with flags su: & ~ [ are characters)',
  ],
  ['← → h l', 'step through the string letter by letter; Home End: ends'],
  ['↑ ↓ j k', 'scroll the pane, or move its selection; PgUp PgDn by pages'],
  ['Enter', 'gallery: load · members: test the member · equivalence: edit B'],
  ['p s =', 'edit the pattern / the string / the 2nd pattern; g: gallery'],
  ['Enter  f', 'approx: edit FX FY ε (Tab/↓ next, Esc done) · f: map or field'],
  ['', 'Anywhere'],
  ['F1', 'this help (↑ ↓ PgUp PgDn scroll it; ? Esc Enter close it)'],
  ['^T', 'switch the syntax, as x does'],
  ['↑ ↓ PgUp PgDn', 'scroll the pane'],
  [`Alt-1…${LAST_PANE}`, 'show a pane'],
  ['^C', 'quit'],
];

const ABOUT =
  'A string is a sentence of words; each word (class) is a map, and the string is ' +
  'accepted when the composed map carries the start point into the target region.';

/** Every line of the help at `width` (the caller scrolls and fits them). */
export function helpLines(width: number): Line[] {
  const keyWidth = Math.min(16, Math.max(...KEYS.map(([k]) => textWidth(k))) + 2);
  const lines: Line[] = [[seg(' wordflow playground — keys ', 'activeTitle'), seg('  (? Esc or Enter closes)', 'dim')]];
  // Narrow screens put the description under its key rather than in a sliver beside it.
  const beside = width - keyWidth - 2 >= 30;
  for (const [k, what] of KEYS) {
    if (k === '') {
      lines.push([seg(what, 'bold')]);
      continue;
    }
    if (beside) {
      wrap(what, width - keyWidth - 2).forEach((part, i) => {
        lines.push([seg('  ' + (i === 0 ? k : '').padEnd(keyWidth), 'key'), seg(part)]);
      });
    } else {
      lines.push([seg('  ' + k, 'key')]);
      for (const part of wrap(what, width - 4)) lines.push([seg('    ' + part)]);
    }
  }
  lines.push([]);
  for (const a of wrap(ABOUT, width)) lines.push([seg(a, 'dim')]);
  return lines;
}

/**
 * The help's window of `height` lines starting at `scroll` (clamped), with a
 * last line saying how to see more when it does not all fit.
 */
export function helpWindow(width: number, height: number, scroll: number): Line[] {
  const all = helpLines(width);
  if (all.length <= height) return all;
  const top = Math.max(0, Math.min(scroll, helpMaxScroll(width, height)));
  const shown = all.slice(top, top + height - 1);
  const below = all.length - top - shown.length;
  const where = below > 0 ? `↓ ${below} more line${below === 1 ? '' : 's'} (↑ ↓ PgUp PgDn)` : '↑ top: ↑ or PgUp';
  return [...shown, [seg(where, 'dim')]];
}

/** How far the help scrolls in a window of `height` lines (one is the "more" line). */
export function helpMaxScroll(width: number, height: number): number {
  const n = helpLines(width).length;
  return n <= height ? 0 : n - (height - 1);
}
