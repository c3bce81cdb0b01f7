/** Quantifiers `* + ? {m} {m,} {m,n}` (each maybe lazy) and their checks. */
import type { IToken } from 'chevrotain';
import { type Span, limitError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import type { Regex } from './ast.js';
import { syntaxError, tokenSpan } from './messages.js';

/** Bounds of a quantifier, with the digits as written (for messages). */
interface Bounds {
  readonly min: string;
  readonly max: string | null;
  readonly lazy: boolean;
}

function boundsOf(image: string): Bounds {
  const lazy = image.length > 1 && image.endsWith('?');
  const core = lazy ? image.slice(0, -1) : image;
  if (core === '*') return { min: '0', max: null, lazy };
  if (core === '+') return { min: '1', max: null, lazy };
  if (core === '?') return { min: '0', max: '1', lazy };
  const [min = '', max] = core.slice(1, -1).split(',');
  return { min, max: max === undefined ? min : max === '' ? null : max, lazy };
}

/** Throws when a bound is larger than `--max-repeat` allows. */
function checkBound(digits: string | null, span: Span, text: string, limits: Limits): void {
  if (digits !== null && Number(digits) > limits.maxRepeat) {
    const shown = digits.replace(/^0+(?=.)/, '');
    throw limitError(`repetition bound ${shown}`, 'maxRepeat', limits.maxRepeat, span, text);
  }
}

/**
 * `item` with the quantifier `token` applied. `{m,n}` with m > n is a syntax
 * error; a bound above `limits.maxRepeat` is a limit error on the quantifier.
 */
export function quantified(item: Regex, token: IToken, text: string, limits: Limits): Regex {
  const span = tokenSpan(token);
  const { min, max, lazy } = boundsOf(token.image);
  if (max !== null && Number(min) > Number(max)) {
    const braces = token.image.slice(0, token.image.indexOf('}') + 1);
    throw syntaxError(`${braces}: minimum exceeds maximum`, span, text);
  }
  checkBound(min, span, text, limits);
  checkBound(max, span, text, limits);
  return {
    kind: 'repeat',
    item,
    min: Number(min),
    max: max === null ? null : Number(max),
    lazy,
    span: { start: item.span.start, end: span.end },
  };
}
