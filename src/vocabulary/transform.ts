/**
 * `transform`: the exact discrete semantics. The space is the state set Q
 * (a point is a state id), word c is the transformation δ(·, c) stored as an
 * Int32Array, composition is array indexing, and the transformations
 * generate the transition monoid (see automata/monoid.ts). R_q = {q}, T = F.
 */
import type { CompleteDfa } from '../automata/dfa.js';
import { acceptingStates, checkPoint, checkSentence, checkWord, labels, wordName } from './common.js';
import { CertificateBuilder, type Certificate, type VocabularyBase, type VocabularyJson } from './types.js';
import { composedImage, type EmbeddingSpec, imageOf, list } from './registry.js';

/** The maps: `maps[c][q]` is the image of state q under word c. */
export interface TransformParams {
  readonly maps: readonly Int32Array[];
}

/** A transform vocabulary. */
export type TransformVocabulary = VocabularyBase<'transform', TransformParams>;

/** δ(·, c) for every class c, read off the DFA. */
export function transformParams(dfa: CompleteDfa): TransformParams {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const maps = dfa.alphabet.classes.map((_, c) => {
    const m = new Int32Array(n);
    for (let q = 0; q < n; q++) m[q] = dfa.delta[q * k + c]!;
    return m;
  });
  return { maps };
}

/** The `transform` vocabulary of a complete DFA with the given maps. */
export function transformVocabulary(
  dfa: CompleteDfa,
  params: TransformParams = transformParams(dfa),
): TransformVocabulary {
  const n = dfa.states;
  const { maps } = params;
  const stateOf = (x: Float64Array): number | null => {
    const q = x[0]!;
    return Number.isInteger(q) && q >= 0 && q < n ? q + 0 : null;
  };
  return {
    embedding: 'transform',
    dfa,
    dimension: 1,
    start: Float64Array.of(dfa.start),
    params,
    apply(word, x, out = new Float64Array(1)) {
      checkWord(dfa, word);
      checkPoint(x, 1);
      const q = stateOf(x);
      out[0] = q === null ? NaN : maps[word]![q]!;
      return out;
    },
    run(classes, from) {
      checkSentence(dfa, classes);
      let q = from === undefined ? dfa.start : (stateOf(from) ?? -1);
      for (let i = 0; i < classes.length && q >= 0; i++) q = maps[classes[i]!]![q]!;
      return Float64Array.of(q < 0 ? NaN : q);
    },
    stateOf,
    inTarget(x) {
      const q = stateOf(x);
      return q !== null && dfa.accepting[q] === 1;
    },
    describe(): VocabularyJson {
      const names = labels(dfa);
      return {
        embedding: 'transform',
        dimension: 1,
        states: n,
        startState: dfa.start,
        accepting: acceptingStates(dfa),
        start: [dfa.start],
        words: maps.map((m, c) => ({ class: c, label: names[c]!, map: { kind: 'transform', image: [...m] } })),
        regions: { description: 'R_q = {q}: a point is a state' },
        target: { description: 'T = F, the accepting states', states: acceptingStates(dfa) },
        constants: {},
      };
    },
  };
}

/**
 * Condition 2 is `maps[c][q] = δ(q, c)` exactly; conditions 1 and 3 hold by
 * construction of R_q and T. Images are points, so the margin is 0.
 */
export function certifyTransform(v: TransformVocabulary): Certificate {
  const { dfa } = v;
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const b = new CertificateBuilder('transform', n, k, 'exact');
  for (let c = 0; c < k; c++) {
    const m = v.params.maps[c]!;
    for (let q = 0; q < n; q++) {
      const target = dfa.delta[q * k + c]!;
      b.image(
        m[q] === target ? 0 : -1,
        q,
        c,
        () => `word ${wordName(dfa, c)} sends state ${q} to ${m[q]}, not to ${target}`,
      );
    }
  }
  return b.result();
}

/** The registry record of `transform` (see registry.ts). */
export const transformEmbedding: EmbeddingSpec<TransformVocabulary> = {
  name: 'transform',
  summary: 'Q; δ(·,c) as an integer array; exact, composition is array indexing',
  build: (dfa) => transformVocabulary(dfa),
  certify: certifyTransform,
  describeMap: (v, c) => `the transformation q ↦ δ(q, c): ${list(imageOf(v.dfa, c))}`,
  describeComposition: (v, classes) => `: the transformation ${list(composedImage(v.dfa, classes))}`,
  formatWord: (map, label) =>
    map.kind === 'transform'
      ? [`word ${label}: q ↦ δ(q, ${label})`, `  ${map.image.map((t, q) => `${q}→${t}`).join('  ')}`]
      : [],
  targetScore: () => null,
  picture: 'heatmap',
  plot: 'path',
  live: { build: 200_000, certify: 200_000 },
};
