/**
 * The predefined character sets of the expression syntax: the shorthands
 * `\d \w \s` (and their complements) exactly as JavaScript defines them with
 * the `u` flag, and the Unicode properties of `\p{…}` / `\P{…}`.
 *
 * Property sets are not stored as data: each is computed once, on first use,
 * by asking V8 about every code point with a STATIC regex literal from the
 * table below, and then cached. No `RegExp` is ever built from user text — a
 * property name only selects a row of the table.
 */
import { type CharSet, ALL, MAX_CODE_POINT, complement, fromRanges, range } from '../../alphabet/charset.js';
import { BINARY_PROPERTY_ROWS, type PropertyRow, SCRIPT_EXTENSION_ROWS, SCRIPT_ROWS } from './properties.js';

/** `\d`: the ASCII digits (JavaScript does not widen `\d` under `u`). */
export const DIGIT: CharSet = range(0x30, 0x39);

/** `\w`: `[0-9A-Za-z_]` (without the `i` flag, `u` does not widen `\w`). */
export const WORD: CharSet = fromRanges([
  [0x30, 0x39],
  [0x41, 0x5a],
  [0x5f, 0x5f],
  [0x61, 0x7a],
]);

/**
 * `\s`: ECMAScript WhiteSpace (TAB, VT, FF, ZWNBSP and every Zs) plus
 * LineTerminator (LF, CR, LS, PS). Zs has not changed since Unicode 4.1.
 */
export const SPACE: CharSet = fromRanges([
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
]);

/** The set of a shorthand letter (`d`, `D`, `w`, `W`, `s`, `S`), or undefined. */
export function shorthandSet(letter: string): CharSet | undefined {
  switch (letter) {
    case 'd':
      return DIGIT;
    case 'D':
      return complement(DIGIT);
    case 'w':
      return WORD;
    case 'W':
      return complement(WORD);
    case 's':
      return SPACE;
    case 'S':
      return complement(SPACE);
    default:
      return undefined;
  }
}

/** General_Category values, short name first, then JavaScript's aliases. */
const GENERAL_CATEGORIES: readonly PropertyRow[] = [
  { re: /\p{gc=L}/u, names: ['L', 'Letter'] },
  { re: /\p{gc=LC}/u, names: ['LC', 'Cased_Letter'] },
  { re: /\p{gc=Lu}/u, names: ['Lu', 'Uppercase_Letter'] },
  { re: /\p{gc=Ll}/u, names: ['Ll', 'Lowercase_Letter'] },
  { re: /\p{gc=Lt}/u, names: ['Lt', 'Titlecase_Letter'] },
  { re: /\p{gc=Lm}/u, names: ['Lm', 'Modifier_Letter'] },
  { re: /\p{gc=Lo}/u, names: ['Lo', 'Other_Letter'] },
  { re: /\p{gc=M}/u, names: ['M', 'Mark', 'Combining_Mark'] },
  { re: /\p{gc=Mn}/u, names: ['Mn', 'Nonspacing_Mark'] },
  { re: /\p{gc=Mc}/u, names: ['Mc', 'Spacing_Mark'] },
  { re: /\p{gc=Me}/u, names: ['Me', 'Enclosing_Mark'] },
  { re: /\p{gc=N}/u, names: ['N', 'Number'] },
  { re: /\p{gc=Nd}/u, names: ['Nd', 'Decimal_Number', 'digit'] },
  { re: /\p{gc=Nl}/u, names: ['Nl', 'Letter_Number'] },
  { re: /\p{gc=No}/u, names: ['No', 'Other_Number'] },
  { re: /\p{gc=P}/u, names: ['P', 'Punctuation', 'punct'] },
  { re: /\p{gc=Pc}/u, names: ['Pc', 'Connector_Punctuation'] },
  { re: /\p{gc=Pd}/u, names: ['Pd', 'Dash_Punctuation'] },
  { re: /\p{gc=Ps}/u, names: ['Ps', 'Open_Punctuation'] },
  { re: /\p{gc=Pe}/u, names: ['Pe', 'Close_Punctuation'] },
  { re: /\p{gc=Pi}/u, names: ['Pi', 'Initial_Punctuation'] },
  { re: /\p{gc=Pf}/u, names: ['Pf', 'Final_Punctuation'] },
  { re: /\p{gc=Po}/u, names: ['Po', 'Other_Punctuation'] },
  { re: /\p{gc=S}/u, names: ['S', 'Symbol'] },
  { re: /\p{gc=Sm}/u, names: ['Sm', 'Math_Symbol'] },
  { re: /\p{gc=Sc}/u, names: ['Sc', 'Currency_Symbol'] },
  { re: /\p{gc=Sk}/u, names: ['Sk', 'Modifier_Symbol'] },
  { re: /\p{gc=So}/u, names: ['So', 'Other_Symbol'] },
  { re: /\p{gc=Z}/u, names: ['Z', 'Separator'] },
  { re: /\p{gc=Zs}/u, names: ['Zs', 'Space_Separator'] },
  { re: /\p{gc=Zl}/u, names: ['Zl', 'Line_Separator'] },
  { re: /\p{gc=Zp}/u, names: ['Zp', 'Paragraph_Separator'] },
  { re: /\p{gc=C}/u, names: ['C', 'Other'] },
  { re: /\p{gc=Cc}/u, names: ['Cc', 'Control', 'cntrl'] },
  { re: /\p{gc=Cf}/u, names: ['Cf', 'Format'] },
  { re: /\p{gc=Cs}/u, names: ['Cs', 'Surrogate'] },
  { re: /\p{gc=Co}/u, names: ['Co', 'Private_Use'] },
  { re: /\p{gc=Cn}/u, names: ['Cn', 'Unassigned'] },
];

/** Binary properties usable as `\p{Name}`. */
const BINARY_PROPERTIES: readonly PropertyRow[] = [
  { re: /\p{Alphabetic}/u, names: ['Alphabetic', 'Alpha'] },
  { re: /\p{White_Space}/u, names: ['White_Space', 'space'] },
  { re: /\p{Any}/u, names: ['Any'] },
  { re: /\p{ASCII}/u, names: ['ASCII'] },
  { re: /\p{Assigned}/u, names: ['Assigned'] },
  { re: /\p{ASCII_Hex_Digit}/u, names: ['ASCII_Hex_Digit', 'AHex'] },
  { re: /\p{Hex_Digit}/u, names: ['Hex_Digit', 'Hex'] },
  { re: /\p{Uppercase}/u, names: ['Uppercase', 'Upper'] },
  { re: /\p{Lowercase}/u, names: ['Lowercase', 'Lower'] },
  { re: /\p{Math}/u, names: ['Math'] },
  { re: /\p{Dash}/u, names: ['Dash'] },
  { re: /\p{Ideographic}/u, names: ['Ideographic', 'Ideo'] },
  { re: /\p{ID_Start}/u, names: ['ID_Start', 'IDS'] },
  { re: /\p{ID_Continue}/u, names: ['ID_Continue', 'IDC'] },
  { re: /\p{Emoji}/u, names: ['Emoji'] },
  { re: /\p{Emoji_Presentation}/u, names: ['Emoji_Presentation', 'EPres'] },
  { re: /\p{Extended_Pictographic}/u, names: ['Extended_Pictographic', 'ExtPict'] },
  { re: /\p{Noncharacter_Code_Point}/u, names: ['Noncharacter_Code_Point', 'NChar'] },
];

/** Scripts usable as `\p{Script=…}` / `\p{sc=…}`, long name first, then the ISO 15924 code. */
const SCRIPTS: readonly PropertyRow[] = [
  { re: /\p{sc=Latin}/u, names: ['Latin', 'Latn'] },
  { re: /\p{sc=Greek}/u, names: ['Greek', 'Grek'] },
  { re: /\p{sc=Cyrillic}/u, names: ['Cyrillic', 'Cyrl'] },
  { re: /\p{sc=Armenian}/u, names: ['Armenian', 'Armn'] },
  { re: /\p{sc=Hebrew}/u, names: ['Hebrew', 'Hebr'] },
  { re: /\p{sc=Arabic}/u, names: ['Arabic', 'Arab'] },
  { re: /\p{sc=Devanagari}/u, names: ['Devanagari', 'Deva'] },
  { re: /\p{sc=Bengali}/u, names: ['Bengali', 'Beng'] },
  { re: /\p{sc=Tamil}/u, names: ['Tamil', 'Taml'] },
  { re: /\p{sc=Thai}/u, names: ['Thai'] },
  { re: /\p{sc=Georgian}/u, names: ['Georgian', 'Geor'] },
  { re: /\p{sc=Hangul}/u, names: ['Hangul', 'Hang'] },
  { re: /\p{sc=Hiragana}/u, names: ['Hiragana', 'Hira'] },
  { re: /\p{sc=Katakana}/u, names: ['Katakana', 'Kana'] },
  { re: /\p{sc=Han}/u, names: ['Han', 'Hani'] },
  { re: /\p{sc=Ethiopic}/u, names: ['Ethiopic', 'Ethi'] },
  { re: /\p{sc=Common}/u, names: ['Common', 'Zyyy'] },
  { re: /\p{sc=Inherited}/u, names: ['Inherited', 'Zinh', 'Qaai'] },
];

/** Name → row, for each of the three namespaces. */
function index(rows: readonly PropertyRow[]): ReadonlyMap<string, PropertyRow> {
  return new Map(rows.flatMap((row) => row.names.map((name) => [name, row] as const)));
}

const CATEGORY_INDEX = index(GENERAL_CATEGORIES);
// The common names first (their aliases share one scan), then every other name JavaScript knows.
const BINARY_INDEX = new Map([...index(BINARY_PROPERTY_ROWS), ...index(BINARY_PROPERTIES)]);
const SCRIPT_INDEX = new Map([...index(SCRIPT_ROWS), ...index(SCRIPTS)]);
const SCRIPT_EXTENSION_INDEX = index(SCRIPT_EXTENSION_ROWS);

/** How the printer spells a row: `Lu`, `Alphabetic`, `sc=Greek`, `scx=Greek`. */
function spelling(row: PropertyRow): string {
  if (SCRIPTS.includes(row) || SCRIPT_ROWS.includes(row)) return `sc=${row.names[0]}`;
  return SCRIPT_EXTENSION_ROWS.includes(row) ? `scx=${row.names[0]}` : row.names[0]!;
}

/** Sets already computed, keyed by the row (not the alias) so aliases share one scan. */
const cache = new Map<PropertyRow, CharSet>();

/** Every code point the static regex matches, as ranges (one pass over all code points). */
function scan(re: RegExp): CharSet {
  const ranges: [number, number][] = [];
  let start = -1;
  for (let cp = 0; cp <= MAX_CODE_POINT; cp++) {
    const hit = re.test(String.fromCodePoint(cp));
    if (hit && start < 0) start = cp;
    if (!hit && start >= 0) {
      ranges.push([start, cp - 1]);
      start = -1;
    }
  }
  if (start >= 0) ranges.push([start, MAX_CODE_POINT]);
  return fromRanges(ranges);
}

function rowSet(row: PropertyRow): CharSet {
  let set = cache.get(row);
  if (set === undefined) {
    set = scan(row.re);
    cache.set(row, set);
  }
  return set;
}

/**
 * The canonical name of the property a `\p{body}` names (`Lu` for
 * `Uppercase_Letter` or `gc=Lu`, `sc=Greek` for `Script=Greek`), or
 * undefined for `Any`, `ASCII` (printed as `.` and a range) and unknown
 * names. Depends on the name only, never on what was computed before.
 */
export function propertyName(body: string): string | undefined {
  const row = findRow(body);
  return row === undefined ? undefined : spelling(row);
}

/** The row a `\p{…}` body names: `Lu`, `Letter`, `gc=Lu`, `Script=Greek`, `Alphabetic`… */
function findRow(body: string): PropertyRow | undefined {
  const eq = body.indexOf('=');
  if (eq < 0) return CATEGORY_INDEX.get(body) ?? BINARY_INDEX.get(body);
  const key = body.slice(0, eq);
  const value = body.slice(eq + 1);
  if (key === 'General_Category' || key === 'gc') return CATEGORY_INDEX.get(value);
  if (key === 'Script' || key === 'sc') return SCRIPT_INDEX.get(value);
  if (key === 'Script_Extensions' || key === 'scx') return SCRIPT_EXTENSION_INDEX.get(value);
  return undefined;
}

/**
 * The set named by the body of `\p{body}` (the text between the braces), or
 * `undefined` when wordflow does not know the property. Names are
 * case-sensitive, as in JavaScript. The first use of a property scans every
 * code point once (tens of milliseconds); later uses hit the cache.
 */
export function propertySet(body: string): CharSet | undefined {
  if (body === 'Any') return ALL;
  if (body === 'ASCII') return range(0, 0x7f);
  const row = findRow(body);
  return row === undefined ? undefined : rowSet(row);
}

/** Names a user can write in `\p{…}`, for error messages and the documentation. */
export const PROPERTY_NAMES: {
  readonly generalCategories: readonly string[];
  readonly binary: readonly string[];
  readonly scripts: readonly string[];
} = {
  generalCategories: GENERAL_CATEGORIES.flatMap((r) => r.names),
  binary: BINARY_PROPERTIES.flatMap((r) => r.names),
  scripts: SCRIPTS.flatMap((r) => r.names),
};
