/**
 * The `flow2d` vocabulary: invertible maps of the plane, each word a phrase
 * of primitive flows (see construct.ts). Evaluation uses the folded affine
 * map of the region the point is in, and the phrase itself anywhere else;
 * both give the same bits on every reachable point.
 */
import type { CompleteDfa } from '../../automata/dfa.js';
import { type CompiledPhrase, compilePhrase, formatPhrase, phraseLength, runCompiled } from '../../flows/phrase.js';
import { acceptingStates, nearAcceptingState, checkPoint, checkSentence, checkWord, labels } from '../common.js';
import type { VocabularyBase, VocabularyJson } from '../types.js';
import {
  FOLD_WIDTH,
  type Flow2dParams,
  flow2dParams,
  X_SCALE,
  X_SHIFT,
  Y_AFTER,
  Y_SCALE,
  Y_SHIFT,
} from './construct.js';

/** A flow2d vocabulary: `params` holds the phrases and folded maps. */
export type Flow2dVocabulary = VocabularyBase<'flow2d', Flow2dParams>;

const compiledCache = new WeakMap<Flow2dParams, readonly CompiledPhrase[]>();

/** The phrases packed for evaluation (cached per parameter record). */
export function compiledPhrases(params: Flow2dParams): readonly CompiledPhrase[] {
  let hit = compiledCache.get(params);
  if (hit === undefined) {
    hit = params.phrases.map(compilePhrase);
    compiledCache.set(params, hit);
  }
  return hit;
}

/** The column q with (x, y) ∈ R_q, or −1. */
function region(n: number, radius: number, x: number, y: number): number {
  const q = Math.round(x) + 0; // + 0: Math.round(−0.1) is −0
  return q >= 0 && q < n && Math.abs(x - q) <= radius && y >= 0 && y <= 1 ? q : -1;
}

/** The `flow2d` vocabulary of a complete DFA. */
export function flow2dVocabulary(dfa: CompleteDfa, params: Flow2dParams = flow2dParams(dfa)): Flow2dVocabulary {
  const n = dfa.states;
  const { folded, radius } = params;
  const compiled = compiledPhrases(params);
  const buf = new Float64Array(2);
  /** One word on (x, y) into buf: folded inside a region, the phrase elsewhere. */
  const step = (c: number, x: number, y: number): void => {
    const q = region(n, radius, x, y);
    if (q < 0) {
      runCompiled(compiled[c]!, x, y, buf);
      return;
    }
    const at = FOLD_WIDTH * (c * n + q);
    buf[0] = (x + folded[at + X_SHIFT]!) * folded[at + X_SCALE]!;
    buf[1] = y * folded[at + Y_SCALE]! + folded[at + Y_SHIFT]! + folded[at + Y_AFTER]!;
  };
  return {
    embedding: 'flow2d',
    dfa,
    dimension: 2,
    start: Float64Array.of(dfa.start, 0.5),
    params,
    apply(word, x, out = new Float64Array(2)) {
      checkWord(dfa, word);
      checkPoint(x, 2);
      step(word, x[0]!, x[1]!);
      out[0] = buf[0]!;
      out[1] = buf[1]!;
      return out;
    },
    run(classes, from) {
      checkSentence(dfa, classes);
      if (from !== undefined) checkPoint(from, 2);
      let x = from === undefined ? dfa.start : from[0]!;
      let y = from === undefined ? 0.5 : from[1]!;
      for (let i = 0; i < classes.length; i++) {
        const c = classes[i]!;
        const q = Math.round(x);
        if (q >= 0 && q < n && Math.abs(x - q) <= radius && y >= 0 && y <= 1) {
          const at = FOLD_WIDTH * (c * n + q);
          x = (x + folded[at]!) * folded[at + 1]!;
          y = y * folded[at + 2]! + folded[at + 3]! + folded[at + 4]!;
        } else {
          runCompiled(compiled[c]!, x, y, buf);
          x = buf[0]!;
          y = buf[1]!;
        }
      }
      return Float64Array.of(x, y);
    },
    stateOf(x) {
      const q = region(n, radius, x[0]!, x[1]!);
      return q < 0 ? null : q;
    },
    inTarget: (x) => nearAcceptingState(dfa, x[0]!),
    describe(): VocabularyJson {
      const names = labels(dfa);
      return {
        embedding: 'flow2d',
        dimension: 2,
        states: n,
        startState: dfa.start,
        accepting: acceptingStates(dfa),
        start: [dfa.start, 0.5],
        words: params.phrases.map((p, c) => ({
          class: c,
          label: names[c]!,
          map: {
            kind: 'flow2d',
            phrase: formatPhrase(p),
            steps: p.length,
            length: phraseLength(p),
            folded: Array.from({ length: n }, (_, q) => {
              const at = FOLD_WIDTH * (c * n + q);
              return {
                state: q,
                x: { shift: folded[at + X_SHIFT]!, scale: folded[at + X_SCALE]! },
                y: { scale: folded[at + Y_SCALE]!, shift: folded[at + Y_SHIFT]!, after: folded[at + Y_AFTER]! },
              };
            }),
          },
        })),
        regions: { description: `R_q = [q − ${radius}, q + ${radius}] × [0, 1]`, radius },
        target: { description: 'T = ⋃_{q∈F} (q − 1/2, q + 1/2) × ℝ', states: acceptingStates(dfa) },
        constants: { k: params.k, e: params.e, radius },
      };
    },
  };
}

/** One word's map by its phrase alone (no folding), written into `out`. */
export function applyUnfolded(
  v: Flow2dVocabulary,
  word: number,
  x: Float64Array,
  out = new Float64Array(2),
): Float64Array {
  checkWord(v.dfa, word);
  checkPoint(x, 2);
  runCompiled(compiledPhrases(v.params)[word]!, x[0]!, x[1]!, out);
  return out;
}

/** A sentence evaluated phrase by phrase, primitive flow by primitive flow (no folding). */
export function runUnfolded(
  v: Flow2dVocabulary,
  classes: ArrayLike<number>,
  from: Float64Array = v.start,
): Float64Array {
  checkSentence(v.dfa, classes);
  const compiled = compiledPhrases(v.params);
  const out = Float64Array.from(from);
  for (let i = 0; i < classes.length; i++) runCompiled(compiled[classes[i]!]!, out[0]!, out[1]!, out);
  return out;
}

export { flow2dParams, exactBits, type Flow2dParams } from './construct.js';
