/**
 * The language read in the terms of Cai (ICML 2024), "Vocabulary for
 * Universal Approximation: A Linguistic Perspective of Mapping
 * Compositions": its words (alphabet classes) and their maps, a phrase, an
 * accepted and a rejected sentence and where they land, the target region,
 * and the analogy table filled in for this language. `explain` returns the
 * structured reading; `renderExplanation` turns it into text.
 */
import type { Alphabet } from '../alphabet/alphabet.js';
import { classLabel } from '../syntax/regex/print.js';
import { type CompleteDfa, deadState, type Dfa } from '../automata/dfa.js';
import { formatPhrase, phraseLength } from '../flows/phrase.js';
import { type EmbeddingName, vocabulary, type Vocabulary, type VocabularyOptions } from './embeddings.js';
import { embeddingSpec, list } from './registry.js';
import type { MapJson } from './types.js';

/** A sentence and where its composed map carries x0. */
export interface SentenceReading {
  readonly text: string;
  readonly classes: readonly number[];
  /** The words (class labels) in reading order. */
  readonly words: readonly string[];
  /** f_{c_n} ∘ … ∘ f_{c_1}, written out. */
  readonly composition: string;
  readonly landing: readonly number[];
  /** The region the landing point lies in. */
  readonly region: number | null;
  readonly state: number;
  readonly inTarget: boolean;
}

/** One row of the analogy table. */
export interface AnalogyRow {
  readonly linguistics: string;
  readonly mathematics: string;
  readonly here: string;
}

/** The structured reading of a language. */
export interface Explanation {
  readonly embedding: EmbeddingName;
  readonly language: { readonly states: number; readonly classes: number; readonly start: number; readonly accepting: readonly number[]; readonly dead: number | null };
  readonly dimension: number;
  readonly start: readonly number[];
  readonly words: readonly { readonly class: number; readonly label: string; readonly representative: string; readonly map: string; readonly json: MapJson }[];
  /** A phrase: a short composition of words; for flow2d also one word as its phrase of primitive flows. */
  readonly phrase: {
    readonly words: readonly string[];
    readonly composition: string;
    readonly primitive?: { readonly word: string; readonly phrase: string; readonly runs: number; readonly length: number };
  };
  readonly accepted: SentenceReading | null;
  readonly rejected: SentenceReading | null;
  readonly regions: string;
  readonly target: string;
  readonly analogy: readonly AnalogyRow[];
}

/** A code point of class c, preferring printable ASCII, then any printable, so sentences can be typed. */
export function representative(alphabet: Alphabet, c: number): number {
  const ranges = alphabet.classes[c]!.ranges;
  for (const [lo, hi] of ranges) if (hi >= 0x21 && lo <= 0x7e) return Math.max(lo, 0x21);
  for (const [lo, hi] of ranges) if (hi >= 0xa1) return Math.max(lo, 0xa1);
  return ranges[0]![0];
}

/**
 * Shortest (then least in class order) class sequence of at least
 * `minLength` letters from the start to a state satisfying `goal`: BFS over
 * (state, letters read capped at minLength).
 */
function shortest(dfa: Dfa, goal: (q: number) => boolean, minLength = 0): number[] | null {
  const k = dfa.alphabet.classes.length;
  const layers = minLength + 1;
  const node = (q: number, l: number): number => q * layers + l;
  const parent = new Int32Array(dfa.states * layers).fill(-2);
  const via = new Int32Array(dfa.states * layers);
  parent[node(dfa.start, 0)] = -1;
  const queue = [node(dfa.start, 0)];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const q = Math.floor(v / layers);
    const l = v % layers;
    if (l === minLength && goal(q)) {
      const path: number[] = [];
      for (let s = v; parent[s] !== -1; s = parent[s]!) path.push(via[s]!);
      return path.reverse();
    }
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t < 0) continue;
      const w = node(t, Math.min(minLength, l + 1));
      if (parent[w] === -2) {
        parent[w] = v;
        via[w] = c;
        queue.push(w);
      }
    }
  }
  return null;
}

function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? '' : 's'}`;
}

function fmt(x: number): string {
  return Number.isInteger(x) ? String(x) : String(Number(x.toPrecision(12)));
}

function point(p: ArrayLike<number>): string {
  const xs = Array.from(p, fmt);
  return xs.length > 8 ? `(${xs.slice(0, 8).join(', ')}, … ${xs.length} coordinates)` : `(${xs.join(', ')})`;
}

/** The composed map of a sentence, in the embedding's own terms (from its registry record). */
function describeComposition(v: Vocabulary, classes: readonly number[], words: readonly string[]): string {
  const symbolic = classes.length === 0 ? 'id (the empty composition)' : [...words].reverse().map((w) => `f_${w}`).join(' ∘ ');
  return symbolic + embeddingSpec(v.embedding).describeComposition(v, classes);
}

function reading(v: Vocabulary, classes: readonly number[]): SentenceReading {
  const { dfa } = v;
  const k = dfa.alphabet.classes.length;
  const words = classes.map((c) => classLabel(dfa.alphabet, c));
  const text = String.fromCodePoint(...classes.map((c) => representative(dfa.alphabet, c)));
  const landing = v.run(classes);
  let state = dfa.start;
  for (const c of classes) state = dfa.delta[state * k + c]!;
  return {
    text,
    classes,
    words,
    composition: describeComposition(v, classes, words),
    landing: [...landing],
    region: v.stateOf(landing),
    state,
    inTarget: v.inTarget(landing),
  };
}

/** The linguistic reading of a complete DFA's language in one embedding. */
export function explain(dfa: CompleteDfa, embedding: EmbeddingName = 'flow2d', options: VocabularyOptions = {}): Explanation {
  const v = vocabulary(dfa, embedding, options);
  const spec = embeddingSpec(embedding);
  const full = v.dfa;
  const k = full.alphabet.classes.length;
  const json = v.describe();
  const accepting: number[] = [];
  for (let q = 0; q < full.states; q++) if (full.accepting[q] === 1) accepting.push(q);
  const acceptedPath = shortest(full, (q) => full.accepting[q] === 1);
  const rejectedPath = shortest(full, (q) => full.accepting[q] === 0);
  const accepted = acceptedPath === null ? null : reading(v, acceptedPath);
  const rejected = rejectedPath === null ? null : reading(v, rejectedPath);
  const words = json.words.map((w) => ({
    class: w.class,
    label: w.label,
    representative: String.fromCodePoint(representative(full.alphabet, w.class)),
    map: spec.describeMap(v, w.class),
    json: w.map,
  }));
  // A phrase of two or three words: the start of a shortest accepted sentence of at least two letters, if any.
  const phraseClasses = (shortest(full, (q) => full.accepting[q] === 1, 2) ?? shortest(full, () => true, 2)!).slice(0, 3);
  const phraseWords = phraseClasses.map((c) => classLabel(full.alphabet, c));
  const firstWord = phraseClasses[0]!;
  const primitive =
    v.embedding === 'flow2d'
      ? { word: classLabel(full.alphabet, firstWord), phrase: formatPhrase(v.params.phrases[firstWord]!), runs: v.params.phrases[firstWord]!.length, length: phraseLength(v.params.phrases[firstWord]!) }
      : undefined;
  const phrase = { words: phraseWords, composition: describeComposition(v, phraseClasses, phraseWords), ...(primitive === undefined ? {} : { primitive }) };
  const show = (r: SentenceReading | null, verdict: string): string =>
    r === null
      ? `no sentence is ${verdict}`
      : `${JSON.stringify(r.text)} lands at ${point(r.landing)} in R_${r.region ?? '?'}, ${r.inTarget ? 'inside' : 'outside'} T: ${verdict}`;
  const analogy: AnalogyRow[] = [
    {
      linguistics: 'word',
      mathematics: 'map',
      here: `${k} words (${list(words.map((w) => w.label))}), each a map of ℝ^${v.dimension}${v.embedding === 'flow2d' ? ', itself a phrase over the 12 primitive flows' : ''}`,
    },
    {
      linguistics: 'phrase',
      mathematics: 'composition',
      here: primitive !== undefined
        ? `word ${primitive.word} = ${primitive.length} primitive flows composed; ${phraseWords.join('')} = ${phrase.composition.split(';')[0]}`
        : `${phraseWords.join(' ')} = ${phrase.composition.split(':')[0]}`,
    },
    {
      linguistics: 'sentence',
      mathematics: 'composed map applied to x0',
      here: accepted !== null ? `${JSON.stringify(accepted.text)} ↦ ${point(accepted.landing)}` : rejected !== null ? `${JSON.stringify(rejected.text)} ↦ ${point(rejected.landing)}` : 'x0',
    },
    {
      linguistics: 'grammar',
      mathematics: 'automaton',
      here: `the minimal complete DFA: ${full.states} states, start ${full.start}, accepting {${accepting.join(', ')}}, one transition per state and word`,
    },
    {
      linguistics: 'meaning',
      mathematics: 'landing region',
      here: `${json.target.description}; ${show(accepted, 'accepted')}`,
    },
  ];
  return {
    embedding,
    language: { states: full.states, classes: k, start: full.start, accepting, dead: deadState(full) },
    dimension: v.dimension,
    start: [...v.start],
    words,
    phrase,
    accepted,
    rejected,
    regions: json.regions.description,
    target: json.target.description,
    analogy,
  };
}

/** The explanation as text for a terminal. */
export function renderExplanation(e: Explanation): string {
  const lines: string[] = [];
  const { language: l } = e;
  lines.push(`Grammar: a minimal DFA with ${plural(l.states, 'state')} and ${plural(l.classes, 'word')}; start ${l.start}, accepting {${l.accepting.join(', ')}}${l.dead === null ? '' : `, dead state ${l.dead}`}.`);
  lines.push(`Embedding ${e.embedding}: points of ℝ^${e.dimension}, start x0 = ${point(e.start)}; ${e.regions}.`);
  lines.push('');
  lines.push('Words (one map per class):');
  for (const w of e.words) lines.push(`  ${w.label.padEnd(10)} (e.g. ${JSON.stringify(w.representative)})  ${w.map}`);
  lines.push('');
  lines.push(`A phrase: ${e.phrase.words.join(' ')} = ${e.phrase.composition}`);
  if (e.phrase.primitive !== undefined) {
    const p = e.phrase.primitive;
    lines.push(`  word ${p.word} as a phrase of primitive flows (${p.length} flows, ${p.runs} runs):`);
    lines.push(`  ${p.phrase}`);
  }
  lines.push('');
  const sentence = (label: string, r: SentenceReading | null): void => {
    if (r === null) {
      lines.push(`${label}: none — every sentence is ${label === 'Accepted sentence' ? 'rejected' : 'accepted'}.`);
      return;
    }
    lines.push(`${label}: ${JSON.stringify(r.text)} (words ${r.words.length === 0 ? 'none' : r.words.join(' ')})`);
    lines.push(`  composed map: ${r.composition}`);
    lines.push(`  lands at ${point(r.landing)}, in R_${r.region ?? '?'} (state ${r.state}), ${r.inTarget ? 'inside' : 'outside'} T`);
  };
  sentence('Accepted sentence', e.accepted);
  sentence('Rejected sentence', e.rejected);
  lines.push(`Target region: ${e.target}`);
  lines.push('');
  lines.push('Analogy:');
  const w1 = Math.max(...e.analogy.map((r) => r.linguistics.length));
  const w2 = Math.max(...e.analogy.map((r) => r.mathematics.length));
  for (const r of e.analogy) lines.push(`  ${r.linguistics.padEnd(w1)} ↔ ${r.mathematics.padEnd(w2)}  ${r.here}`);
  return lines.join('\n');
}
