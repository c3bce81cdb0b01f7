/**
 * How code points look in the playground. Every code point of a pattern or a
 * string is a letter of its own, so each gets its own visible glyph: combining
 * marks sit on a dotted circle, invisible format characters and controls get
 * a stand-in, wide characters take two cells. Widths follow the terminal's
 * (East Asian Wide/Fullwidth and emoji presentation are two cells).
 */
import { cellWidth, isWide, textWidth } from '../present/width.js';

export { cellWidth, isWide, textWidth };

/** One code point as drawn. `special` marks stand-ins for invisible or combining code points. */
export interface Glyph {
  readonly text: string;
  readonly width: number;
  readonly special: boolean;
}

// Fixed property classes (never built from user text).
const MARK = /^\p{M}$/u;
const INVISIBLE =
  /^[\p{Cf}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{180B}-\u{180F}\u{115F}\u{1160}\u{3164}\u{FFA0}]$/u;
const UNASSIGNED_OR_PRIVATE = /^[\p{Cn}\p{Co}\p{Cs}]$/u;

/** The glyph of one code point. */
export function glyph(cp: number): Glyph {
  if (cp < 0x20) return { text: String.fromCodePoint(0x2400 + cp), width: 1, special: true };
  if (cp === 0x7f) return { text: '\u2421', width: 1, special: true };
  if (cp >= 0x80 && cp < 0xa0) return { text: '\u00b7', width: 1, special: true };
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch)) return { text: '\u25cc' + ch, width: 1, special: true };
  if (INVISIBLE.test(ch)) return { text: '\u2022', width: 1, special: true };
  if (UNASSIGNED_OR_PRIVATE.test(ch)) return { text: '\ufffd', width: 1, special: true };
  return { text: ch, width: isWide(cp) ? 2 : 1, special: false };
}

/**
 * A string as it can be shown on one line of a pane: ε for the empty string,
 * escapes for controls and invisible code points, combining marks on a circle.
 */
export function showString(s: string): string {
  if (s === '') return 'ε';
  let out = '';
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    if (cp === 0x0a) out += '\\n';
    else if (cp === 0x09) out += '\\t';
    else if (cp === 0x0d) out += '\\r';
    else {
      const g = glyph(cp);
      out += g.special && !MARK.test(ch) ? `\\u{${cp.toString(16)}}` : g.text;
    }
  }
  return out;
}

/**
 * Cuts text to at most `width` cells, ending in `…` when cut. Works by
 * glyph widths, so wide characters are never split.
 */
export function fit(s: string, width: number): string {
  if (width <= 0) return '';
  if (textWidth(s) <= width) return s;
  let out = '';
  let w = 0;
  for (const ch of s) {
    const cw = cellWidth(ch.codePointAt(0)!);
    if (w + cw > width - 1) break;
    out += ch;
    w += cw;
  }
  return out + '…';
}

/** Pads (or cuts) text to exactly `width` cells. */
export function pad(s: string, width: number): string {
  const t = fit(s, width);
  return t + ' '.repeat(Math.max(0, width - textWidth(t)));
}
