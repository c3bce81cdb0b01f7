/**
 * Groups `(…)`, `(?:…)`, `(?<name>…)`, kept on an explicit stack of open
 * alternations rather than on the call stack: the parser needs the same
 * small amount of stack whatever the nesting (which `--max-depth` bounds for
 * the later, recursive passes).
 */
import type { IToken } from 'chevrotain';
import type { Limits } from '../../limits.js';
import type { Regex } from './ast.js';
import { tokenEnd } from './lexer.js';
import { syntaxError, tokenSpan, unclosedGroup } from './messages.js';
import { respan } from './nodes.js';
import { type Sequence, sequence } from './sequence.js';
import type { Syntax } from './syntax.js';

/** The events of a whole pattern: those of `Sequence` plus group boundaries. */
export interface GroupReader extends Omit<Sequence, 'finish'> {
  open(token: IToken): void;
  close(token: IToken): void;
  /** The pattern's node; throws if a group is still open. */
  finish(): Regex;
}

interface Frame {
  /** The token that opened the group; absent for the pattern itself. */
  readonly open?: IToken;
  readonly seq: Sequence;
}

/**
 * A group name, like JavaScript's: an identifier (escapes in names are not
 * supported). Made on first use: V8 reads a `\p{…}` class from ICU's tables
 * when the regex is created, millions of instructions at every start.
 */
let groupName: RegExp | undefined;

/** Rejects a malformed `(?<name>`; names carry no meaning beyond that. */
function checkGroupName(open: IToken, text: string): void {
  if (open.tokenType.name !== 'Named') return;
  const span = tokenSpan(open);
  if (!open.image.endsWith('>')) {
    throw syntaxError("the group name after '(?<' must be an identifier closed by '>', as in (?<year>…)", span, text);
  }
  const name = open.image.slice(3, -1);
  if (!(groupName ??= /^[\p{ID_Start}$_][\p{ID_Continue}$\u200C\u200D]*$/u).test(name)) {
    const shown = name === '' ? 'an empty name' : `'${name}'`;
    throw syntaxError(`invalid group name: ${shown}; names are identifiers, as in (?<year>…)`, span, text);
  }
}

/**
 * In the `ecma` syntax a name may be used once per pattern, as V8 (up to
 * Node 22) requires; the `wordflow` syntax gives names no meaning at all.
 */
function checkDuplicate(open: IToken, text: string, seen: Set<string>): void {
  if (open.tokenType.name !== 'Named') return;
  const name = open.image.slice(3, -1);
  if (seen.has(name)) {
    const message = `duplicate group name '${name}'; in the ecma syntax each name is used once`;
    throw syntaxError(message, tokenSpan(open), text);
  }
  seen.add(name);
}

/** A `GroupReader` for the pattern `text`. */
export function groupReader(text: string, limits: Limits, syntax: Syntax = 'wordflow'): GroupReader {
  const frames: Frame[] = [{ seq: sequence(0, text, limits) }];
  const names = new Set<string>();
  const top = (): Sequence => frames[frames.length - 1]!.seq;
  return {
    atom: (node) => top().atom(node),
    quantifier: (token) => top().quantifier(token),
    tilde: (token) => top().tilde(token),
    and: (token) => top().and(token),
    or: (token) => top().or(token),
    open: (token) => {
      checkGroupName(token, text);
      if (syntax === 'ecma') checkDuplicate(token, text, names);
      frames.push({ open: token, seq: sequence(tokenEnd(token), text, limits) });
    },
    close: (token) => {
      const frame = frames.length > 1 ? frames.pop()! : undefined;
      if (frame?.open === undefined) throw syntaxError("unmatched ')'", tokenSpan(token), text);
      const body = frame.seq.finish(token.startOffset);
      top().atom(respan(body, { start: frame.open.startOffset, end: tokenEnd(token) }));
    },
    finish: () => {
      const innermost = frames[frames.length - 1]!;
      if (innermost.open !== undefined) throw unclosedGroup(innermost.open, text);
      return innermost.seq.finish(text.length);
    },
  };
}
