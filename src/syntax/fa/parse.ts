/**
 * `parseFa`: automaton-file text → `FaFile` (format: `grammars/fa.md`,
 * grammar: `grammars/fa.ebnf`).
 *
 * The text is lexed once; then each line is checked for lexical faults,
 * parsed on its own and applied to the growing automaton, so the first error
 * reported is the first in the file (apart from the two checks that need the
 * whole file: a start state exists, and every accepting state is used). Work
 * is linear in the length of the text and nothing recurses per line or per
 * state, so no input can overflow the stack.
 */
import type { ILexingError, IToken } from 'chevrotain';
import { type CharSet, unionAll } from '../../alphabet/charset.js';
import { type Span, WordflowError, asWordflowError, limitError } from '../../errors.js';
import { DEFAULT_LIMITS, type Limits } from '../../limits.js';
import type { FaEdge, FaFile, FaLabel, FaState } from './ast.js';
import { labelValue, spanOf, type Source } from './labels.js';
import { parseLine, type RawEdge, type RawLine } from './parser.js';
import {
  Arrow,
  EdgeOpen,
  faLexer,
  LabelNewline,
  Newline,
  Quoted,
  UnterminatedClass,
  UnterminatedQuoted,
} from './tokens.js';

/** The automaton as it is being read. */
interface Builder {
  readonly source: Source;
  readonly limits: Limits;
  readonly ids: Map<string, number>;
  readonly states: FaState[];
  /** Whether a start, state or edge line names the state (not just `accept`). */
  readonly used: boolean[];
  start: { readonly id: number; readonly line: number } | undefined;
  readonly accepts: { readonly id: number; readonly span: Span }[];
  readonly edges: FaEdge[];
  /** Classes and escapes already read, by their text. */
  readonly labels: Map<string, FaLabel>;
}

function fail(b: Builder, message: string, span: Span): never {
  throw new WordflowError('syntax', message, span, b.source.text, b.source.name);
}

/** The state a name token refers to, created on first mention. */
function stateOf(b: Builder, token: IToken, used: boolean): number {
  const name = token.tokenType === Quoted ? token.image.slice(1, -1).replace(/\\([\s\S])/g, '$1') : token.image;
  if (name === '') fail(b, 'a state name cannot be empty', spanOf(token));
  let id = b.ids.get(name);
  if (id === undefined) {
    id = b.states.length;
    if (id >= b.limits.maxNfaStates) {
      throw limitError('the number of states', 'maxNfaStates', b.limits.maxNfaStates, spanOf(token), b.source.text);
    }
    b.ids.set(name, id);
    b.states.push({ name, span: spanOf(token) });
    b.used.push(false);
  }
  if (used) b.used[id] = true;
  return id;
}

function showName(name: string): string {
  return JSON.stringify(name);
}

function applyStart(b: Builder, keyword: IToken, nameToken: IToken, line: number): void {
  const id = stateOf(b, nameToken, true);
  if (b.start !== undefined) {
    const first = b.states[b.start.id]!.name;
    fail(
      b,
      `a second start state ${showName(b.states[id]!.name)}: the start state is already ${showName(first)} (line ${b.start.line}); a file has exactly one`,
      { start: keyword.startOffset, end: spanOf(nameToken).end },
    );
  }
  b.start = { id, line };
}

/** The edges of one `-LABELS-> TARGET` step from `from`; returns the target. */
function applyEdge(b: Builder, from: number, fromToken: IToken, edge: RawEdge): number {
  const to = stateOf(b, edge.to, true);
  if (!edge.hasLabel) {
    fail(
      b,
      "an edge needs a label between '-' and '->': write 'q -a-> r', or 'q -ε-> r' for an ε-edge",
      spanOf(edge.open),
    );
  }
  if (edge.labels.length === 0) {
    fail(b, "empty label: write 'ε' (or 'eps') between '-' and '->' for an ε-edge", {
      start: edge.open.startOffset,
      end: spanOf(edge.close).end,
    });
  }
  const sets: CharSet[] = [];
  let epsilon = false;
  for (const token of edge.labels) {
    const value = labelValue(token, b.source, b.limits, b.labels);
    if (value === 'epsilon') epsilon = true;
    else sets.push(value);
  }
  const span = { start: fromToken.startOffset, end: spanOf(edge.to).end };
  if (sets.length > 0) b.edges.push({ from, to, label: sets.length === 1 ? sets[0]! : unionAll(sets), span });
  if (epsilon) b.edges.push({ from, to, label: 'epsilon', span });
  return to;
}

function applyLine(b: Builder, line: RawLine, lineNumber: number): void {
  switch (line.kind) {
    case 'start':
      applyStart(b, line.keyword, line.name, lineNumber);
      return;
    case 'accept':
      for (const token of line.names) b.accepts.push({ id: stateOf(b, token, false), span: spanOf(token) });
      return;
    case 'state':
      for (const token of line.names) stateOf(b, token, true);
      return;
    case 'edges': {
      let fromToken = line.from;
      let from = stateOf(b, fromToken, true);
      for (const edge of line.edges) {
        from = applyEdge(b, from, fromToken, edge);
        fromToken = edge.to;
      }
      return;
    }
  }
}

/** Whether `offset` lies inside an edge label, judging by the line's tokens before it. */
function insideLabel(tokens: readonly IToken[], offset: number): boolean {
  let inside = false;
  for (const t of tokens) {
    if (t.startOffset >= offset) break;
    if (t.tokenType === EdgeOpen) inside = true;
    else if (t.tokenType === Arrow) inside = false;
  }
  return inside;
}

/** A lexer error in plain words. */
function lexMessage(text: string, error: ILexingError, inLabel: boolean): string {
  const skipped = text.slice(error.offset, error.offset + error.length);
  const ch = String.fromCodePoint(skipped.codePointAt(0)!);
  if (ch === '\\') {
    const after = text.codePointAt(error.offset + 1);
    const next = after === undefined || after === 10 ? undefined : String.fromCodePoint(after);
    if (next === undefined) return "a '\\' at the end of the line escapes nothing";
    if (inLabel) return `unknown escape '\\${next}' in a label`;
    return `'\\${next}' outside an edge label: escapes are read only inside a label, between '-' and '->' (as in q -a,\\- -> r)`;
  }
  if (inLabel && ch === '-') return "a '-' inside a label must be written '\\-'; a label ends at '->'";
  if (inLabel && ch === ']') return "unmatched ']' in a label; write '\\]' for the symbol ]";
  const shown = [...skipped].length <= 10 ? skipped : ch;
  return `unexpected '${shown}': plain state names are made of letters, digits, _ ' and . — write other names in double quotes, like "q-1"`;
}

/** The first lexical fault on a line, if any: a lexer error or an unterminated token. */
function lexicalFault(
  b: Builder,
  tokens: readonly IToken[],
  errors: readonly ILexingError[],
): WordflowError | undefined {
  const bad = tokens.find((t) => t.tokenType === UnterminatedClass || t.tokenType === UnterminatedQuoted);
  const lexError = errors[0];
  if (lexError !== undefined && (bad === undefined || lexError.offset < bad.startOffset)) {
    const message = lexMessage(b.source.text, lexError, insideLabel(tokens, lexError.offset));
    return new WordflowError(
      'syntax',
      message,
      { start: lexError.offset, end: lexError.offset + lexError.length },
      b.source.text,
      b.source.name,
    );
  }
  if (bad === undefined) return undefined;
  const message =
    bad.tokenType === UnterminatedClass
      ? "unterminated class: this '[' has no matching ']' on its line"
      : "unterminated quoted name: this '\"' has no closing '\"' on its line";
  return new WordflowError(
    'syntax',
    message,
    { start: bad.startOffset, end: bad.startOffset + 1 },
    b.source.text,
    b.source.name,
  );
}

/** Parses and applies one line's tokens (no newline among them). */
function readLine(b: Builder, tokens: IToken[], errors: readonly ILexingError[], lineNumber: number): void {
  const fault = lexicalFault(b, tokens, errors);
  if (fault !== undefined) throw fault;
  if (tokens.length === 0) return;
  const result = parseLine(tokens);
  if ('message' in result) {
    const last = tokens[tokens.length - 1]!;
    const at = Number.isFinite(result.token.startOffset)
      ? spanOf(result.token)
      : { start: spanOf(last).end, end: spanOf(last).end };
    fail(b, result.message, at);
  }
  applyLine(b, result, lineNumber);
}

function finish(b: Builder): FaFile {
  for (const { id, span } of b.accepts) {
    if (!b.used[id]) {
      const name = b.states[id]!.name;
      fail(
        b,
        `unknown state ${showName(name)} in accept: no edge, start or state line names it; add 'state ${name}' if it is meant to have no edges`,
        span,
      );
    }
  }
  if (b.start === undefined) fail(b, "no start state: add a line 'start NAME'", { start: 0, end: 0 });
  const accepting = [...new Set(b.accepts.map((a) => a.id))].sort((x, y) => x - y);
  return { states: b.states, start: b.start.id, accepting, edges: b.edges };
}

function read(text: string, sourceName: string | undefined, limits: Limits): FaFile {
  const b: Builder = {
    source: { text, name: sourceName },
    limits,
    ids: new Map(),
    states: [],
    used: [],
    start: undefined,
    accepts: [],
    edges: [],
    labels: new Map(),
  };
  const { tokens, errors } = faLexer().tokenize(text);
  let e = 0;
  let line: IToken[] = [];
  let lineNumber = 1;
  const flush = (lineEnd: number): void => {
    const lineErrors: ILexingError[] = [];
    while (e < errors.length && errors[e]!.offset < lineEnd) lineErrors.push(errors[e++]!);
    readLine(b, line, lineErrors, lineNumber);
    line = [];
    lineNumber++;
  };
  for (const token of tokens) {
    if (token.tokenType === Newline || token.tokenType === LabelNewline) flush(token.startOffset);
    else line.push(token);
  }
  flush(text.length);
  return finish(b);
}

/**
 * Parses an automaton file. States need no declaration: any start, edge or
 * `state` line creates them; a name that appears only in `accept` lines is an
 * error (it is almost always a typo). Throws only `WordflowError`: kind
 * `syntax` for any problem with the text (with the span of the fault, the
 * text and `sourceName`), kind `limit` when the file has more states than
 * `limits.maxNfaStates` or a class label exceeds the expression limits.
 *
 * @example parseFa('start even\naccept even\neven -a-> odd\nodd -a-> even\n')
 */
export function parseFa(text: string, sourceName?: string, limits: Limits = DEFAULT_LIMITS): FaFile {
  try {
    return read(text, sourceName, limits);
  } catch (e) {
    const error = asWordflowError(e);
    throw error.source === undefined || error.sourceName !== sourceName ? error.withSource(text, sourceName) : error;
  }
}
