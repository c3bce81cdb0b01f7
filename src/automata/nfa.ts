/**
 * Nondeterministic finite automata with ε-moves over an alphabet of classes.
 *
 * Built by Thompson's construction from expressions (see `fromRegex.ts`) and
 * directly from automaton files. States are integers `0..states-1`; each state
 * lists its class-labelled edges and its ε-edges.
 */
import type { Alphabet } from '../alphabet/alphabet.js';

/** An ε-NFA over alphabet classes (see the module comment). */
export interface Nfa {
  readonly alphabet: Alphabet;
  readonly states: number;
  readonly start: number;
  readonly accepting: Uint8Array;
  /** Per state: flat pairs `[class, target, class, target, …]`. */
  readonly edges: readonly Int32Array[];
  /** Per state: ε-successors. */
  readonly epsilon: readonly Int32Array[];
}
