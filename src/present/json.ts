/**
 * The machine-readable DFA of `dfa --format json` (a contract, see schemas/dfa.schema.json):
 * the complete DFA over its classes, with the dead state's index.
 */
import { classLabel } from '../syntax/regex/print.js';
import { type Dfa, complete, deadState } from '../automata/dfa.js';

/** The JSON form of a DFA (`dfa --format json`; schema in `schemas/dfa.schema.json`). */
export interface DfaJson {
  readonly states: number;
  readonly start: number;
  readonly accept: number[];
  readonly dead: number | null;
  readonly classes: { label: string; ranges: [number, number][] }[];
  readonly delta: number[][];
}

/** The complete DFA as `DfaJson`: every state, the dead one included, and one column per class. */
export function dfaToJson(dfa0: Dfa): DfaJson {
  const dfa = complete(dfa0);
  const k = dfa.alphabet.classes.length;
  const accept: number[] = [];
  for (let q = 0; q < dfa.states; q++) if (dfa.accepting[q]) accept.push(q);
  return {
    states: dfa.states,
    start: dfa.start,
    accept,
    dead: deadState(dfa),
    classes: dfa.alphabet.classes.map((set, c) => ({
      label: classLabel(dfa.alphabet, c),
      ranges: set.ranges.map(([lo, hi]) => [lo, hi] as [number, number]),
    })),
    delta: Array.from({ length: dfa.states }, (_, q) => Array.from(dfa.delta.subarray(q * k, q * k + k))),
  };
}
