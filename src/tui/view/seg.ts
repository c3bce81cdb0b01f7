/**
 * The screen as data: lines of styled segments. Panes are pure functions
 * from what they show to exactly `width × height` of these, so layout is
 * arithmetic and every pane can be tested as text. Styles are names; the
 * theme decides whether a name is a colour or (under NO_COLOR) only bold,
 * inverse or dim.
 */
import { fit, textWidth } from '../text.js';

/** Named styles; `theme.ts` maps them to colours or, under NO_COLOR, to attributes. */
export type Style =
  | 'plain'
  | 'dim'
  | 'bold'
  | 'good'
  | 'bad'
  | 'warn'
  | 'accent'
  | 'special'
  | 'cursor'
  | 'highlight'
  | 'mark'
  | 'title'
  | 'activeTitle'
  | 'key'
  /** Plot layers, from background (regions) to foreground (the current point). */
  | 'plot1'
  | 'plot2'
  | 'plot3'
  | 'plot4';

/** A run of text in one style. */
export interface Seg {
  readonly text: string;
  readonly style?: Style;
}

/** One screen line. */
export type Line = readonly Seg[];

/** A segment (shorthand). */
export const seg = (text: string, style?: Style): Seg => (style === undefined ? { text } : { text, style });

/** A line of one plain (or styled) segment. */
export const text = (s: string, style?: Style): Line => [seg(s, style)];

/** Display width of a line in cells. */
export function lineWidth(line: Line): number {
  let w = 0;
  for (const s of line) w += textWidth(s.text);
  return w;
}

/** The line cut (with `…`) or padded with spaces to exactly `width` cells. */
export function fitLine(line: Line, width: number): Line {
  const out: Seg[] = [];
  let used = 0;
  const total = lineWidth(line);
  for (const s of line) {
    const w = textWidth(s.text);
    if (used + w <= width && (total <= width || used + w <= width - 1)) {
      out.push(s);
      used += w;
      continue;
    }
    const room = width - used;
    if (room > 0) {
      const cut = fit(s.text + '\u0000', room); // force the ellipsis when this segment is cut
      out.push({ ...s, text: cut });
      used += textWidth(cut);
    }
    break;
  }
  if (used < width) out.push(seg(' '.repeat(width - used)));
  return out;
}

/** Exactly `height` lines of exactly `width` cells (extra lines dropped, missing ones blank). */
export function fitBlock(lines: readonly Line[], width: number, height: number): Line[] {
  const out: Line[] = [];
  for (let i = 0; i < height; i++) out.push(fitLine(lines[i] ?? [], width));
  return out;
}

/** Blocks side by side, each fitted to its width, joined by `gap`. */
export function besides(
  blocks: readonly { lines: readonly Line[]; width: number }[],
  height: number,
  gap: Line = [seg(' ')],
): Line[] {
  const fitted = blocks.map((b) => fitBlock(b.lines, b.width, height));
  const out: Line[] = [];
  for (let i = 0; i < height; i++) {
    const row: Seg[] = [];
    fitted.forEach((b, j) => {
      if (j > 0) row.push(...gap);
      row.push(...b[i]!);
    });
    out.push(row);
  }
  return out;
}

/** The plain text of lines (what a test or a screen capture sees). */
export function plain(lines: readonly Line[]): string {
  return lines
    .map((l) =>
      l
        .map((s) => s.text)
        .join('')
        .trimEnd(),
    )
    .join('\n');
}

/** Word-wraps plain text to `width`, breaking long words. */
export function wrap(s: string, width: number): string[] {
  const w = Math.max(1, width);
  const out: string[] = [];
  for (const para of s.split('\n')) {
    let line = '';
    for (const word of para.split(' ')) {
      let rest = word;
      while (textWidth(rest) > w) {
        if (line !== '') {
          out.push(line);
          line = '';
        }
        let piece = '';
        let pw = 0;
        for (const ch of rest) {
          const cw = textWidth(ch);
          if (pw + cw > w && piece !== '') break;
          piece += ch;
          pw += cw;
        }
        out.push(piece);
        rest = rest.slice(piece.length);
      }
      if (line === '') line = rest;
      else if (textWidth(line) + 1 + textWidth(rest) <= w) line += ' ' + rest;
      else {
        out.push(line);
        line = rest;
      }
    }
    out.push(line);
  }
  return out;
}
