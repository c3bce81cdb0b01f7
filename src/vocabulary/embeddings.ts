/**
 * The built-in embeddings, registered in the order of docs/ARCHITECTURE.md
 * (from the discrete to the geometric), and `vocabulary(dfa, name)` /
 * `certify(v)` over the registry. Every vocabulary is a tagged record
 * (`embedding` discriminates its `params`), so code that needs one
 * embedding's parameters narrows on it; code that needs none goes through
 * the registry record (registry.ts).
 */
import type { CompleteDfa } from '../automata/dfa.js';
import { flow2dEmbedding } from './flow2d/embedding.js';
import { onehotEmbedding } from './onehot.js';
import {
  type AnyVocabulary,
  embeddingSpec,
  REGISTERED_NAMES,
  registerEmbedding,
  type VocabularyOptions,
} from './registry.js';
import { relu1dEmbedding } from './relu1d.js';
import { sigmoidEmbedding } from './sigmoid.js';
import { transformEmbedding } from './transform.js';
import type { Certificate } from './types.js';

export type { VocabularyOptions } from './registry.js';

/** The built-in embeddings: a new one is one module exporting its record, and one entry here. */
const BUILT_IN = [transformEmbedding, onehotEmbedding, relu1dEmbedding, sigmoidEmbedding, flow2dEmbedding] as const;
// Each record is called only with its own vocabularies (the registry holds them as base records).
for (const spec of BUILT_IN) registerEmbedding(spec);

/** A vocabulary of any built-in embedding (narrow on `embedding` for its `params`). */
export type Vocabulary = ReturnType<(typeof BUILT_IN)[number]['build']>;

/** The name of an embedding. */
export type EmbeddingName = Vocabulary['embedding'];

/** Every registered embedding's name, in registration order (the built-in five first). */
export const EMBEDDING_NAMES = REGISTERED_NAMES as readonly EmbeddingName[];

/** Whether a string names a registered embedding. */
export function isEmbeddingName(s: string): s is EmbeddingName {
  return REGISTERED_NAMES.includes(s);
}

/** The embedding's name, or a usage error listing the names. */
export function embeddingName(s: string): EmbeddingName {
  return embeddingSpec(s).name as EmbeddingName;
}

/**
 * The vocabulary of a complete DFA in one embedding (every word must be a
 * total map, hence `CompleteDfa`: see `complete` and `minimize`).
 */
export function vocabulary(dfa: CompleteDfa, embedding: EmbeddingName, options: VocabularyOptions = {}): Vocabulary {
  // An embedding registered from outside is typed as the built-in union here; its record builds it.
  return embeddingSpec(embedding).build(dfa, options) as Vocabulary;
}

/**
 * Checks the three region conditions of docs/ARCHITECTURE.md for the
 * vocabulary: regions disjoint with x0 ∈ R_{q0}; f_c(R_q) ⊆ R_{δ(q,c)};
 * R_q ⊆ T iff q ∈ F. Exact where the maps are piecewise linear with dyadic
 * constants, outward-rounded intervals elsewhere (see each embedding).
 */
export function certify(v: AnyVocabulary): Certificate {
  return embeddingSpec(v.embedding).certify(v);
}
