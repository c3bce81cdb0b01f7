/**
 * The library calls the playground makes, each returning a value or a
 * `WordflowError` (never throwing), so a pane can show either. No algorithm
 * lives here: compiling, running, enumerating and comparing are the
 * library's; this module only bounds them for live use.
 */
import { classLabels } from '../syntax/regex/print.js';
import { enumerate } from '../automata/count.js';
import { type CompleteDfa, type Dfa, deadState } from '../automata/dfa.js';
import { type Equivalence, equivalence, isFinite, representative, shortestMember } from '../automata/ops.js';
import { asWordflowError, type WordflowError } from '../errors.js';
import { language, type LanguageSource } from '../language.js';
import type { LazyDfa } from '../automata/lazy.js';
import { DEFAULT_LIMITS, type Limits } from '../limits.js';

/** A result or the error that stopped it. */
export type Outcome<T> =
  { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: WordflowError };

/** Runs `f`, turning anything thrown into a `WordflowError`. */
export function attempt<T>(f: () => T): Outcome<T> {
  try {
    return { ok: true, value: f() };
  } catch (e) {
    return { ok: false, error: asWordflowError(e) };
  }
}

/** The budgets of live typing (defined with the other limits; re-exported for the playground). */
export { LIVE_LIMITS } from '../limits.js';

/** The language of what is being shown: a pattern or an automaton file (the library's `LanguageSource`). */
export type { LanguageSource };

/**
 * A compiled language with the time it took: its minimal complete DFA, or —
 * past the state budget — a lazy DFA that decides membership only, with the
 * limit error the full DFA hit (what the panes that need a DFA show).
 */
export type Compiled =
  | { readonly engine: 'dfa'; readonly dfa: CompleteDfa; readonly ms: number }
  | { readonly engine: 'lazy'; readonly lazy: LazyDfa; readonly overflow: WordflowError; readonly ms: number };

/**
 * Compiles a pattern or automaton file through the library's `language`:
 * its minimal complete DFA, or past the live state budget its lazy DFA (the
 * fallback the command line has too); any other error is the outcome.
 */
export function compileSource(source: LanguageSource, limits: Limits): Outcome<Compiled> {
  return attempt((): Compiled => {
    const t0 = performance.now();
    const lang = language(source, { limits });
    const ms = performance.now() - t0;
    return lang.engine === 'dfa'
      ? { engine: 'dfa', dfa: lang.dfa, ms }
      : { engine: 'lazy', lazy: lang.lazy, overflow: lang.overflow, ms };
  });
}

/** Whether the lazy DFA accepts `text` (a fresh run; its cache stays warm for the next keystroke). */
export function lazyAccepts(lazy: LazyDfa, text: string): Outcome<boolean> {
  return attempt(() => lazy.accepts(text));
}

/** What the summary line says about a DFA. */
export interface Summary {
  readonly states: number;
  readonly classes: number;
  readonly accepting: number;
  readonly start: number;
  readonly dead: number | null;
  readonly finite: boolean;
  /** The shortest (then least) member, or null for the empty language. */
  readonly shortest: string | null;
  readonly labels: readonly string[];
}

/** Counts, dead state, finiteness and shortest member of a DFA (one BFS and one minimization). */
export function summarize(dfa: Dfa): Summary {
  let accepting = 0;
  for (let q = 0; q < dfa.states; q++) accepting += dfa.accepting[q]!;
  const word = shortestMember(dfa);
  return {
    states: dfa.states,
    classes: dfa.alphabet.classes.length,
    accepting,
    start: dfa.start,
    dead: deadState(dfa),
    finite: isFinite(dfa),
    shortest: word === null ? null : representative(dfa, word),
    labels: classLabels(dfa.alphabet),
  };
}

/** The first members in shortlex order, as far as a work budget allows. */
export interface Members {
  readonly members: readonly string[];
  /** True when the list holds every member (a finite language, fully listed). */
  readonly all: boolean;
  /** Members longer than this were not searched (the budget's horizon). */
  readonly horizon: number;
}

/**
 * Up to `count` members in shortlex order. The search looks at lengths up to
 * a horizon that keeps the work near `budget` table steps (states × classes
 * per length), so a language whose members are all very long returns quickly
 * with an honest "none up to length N".
 */
export function firstMembers(
  dfa: Dfa,
  count: number,
  limits: Limits = DEFAULT_LIMITS,
  budget = 4_000_000,
): Outcome<Members> {
  return attempt(() => {
    const perLength = Math.max(1, dfa.states * dfa.alphabet.classes.length);
    const horizon = Math.max(1, Math.min(limits.maxEnumLength, Math.floor(budget / perLength)));
    const members: string[] = [];
    const gen = enumerate(dfa, horizon);
    let done = false;
    while (members.length < count) {
      const r = gen.next();
      if (r.done === true) {
        done = true;
        break;
      }
      members.push(r.value);
    }
    // A finite language has no member longer than its state count, so a search that
    // ran to completion past that length has listed them all.
    return { members, all: done && horizon >= dfa.states - 1 && isFinite(dfa), horizon };
  });
}

/** Equivalence of two languages, under the live state budget. */
export function compare(a: Dfa, b: Dfa, limits: Limits): Outcome<Equivalence> {
  return attempt(() => equivalence(a, b, limits));
}
