/**
 * Printing map expressions: readable (spaces around `+` and `-`, none around
 * `^`), with the fewest parentheses that make `parseMapExpr` build the same
 * tree again.
 */
import type { MapExpr, MapOperator } from './ast.js';

/** Binding strength of a node as printed: sums 1, products 2, negation 3, powers 4, atoms 5. */
function strength(e: MapExpr): number {
  switch (e.kind) {
    case 'binary':
      return e.op === '+' || e.op === '-' ? 1 : e.op === '^' ? 4 : 2;
    case 'neg':
      return 3;
    default:
      return 5;
  }
}

const SPACED: { readonly [K in MapOperator]: string } = { '+': ' + ', '-': ' - ', '*': '*', '/': '/', '^': '^' };

function wrap(e: MapExpr, needed: boolean): string {
  return needed ? `(${printMapExpr(e)})` : printMapExpr(e);
}

/**
 * The expression as text that `parseMapExpr` reads back to the same tree:
 * `printMapExpr(parseMapExpr('x+(y*2)'))` is `x + y*2`. Numbers keep their
 * original spelling; numbers made by `derivative` print as the shortest
 * decimal that reads back to the same double.
 */
export function printMapExpr(e: MapExpr): string {
  switch (e.kind) {
    case 'num':
      return e.text;
    case 'var':
    case 'const':
      return e.name;
    case 'neg':
      // −(a·b) keeps its parentheses: −a·b would read as (−a)·b.
      return `-${wrap(e.arg, strength(e.arg) < 3 || e.arg.kind === 'neg')}`;
    case 'binary': {
      const s = strength(e);
      if (e.op === '^') {
        // Right-associative: the base needs parentheses for anything but an atom.
        return `${wrap(e.left, strength(e.left) <= 4)}^${wrap(e.right, strength(e.right) < 4)}`;
      }
      // Left-associative: a right operand of the same strength keeps its parentheses.
      return `${wrap(e.left, strength(e.left) < s)}${SPACED[e.op]}${wrap(e.right, strength(e.right) <= s)}`;
    }
    case 'call':
      return `${e.fn}(${e.args.map(printMapExpr).join(', ')})`;
  }
}
