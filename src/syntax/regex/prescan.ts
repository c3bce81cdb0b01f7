/**
 * Checks done before chevrotain sees the pattern, so that no input can make
 * the recursive parser (or any later recursive pass) run out of stack.
 */
import { limitError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import type { Syntax } from './syntax.js';

/** Throws a `--max-length` limit error for an over-long pattern. */
export function checkLength(text: string, limits: Limits): void {
  if (text.length > limits.maxLength) {
    throw limitError(
      `pattern length ${text.length.toLocaleString('en-US')}`,
      'maxLength',
      limits.maxLength,
      { start: limits.maxLength, end: text.length },
      text,
    );
  }
}

/**
 * Throws a `--max-depth` limit error at the first character that nests
 * deeper than allowed. One pass, no recursion. Depth counts open groups and
 * classes (a `[` inside a class nests) plus the `~`s that apply to them: the
 * `~`s written before an atom wrap it, so they count until that atom ends.
 * The scan over-approximates only on inputs the parser rejects anyway. In
 * the `ecma` syntax classes do not nest and `~` is a literal.
 */
export function checkDepth(text: string, limits: Limits, syntax: Syntax = 'wordflow'): void {
  const ecma = syntax === 'ecma';
  const opened: number[] = [];
  let depth = 0;
  let tildes = 0;
  let classes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    let next = depth;
    if (c === '\\') {
      i++;
      tildes = 0;
    } else if (classes > 0) {
      if (c === '[' && !ecma) [classes, next] = [classes + 1, open(opened, depth, 1)];
      else if (c === ']') [classes, next] = [classes - 1, close(opened, depth)];
    } else if (c === '~' && !ecma) {
      tildes++;
    } else if (c === '(' || c === '[') {
      next = open(opened, depth, tildes + 1);
      if (c === '[') classes = 1;
      tildes = 0;
    } else if (c === ')') {
      next = close(opened, depth);
      tildes = 0;
    } else {
      tildes = 0;
    }
    depth = next;
    if (depth + tildes > limits.maxDepth) {
      throw limitError('nesting depth', 'maxDepth', limits.maxDepth, { start: i, end: i + 1 }, text);
    }
  }
}

function open(opened: number[], depth: number, by: number): number {
  opened.push(by);
  return depth + by;
}

function close(opened: number[], depth: number): number {
  return depth - (opened.pop() ?? 0);
}
