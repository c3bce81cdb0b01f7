/**
 * The predefined character sets of the expression syntax: the shorthands
 * `\d \w \s` (and their complements) exactly as JavaScript defines them with
 * the `u` flag, and the Unicode properties of `\p{…}` / `\P{…}`.
 *
 * Property sets are not stored as data: each is computed once, on first use,
 * by asking V8 about every code point with a STATIC regex literal from the
 * table in `properties.ts`, and then cached. No `RegExp` is ever built from
 * user text — a property name only selects a row of the table. The table is
 * loaded on the first property a pattern names (`propertyTable.ts`).
 */
import { type CharSet, ALL, MAX_CODE_POINT, complement, fromRanges, range } from '../../alphabet/charset.js';
import type { PropertyRow } from './properties.js';
import { propertyTable } from './propertyTable.js';

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

/** Name → row, for each of the three namespaces. */
function index(rows: readonly PropertyRow[]): ReadonlyMap<string, PropertyRow> {
  return new Map(rows.flatMap((row) => row.names.map((name) => [name, row] as const)));
}

/** The table's rows by name, and how the printer spells each row. */
interface Indices {
  readonly category: ReadonlyMap<string, PropertyRow>;
  readonly binary: ReadonlyMap<string, PropertyRow>;
  readonly script: ReadonlyMap<string, PropertyRow>;
  readonly scriptExtension: ReadonlyMap<string, PropertyRow>;
  readonly spelling: ReadonlyMap<PropertyRow, string>;
}

let indices: Indices | undefined;

/** Built on the first property a pattern names: a pattern without `\p` never loads the table. */
function indicesOf(): Indices {
  if (indices !== undefined) return indices;
  const t = propertyTable();
  const spelling = new Map<PropertyRow, string>();
  for (const row of [...t.GENERAL_CATEGORY_ROWS, ...t.COMMON_BINARY_ROWS, ...t.BINARY_PROPERTY_ROWS])
    spelling.set(row, row.names[0]!);
  for (const row of [...t.COMMON_SCRIPT_ROWS, ...t.SCRIPT_ROWS]) spelling.set(row, `sc=${row.names[0]}`);
  for (const row of t.SCRIPT_EXTENSION_ROWS) spelling.set(row, `scx=${row.names[0]}`);
  indices = {
    category: index(t.GENERAL_CATEGORY_ROWS),
    // The common names last, so that they win: their aliases share one row, hence one scan.
    binary: new Map([...index(t.BINARY_PROPERTY_ROWS), ...index(t.COMMON_BINARY_ROWS)]),
    script: new Map([...index(t.SCRIPT_ROWS), ...index(t.COMMON_SCRIPT_ROWS)]),
    scriptExtension: index(t.SCRIPT_EXTENSION_ROWS),
    spelling,
  };
  return indices;
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
  return row === undefined ? undefined : indicesOf().spelling.get(row);
}

/** The row a `\p{…}` body names: `Lu`, `Letter`, `gc=Lu`, `Script=Greek`, `Alphabetic`… */
function findRow(body: string): PropertyRow | undefined {
  const { category, binary, script, scriptExtension } = indicesOf();
  const eq = body.indexOf('=');
  if (eq < 0) return category.get(body) ?? binary.get(body);
  const key = body.slice(0, eq);
  const value = body.slice(eq + 1);
  if (key === 'General_Category' || key === 'gc') return category.get(value);
  if (key === 'Script' || key === 'sc') return script.get(value);
  if (key === 'Script_Extensions' || key === 'scx') return scriptExtension.get(value);
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

/** Names a user can write in `\p{…}` (the common ones), for error messages and the documentation. */
export function propertyNames(): {
  readonly generalCategories: readonly string[];
  readonly binary: readonly string[];
  readonly scripts: readonly string[];
} {
  const t = propertyTable();
  return {
    generalCategories: t.GENERAL_CATEGORY_ROWS.flatMap((r) => r.names),
    binary: t.COMMON_BINARY_ROWS.flatMap((r) => r.names),
    scripts: t.COMMON_SCRIPT_ROWS.flatMap((r) => r.names),
  };
}
