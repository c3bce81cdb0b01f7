/**
 * Character classes: their atoms, ranges and the resulting set. Follows
 * JavaScript's `u` mode (`[\d-z]` is an error, `-` is literal at either end,
 * `[]` is empty, `[^]` is everything), except that in the `wordflow` syntax
 * `[` inside a class opens a nested class whose set is added to the enclosing
 * one (the `ecma` lexer never produces such a `[`). Nested classes are kept
 * on an explicit stack (`classReader`), not on the call stack.
 */
import type { IToken } from 'chevrotain';
import { type CharSet, EMPTY, complement, range, single, unionAll } from '../../alphabet/charset.js';
import type { Span } from '../../errors.js';
import type { Regex } from './ast.js';
import { chars } from './nodes.js';
import { decodeEscape } from './escape.js';
import { tokenEnd } from './lexer.js';
import { syntaxError, tokenSpan, unclosedClass } from './messages.js';
import type { Syntax } from './syntax.js';

/** One element of a class before ranges are formed. */
export type ClassAtom =
  | { readonly kind: 'char'; readonly cp: number; readonly span: Span }
  /** A shorthand, property or nested class; `what` names it in messages. */
  | { readonly kind: 'set'; readonly set: CharSet; readonly span: Span; readonly what: string };

/** The code points of a run of literal class characters, one atom each. */
export function literalAtoms(token: IToken): ClassAtom[] {
  const atoms: ClassAtom[] = [];
  let offset = token.startOffset;
  for (const ch of token.image) {
    atoms.push({ kind: 'char', cp: ch.codePointAt(0)!, span: { start: offset, end: offset + ch.length } });
    offset += ch.length;
  }
  return atoms;
}

/** An escape inside a class. */
export function escapeAtom(token: IToken, text: string, syntax: Syntax = 'wordflow'): ClassAtom {
  const decoded = decodeEscape(token.image, token.startOffset, text, true, syntax);
  const span = tokenSpan(token);
  return decoded.kind === 'char'
    ? { kind: 'char', cp: decoded.cp, span }
    : {
        kind: 'set',
        set: decoded.set,
        span,
        what: `${/^\\[pP]/.test(token.image) ? 'the property' : 'the class shorthand'} ${token.image}`,
      };
}

const NESTED = 'a nested class';

/** A nested class used as an element of the enclosing class. */
export function nestedAtom(node: Regex): ClassAtom {
  const set = node.kind === 'chars' ? node.set : EMPTY;
  return { kind: 'set', set, span: node.span, what: NESTED };
}

/** The set of an element that is not part of a range. */
function atomSet(atom: ClassAtom): CharSet {
  return atom.kind === 'char' ? single(atom.cp) : atom.set;
}

/** `lo-hi`; both ends must be single code points in order. */
function rangeSet(lo: ClassAtom, hi: ClassAtom, text: string): CharSet {
  const span = { start: lo.span.start, end: hi.span.end };
  if (lo.kind === 'set' || hi.kind === 'set') {
    const what = lo.kind === 'set' ? lo.what : hi.kind === 'set' ? hi.what : '';
    throw syntaxError(`${what} cannot be an end of a range; write \\- for a literal '-'`, span, text);
  }
  if (lo.cp > hi.cp) throw syntaxError(`range out of order [${text.slice(span.start, span.end)}]`, span, text);
  return range(lo.cp, hi.cp);
}

/**
 * Collects one class from its elements in order. A `-` forms a range when an
 * element that can start one comes before it and the class does not end right
 * after it; otherwise it is a literal `-`. This greedy reading is exactly
 * JavaScript's `ClassRanges` grammar in `u` mode.
 */
export interface ClassBuilder {
  atom(atom: ClassAtom): void;
  /** A `-`; `closesNext` tells whether the class ends (or the input ends) right after it. */
  dash(token: IToken, closesNext: boolean): void;
  /** The class node, given its `]` (missing when the input ended first). */
  finish(close: IToken | undefined): Regex;
}

/** A `ClassBuilder` for the class opened by `open`; `nested` when it sits inside another class. */
export function classBuilder(open: IToken, text: string, nested: boolean): ClassBuilder {
  const parts: CharSet[] = [];
  let lo: ClassAtom | undefined;
  let rangeDash = false;
  let sawNested = nested;
  const atom = (next: ClassAtom): void => {
    if (next.kind === 'set' && next.what === NESTED) sawNested = true;
    if (rangeDash && lo !== undefined) {
      parts.push(rangeSet(lo, next, text));
      [lo, rangeDash] = [undefined, false];
      return;
    }
    if (lo !== undefined) parts.push(atomSet(lo));
    lo = next;
  };
  return {
    atom,
    dash: (token, closesNext) => {
      if (lo !== undefined && !rangeDash && !closesNext) rangeDash = true;
      else atom({ kind: 'char', cp: 0x2d, span: tokenSpan(token) });
    },
    finish: (close) => {
      if (close === undefined) throw unclosedClass(open, text, sawNested);
      if (lo !== undefined) parts.push(atomSet(lo));
      const set = unionAll(parts);
      const negated = open.tokenType.name === 'ClassOpenNeg';
      return chars(negated ? complement(set) : set, { start: open.startOffset, end: tokenEnd(close) });
    },
  };
}

/** The events of one outermost class, nested classes included. */
export interface ClassReader {
  open(token: IToken): void;
  close(token: IToken): void;
  atom(this: void, atom: ClassAtom): void;
  dash(token: IToken, closesNext: boolean): void;
  /** Whether some class is still open (the parser keeps reading while it is). */
  isOpen(): boolean;
  /** The outermost class; throws if one is still open. */
  finish(): Regex;
}

/** A `ClassReader` for a class in `text`. */
export function classReader(text: string): ClassReader {
  const open: ClassBuilder[] = [];
  let result: Regex | undefined;
  const top = (): ClassBuilder => open[open.length - 1]!;
  return {
    open: (token) => void open.push(classBuilder(token, text, open.length > 0)),
    close: (token) => {
      const node = open.pop()!.finish(token);
      if (open.length > 0) top().atom(nestedAtom(node));
      else result = node;
    },
    atom: (atom) => top().atom(atom),
    dash: (token, closesNext) => top().dash(token, closesNext),
    isOpen: () => open.length > 0,
    finish: () => {
      if (open.length > 0) top().finish(undefined);
      return result!;
    },
  };
}
