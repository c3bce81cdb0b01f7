/**
 * The vocabulary of the shown DFA in the selected embedding, as the panes
 * need it: the vocabulary itself (to evaluate prefixes), its description
 * (per-class maps with their parameters) and its certificate. Built in a
 * background job under the live budgets; the trace of a string is cached per
 * vocabulary and extended incrementally, like the DFA run.
 */
import type { CompleteDfa, Dfa } from '../../automata/dfa.js';
import { WordflowError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import { attempt, type Outcome } from '../analysis.js';
import { monoidStructure, transitionMonoid } from '../../automata/monoid.js';
import {
  certify,
  embeddingSpec,
  vocabulary,
  type Certificate,
  type EmbeddingName,
  type Point,
  type Vocabulary,
  type VocabularyJson,
} from '../../vocabulary/index.js';

/** A built vocabulary with its description and the time it took. */
export interface VocabularyView {
  readonly embedding: EmbeddingName;
  readonly vocabulary: Vocabulary;
  readonly json: VocabularyJson;
  readonly ms: number;
}

function pairs(dfa: Dfa): number {
  return dfa.states * dfa.alphabet.classes.length;
}

/**
 * The live budget in (state, class) pairs: the embedding's own (its registry
 * record's `live`: building and certifying each stay near a quarter of a
 * second; the sigmoid's gain search and the flow2d certificate grow fastest).
 * `wordflow play --live-pairs N` raises them all to at least N; `wordflow
 * compile` / `certify` have no such bound.
 */
function budget(embedding: EmbeddingName, what: 'build' | 'certify', livePairs: number | undefined): number {
  return Math.max(embeddingSpec(embedding).live[what], livePairs ?? 0);
}

function overBudget(dfa: Dfa, embedding: EmbeddingName, what: string, cap: number, command: string): WordflowError {
  return new WordflowError(
    'limit',
    `${what}: ${dfa.states.toLocaleString('en-US')} states × ${dfa.alphabet.classes.length} classes is over the live limit of ${cap.toLocaleString('en-US')} (state, class) pairs for ${embedding}; raise it with wordflow play --live-pairs N, or run wordflow ${command} PATTERN --embedding ${embedding}`,
  );
}

/** Builds and describes the vocabulary (its certificate is a separate, later job). */
export function vocabularyView(
  dfa: CompleteDfa,
  embedding: EmbeddingName,
  livePairs?: number,
): Outcome<VocabularyView> {
  return attempt(() => {
    const cap = budget(embedding, 'build', livePairs);
    if (pairs(dfa) > cap) throw overBudget(dfa, embedding, 'vocabulary', cap, 'compile');
    const t0 = performance.now();
    const v = vocabulary(dfa, embedding);
    return { embedding, vocabulary: v, json: v.describe(), ms: performance.now() - t0 };
  });
}

/** The vocabulary's certificate, within the live budget. */
export function certificateOf(view: VocabularyView, livePairs?: number): Outcome<Certificate> {
  return attempt(() => {
    const dfa = view.vocabulary.dfa;
    const cap = budget(view.embedding, 'certify', livePairs);
    if (pairs(dfa) > cap) throw overBudget(dfa, view.embedding, 'certificate', cap, 'certify');
    return certify(view.vocabulary);
  });
}

/** The points x_0 … x_m of the first m letters (m = classes.length, up to the budget). */
export interface Trace {
  readonly classes: Int32Array;
  /** `points[i]`: the point after i letters, for i ≤ points.length − 1. */
  readonly points: readonly Point[];
  /** True when the budget stopped the trace before the end of the string. */
  readonly cut: boolean;
}

/** Letters whose points the live trace computes at most; beyond, the pane says so. */
export const LIVE_TRACE_LETTERS = 20_000;

/** Floats of points a trace keeps at most (about 16 MB). */
const TRACE_FLOATS = 2_000_000;

const traces = new WeakMap<Vocabulary, Trace>();

/**
 * The trace of a string's classes through a vocabulary, reusing the cached
 * trace of the same vocabulary up to the first changed letter.
 */
export function traceOf(vocabulary: Vocabulary, classes: Int32Array): Trace {
  const old = traces.get(vocabulary);
  const cap = Math.max(1, Math.floor(TRACE_FLOATS / Math.max(1, vocabulary.dimension)));
  const upto = Math.min(classes.length, cap);
  let same = 0;
  if (old !== undefined) {
    const limit = Math.min(old.points.length - 1, upto);
    while (same < limit && old.classes[same] === classes[same]) same++;
  }
  const points: Point[] = old === undefined ? [Float64Array.from(vocabulary.start)] : old.points.slice(0, same + 1);
  for (let i = same; i < upto; i++) points.push(vocabulary.apply(classes[i]!, points[i]!));
  const trace = { classes: classes.slice(0, upto), points, cut: upto < classes.length };
  traces.set(vocabulary, trace);
  return trace;
}

/** The monoid's size and aperiodicity, or the bound it went over. */
export type MonoidInfo =
  | {
      readonly kind: 'size';
      readonly size: number;
      readonly aperiodic: boolean;
      /** aperiodic: the least k with x^k = x^(k+1) for every x. */
      readonly k: number | null;
      /** not aperiodic: the group around the first periodic element and that element's period, e.g. `ℤ2`, 2. */
      readonly group: string | null;
      readonly period: number | null;
    }
  /** `byFlag`: whether --max-monoid (rather than the live work bound) set the bound. */
  | { readonly kind: 'over'; readonly bound: number; readonly byFlag: boolean };

/** Monoid elements × states × classes computed at most live ("when cheap"). */
const MONOID_WORK = 4_000_000;

/** The transition monoid's size when it is cheap to find: within --max-monoid and a live work bound. */
export function monoidSize(dfa: Dfa, limits: Limits): Outcome<MonoidInfo> {
  const work = Math.max(1, dfa.states * dfa.alphabet.classes.length);
  const bound = Math.max(1, Math.min(limits.maxMonoid, Math.floor(MONOID_WORK / work)));
  const r = attempt(() => transitionMonoid(dfa, { ...limits, maxMonoid: bound }));
  if (r.ok) {
    const s = monoidStructure(r.value);
    const group = s.group === null ? null : s.group.name.name;
    return {
      ok: true,
      value: {
        kind: 'size',
        size: r.value.size,
        aperiodic: r.value.aperiodic,
        k: s.aperiodicity,
        group,
        period: s.witness?.period ?? null,
      },
    };
  }
  return r.error.kind === 'limit'
    ? { ok: true, value: { kind: 'over', bound, byFlag: bound === limits.maxMonoid } }
    : r;
}
