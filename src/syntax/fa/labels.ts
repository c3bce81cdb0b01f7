/**
 * The meaning of one edge label. Symbols and `.`/`ε`/`eps` are read here;
 * classes and letter escapes are handed to the expression parser, so
 * `[0-9]`, `\d`, `\x41` and `\p{L}` mean exactly what they mean in a pattern.
 */
import type { IToken } from 'chevrotain';
import { ALL, single } from '../../alphabet/charset.js';
import { type Span, WordflowError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import { parseRegex } from '../regex/parse.js';
import type { FaLabel } from './ast.js';
import { ClassLabel, EscapeLabel } from './tokens.js';

/** Where errors point: the file text and its name. */
export interface Source {
  readonly text: string;
  readonly name: string | undefined;
}

/** The span of a token. */
export function spanOf(token: IToken): Span {
  return { start: token.startOffset, end: token.startOffset + token.image.length };
}

function isAsciiAlnum(cp: number): boolean {
  return (cp >= 0x30 && cp <= 0x39) || (cp >= 0x41 && cp <= 0x5a) || (cp >= 0x61 && cp <= 0x7a);
}

/** Reads a class or escape with the expression parser; errors point into the file. */
function viaRegex(token: IToken, source: Source, limits: Limits): FaLabel {
  const offset = token.startOffset;
  let ast;
  try {
    ast = parseRegex(token.image, limits);
  } catch (e) {
    if (!(e instanceof WordflowError)) throw e;
    const span = e.span === undefined ? spanOf(token) : { start: e.span.start + offset, end: e.span.end + offset };
    throw new WordflowError(e.kind, `bad label '${token.image}': ${e.message}`, span, source.text, source.name);
  }
  if (ast.kind !== 'chars') {
    throw new WordflowError(
      'syntax',
      `bad label '${token.image}': a label is one symbol or one class; separate alternatives with commas`,
      spanOf(token),
      source.text,
      source.name,
    );
  }
  return ast.set;
}

/**
 * The set (or ε) a label token stands for; throws a positioned `syntax`
 * error. `cache` remembers classes and escapes already read in this file, so
 * a file that repeats `[0-9]` on every line runs the expression parser once.
 */
export function labelValue(token: IToken, source: Source, limits: Limits, cache?: Map<string, FaLabel>): FaLabel {
  const image = token.image;
  const viaRegexCached = (): FaLabel => {
    let value = cache?.get(image);
    if (value === undefined) {
      value = viaRegex(token, source, limits);
      cache?.set(image, value);
    }
    return value;
  };
  if (token.tokenType === ClassLabel) return viaRegexCached();
  if (token.tokenType === EscapeLabel) {
    const cp = image.codePointAt(1)!;
    return isAsciiAlnum(cp) ? viaRegexCached() : single(cp);
  }
  if (image === 'ε' || image === 'eps') return 'epsilon';
  if (image === '.') return ALL;
  const cps = [...image];
  if (cps.length === 1) return single(cps[0]!.codePointAt(0)!);
  throw new WordflowError(
    'syntax',
    `bad label '${image}': a label is one symbol, but this is ${cps.length}; write '${cps.slice(0, 3).join(',')}${cps.length > 3 ? ',…' : ''}' for any one of them, or put states between them for a sequence`,
    spanOf(token),
    source.text,
    source.name,
  );
}
