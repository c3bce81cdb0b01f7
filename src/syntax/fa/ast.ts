/**
 * A parsed automaton file (`grammars/fa.md`): named states, one start state,
 * accepting states and labelled edges, each with the span of text it came
 * from. States are numbered in the order the file first mentions them, so
 * everything built from an `FaFile` is deterministic.
 *
 * Invariants: `start`, every entry of `accepting` and every edge end is a
 * valid index into `states`; state names are distinct; `accepting` is sorted
 * and has no repeats; edges are in file order.
 */
import type { CharSet } from '../../alphabet/charset.js';
import type { Span } from '../../errors.js';

/** One state: its name (quotes removed) and the span of its first mention. */
export interface FaState {
  readonly name: string;
  readonly span: Span;
}

/** What an edge reads: a set of code points, or nothing (an ε-edge). */
export type FaLabel = CharSet | 'epsilon';

/**
 * One edge. `q -a,[0-9]-> r` is a single edge whose label is the union of its
 * symbols; if the list also names ε, the file gives a second, ε-edge with the
 * same ends and span.
 */
export interface FaEdge {
  readonly from: number;
  readonly to: number;
  readonly label: FaLabel;
  /** From the source state's name to the target state's name. */
  readonly span: Span;
}

/** A whole automaton file. */
export interface FaFile {
  readonly states: readonly FaState[];
  readonly start: number;
  readonly accepting: readonly number[];
  readonly edges: readonly FaEdge[];
}
