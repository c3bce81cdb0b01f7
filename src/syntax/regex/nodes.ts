/** Small constructors for `Regex` nodes, shared by the parser's builders. */
import type { CharSet } from '../../alphabet/charset.js';
import type { Span } from '../../errors.js';
import type { Regex } from './ast.js';

/** A `chars` node. */
export function chars(set: CharSet, span: Span, property?: string): Regex {
  return property === undefined ? { kind: 'chars', set, span } : { kind: 'chars', set, span, property };
}

/** The span from the first item's start to the last item's end. */
function cover(items: readonly Regex[]): Span {
  return { start: items[0]!.span.start, end: items[items.length - 1]!.span.end };
}

/** An n-ary node of `kind`: no items is ε spanning `at`, one item is the item itself. */
export function nary(kind: 'concat' | 'and' | 'alt', items: readonly Regex[], at: Span): Regex {
  if (items.length === 0) return { kind: 'empty', span: at };
  if (items.length === 1) return items[0]!;
  return { kind, items, span: cover(items) };
}

/** `node` re-spanned (a group's body takes the span of its parentheses). */
export function respan(node: Regex, span: Span): Regex {
  return { ...node, span };
}
