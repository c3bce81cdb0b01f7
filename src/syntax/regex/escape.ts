/**
 * Decoding of one backslash escape, as lexed whole by the `Escape` token.
 * The rules follow JavaScript with the `u` flag; the `wordflow` syntax adds
 * `\&` and `\~` (its own operators) and `\-` outside classes, which the
 * `ecma` syntax rejects as JavaScript does.
 */
import { type CharSet, MAX_CODE_POINT, complement } from '../../alphabet/charset.js';
import type { Span } from '../../errors.js';
import { propertyName, propertySet, shorthandSet } from './classes.js';
import { syntaxError } from './messages.js';
import type { Syntax } from './syntax.js';

/** What an escape stands for: one code point, or a set (`\d`, `\p{L}`, …). */
export type Decoded =
  | { readonly kind: 'char'; readonly cp: number }
  | { readonly kind: 'set'; readonly set: CharSet; readonly property?: string };

/** Characters a backslash turns into themselves: JavaScript's syntax characters and `/`. */
const SYNTAX_ESCAPES = new Set([...'^$\\.*+?()[]{}|/']);
/** What the `wordflow` syntax adds: its operators, and `-` anywhere. */
const WORDFLOW_ESCAPES = new Set([...'&~-']);

const CONTROL: Readonly<Record<string, number>> = { n: 0x0a, r: 0x0d, t: 0x09, f: 0x0c, v: 0x0b };

/** Where an escape sits and in which context, for decoding and for its errors. */
interface Site {
  readonly image: string;
  readonly span: Span;
  readonly text: string;
  readonly inClass: boolean;
  readonly syntax: Syntax;
}

/** Whether `\letter` stands for the letter itself. */
function selfEscape(site: Site, letter: string): boolean {
  if (site.image.length !== 2) return false;
  if (SYNTAX_ESCAPES.has(letter)) return true;
  if (letter === '-' && site.inClass) return true;
  return site.syntax === 'wordflow' && WORDFLOW_ESCAPES.has(letter);
}

function fail(site: Site, message: string): never {
  throw syntaxError(message, site.span, site.text);
}

function char(cp: number): Decoded {
  return { kind: 'char', cp };
}

/** `\1`, `\01`, `\0`: only a bare `\0` is a code point. */
function decodeDigits(site: Site): Decoded {
  const digits = site.image.slice(1);
  if (digits === '0') return char(0);
  if (digits.startsWith('0')) {
    fail(site, `octal escapes like ${site.image} are not supported; write the code point as \\xHH or \\u{…}`);
  }
  if (site.inClass) fail(site, `${site.image} is not allowed in a class; write a code point as \\xHH or \\u{…}`);
  return fail(site, `backreferences are not regular: ${site.image} refers back to what a group matched`);
}

/** `\xHH`. */
function decodeHex2(site: Site): Decoded {
  if (site.image.length !== 4) fail(site, `\\x must be followed by exactly two hex digits, as in \\x41`);
  return char(parseInt(site.image.slice(2), 16));
}

/** `\uHHHH`, `\uLEAD\uTRAIL` and `\u{H…}`. */
function decodeUnicode(site: Site): Decoded {
  const { image } = site;
  // Braces first: `\u{00000061}` is also 12 characters long.
  if (image[2] === '{') return decodeBraced(site);
  if (image.length === 12) {
    const hi = parseInt(image.slice(2, 6), 16);
    const lo = parseInt(image.slice(8, 12), 16);
    return char(0x10000 + ((hi - 0xd800) << 10) + (lo - 0xdc00));
  }
  if (image.length !== 6)
    fail(site, `\\u must be followed by exactly four hex digits or by {hex}, as in \\u00e9 or \\u{1F600}`);
  return char(parseInt(image.slice(2), 16));
}

function decodeBraced(site: Site): Decoded {
  const { image } = site;
  if (!image.endsWith('}') || image.length === 4) {
    fail(site, `\\u{…} needs hex digits and a closing '}', as in \\u{1F600}`);
  }
  const digits = image.slice(3, -1).replace(/^0+(?=.)/, '');
  const cp = digits.length > 6 ? Infinity : parseInt(digits, 16);
  if (cp > MAX_CODE_POINT) fail(site, `${image} is beyond the last code point U+10FFFF`);
  return char(cp);
}

/** `\cX`: the control character X mod 32. */
function decodeControl(site: Site): Decoded {
  const letter = site.image[2];
  if (letter === undefined) fail(site, '\\c must be followed by a letter A–Z or a–z, as in \\cJ');
  return char(letter.charCodeAt(0) % 32);
}

/** `\p{…}` and `\P{…}`. */
function decodeProperty(site: Site): Decoded {
  const { image } = site;
  if (image[2] !== '{' || !image.endsWith('}')) {
    fail(site, `\\${image[1]} must be followed by a property in braces, as in \\p{L} or \\p{Script=Greek}`);
  }
  const body = image.slice(3, -1);
  const set = propertySet(body);
  if (set === undefined) {
    fail(
      site,
      `unknown Unicode property '${body}' in ${image}; known are General_Category values (L, Lu, Nd, …), binary properties (Alphabetic, White_Space, …), Script=… and Script_Extensions=…, as in JavaScript`,
    );
  }
  const name = propertyName(body);
  const set1 = image[1] === 'P' ? complement(set) : set;
  return name === undefined
    ? { kind: 'set', set: set1 }
    : { kind: 'set', set: set1, property: `\\${image[1]}{${name}}` };
}

/** The escapes that JavaScript rejects or that describe positions rather than characters. */
function decodeOther(site: Site, letter: string): Decoded {
  if (letter === 'b') {
    if (site.inClass) return char(0x08);
    fail(site, 'word boundaries (\\b) are not supported: they test a position, not a character');
  }
  if (letter === 'B') {
    fail(
      site,
      site.inClass
        ? '\\B is not allowed in a class'
        : 'non-word boundaries (\\B) are not supported: they test a position, not a character',
    );
  }
  if (letter === 'k' && !site.inClass) {
    fail(site, `backreferences are not regular: ${site.image} refers back to what a group matched`);
  }
  if (WORDFLOW_ESCAPES.has(letter)) {
    const message = `${site.image} is not an escape in the ecma syntax (JavaScript's u flag rejects it)`;
    fail(site, `${message}; write ${letter} alone`);
  }
  return fail(site, `unknown escape ${site.image}`);
}

/**
 * The meaning of one escape token. `inClass` selects the class reading of
 * `\b` (backspace); `syntax` which identity escapes exist. Throws a
 * positioned `syntax` error for every escape that is malformed, unknown, or
 * not regular.
 */
export function decodeEscape(
  image: string,
  start: number,
  text: string,
  inClass: boolean,
  syntax: Syntax = 'wordflow',
): Decoded {
  const site: Site = { image, span: { start, end: start + image.length }, text, inClass, syntax };
  const letter = image.slice(1, 2);
  if (letter === '') fail(site, "the pattern ends with a lone '\\'; write \\\\ for a literal backslash");
  const control = CONTROL[letter];
  if (control !== undefined) return char(control);
  if (letter >= '0' && letter <= '9') return decodeDigits(site);
  if (letter === 'x') return decodeHex2(site);
  if (letter === 'u') return decodeUnicode(site);
  if (letter === 'c') return decodeControl(site);
  if (letter === 'p' || letter === 'P') return decodeProperty(site);
  const shorthand = shorthandSet(letter);
  if (shorthand !== undefined) return { kind: 'set', set: shorthand };
  if (selfEscape(site, letter)) return char(letter.charCodeAt(0));
  return decodeOther(site, letter);
}
