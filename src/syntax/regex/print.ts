/**
 * The `Regex` AST back as pattern text in wordflow's syntax, with as few
 * parentheses as precedence allows and code points escaped only where they
 * would be misread or invisible. `parseRegex(printRegex(ast))` has the same
 * language and the same structure as `ast`, up to spans and the flattening of
 * nested `|`, `&` and concatenation.
 */
import {
  type CharSet,
  MAX_CODE_POINT,
  complement,
  equals,
  formatCodePoint,
} from '../../alphabet/charset.js';
import type { Regex } from './ast.js';
import { SPACE, WORD, propertySpelling } from './classes.js';

/** Precedence levels, loosest first; a node below the level its place needs gets parentheses. */
const ALT = 0;
const AND = 1;
const CONCAT = 2;
const NOT = 3;
const REPEAT = 4;
const ATOM = 5;

/**
 * One code point as pattern text (see `formatCodePoint`: it escapes whatever
 * could be misread, such as `\0` before a digit or two surrogate escapes in a row).
 */
export const printCodePoint: (cp: number, inClass?: boolean) => string = formatCodePoint;

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

/**
 * A set as one atom: `a`, `.`, `[]`, `\w`, `\p{Lu}` (for a property parsed
 * earlier), else `[0-9]` or `[^a-z]`, whichever is shorter.
 */
export function printSet(set: CharSet): string {
  const [first] = set.ranges;
  if (first === undefined) return '[]';
  if (set.ranges.length === 1 && first[0] === 0 && first[1] === MAX_CODE_POINT) return '.';
  if (set.ranges.length === 1 && first[0] === first[1]) return printCodePoint(first[0]);
  const shorthand = SHORTHANDS.find(([s]) => equals(s, set));
  if (shorthand !== undefined) return shorthand[1];
  const property = propertySpelling(set);
  if (property !== undefined) return property;
  const direct = `[${classBody(set)}]`;
  const negated = `[^${classBody(complement(set))}]`;
  return negated.length < direct.length ? negated : direct;
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
    case 'not': return NOT;
    case 'repeat': return REPEAT;
    default: return ATOM;
  }
}

function quantifierText(min: number, max: number | null, lazy: boolean): string {
  const core =
    max === null ? (min === 0 ? '*' : min === 1 ? '+' : `{${min},}`)
    : min === 0 && max === 1 ? '?'
    : min === max ? `{${min}}`
    : `{${min},${max}}`;
  return lazy ? core + '?' : core;
}

/** An n-ary node with 0 or 1 items: what it means on its own. */
function degenerate(kind: 'alt' | 'and' | 'concat', items: readonly Regex[]): string {
  const only = items[0];
  if (only !== undefined) return bare(only);
  return kind === 'alt' ? '[]' : kind === 'and' ? '~[]' : '()';
}

function bare(node: Regex): string {
  switch (node.kind) {
    case 'empty': return '()';
    case 'chars': return printSet(node.set);
    case 'alt':
    case 'and':
    case 'concat': {
      if (node.items.length < 2) return degenerate(node.kind, node.items);
      const [inner, sep] = node.kind === 'alt' ? [AND, '|'] : node.kind === 'and' ? [CONCAT, '&'] : [NOT, ''];
      return node.items.map((item) => at(item, inner)).join(sep);
    }
    case 'not': return '~' + at(node.item, NOT);
    case 'repeat': return at(node.item, ATOM) + quantifierText(node.min, node.max, node.lazy);
  }
}

/** The node printed where at least `level` binds, parenthesized if it binds looser. */
function at(node: Regex, level: number): string {
  const text = bare(node);
  return levelOf(node) < level ? `(${text})` : text;
}

/**
 * The expression as pattern text in wordflow's syntax: `(a|b)*abb`,
 * `[0-9]+`, `a?`, `(ab){2,5}`, `~(a*)b`… `empty` prints as `()`, an empty set
 * as `[]`. Recursion depth follows the AST's depth, which the parser bounds
 * with `--max-depth`.
 */
export function printRegex(ast: Regex): string {
  return at(ast, ALT);
}
