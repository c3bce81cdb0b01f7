/**
 * One alternation (a whole pattern or a group body), collected from the events
 * the parser sees in order: atoms, quantifiers, `~`, `&` and `|`.
 *
 * Precedence, tightest first: quantifier, `~` (it applies to the quantified
 * atom after it, so `~a*` is `~(a*)`), concatenation, `&`, `|`.
 */
import type { IToken } from 'chevrotain';
import type { Limits } from '../../limits.js';
import type { Regex } from './ast.js';
import { tokenEnd } from './lexer.js';
import { syntaxError, tokenSpan } from './messages.js';
import { nary } from './nodes.js';
import { quantified } from './quantifier.js';

/** Receives the events of one alternation and builds its node. */
export interface Sequence {
  /** An atom: a literal, `.`, an escape, a class or a group. */
  atom(node: Regex): void;
  /** A quantifier; it applies to the atom just before it. */
  quantifier(token: IToken): void;
  tilde(token: IToken): void;
  and(amp: IToken): void;
  or(pipe: IToken): void;
  /** The alternation, ending at offset `end`. */
  finish(end: number): Regex;
}

/** The atom being read: its `~` prefixes and whether a quantifier was applied. */
interface Pending {
  node: Regex;
  readonly tildes: readonly IToken[];
  quantified: boolean;
}

/** The atom with its `~` prefixes applied, the last written innermost. */
function withTildes(pending: Pending): Regex {
  return pending.tildes.reduceRight<Regex>(
    (item, tilde) => ({ kind: 'not', item, span: { start: tilde.startOffset, end: item.span.end } }),
    pending.node,
  );
}

/** A `Sequence` for an alternation that starts at offset `start` of `text`. */
export function sequence(start: number, text: string, limits: Limits): Sequence {
  let terms: Regex[] = [];
  let conjuncts: Regex[] = [];
  const alternatives: Regex[] = [];
  let tildes: IToken[] = [];
  let pending: Pending | undefined;
  let segmentStart = start;
  const flush = (): void => {
    if (pending !== undefined) terms.push(withTildes(pending));
    pending = undefined;
  };
  const closeConcat = (end: number): void => {
    flush();
    const tilde = tildes[tildes.length - 1];
    if (tilde !== undefined) throw syntaxError("nothing to complement after '~'", tokenSpan(tilde), text);
    conjuncts.push(nary('concat', terms, { start: segmentStart, end }));
    terms = [];
  };
  const closeAnd = (): void => {
    alternatives.push(nary('and', conjuncts, { start: segmentStart, end: segmentStart }));
    conjuncts = [];
  };
  return {
    atom: (node) => {
      flush();
      pending = { node, tildes, quantified: false };
      tildes = [];
    },
    quantifier: (token) => {
      if (pending === undefined || pending.quantified) {
        throw syntaxError(`nothing to repeat before '${token.image}'`, tokenSpan(token), text);
      }
      pending.node = quantified(pending.node, token, text, limits);
      pending.quantified = true;
    },
    tilde: (token) => {
      flush();
      tildes.push(token);
    },
    and: (amp) => {
      closeConcat(amp.startOffset);
      segmentStart = tokenEnd(amp);
    },
    or: (pipe) => {
      closeConcat(pipe.startOffset);
      closeAnd();
      segmentStart = tokenEnd(pipe);
    },
    finish: (end) => {
      closeConcat(end);
      closeAnd();
      return nary('alt', alternatives, { start, end });
    },
  };
}
