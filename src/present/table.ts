/**
 * The DFA as a text transition table, for the CLI and the playground:
 * a header of class labels, one row per state, `→` marking the start, `*`
 * accepting states and `†` the dead state (`-` for a missing transition).
 */
import { classLabels } from '../syntax/regex/print.js';
import { type Dfa, deadState } from '../automata/dfa.js';

/** How `dfaTable` draws the table. */
export interface TableOptions {
  /** Hide the dead state's row and its entries (shown as `·`). */
  readonly hideDead?: boolean;
}

/** The cells of the table, header first. */
export function dfaTableCells(dfa: Dfa, options: TableOptions = {}): string[][] {
  const k = dfa.alphabet.classes.length;
  const dead = deadState(dfa);
  const hide = options.hideDead === true && dead !== null;
  const name = (q: number): string => (q < 0 ? '-' : hide && q === dead ? '·' : String(q));
  const rows: string[][] = [['', 'state', ...classLabels(dfa.alphabet)]];
  for (let q = 0; q < dfa.states; q++) {
    if (hide && q === dead) continue;
    const mark = (q === dfa.start ? '→' : ' ') + (dfa.accepting[q] ? '*' : q === dead ? '†' : ' ');
    const cells = [mark, String(q)];
    for (let c = 0; c < k; c++) cells.push(name(dfa.delta[q * k + c]!));
    rows.push(cells);
  }
  return rows;
}

/** Display width of a string in terminal columns (code points; wide CJK count 2). */
export function width(s: string): number {
  let w = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    w +=
      (cp >= 0x1100 && cp <= 0x115f) ||
      (cp >= 0x2e80 && cp <= 0xa4cf) ||
      (cp >= 0xac00 && cp <= 0xd7a3) ||
      (cp >= 0xf900 && cp <= 0xfaff) ||
      (cp >= 0xfe30 && cp <= 0xfe4f) ||
      (cp >= 0xff00 && cp <= 0xff60) ||
      (cp >= 0xffe0 && cp <= 0xffe6) ||
      (cp >= 0x1f300 && cp <= 0x1faff) ||
      (cp >= 0x20000 && cp <= 0x3fffd)
        ? 2
        : 1;
  }
  return w;
}

/** Cells aligned into lines. */
export function alignCells(rows: readonly (readonly string[])[]): string[] {
  const widths: number[] = [];
  for (const row of rows) row.forEach((cell, i) => (widths[i] = Math.max(widths[i] ?? 0, width(cell))));
  return rows.map((row) =>
    row
      .map((cell, i) => cell + ' '.repeat(widths[i]! - width(cell)))
      .join('  ')
      .trimEnd(),
  );
}

/** The whole table as text. */
export function dfaTable(dfa: Dfa, options: TableOptions = {}): string {
  return alignCells(dfaTableCells(dfa, options)).join('\n');
}
