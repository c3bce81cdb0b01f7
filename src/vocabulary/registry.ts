/**
 * The embedding registry: one record per embedding, holding everything a
 * front end asks of it — how to build and certify its vocabulary, how to
 * describe one word's map and the composed map of a sentence, how to print a
 * word, how the target test reads as a score, which picture and which live
 * plot draw it, and its live budgets. The CLI (`check --verify`, `compile`,
 * `trace`, `certify`), the playground's vocabulary and trace panes, `explain`
 * and the pictures loop over this list or look a record up by name; none of
 * them names an embedding. Adding an embedding is one module that exports its
 * record and one line in `embeddings.ts` (see docs/ARCHITECTURE.md).
 *
 * Records are added once, at start-up; `registerEmbedding` also serves
 * embeddings defined outside the library (and tests).
 */
import type { CompleteDfa } from '../automata/dfa.js';
import { WordflowError } from '../errors.js';
import type { Certificate, MapJson, Point, VocabularyBase, VocabularyJson } from './types.js';

/** A vocabulary of any embedding, as the registry handles it (its parameters unknown). */
export type AnyVocabulary = VocabularyBase<string, unknown>;

/** Options of `vocabulary`: per embedding, keyed by its name (only the sigmoid has any today). */
export interface VocabularyOptions {
  readonly sigmoid?: { readonly gain?: number; readonly epsilon?: number };
}

/** How a trajectory is drawn as a picture (present/traceSvg): each kind is one drawing routine. */
export type PictureKind =
  /** The path of the point in the plane over the state regions (2-D embeddings). */
  | 'plane'
  /** A cobweb over the graphs of the maps (1-D embeddings). */
  | 'cobweb'
  /** The coordinates of the point over time as a heat map (any dimension). */
  | 'heatmap';

/** How the playground's trace pane plots the current point. */
export type PlotKind =
  /** Braille canvas of the plane with the regions outlined (2-D). */
  | 'plane'
  /** A number line with the regions and the target (1-D). */
  | 'line'
  /** One bar per coordinate of the point, with the target score. */
  | 'bars'
  /** The run as DFA states with visit counts (needs nothing of the point). */
  | 'path';

/** Everything the front ends need of one embedding (see the module comment). */
export interface EmbeddingSpec<V extends AnyVocabulary = AnyVocabulary> {
  /** The name on the command line and in the playground, e.g. `flow2d`. */
  readonly name: V['embedding'];
  /** One line for help texts: the space and the maps. */
  readonly summary: string;
  /** The vocabulary of a complete DFA. */
  build(dfa: CompleteDfa, options: VocabularyOptions): V;
  /** Checks the three region conditions (docs/ARCHITECTURE.md, "Embeddings"). */
  certify(v: V): Certificate;
  /** One word's map in words, for `explain`. */
  describeMap(v: V, word: number): string;
  /**
   * What the composed map of a sentence is in the embedding's own terms,
   * appended to the symbolic `f_wn ∘ … ∘ f_w1` (e.g. `: the transformation
   * 0→1 1→1`); empty when there is nothing more to say.
   */
  describeComposition(v: V, classes: readonly number[]): string;
  /** The lines printing one word of a described vocabulary (`compile`), after its header. */
  formatWord(map: MapJson, label: string, json: VocabularyJson): string[];
  /**
   * When T is a threshold on a score of the point (onehot: Σ over accepting
   * coordinates > ½), the score and its name; null otherwise. Panes show it
   * instead of recomputing the target region.
   */
  targetScore(v: V, x: Point): { readonly name: string; readonly value: number } | null;
  readonly picture: PictureKind;
  readonly plot: PlotKind;
  /**
   * Live budgets of the playground in (state, class) pairs: building the
   * vocabulary and checking its certificate each stay near a quarter of a
   * second at these sizes.
   */
  readonly live: { readonly build: number; readonly certify: number };
}

const specs: EmbeddingSpec[] = [];
const names: string[] = [];

/** Adds an embedding to the registry; its name must be new. */
export function registerEmbedding(spec: EmbeddingSpec): void {
  if (names.includes(spec.name))
    throw new WordflowError('usage', `an embedding named '${spec.name}' is already registered`);
  specs.push(spec);
  names.push(spec.name);
}

/** Every registered embedding, in registration order (from the discrete to the geometric for the built-in five). */
export function embeddingSpecs(): readonly EmbeddingSpec[] {
  return specs;
}

/** The names of the registered embeddings (a live view: it grows as embeddings are registered). */
export const REGISTERED_NAMES: readonly string[] = names;

/** The record of a registered embedding, or a usage error listing the names. */
export function embeddingSpec(name: string): EmbeddingSpec {
  const spec = specs.find((s) => s.name === name);
  if (spec === undefined)
    throw new WordflowError('usage', `unknown embedding '${name}'; choose one of ${names.join(', ')}`);
  return spec;
}

/** "1 word", "2 words", "3 classes": a count with its noun agreeing. */
export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : noun.endsWith('s') ? 'es' : 's'}`;
}

/** A number as the descriptions print it: integers as they are, others to 12 significant digits. */
export function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

/** At most `max` items, then how many there are. */
export function list(items: readonly string[], max = 8): string {
  return items.length > max ? `${items.slice(0, max).join(', ')}, … (${items.length} in all)` : items.join(', ');
}

/** δ(·, c) of a complete DFA as `q→t` pairs. */
export function imageOf(dfa: CompleteDfa, c: number): string[] {
  const k = dfa.alphabet.classes.length;
  return Array.from({ length: dfa.states }, (_, q) => `${q}→${dfa.delta[q * k + c]!}`);
}

/** δ*(·, w) of a complete DFA for a sentence w, as `q→t` pairs. */
export function composedImage(dfa: CompleteDfa, classes: readonly number[]): string[] {
  const k = dfa.alphabet.classes.length;
  return Array.from({ length: dfa.states }, (_, q0) => {
    let q = q0;
    for (const c of classes) q = dfa.delta[q * k + c]!;
    return `${q0}→${q}`;
  });
}
