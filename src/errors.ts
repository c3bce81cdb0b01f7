/**
 * Every failure wordflow reports to a person is a `WordflowError`: a kind, a
 * message in plain words, and where possible the span of the input at fault.
 * Library code throws them; only the front ends turn them into text and exit
 * codes (see `formatError`).
 */
import { type LimitKey, LIMIT_FLAGS, limitFlag } from './limits.js';

/** A half-open span `[start, end)` of UTF-16 offsets into the source text. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** What went wrong, broadly: the front ends choose exit codes and wording by it. */
export type ErrorKind =
  /** The expression or automaton file is malformed. */
  | 'syntax'
  /** A named limit (see `limits.ts`) was reached; `limit` says which and the message names its flag. */
  | 'limit'
  /** Well-formed input that cannot be used as asked (e.g. an unknown embedding). */
  | 'usage'
  /** An internal check failed, e.g. `check --verify` saw two engines disagree. */
  | 'internal';

/**
 * A failure reported to a person: a kind, a plain-words message, and where
 * possible the span of the input at fault (shown with `formatError`).
 */
export class WordflowError extends Error {
  override readonly name = 'WordflowError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Where in `source` the problem is, if it has a place. */
    readonly span?: Span,
    /** The text the span points into (an expression or a file's contents). */
    readonly source?: string,
    /** What the source is called in messages, e.g. a file name. */
    readonly sourceName?: string,
    /**
     * For kind `limit`: which limit was reached, so callers can react to one
     * limit (the lazy DFA past `maxStates`) without reading the message.
     */
    readonly limit?: LimitKey,
  ) {
    super(message);
  }

  /** The same error, pointing into `source` (used when a span was found without it). */
  withSource(source: string, sourceName?: string): WordflowError {
    return new WordflowError(this.kind, this.message, this.span, source, sourceName ?? this.sourceName, this.limit);
  }
}

/** A `limit` error for `limit` (set to `value`), naming the flag that raises it. */
export function limitError(what: string, limit: LimitKey, value: number, span?: Span, source?: string): WordflowError {
  return new WordflowError(
    'limit',
    `${what}: over the limit of ${value.toLocaleString('en-US')}; raise it with ${limitFlag(limit)}`,
    span,
    source,
    undefined,
    limit,
  );
}

/** Line and column (1-based, counting code points) of an offset in a text. */
export function lineColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < source.length; i++) {
    if (source.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = [...source.slice(lineStart, Math.min(offset, source.length))].length + 1;
  return { line, column };
}

/** The error on one line: the message and its place, without the caret. */
export function errorLine(error: WordflowError): string {
  const { span, source } = error;
  if (span === undefined || source === undefined) return error.message;
  const { line, column } = lineColumn(source, span.start);
  return `${error.message} (at ${source.includes('\n') || error.sourceName !== undefined ? `${error.sourceName ?? 'input'}:${line}:${column}` : `column ${column}`})`;
}

/**
 * Control characters (a NUL byte among them) would reach the terminal raw;
 * in messages they are written as `\u{…}` escapes, and in the quoted source
 * line as one visible character each (so the caret stays under the fault).
 */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function escapeControls(text: string): string {
  return text.replace(CONTROL, (ch) => `\\u{${ch.charCodeAt(0).toString(16)}}`);
}

function showControl(ch: string): string {
  const cp = ch.charCodeAt(0);
  if (cp === 9) return ' ';
  if (cp < 0x20) return String.fromCharCode(0x2400 + cp);
  if (cp === 0x7f) return '\u2421';
  return cp >= 0x80 && cp <= 0x9f ? '\ufffd' : ch;
}

/** How wide a source line may be before it is shown as a window around the fault. */
const WINDOW = 72;

/**
 * The error as a person reads it: one line naming the problem and its place,
 * then the offending line of the source (a window of it, when long) with a
 * caret under the fault.
 */
export function formatError(error: WordflowError): string {
  const { span, source } = error;
  if (span === undefined || source === undefined) return escapeControls(error.message);
  const { line, column } = lineColumn(source, span.start);
  const chars = [...(source.split('\n')[line - 1] ?? '')].map(showControl);
  const where =
    source.includes('\n') || error.sourceName !== undefined
      ? `${error.sourceName ?? 'input'}:${line}:${column}`
      : `column ${column}`;
  const message = escapeControls(error.message);
  const head = message.includes(where) ? message : `${message} (at ${where})`;
  const width = Math.max(1, Math.min([...source.slice(span.start, span.end)].length, chars.length - column + 1, 40));
  // Show at most WINDOW characters, keeping the caret in view.
  let from = 0;
  if (chars.length > WINDOW) from = Math.max(0, Math.min(column - 1 - WINDOW / 2, chars.length - WINDOW));
  const to = Math.min(chars.length, from + WINDOW);
  const text = (from > 0 ? '…' : '') + chars.slice(from, to).join('') + (to < chars.length ? '…' : '');
  const pad = column - 1 - from + (from > 0 ? 1 : 0);
  return `${head}\n  ${text}\n  ${' '.repeat(pad)}${'^'.repeat(width)}`;
}

/** Turns anything thrown into a `WordflowError`; stack overflows become limit errors. */
export function asWordflowError(e: unknown): WordflowError {
  if (e instanceof WordflowError) return e;
  if (e instanceof RangeError && /call stack/i.test(e.message)) {
    return new WordflowError(
      'limit',
      `the input is nested too deeply to process; lower its nesting or raise ${LIMIT_FLAGS.maxDepth} only as far as the stack allows`,
      undefined,
      undefined,
      undefined,
      'maxDepth',
    );
  }
  if (e instanceof RangeError && /(Invalid array length|allocation failed|out of memory)/i.test(e.message)) {
    return new WordflowError(
      'limit',
      `the input needs more memory than is available; lower the limits (${LIMIT_FLAGS.maxStates}, ${LIMIT_FLAGS.maxRepeat})`,
    );
  }
  return new WordflowError('internal', e instanceof Error ? e.message : String(e));
}
