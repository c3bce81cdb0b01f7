/** Messages between the parallel reader and its worker threads. */
import type { Dfa } from '../automata/dfa.js';

/** Where a worker reads its chunk: a file by path, or a shared byte buffer. */
export type ChunkSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'shared'; readonly buffer: SharedArrayBuffer; readonly offset: number; readonly length: number };

/**
 * A share of one input: the chunks are `[bounds[i], bounds[i+1])`; every
 * thread takes the next chunk index from `next[0]` (an atomic counter shared
 * by all threads of the job) until none are left, so a thread that runs
 * slower (another process on its core, slower memory) simply takes fewer.
 */
export interface Job {
  readonly id: number;
  /** Identifies the language within the pool; `dfa` is sent the first time only. */
  readonly languageId: number;
  readonly dfa?: Dfa;
  readonly source: ChunkSource;
  readonly bounds: readonly number[];
  /** `Int32Array` view of one shared counter. */
  readonly next: Int32Array;
}

/** A worker's answer to a `Job`: the maps of the chunks it took, or an error. */
export interface JobResult {
  readonly id: number;
  /** Transformations on DFA states of the chunks this thread took, by chunk index. */
  readonly maps?: readonly (readonly [number, Int32Array])[];
  readonly error?: string;
}
