/**
 * Everything a frame shows, gathered by the Playground component from its
 * state and its background jobs. Views read only this.
 */
import type { Equivalence } from '../../automata/ops.js';
import type { WordflowError } from '../../errors.js';
import type { Certificate } from '../../vocabulary/index.js';
import type { Limits } from '../../limits.js';
import type { Compiled, Members, Outcome, Summary } from '../analysis.js';
import type { Run } from '../tracking.js';
import type { GalleryEntry } from '../../gallery.js';
import type { UiState } from '../state.js';
import type { ApproxResult } from '../approxCompute.js';
import type { MonoidInfo, VocabularyView } from './vocabularyModel.js';

/** A compiled language as the screen knows it. */
export interface LanguageView {
  /** The last language that compiled (possibly for older text). */
  readonly good: Compiled | null;
  /** The current text's error, if it does not compile. */
  readonly error: WordflowError | null;
  /** True while the current text's result is being computed. */
  readonly pending: boolean;
  /** True when `good` is not the current text's language. */
  readonly stale: boolean;
}

/** A job result that may be pending. */
export interface Pending<T> {
  readonly value: T | undefined;
  readonly pending: boolean;
}

/** One frame's worth of facts: the UI state, the size, and every job's latest result. */
export interface ScreenModel {
  readonly ui: UiState;
  readonly width: number;
  readonly height: number;
  readonly spinner: string;
  readonly limits: Limits;
  readonly language: LanguageView;
  readonly summary: Summary | null;
  /** The test string's run on `language.good`. */
  readonly run: Run | null;
  /** The second pattern of the equivalence pane. */
  readonly other: LanguageView;
  readonly equivalence: Pending<Outcome<Equivalence>>;
  readonly members: Pending<Outcome<Members>>;
  readonly monoid: Pending<Outcome<MonoidInfo> | null>;
  readonly vocabulary: Pending<Outcome<VocabularyView>>;
  /** The certificate of `vocabulary.value`, checked after it is built. */
  readonly certificate: Pending<Outcome<Certificate>>;
  readonly gallery: readonly GalleryEntry[];
  /** The Approx tab's sentence for its current inputs (computed only while the tab is on screen). */
  readonly approx: Pending<Outcome<ApproxResult>> & {
    /** How long the running compile has taken so far, or null when none runs (it may still be debouncing). */
    readonly elapsedMs: number | null;
  };
  readonly galleryError: string | null;
}
