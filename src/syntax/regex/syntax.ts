/**
 * The two readings of a pattern's text. `wordflow` (the default) is
 * JavaScript's `u`-mode syntax plus the operators `&` (intersection) and `~`
 * (complement) and classes nested inside classes. `ecma` reads exactly what
 * `new RegExp(p, 'su')` reads, with the same meaning: `&` and `~` are
 * literal characters, `[` inside a class is a literal `[`, and the escapes
 * wordflow adds (`\&`, `\~`, `\-` outside a class) are errors, as they are
 * for JavaScript. In both, whole strings are matched; `^` and `$` are
 * accepted only where they say nothing more (at the ends of the pattern or of
 * a top-level alternative), and what is not regular (lookarounds,
 * backreferences, `\b`) is an error with its reason.
 */
import { WordflowError } from '../../errors.js';

/** How a pattern's text is read (see the module comment). */
export type Syntax = 'wordflow' | 'ecma';

/** Every syntax, the default first. */
export const SYNTAXES: readonly Syntax[] = ['wordflow', 'ecma'];

/** The default reading. */
export const DEFAULT_SYNTAX: Syntax = 'wordflow';

/** A syntax by name, or a `usage` error listing the names. */
export function syntaxName(name: string): Syntax {
  const found = SYNTAXES.find((s) => s === name);
  if (found === undefined) {
    throw new WordflowError('usage', `unknown syntax '${name}'; choose one of ${SYNTAXES.join(', ')}`);
  }
  return found;
}
