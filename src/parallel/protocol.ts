/** Messages between the parallel reader and its worker threads. */
import type { Dfa } from '../automata/dfa.js';

/** Where a worker reads its chunk: a file by path, or a shared byte buffer. */
export type ChunkSource =
  | { readonly kind: 'file'; readonly path: string }
  | { readonly kind: 'shared'; readonly buffer: SharedArrayBuffer; readonly offset: number; readonly length: number };

export interface Job {
  readonly id: number;
  /** Identifies the language within the pool; `dfa` is sent the first time only. */
  readonly languageId: number;
  readonly dfa?: Dfa;
  readonly source: ChunkSource;
  readonly from: number;
  readonly to: number;
}

export interface JobResult {
  readonly id: number;
  /** The chunk's transformation on DFA states. */
  readonly map?: Int32Array;
  readonly error?: string;
}
