/**
 * wordflow's vocabularies: a DFA read as words (one map per alphabet
 * class), sentences (compositions) and meanings (where the composition
 * carries the start point). See docs/ARCHITECTURE.md, "Embeddings".
 */
import { classesOfText } from '../alphabet/decode.js';
import { accepts, type CompleteDfa, type Dfa } from '../automata/dfa.js';
import { type EmbeddingName, vocabulary, type Vocabulary } from './embeddings.js';
import { type AnyVocabulary, embeddingSpecs } from './registry.js';

export * from './types.js';
export {
  vocabulary,
  certify,
  embeddingName,
  isEmbeddingName,
  EMBEDDING_NAMES,
  type EmbeddingName,
  type Vocabulary,
  type VocabularyOptions,
} from './embeddings.js';
export {
  registerEmbedding,
  embeddingSpec,
  embeddingSpecs,
  type AnyVocabulary,
  type EmbeddingSpec,
  type PictureKind,
  type PlotKind,
} from './registry.js';
export { trace, type Trace, type TraceStep, type TraceOptions } from './trace.js';
export {
  transformVocabulary,
  transformParams,
  certifyTransform,
  type TransformParams,
  type TransformVocabulary,
} from './transform.js';
export {
  onehotVocabulary,
  onehotParams,
  certifyOnehot,
  type OnehotParams,
  type OnehotVocabulary,
  type SparseColumns,
} from './onehot.js';
export {
  relu1dVocabulary,
  relu1dParams,
  certifyRelu1d,
  evaluateKnots,
  evaluateNetwork,
  reluNetwork,
  type Knots,
  type Relu1dParams,
  type Relu1dVocabulary,
} from './relu1d.js';
export {
  sigmoidVocabulary,
  sigmoidParams,
  certifySigmoid,
  minimalGain,
  omlinGilesBound,
  defaultGain,
  bestEpsilon,
  crowding,
  maxInDegree,
  type GainReport,
  type SigmoidOptions,
  type SigmoidParams,
  type SigmoidVocabulary,
} from './sigmoid.js';
export {
  flow2dVocabulary,
  flow2dParams,
  exactBits,
  applyUnfolded,
  runUnfolded,
  compiledPhrases,
  type Flow2dParams,
  type Flow2dVocabulary,
} from './flow2d/index.js';
export { FOLD_WIDTH, X_SHIFT, X_SCALE, Y_SCALE, Y_SHIFT, Y_AFTER } from './flow2d/construct.js';
export { decode, type Decoded } from './flow2d/decode.js';
export { certifyFlow2d, regionImage, type RegionImage } from './flow2d/certify.js';
export {
  explain,
  renderExplanation,
  representative,
  type Explanation,
  type SentenceReading,
  type AnalogyRow,
} from './explain.js';
export { formatVocabulary, formatCertificate, formatTrace } from './format.js';
export { soundness, sigmoidRoundingBound, type Soundness } from './soundness.js';

/** The classes of the code points of `s`, as an Int32Array (no per-letter allocation). */
export function sentence(dfa: Dfa, s: string): Int32Array {
  return classesOfText(dfa.alphabet, s);
}

/** Membership decided by the vocabulary: compose the words of `s` from x0 and test T. */
export function acceptsBy(v: AnyVocabulary, s: string): boolean {
  return v.inTarget(v.run(sentence(v.dfa, s)));
}

const cache = new WeakMap<Dfa, Map<string, Vocabulary>>();

/** The vocabulary of `dfa` in `embedding`, built once per DFA object and reused. */
export function cachedVocabulary(dfa: CompleteDfa, embedding: EmbeddingName): Vocabulary {
  let byName = cache.get(dfa);
  if (byName === undefined) {
    byName = new Map();
    cache.set(dfa, byName);
  }
  let v = byName.get(embedding);
  if (v === undefined) {
    v = vocabulary(dfa, embedding);
    byName.set(embedding, v);
  }
  return v;
}

/**
 * Decides `s` with the DFA and with every embedding; `disagreements` names
 * each embedding whose verdict differs from the DFA's (empty when all
 * agree). Vocabularies are cached per DFA object, so a stream of strings
 * over one language builds them once.
 */
export function verifyAll(dfa: CompleteDfa, s: string): { accept: boolean; disagreements: string[] } {
  const accept = accepts(dfa, s);
  const disagreements: string[] = [];
  for (const { name } of embeddingSpecs()) {
    if (acceptsBy(cachedVocabulary(dfa, name as EmbeddingName), s) !== accept) disagreements.push(name);
  }
  return { accept, disagreements };
}
