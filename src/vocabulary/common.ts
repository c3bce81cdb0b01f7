/** Small helpers shared by the embeddings. */
import { classLabel } from '../alphabet/alphabet.js';
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
    throw new WordflowError('usage', `there is no word (class) ${word}; classes are 0..${dfa.alphabet.classes.length - 1}`);
  }
}

/** Throws a usage error unless the point has the vocabulary's dimension. */
export function checkPoint(x: Point, dimension: number): void {
  if (x.length !== dimension) throw new WordflowError('usage', `a point of this vocabulary has ${dimension} coordinates, not ${x.length}`);
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
