/**
 * Whole-string anchors. Every pattern already matches whole strings, so a `^`
 * that starts the pattern (or a top-level alternative) and a `$` that ends it
 * mean nothing and are dropped here, before parsing. Any other `^` or `$`
 * stays in the token stream, where the parser rejects it with a message that
 * suggests `\^` or `\$`.
 */
import type { IToken } from 'chevrotain';

function named(token: IToken | undefined, name: string): boolean {
  return token !== undefined && token.tokenType.name === name;
}

/** Whether the token opens a parenthesis of any kind (`(`, `(?:`, `(?=`, …). */
function opensParen(token: IToken): boolean {
  return token.image.startsWith('(') && token.tokenType.name !== 'Escape';
}

/** The tokens without the anchors that are allowed (and meaningless). */
export function stripAnchors(tokens: readonly IToken[]): IToken[] {
  const kept: IToken[] = [];
  let depth = 0;
  // A `(` or `)` inside a class is a character (its token is a ClassChar), not a group.
  let classDepth = 0;
  tokens.forEach((token, i) => {
    if (named(token, 'ClassOpen') || named(token, 'ClassOpenNeg')) classDepth++;
    else if (named(token, 'ClassClose')) classDepth = Math.max(0, classDepth - 1);
    else if (classDepth === 0 && opensParen(token)) depth++;
    else if (classDepth === 0 && named(token, 'RParen')) depth = Math.max(0, depth - 1);
    const topLevel = depth === 0;
    const startsAlternative = i === 0 || named(tokens[i - 1], 'Pipe');
    const endsAlternative = i === tokens.length - 1 || named(tokens[i + 1], 'Pipe');
    if (topLevel && named(token, 'Caret') && startsAlternative) return;
    if (topLevel && named(token, 'Dollar') && endsAlternative) return;
    kept.push(token);
  });
  return kept;
}
