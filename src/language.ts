/**
 * The pipeline of DESIGN.md in one place: text → AST → NFA → DFA → minimal
 * DFA. Front ends call these; each step is also exported on its own.
 */
import { asWordflowError } from './errors.js';
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
import { type Dfa, complete } from './automata/dfa.js';
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
export function dfaOfNfa(nfa: Nfa, options: CompileOptions = {}): Dfa {
  const lim = withDefaults(options.limits);
  const dfa = complete(determinize(nfa, lim, options.onProgress));
  return options.minimize === false ? dfa : mergeEquivalentClasses(minimize(dfa));
}

/** A parsed expression → its DFA. */
export function compileAst(ast: Regex, options: CompileOptions = {}): Dfa {
  return dfaOfNfa(nfaOfRegex(ast, options), options);
}

/**
 * An expression's text → its minimal complete DFA (or, with
 * `minimize: false`, the complete subset DFA). Throws `WordflowError` with a
 * span into `text` for malformed input and at any limit.
 */
export function compileRegex(text: string, options: CompileOptions = {}): Dfa {
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
export function compileFa(text: string, sourceName?: string, options: CompileOptions = {}): Dfa {
  const nfa = nfaOfFaText(text, sourceName, options);
  try {
    return dfaOfNfa(nfa, options);
  } catch (e) {
    throw asWordflowError(e);
  }
}
