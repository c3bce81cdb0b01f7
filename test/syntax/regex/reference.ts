/**
 * Test helpers: a reference matcher that reads the AST's meaning straight off
 * its definition in ast.ts (sets of end positions, no automata), and a
 * span-free rendering of ASTs for comparisons.
 */
import { has } from '../../../src/alphabet/charset.js';
import type { Regex } from '../../../src/syntax/regex/ast.js';

type Ends = (node: Regex, i: number) => ReadonlySet<number>;

/** Positions reachable from `from` by exactly one more copy of `item`. */
function step(ends: Ends, item: Regex, from: ReadonlySet<number>): Set<number> {
  const out = new Set<number>();
  for (const p of from) for (const q of ends(item, p)) out.add(q);
  return out;
}

/** End positions of `min..max` copies of `item` starting at `i`. */
function repeatEnds(ends: Ends, node: Extract<Regex, { kind: 'repeat' }>, i: number): Set<number> {
  let current = new Set([i]);
  for (let k = 0; k < node.min; k++) current = step(ends, node.item, current);
  const result = new Set(current);
  if (node.max === null) {
    let frontier = [...current];
    while (frontier.length > 0) {
      const next = [...step(ends, node.item, new Set(frontier))].filter((q) => !result.has(q));
      next.forEach((q) => result.add(q));
      frontier = next;
    }
    return result;
  }
  for (let k = node.min; k < node.max && current.size > 0; k++) {
    current = step(ends, node.item, current);
    current.forEach((q) => result.add(q));
  }
  return result;
}

/** Whether the expression's language contains `s` (a string of code points). */
export function matches(regex: Regex, s: string): boolean {
  const cps = [...s].map((ch) => ch.codePointAt(0)!);
  const memo = new Map<Regex, Map<number, ReadonlySet<number>>>();
  const ends: Ends = (node, i) => {
    let byStart = memo.get(node);
    if (byStart === undefined) memo.set(node, (byStart = new Map()));
    let out = byStart.get(i);
    if (out === undefined) {
      out = compute(node, i);
      byStart.set(i, out);
    }
    return out;
  };
  const compute = (node: Regex, i: number): ReadonlySet<number> => {
    switch (node.kind) {
      case 'empty':
        return new Set([i]);
      case 'chars':
        return i < cps.length && has(node.set, cps[i]!) ? new Set([i + 1]) : new Set();
      case 'concat':
        return node.items.reduce<ReadonlySet<number>>((from, item) => step(ends, item, from), new Set([i]));
      case 'alt':
        return new Set(node.items.flatMap((item) => [...ends(item, i)]));
      case 'and': {
        const [first, ...rest] = node.items.map((item) => ends(item, i));
        return new Set([...(first ?? [])].filter((q) => rest.every((r) => r.has(q))));
      }
      case 'not': {
        const inner = ends(node.item, i);
        const out = new Set<number>();
        for (let j = i; j <= cps.length; j++) if (!inner.has(j)) out.add(j);
        return out;
      }
      case 'repeat':
        return repeatEnds(ends, node, i);
    }
  };
  return ends(regex, 0).has(cps.length);
}

function showCodePoint(cp: number): string {
  return cp > 0x20 && cp < 0x7f && !'<>-,'.includes(String.fromCharCode(cp))
    ? String.fromCharCode(cp)
    : `U+${cp.toString(16).toUpperCase()}`;
}

/** A span-free S-expression: `(cat <a> (rep <b> 0 inf))`. */
export function sx(node: Regex): string {
  switch (node.kind) {
    case 'empty':
      return 'ε';
    case 'chars':
      return `<${node.set.ranges.map(([lo, hi]) => (lo === hi ? showCodePoint(lo) : `${showCodePoint(lo)}-${showCodePoint(hi)}`)).join(',')}>`;
    case 'concat':
      return `(cat ${node.items.map(sx).join(' ')})`;
    case 'alt':
      return `(or ${node.items.map(sx).join(' ')})`;
    case 'and':
      return `(and ${node.items.map(sx).join(' ')})`;
    case 'not':
      return `(not ${sx(node.item)})`;
    case 'repeat':
      return `(rep${node.lazy ? '?' : ''} ${sx(node.item)} ${node.min} ${node.max ?? 'inf'})`;
  }
}

/**
 * `sx` after flattening nested `|`, `&` and concatenation, the only structure
 * the printer does not keep (a group like `(ab)c` parses nested, prints flat).
 */
export function flatSx(node: Regex): string {
  return sx(flatten(node));
}

function flatten(node: Regex): Regex {
  switch (node.kind) {
    case 'concat':
    case 'alt':
    case 'and': {
      const items = node.items.map(flatten).flatMap((item) => (item.kind === node.kind ? item.items : [item]));
      return { ...node, items };
    }
    case 'not':
    case 'repeat':
      return { ...node, item: flatten(node.item) };
    default:
      return node;
  }
}
