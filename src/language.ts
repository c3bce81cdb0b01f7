/**
 * The pipeline of docs/ARCHITECTURE.md in one place: text → AST → NFA → DFA
 * → minimal DFA. `language` is the one entry every front end uses (the CLI's
 * commands, `check --jsonl`, the playground): a pattern or an automaton
 * file's text in, the minimal DFA out — or, when that DFA would exceed
 * `maxStates`, a lazy DFA that still decides membership. Each step is also
 * exported on its own.
 */
import { asWordflowError, type WordflowError } from './errors.js';
import { limits as withDefaults, type Limits } from './limits.js';
import { parseRegex } from './syntax/regex/parse.js';
import { parseFa } from './syntax/fa/parse.js';
import type { Regex } from './syntax/regex/ast.js';
import type { Syntax } from './syntax/regex/syntax.js';
import { alphabetOf, nfaFromRegex } from './automata/fromRegex.js';
import { nfaFromFa } from './automata/fromFa.js';
import { determinize, type Progress } from './automata/determinize.js';
import { minimize } from './automata/minimize.js';
import { mergeEquivalentClasses } from './automata/compact.js';
import { type CompleteDfa, complete } from './automata/dfa.js';
import { lazyDfa, type LazyDfa } from './automata/lazy.js';
import type { Nfa } from './automata/nfa.js';

/** How `compileRegex`, `compileFa` and the steps between build a DFA. */
export interface CompileOptions {
  /** Limits to override; the rest keep their defaults (see `limits.ts`). */
  readonly limits?: Partial<Limits>;
  /**
   * `true` (default): the minimal complete DFA, canonically numbered, with
   * equivalent classes merged. `false`: the complete subset-construction DFA.
   */
  readonly minimize?: boolean;
  /** Reports progress of long subset constructions. */
  readonly onProgress?: Progress;
  /**
   * How an expression's text is read: `'wordflow'` (default, with `&`, `~`
   * and nested classes) or `'ecma'` (exactly what `new RegExp(text, 'su')`
   * reads). Automaton files ignore it.
   */
  readonly syntax?: Syntax;
}

/** The NFA of a parsed expression over its own alphabet. */
export function nfaOfRegex(ast: Regex, options: CompileOptions = {}): Nfa {
  return nfaFromRegex(ast, alphabetOf(ast), withDefaults(options.limits));
}

/** NFA → (minimal) complete DFA, per `options.minimize`. */
export function dfaOfNfa(nfa: Nfa, options: CompileOptions = {}): CompleteDfa {
  const lim = withDefaults(options.limits);
  const dfa = complete(determinize(nfa, lim, options.onProgress));
  return options.minimize === false ? dfa : mergeEquivalentClasses(minimize(dfa));
}

/** A parsed expression → its DFA. */
export function compileAst(ast: Regex, options: CompileOptions = {}): CompleteDfa {
  return dfaOfNfa(nfaOfRegex(ast, options), options);
}

/**
 * An expression's text → its minimal complete DFA (or, with
 * `minimize: false`, the complete subset DFA). Throws `WordflowError` with a
 * span into `text` for malformed input and at any limit.
 */
export function compileRegex(text: string, options: CompileOptions = {}): CompleteDfa {
  const lim = withDefaults(options.limits);
  const ast = parseRegex(text, lim, options.syntax);
  try {
    return compileAst(ast, options);
  } catch (e) {
    throw asWordflowError(e);
  }
}

/** An automaton file's text → its NFA (the file's own states). */
export function nfaOfFaText(text: string, sourceName?: string, options: CompileOptions = {}): Nfa {
  return nfaFromFa(parseFa(text, sourceName, withDefaults(options.limits)));
}

/** An automaton file's text → its minimal complete DFA (or the subset DFA). */
export function compileFa(text: string, sourceName?: string, options: CompileOptions = {}): CompleteDfa {
  const nfa = nfaOfFaText(text, sourceName, options);
  try {
    return dfaOfNfa(nfa, options);
  } catch (e) {
    throw asWordflowError(e);
  }
}

/**
 * Where a language comes from: a pattern, or the text of an automaton file
 * with the name its errors cite (reading the file is the front end's job).
 */
export type LanguageSource =
  | { readonly kind: 're'; readonly text: string; readonly syntax?: Syntax }
  | { readonly kind: 'fa'; readonly text: string; readonly path: string };

/** How `language` builds: the compile options, and whether it may fall back to a lazy DFA. */
export interface LanguageOptions extends CompileOptions {
  /**
   * `true` (default): when the full DFA would exceed `maxStates`, return a
   * lazy DFA (cache of `maxStates` states) instead of throwing. Callers that
   * need the full DFA use `dfaOf`, which throws the limit error then.
   */
  readonly lazyFallback?: boolean;
}

/**
 * A compiled language: its minimal complete DFA, or — when that would exceed
 * `maxStates` — a lazy DFA over the NFA, which decides membership within a
 * bounded cache, with the limit error the full DFA hit.
 */
export type Language =
  | { readonly engine: 'dfa'; readonly source: LanguageSource; readonly dfa: CompleteDfa }
  | {
      readonly engine: 'lazy';
      readonly source: LanguageSource;
      readonly lazy: LazyDfa;
      readonly overflow: WordflowError;
    };

/**
 * The language of a pattern or an automaton file's text. Every error is a
 * `WordflowError` pointing into the source text (a span when it has one).
 * Past `maxStates` (and only that limit, told by the error's `limit` key),
 * the result is a lazy DFA unless `lazyFallback` is false.
 */
export function language(source: LanguageSource, options: LanguageOptions = {}): Language {
  const lim = withDefaults(options.limits);
  try {
    const nfa =
      source.kind === 'fa'
        ? nfaOfFaText(source.text, source.path, options)
        : nfaOfRegex(parseRegex(source.text, lim, source.syntax ?? options.syntax), options);
    try {
      return { engine: 'dfa', source, dfa: dfaOfNfa(nfa, options) };
    } catch (e) {
      const err = asWordflowError(e);
      if (err.limit !== 'maxStates' || options.lazyFallback === false) throw err;
      return { engine: 'lazy', source, lazy: lazyDfa(nfa, lim.maxStates), overflow: withSourceOf(err, source) };
    }
  } catch (e) {
    throw withSourceOf(asWordflowError(e), source);
  }
}

/** The language's full DFA, or the limit error that stopped it (for commands that need every state). */
export function dfaOf(lang: Language): CompleteDfa {
  if (lang.engine === 'lazy') throw lang.overflow;
  return lang.dfa;
}

function withSourceOf(err: WordflowError, source: LanguageSource): WordflowError {
  return err.source === undefined ? err.withSource(source.text, source.kind === 'fa' ? source.path : undefined) : err;
}
