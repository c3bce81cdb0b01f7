/** Small helpers shared by the embeddings. */
import { classLabel } from '../syntax/regex/print.js';
import { complete, type Dfa } from '../automata/dfa.js';
import { WordflowError } from '../errors.js';
import type { Point } from './types.js';

/** The DFA made complete (a complete DFA is returned as it is). */
export function completeDfa(dfa: Dfa): Dfa {
  return complete(dfa);
}

/** The accepting states, in order. */
export function acceptingStates(dfa: Dfa): number[] {
  const out: number[] = [];
  for (let q = 0; q < dfa.states; q++) if (dfa.accepting[q] === 1) out.push(q);
  return out;
}

/** Class labels in class order. */
export function labels(dfa: Dfa): string[] {
  return dfa.alphabet.classes.map((_, c) => classLabel(dfa.alphabet, c));
}

/** Throws a usage error unless `word` is a class of the DFA. */
export function checkWord(dfa: Dfa, word: number): void {
  if (!Number.isInteger(word) || word < 0 || word >= dfa.alphabet.classes.length) {
    throw new WordflowError(
      'usage',
      `there is no word (class) ${word}; classes are 0..${dfa.alphabet.classes.length - 1}`,
    );
  }
}

/** Throws a usage error unless the point has the vocabulary's dimension. */
export function checkPoint(x: Point, dimension: number): void {
  if (x.length !== dimension)
    throw new WordflowError('usage', `a point of this vocabulary has ${dimension} coordinates, not ${x.length}`);
}

/** Throws a usage error unless every class id of a sentence is valid. */
export function checkSentence(dfa: Dfa, classes: ArrayLike<number>): void {
  const k = dfa.alphabet.classes.length;
  for (let i = 0; i < classes.length; i++) {
    const c = classes[i]!;
    if (!(c >= 0 && c < k && Number.isInteger(c))) {
      throw new WordflowError('usage', `letter ${i} of the sentence is class ${c}; classes are 0..${k - 1}`);
    }
  }
}

/** The sparse form of a 0/1 (or weighted) matrix as [row, column, value] triples. */
export function triples(rows: Int32Array, cols: Int32Array, values: Float64Array): [number, number, number][] {
  const out: [number, number, number][] = [];
  for (let i = 0; i < rows.length; i++) out.push([rows[i]!, cols[i]!, values[i]!]);
  return out;
}

/** A word as messages name it: its class label, e.g. `a`, `[0-9]`, `other`. */
export function wordName(dfa: Dfa, c: number): string {
  return classLabel(dfa.alphabet, c);
}

/**
 * One word's map as `apply` wants it: `step(word, x, tmp)` into a scratch
 * vector, then copied, so `out` may alias `x`.
 */
export function applyVia(step: (word: number, x: Float64Array, out: Float64Array) => void, dfa: Dfa, n: number) {
  return (word: number, x: Float64Array, out: Float64Array = new Float64Array(n)): Float64Array => {
    checkWord(dfa, word);
    checkPoint(x, n);
    const tmp = new Float64Array(n);
    step(word, x, tmp);
    out.set(tmp);
    return out;
  };
}

/** A sentence's meaning by `step`, ping-ponging between two vectors (no allocation per letter). */
export function runVia(
  step: (word: number, x: Float64Array, out: Float64Array) => void,
  dfa: Dfa,
  n: number,
  start: Float64Array,
) {
  return (classes: ArrayLike<number>, from: Float64Array = start): Float64Array => {
    checkSentence(dfa, classes);
    checkPoint(from, n);
    let a = Float64Array.from(from);
    let b = new Float64Array(n);
    for (let i = 0; i < classes.length; i++) {
      step(classes[i]!, a, b);
      const t = a;
      a = b;
      b = t;
    }
    return a;
  };
}

/**
 * Membership of a point in the target of the one-dimensional-by-state
 * embeddings (`relu1d`, `flow2d`): its first coordinate within ½ of an
 * accepting state's position.
 */
export function nearAcceptingState(dfa: Dfa, x0: number): boolean {
  const q = Math.round(x0);
  return q >= 0 && q < dfa.states && dfa.accepting[q] === 1 && Math.abs(x0 - q) < 0.5;
}
