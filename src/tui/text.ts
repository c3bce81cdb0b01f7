/**
 * How code points look in the playground. Every code point of a pattern or a
 * string is a letter of its own, so each gets its own visible glyph: combining
 * marks sit on a dotted circle, invisible format characters and controls get
 * a stand-in, wide characters take two cells. Widths follow the terminal's
 * (East Asian Wide/Fullwidth and emoji presentation are two cells).
 */

/** One code point as drawn. `special` marks stand-ins for invisible or combining code points. */
export interface Glyph {
  readonly text: string;
  readonly width: number;
  readonly special: boolean;
}

// Fixed property classes (never built from user text).
const MARK = /^\p{M}$/u;
const INVISIBLE = /^[\p{Cf}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{180B}-\u{180F}\u{115F}\u{1160}\u{3164}\u{FFA0}]$/u;
const EMOJI_WIDE = /^\p{Emoji_Presentation}$/u;
const UNASSIGNED_OR_PRIVATE = /^[\p{Cn}\p{Co}\p{Cs}]$/u;

/** Whether a code point takes two terminal cells. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) || (cp >= 0x2e80 && cp <= 0x303e) || (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) || (cp >= 0x4e00 && cp <= 0x9fff) || (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0xffe0 && cp <= 0xffe6) || (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) || (cp >= 0x20000 && cp <= 0x3fffd) ||
    EMOJI_WIDE.test(String.fromCodePoint(cp))
  );
}

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

/** Cells a code point takes when printed as it is: marks and format characters none, wide ones two. */
export function cellWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  const ch = String.fromCodePoint(cp);
  if (MARK.test(ch) || INVISIBLE.test(ch)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Display width of text as printed (glyph texts included: `◌́` is one cell). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cellWidth(ch.codePointAt(0)!);
  return w;
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
