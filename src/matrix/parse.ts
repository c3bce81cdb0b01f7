/**
 * A target matrix as JSON rows — `[[0,-1],[1,0]]` — read with every number
 * kept as the exact decimal it is written as (JSON.parse would round 0.1 to
 * the nearest double). Entries may also be strings holding a decimal
 * (`"0.1"`). Errors point at the offending character.
 */
import { WordflowError } from '../errors.js';

const DIGITS = /[0-9]/;

/** The rows of decimal strings written in `text`; `sourceName` names the text in errors (a file). */
export function parseMatrixText(text: string, sourceName?: string): string[][] {
  let i = 0;
  const fail = (message: string, start = i, end = Math.min(text.length, start + 1)): never => {
    throw new WordflowError('usage', message, { start, end: Math.max(end, start + 1) }, text, sourceName);
  };
  const skip = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const expect = (ch: string, what: string) => {
    skip();
    if (text[i] !== ch)
      fail(i >= text.length ? `the matrix ends early: expected ${what}` : `expected ${what}, found '${text[i]}'`);
    i++;
  };
  const number = (): string => {
    skip();
    const start = i;
    if (text[i] === '"') {
      const close = text.indexOf('"', i + 1);
      if (close < 0) fail('a string entry is not closed');
      const inner = text.slice(i + 1, close);
      i = close + 1;
      return checkNumber(inner.trim(), start, i);
    }
    while (i < text.length && /[-+0-9.eEa-zA-Z_∞]/.test(text[i]!)) i++;
    if (i === start)
      fail(i >= text.length ? 'the matrix ends early: expected a number' : `expected a number, found '${text[i]}'`);
    return checkNumber(text.slice(start, i), start, i);
  };
  const checkNumber = (s: string, start: number, end: number): string => {
    if (/^[-+]?(nan|infinity|inf|∞)$/i.test(s)) {
      fail(`${s} is not a finite number: a target matrix has finite real entries`, start, end);
    }
    if (!/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(s) || !DIGITS.test(s))
      fail(`'${s}' is not a decimal number`, start, end);
    const exp = /[eE]([-+]?\d+)$/.exec(s);
    if (exp !== null && Math.abs(Number(exp[1])) > 10_000)
      fail(`the exponent of ${s} is out of range (beyond ±10000)`, start, end);
    return s.replace(/^\+/, '');
  };
  const rows: string[][] = [];
  const rowStarts: number[] = [];
  expect('[', "'[' (the matrix as JSON rows, e.g. [[0,-1],[1,0]])");
  skip();
  if (text[i] === ']') fail('the matrix is empty: give at least one row, e.g. [[2,1],[1,1]]');
  for (;;) {
    skip();
    rowStarts.push(i);
    if (text[i] !== '[')
      fail(i >= text.length ? 'the matrix ends early: expected a row' : `expected a row '[…]', found '${text[i]}'`);
    i++;
    const row: string[] = [];
    skip();
    if (text[i] === ']') fail('an empty row: every row needs as many entries as there are rows');
    for (;;) {
      row.push(number());
      skip();
      if (text[i] === ',') {
        i++;
        continue;
      }
      expect(']', "',' or ']' in a row");
      break;
    }
    rows.push(row);
    skip();
    if (text[i] === ',') {
      i++;
      continue;
    }
    expect(']', "',' or ']' after a row");
    break;
  }
  skip();
  if (i < text.length) fail(`unexpected text after the matrix: '${text.slice(i, i + 10)}'`);
  const n = rows.length;
  rows.forEach((row, r) => {
    if (row.length !== rows[0]!.length) {
      fail(
        `ragged rows: row ${r + 1} has ${row.length} ${row.length === 1 ? 'entry' : 'entries'}, ` +
          `row 1 has ${rows[0]!.length}`,
        rowStarts[r],
        rowStarts[r]! + 1,
      );
    }
  });
  if (rows[0]!.length !== n)
    fail(`the matrix is ${n}×${rows[0]!.length}, not square: a sentence of d×d words is d×d`, 0, text.length);
  return rows;
}
