/**
 * Display width of text in a terminal: East Asian Wide/Fullwidth and emoji
 * presentation take two cells, combining marks, format characters and
 * controls none. Shared by the command line (trace tables) and the
 * playground, so both measure alike.
 */

// Fixed property classes (never built from user text), made on first use: V8
// reads a `\p{…}` class from ICU's tables when the regex is created, millions
// of instructions each, which every start of a command importing this would pay.
let classes: { mark: RegExp; invisible: RegExp; emojiWide: RegExp } | undefined;
function propertyClasses(): { mark: RegExp; invisible: RegExp; emojiWide: RegExp } {
  return (classes ??= {
    mark: /^\p{M}$/u,
    invisible:
      /^[\p{Cf}\p{Zl}\p{Zp}\u{FE00}-\u{FE0F}\u{E0100}-\u{E01EF}\u{180B}-\u{180F}\u{115F}\u{1160}\u{3164}\u{FFA0}]$/u,
    emojiWide: /^\p{Emoji_Presentation}$/u,
  });
}

/** Whether a code point takes two terminal cells. */
export function isWide(cp: number): boolean {
  return (
    (cp >= 0x1100 && cp <= 0x115f) ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x1f900 && cp <= 0x1f9ff) ||
    (cp >= 0x20000 && cp <= 0x3fffd) ||
    propertyClasses().emojiWide.test(String.fromCodePoint(cp))
  );
}

/** Cells a code point takes when printed as it is: marks and format characters none, wide ones two. */
export function cellWidth(cp: number): number {
  if (cp < 0x20 || (cp >= 0x7f && cp < 0xa0)) return 0;
  const ch = String.fromCodePoint(cp);
  const { mark, invisible } = propertyClasses();
  if (mark.test(ch) || invisible.test(ch)) return 0;
  return isWide(cp) ? 2 : 1;
}

/** Display width of text as printed (glyph texts included: `◌́` is one cell). */
export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s) w += cellWidth(ch.codePointAt(0)!);
  return w;
}
