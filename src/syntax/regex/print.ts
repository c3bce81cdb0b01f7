/**
 * The `Regex` AST back as pattern text in wordflow's syntax, with as few
 * parentheses as precedence allows and code points escaped only where they
 * would be misread or invisible. `parseRegex(printRegex(ast))` has the same
 * language and the same structure as `ast`, up to spans and the flattening of
 * nested `|`, `&` and concatenation. Also home of every other piece of
 * regex text the tools print: code points, sets, and the class labels of an
 * alphabet (`a`, `[0-9]`, `[^a-z]`, `other`).
 */
import { type Alphabet } from '../../alphabet/alphabet.js';
import { type CharSet, MAX_CODE_POINT, complement, equals } from '../../alphabet/charset.js';
import type { Regex } from './ast.js';
import { SPACE, WORD } from './classes.js';

/** Precedence levels, loosest first; a node below the level its place needs gets parentheses. */
const ALT = 0;
const AND = 1;
const CONCAT = 2;
const NOT = 3;
const REPEAT = 4;
const ATOM = 5;

const NAMED: Record<number, string> = {
  0x09: '\\t',
  0x0a: '\\n',
  0x0b: '\\v',
  0x0c: '\\f',
  0x0d: '\\r',
};

/** Metacharacters that need a backslash outside a class. */
const META = new Set([...'\\.|&~*+?()[]{}^$']);
/** Characters that need a backslash inside a class. */
const CLASS_META = new Set([...'\\]-^[']);
/**
 * Non-ASCII code points that would be invisible or would combine with a
 * neighbour. Made on first use: V8 reads a `\p{…}` class from ICU's tables
 * when the regex is created, millions of instructions at every start.
 */
let invisible: RegExp | undefined;

function hexEscape(cp: number): string {
  if (cp < 0x80) return '\\x' + cp.toString(16).padStart(2, '0');
  return cp <= 0xffff ? '\\u' + cp.toString(16).padStart(4, '0') : `\\u{${cp.toString(16)}}`;
}

/**
 * One code point written so that the expression parser reads it back as
 * that code point, whatever follows it: U+0000 is `\x00` (not `\0`, which a
 * digit would turn into an octal escape), lone surrogates are `\u{d83d}`
 * (two `\uXXXX` in a row would fuse into one code point), and invisible or
 * combining characters are hex escapes.
 */
export function printCodePoint(cp: number, inClass = false): string {
  const named = NAMED[cp];
  if (named !== undefined) return named;
  if (cp >= 0xd800 && cp <= 0xdfff) return `\\u{${cp.toString(16)}}`;
  const ch = String.fromCodePoint(cp);
  if ((inClass ? CLASS_META : META).has(ch)) return '\\' + ch;
  if (cp < 0x20 || cp === 0x7f) return hexEscape(cp);
  if (cp >= 0x80 && (invisible ??= /[\p{Z}\p{C}\p{M}]/u).test(ch)) return hexEscape(cp);
  return ch;
}

/** The inside of a class listing exactly `set`. */
function classBody(set: CharSet): string {
  return set.ranges
    .map(([lo, hi]) => {
      if (lo === hi) return printCodePoint(lo, true);
      const sep = hi === lo + 1 ? '' : '-';
      return printCodePoint(lo, true) + sep + printCodePoint(hi, true);
    })
    .join('');
}

/** Sets with a shorthand that reads better than their class. */
const SHORTHANDS: readonly (readonly [CharSet, string])[] = [
  [WORD, '\\w'],
  [complement(WORD), '\\W'],
  [SPACE, '\\s'],
  [complement(SPACE), '\\S'],
];

/** A set and the property escape it was written as (see `propertiesOf`). */
export interface PropertyText {
  readonly set: CharSet;
  readonly text: string;
}

/** `a`, `.`, `[]`, or the shorter of `[0-9]` and `[^a-z]`. */
function plainSet(set: CharSet): string {
  const [first] = set.ranges;
  if (first === undefined) return '[]';
  if (set.ranges.length === 1 && first[0] === 0 && first[1] === MAX_CODE_POINT) return '.';
  if (set.ranges.length === 1 && first[0] === first[1]) return printCodePoint(first[0]);
  const direct = `[${classBody(set)}]`;
  const negated = `[^${classBody(complement(set))}]`;
  return negated.length < direct.length ? negated : direct;
}

/**
 * A set as one atom: `a`, `.`, `[]`, `\w`, a property escape among
 * `properties` (or its complement: `\P{…}` for `\p{…}`), else `[0-9]` or
 * `[^a-z]`, whichever is shorter.
 */
export function printSet(set: CharSet, properties: readonly PropertyText[] = []): string {
  const [first] = set.ranges;
  if (
    first === undefined ||
    (set.ranges.length === 1 && (first[0] === first[1] || (first[0] === 0 && first[1] === MAX_CODE_POINT)))
  ) {
    return plainSet(set);
  }
  const shorthand = SHORTHANDS.find(([s]) => equals(s, set));
  if (shorthand !== undefined) return shorthand[1];
  for (const p of properties) {
    if (equals(p.set, set)) return p.text;
    if (equals(complement(p.set), set))
      return p.text.startsWith('\\p') ? '\\P' + p.text.slice(2) : '\\p' + p.text.slice(2);
  }
  return plainSet(set);
}

/** A readable label for a set of code points in the expression syntax: `a`, `[0-9]`, `[^a-z]`, `.`, `[]`. */
export function printClassLabel(set: CharSet): string {
  return plainSet(set);
}

/** A readable name for a class of an alphabet: `a`, `[0-9]`, `[^a-z]`, or `other`. */
export function classLabel(alphabet: Alphabet, id: number): string {
  if (id === alphabet.other && alphabet.classes.length > 1) return 'other';
  return plainSet(alphabet.classes[id]!);
}

/** The labels of all classes, in class order. */
export function classLabels(alphabet: Alphabet): string[] {
  return alphabet.classes.map((_, id) => classLabel(alphabet, id));
}

/** The property escapes written in an expression, with their sets, for printing other expressions of its language. */
export function propertiesOf(ast: Regex): PropertyText[] {
  const out: PropertyText[] = [];
  const walk = (node: Regex): void => {
    switch (node.kind) {
      case 'chars':
        if (node.property !== undefined && !out.some((p) => p.text === node.property))
          out.push({ set: node.set, text: node.property });
        return;
      case 'alt':
      case 'and':
      case 'concat':
        node.items.forEach(walk);
        return;
      case 'not':
      case 'repeat':
        walk(node.item);
        return;
      case 'empty':
        return;
    }
  };
  walk(ast);
  return out;
}

/** The level of the node's own printed form. */
function levelOf(node: Regex): number {
  switch (node.kind) {
    case 'alt':
    case 'and':
    case 'concat': {
      const [first] = node.items;
      if (node.items.length > 1) return node.kind === 'alt' ? ALT : node.kind === 'and' ? AND : CONCAT;
      if (first !== undefined) return levelOf(first);
      return node.kind === 'and' ? NOT : ATOM;
    }
    case 'not':
      return NOT;
    case 'repeat':
      return REPEAT;
    default:
      return ATOM;
  }
}

function quantifierText(min: number, max: number | null, lazy: boolean): string {
  const core =
    max === null
      ? min === 0
        ? '*'
        : min === 1
          ? '+'
          : `{${min},}`
      : min === 0 && max === 1
        ? '?'
        : min === max
          ? `{${min}}`
          : `{${min},${max}}`;
  return lazy ? core + '?' : core;
}

/** An n-ary node with 0 or 1 items: what it means on its own. */
function degenerate(
  kind: 'alt' | 'and' | 'concat',
  items: readonly Regex[],
  properties: readonly PropertyText[],
): string {
  const only = items[0];
  if (only !== undefined) return bare(only, properties);
  return kind === 'alt' ? '[]' : kind === 'and' ? '~[]' : '()';
}

function bare(node: Regex, properties: readonly PropertyText[]): string {
  switch (node.kind) {
    case 'empty':
      return '()';
    case 'chars':
      return node.property ?? printSet(node.set, properties);
    case 'alt':
    case 'and':
    case 'concat': {
      if (node.items.length < 2) return degenerate(node.kind, node.items, properties);
      const [inner, sep] = node.kind === 'alt' ? [AND, '|'] : node.kind === 'and' ? [CONCAT, '&'] : [NOT, ''];
      return node.items.map((item) => at(item, inner, properties)).join(sep);
    }
    case 'not':
      return '~' + at(node.item, NOT, properties);
    case 'repeat':
      return at(node.item, ATOM, properties) + quantifierText(node.min, node.max, node.lazy);
  }
}

/** The node printed where at least `level` binds, parenthesized if it binds looser. */
function at(node: Regex, level: number, properties: readonly PropertyText[]): string {
  const text = bare(node, properties);
  return levelOf(node) < level ? `(${text})` : text;
}

/**
 * The expression as pattern text in wordflow's syntax: `(a|b)*abb`,
 * `[0-9]+`, `a?`, `(ab){2,5}`, `~(a*)b`… `empty` prints as `()`, an empty set
 * as `[]`. Recursion depth follows the AST's depth, which the parser bounds
 * with `--max-depth`. A set equal to one of `properties` (or its complement)
 * prints as that property escape; a `chars` node written as a property keeps
 * its spelling.
 */
export function printRegex(ast: Regex, properties: readonly PropertyText[] = []): string {
  return at(ast, ALT, properties);
}
