/**
 * The run of a string through a DFA, step by step, for highlighting it in a
 * picture or a table: the states visited and the class read at each step.
 */
import { classOf } from '../alphabet/alphabet.js';
import { classLabel } from '../syntax/regex/print.js';
import { complete, type Dfa } from '../automata/dfa.js';

/** A string's run: `states[i]` is the state after `i` letters (`states[0]` is the start). */
export interface DfaRun {
  readonly input: string;
  /** The letters read, as strings of one code point each. */
  readonly symbols: readonly string[];
  /** The class of each letter. */
  readonly classes: readonly number[];
  /** One more entry than `symbols`. */
  readonly states: readonly number[];
  readonly accepted: boolean;
}

/** The run of `s` (read as code points) through `dfa`, completed first so every letter has a step. */
export function runOf(dfa0: Dfa, s: string): DfaRun {
  const dfa = complete(dfa0);
  const k = dfa.alphabet.classes.length;
  const symbols: string[] = [];
  const classes: number[] = [];
  const states = [dfa.start];
  let q = dfa.start;
  for (const ch of s) {
    const c = classOf(dfa.alphabet, ch.codePointAt(0)!);
    q = dfa.delta[q * k + c]!;
    symbols.push(ch);
    classes.push(c);
    states.push(q);
  }
  return { input: s, symbols, classes, states, accepted: dfa.accepting[q] === 1 };
}

/** Steps shown at most before the middle of a long run is elided. */
export const RUN_SHOWN = 24;

/** How `formatRun` shows each letter. */
export interface RunFormat {
  /** `class` (default): the letter with its class when they differ, `4∈[0-9]`; `letter`: the letter alone. */
  readonly letters?: 'class' | 'letter';
}

/**
 * The run as one line: `0 -a→ 1 -b→ 2 -b→ 3: accepted`. Letters are shown
 * by their class label when the class is a single letter, else as
 * `letter∈label` (or alone, with `letters: 'letter'`). A run longer than
 * `RUN_SHOWN` steps keeps its two ends.
 */
export function formatRun(dfa0: Dfa, run: DfaRun, options: RunFormat = {}): string {
  const dfa = complete(dfa0);
  const step = (i: number): string => {
    const label = classLabel(dfa.alphabet, run.classes[i]!);
    const letter = JSON.stringify(run.symbols[i]!).slice(1, -1);
    const shown = label === letter || options.letters === 'letter' ? letter : `${letter}∈${label}`;
    return ` -${shown}→ ${run.states[i + 1]}`;
  };
  const n = run.symbols.length;
  let text = String(run.states[0]);
  if (n <= RUN_SHOWN) {
    for (let i = 0; i < n; i++) text += step(i);
  } else {
    const half = RUN_SHOWN / 2;
    for (let i = 0; i < half; i++) text += step(i);
    text += ` … (${n - RUN_SHOWN} more steps) … ${run.states[n - half]}`;
    for (let i = n - half; i < n; i++) text += step(i);
  }
  return `${text}: ${run.accepted ? 'accepted' : 'rejected'}`;
}
