/**
 * The abstract syntax of wordflow's regular expressions. Every node keeps the
 * span of source text it came from, so later stages can point at it.
 *
 * The language of a node (`L(·)`) over strings of code points:
 * - `empty`: {ε}, written `()`.
 * - `chars`: the one-letter strings whose letter is in `set`; `[]` is the empty language.
 * - `concat`: L(items[0])·L(items[1])·…; no items means {ε}.
 * - `alt`: the union; `and`: the intersection; `not`: all strings minus L(item).
 * - `repeat`: L(item)^k for min ≤ k ≤ max (max `null` = unbounded).
 */
import type { CharSet } from '../../alphabet/charset.js';
import type { Span } from '../../errors.js';

/** A node of an expression's syntax tree (see the module comment for each kind's language). */
export type Regex =
  | { readonly kind: 'empty'; readonly span: Span }
  | {
      readonly kind: 'chars';
      readonly set: CharSet;
      readonly span: Span;
      /** The property escape this set was written as, canonically spelled (`\p{Lu}`, `\P{sc=Greek}`), if it was one. */
      readonly property?: string;
    }
  | { readonly kind: 'concat'; readonly items: readonly Regex[]; readonly span: Span }
  | { readonly kind: 'alt'; readonly items: readonly Regex[]; readonly span: Span }
  | { readonly kind: 'and'; readonly items: readonly Regex[]; readonly span: Span }
  | { readonly kind: 'not'; readonly item: Regex; readonly span: Span }
  | {
      readonly kind: 'repeat';
      readonly item: Regex;
      readonly min: number;
      readonly max: number | null;
      /** A `?` suffix was written; it does not change the language. */
      readonly lazy: boolean;
      readonly span: Span;
    };

/** The kinds of `Regex` node. */
export type RegexKind = Regex['kind'];
