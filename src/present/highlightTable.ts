/**
 * The DFA's transition table with a string's run marked on it, for the
 * terminal: every cell the run uses is bracketed (`[2]`), or, when colour
 * is allowed, shown bold, underlined and coloured instead; a last column
 * lists the steps at which the run is in each state, and a line below
 * spells out the run. Colour is the caller's decision (terminal and
 * `NO_COLOR`), so the plain form carries all the information.
 */
import { type Dfa, complete } from '../automata/dfa.js';
import { type DfaRun, formatRun } from './run.js';
import { dfaTableCells, width } from './table.js';

/** How the highlighted table is drawn. */
export interface HighlightTableOptions {
  /** Mark the run with ANSI colour instead of brackets. */
  readonly colour?: boolean;
}

const ON = '\u001b[1;4;33m';
const OFF = '\u001b[0m';

/** The table (one line per row) with the run marked, then a blank line and the run spelled out. */
export function highlightedTable(dfa0: Dfa, run: DfaRun, options: HighlightTableOptions = {}): string {
  const dfa = complete(dfa0);
  const rows = dfaTableCells(dfa);
  const used = new Set<string>();
  const stepsIn = new Map<number, number[]>();
  run.states.forEach((q, i) => stepsIn.set(q, [...(stepsIn.get(q) ?? []), i]));
  run.classes.forEach((c, i) => used.add(`${run.states[i]}:${c}`));
  const marked: boolean[][] = rows.map(() => []);
  const cells = rows.map((row, r) => {
    if (r === 0) return [...row, 'run at step'];
    const q = Number(row[1]);
    const out = row.map((cell, j) => {
      const hit = j >= 2 && used.has(`${q}:${j - 2}`);
      marked[r]![j] = hit;
      return hit && options.colour !== true ? `[${cell}]` : cell;
    });
    const steps = stepsIn.get(q) ?? [];
    out.push(steps.length <= 8 ? steps.join(',') : `${steps.slice(0, 7).join(',')},… (${steps.length}×)`);
    return out;
  });
  const widths: number[] = [];
  for (const row of cells) row.forEach((cell, j) => (widths[j] = Math.max(widths[j] ?? 0, width(cell))));
  const lines = cells.map((row, r) =>
    row
      .map((cell, j) => {
        const padded = cell + ' '.repeat(widths[j]! - width(cell));
        return options.colour === true && marked[r]![j] === true ? ON + cell + OFF + padded.slice(cell.length) : padded;
      })
      .join('  ')
      .trimEnd(),
  );
  return `${lines.join('\n')}\n\n${JSON.stringify(run.input)}: ${formatRun(dfa, run)}`;
}
