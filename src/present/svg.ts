/**
 * DOT → SVG in-process with Graphviz compiled to WebAssembly (`@viz-js/viz`),
 * so no system Graphviz is needed. The module is imported and instantiated
 * on first use only: commands that never draw a graph do not pay for
 * loading it.
 */
import type { Viz } from '@viz-js/viz';
import { type Dfa } from '../automata/dfa.js';
import { WordflowError } from '../errors.js';
import { dfaToDot, type DotOptions, shownStates } from './dot.js';
import { runOf } from './run.js';

/**
 * Most states `dfaToSvg` lays out unless told otherwise. Graphviz's layout
 * time grows steeply with crossings: a densely connected DFA of 65 states
 * takes about 0.6 s, one of 129 states about 10 s, one of 257 states over
 * five minutes (measured with `(a|b)*a(a|b){n}`); tree-like DFAs of a
 * hundred states take a fraction of a second. 150 keeps the worst case
 * around half a minute. `wordflow dfa --max-draw-states N` raises it:
 * `wordflow dfa '(a|b)*a(a|b){8}' --format svg` gives "the DFA has 513
 * states to draw …, more than --max-draw-states 150 …".
 */
export const MAX_DRAWN_STATES = 150;

/** What `dfaToSvg` draws, and how large a graph it accepts. */
export interface SvgOptions extends DotOptions {
  /** Most states to lay out (default `MAX_DRAWN_STATES`); more is a `limit` error. */
  readonly maxStates?: number;
}

let viz: Promise<Viz> | undefined;

function graphviz(): Promise<Viz> {
  viz ??= import('@viz-js/viz').then((m) => m.instance());
  return viz;
}

/**
 * Lays out and renders a DOT graph as an SVG document with Graphviz's `dot`
 * engine. Throws a `WordflowError` (kind `internal`) when Graphviz rejects
 * the graph or fails, which would be a bug in the DOT writer or in Graphviz.
 */
export async function renderDot(dot: string): Promise<string> {
  const instance = await graphviz();
  let result: ReturnType<Viz['render']>;
  try {
    result = instance.render(dot, { format: 'svg', engine: 'dot' });
  } catch (e) {
    // A crashed WebAssembly instance may be left inconsistent: start afresh next time.
    viz = undefined;
    throw new WordflowError(
      'internal',
      `Graphviz failed while drawing the graph: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (result.status !== 'success' || result.output === undefined) {
    const why = result.errors.map((e) => e.message.trim()).join('; ');
    throw new WordflowError('internal', `Graphviz could not draw the graph: ${why || 'no reason given'}`);
  }
  return result.output;
}

/** How many states `dfaToDot` would draw with these options. */
export function drawnStates(dfa: Dfa, options: DotOptions = {}): number {
  const run = options.highlight === undefined ? undefined : runOf(dfa, options.highlight);
  return shownStates(dfa, options, run).filter(Boolean).length;
}

/**
 * The DFA drawn as SVG (see `dfaToDot` for what is drawn). Throws a
 * `WordflowError` (kind `limit`) when more than `options.maxStates` states
 * would be drawn.
 *
 * @example
 * const svg = await dfaToSvg(compileRegex('(a|b)*abb'), { highlight: 'babb' });
 */
export async function dfaToSvg(dfa: Dfa, options: SvgOptions = {}): Promise<string> {
  const max = options.maxStates ?? MAX_DRAWN_STATES;
  const drawn = drawnStates(dfa, options);
  if (drawn > max) {
    throw new WordflowError(
      'limit',
      `the DFA has ${drawn} states to draw, more than --max-draw-states ${max}: Graphviz takes long on graphs this size. ` +
        'Raise --max-draw-states, or render --format dot with a Graphviz of your own, or use --format table or json',
    );
  }
  return renderDot(dfaToDot(dfa, options));
}
