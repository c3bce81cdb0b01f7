/**
 * The five embeddings behind one constructor: `vocabulary(dfa, name)`.
 * Every vocabulary is a tagged record (`embedding` discriminates its
 * `params`), so code that needs one embedding's parameters narrows on it.
 */
import type { Dfa } from '../automata/dfa.js';
import { WordflowError } from '../errors.js';
import { completeDfa } from './common.js';
import { flow2dVocabulary, type Flow2dVocabulary } from './flow2d/index.js';
import { certifyFlow2d } from './flow2d/certify.js';
import { onehotVocabulary, certifyOnehot, type OnehotVocabulary } from './onehot.js';
import { relu1dVocabulary, certifyRelu1d, type Relu1dVocabulary } from './relu1d.js';
import { certifySigmoid, defaultGain, sigmoidParams, sigmoidVocabulary, type SigmoidOptions, type SigmoidVocabulary } from './sigmoid.js';
import { certifyTransform, transformVocabulary, type TransformVocabulary } from './transform.js';
import { type Certificate, type EmbeddingName, EMBEDDING_NAMES, isEmbeddingName } from './types.js';

/** A vocabulary of any embedding. */
export type Vocabulary = TransformVocabulary | OnehotVocabulary | Relu1dVocabulary | SigmoidVocabulary | Flow2dVocabulary;

/** Options of `vocabulary`; only the sigmoid has any. */
export interface VocabularyOptions {
  readonly sigmoid?: SigmoidOptions;
}

/** The embedding's name, or a usage error listing the names. */
export function embeddingName(s: string): EmbeddingName {
  if (isEmbeddingName(s)) return s;
  throw new WordflowError('usage', `unknown embedding '${s}'; choose one of ${EMBEDDING_NAMES.join(', ')}`);
}

/**
 * The vocabulary of a DFA in one embedding. A partial DFA is completed first
 * (a dead state is added), since every word must be a total map.
 */
export function vocabulary(dfa: Dfa, embedding: EmbeddingName, options: VocabularyOptions = {}): Vocabulary {
  const full = completeDfa(dfa);
  switch (embedding) {
    case 'transform':
      return transformVocabulary(full);
    case 'onehot':
      return onehotVocabulary(full);
    case 'relu1d':
      return relu1dVocabulary(full);
    case 'sigmoid': {
      const gain = options.sigmoid?.gain ?? defaultGain(full);
      return sigmoidVocabulary(full, sigmoidParams(full, gain, options.sigmoid?.epsilon));
    }
    case 'flow2d':
      return flow2dVocabulary(full);
    default:
      throw new WordflowError('usage', `unknown embedding '${String(embedding)}'`);
  }
}

/**
 * Checks DESIGN.md's three region conditions for the vocabulary: regions
 * disjoint with x0 ∈ R_{q0}; f_c(R_q) ⊆ R_{δ(q,c)}; R_q ⊆ T iff q ∈ F.
 * Exact where the maps are piecewise linear with dyadic constants,
 * outward-rounded intervals elsewhere (see each embedding).
 */
export function certify(v: Vocabulary): Certificate {
  switch (v.embedding) {
    case 'transform':
      return certifyTransform(v);
    case 'onehot':
      return certifyOnehot(v);
    case 'relu1d':
      return certifyRelu1d(v);
    case 'sigmoid':
      return certifySigmoid(v);
    case 'flow2d':
      return certifyFlow2d(v);
  }
}
