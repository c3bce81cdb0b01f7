/**
 * The language read in the terms of Cai (ICML 2024), "Vocabulary for
 * Universal Approximation: A Linguistic Perspective of Mapping
 * Compositions": its words (alphabet classes) and their maps, example
 * sentences over the language's own letters (members and a near miss one
 * letter away), one sentence applied word by word to x0, the target region,
 * why the certificate covers every length, a legend, and the analogy table
 * filled in for this language. `explain` returns the structured reading;
 * `renderExplanation` turns it into text.
 *
 * Terms, one meaning each: a *word* is an alphabet class and its map; a
 * *sentence* is a string, read as the composition of its words' maps; a
 * *phrase* is a run of consecutive words inside a sentence; for flow2d, a
 * word's *spelling* is the sequence of primitive flows whose composition is
 * its map.
 */
import type { Alphabet } from '../alphabet/alphabet.js';
import { classLabel } from '../syntax/regex/print.js';
import { type CompleteDfa, deadState, type Dfa } from '../automata/dfa.js';
import { formatPhrase, phraseLength } from '../flows/phrase.js';
import { FLOW_CODE, FLOW_NAMES, flowCodeAt, PRIMITIVES, type FlowName } from '../flows/primitives.js';
import { certify, type EmbeddingName, vocabulary, type Vocabulary, type VocabularyOptions } from './embeddings.js';
import { embeddingSpec, list, plural } from './registry.js';
import { soundness } from './soundness.js';
import type { MapJson } from './types.js';

/** One step of a sentence applied to x0: the letter read and where the point is after it. */
export interface SentenceStep {
  /** The letter (null for x0 itself). */
  readonly letter: string | null;
  /** Its word (class label), null for x0. */
  readonly word: string | null;
  readonly point: readonly number[];
  /** The region the point lies in (null when in none: only if the certificate fails). */
  readonly region: number | null;
}

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
  /** x0, then the point after each letter (at most `MAX_STEPS` letters). */
  readonly steps: readonly SentenceStep[];
}

/** A rejected sentence one edit away from a member, and which edit. */
export interface NearMiss {
  readonly reading: SentenceReading;
  /** The member it was made from. */
  readonly from: string;
  /** The edit, in words: e.g. `"abab" without its last letter`. */
  readonly edit: string;
}

/** One row of the analogy table. */
export interface AnalogyRow {
  readonly linguistics: string;
  readonly mathematics: string;
  readonly here: string;
}

/** A term and what it means here. */
export interface LegendEntry {
  readonly term: string;
  readonly meaning: string;
}

/** The structured reading of a language. */
export interface Explanation {
  readonly embedding: EmbeddingName;
  readonly language: {
    readonly states: number;
    readonly classes: number;
    readonly start: number;
    readonly accepting: readonly number[];
    readonly dead: number | null;
  };
  readonly dimension: number;
  readonly start: readonly number[];
  readonly words: readonly {
    readonly class: number;
    readonly label: string;
    readonly representative: string;
    readonly map: string;
    readonly json: MapJson;
  }[];
  /** The language's own letters: one representative per word that occurs in some member. */
  readonly letters: readonly string[];
  /** Whether the empty sentence is a member. */
  readonly acceptsEmpty: boolean;
  /**
   * Members over the language's own letters: the shortest non-empty one, then a shortest longer one
   * (preferring one whose run visits states the first one's does not).
   */
  readonly members: readonly SentenceReading[];
  /** The member shown step by step (the longest of `members`), or the empty sentence if it is the only member. */
  readonly accepted: SentenceReading | null;
  /** A near miss (rejected, one letter from a member), else the shortest rejected sentence. */
  readonly rejected: SentenceReading | null;
  readonly nearMiss: NearMiss | null;
  /** A phrase (a run of two or three words) and its composed map. */
  readonly phrase: { readonly words: readonly string[]; readonly composition: string };
  /** flow2d: the first word of the accepted sentence, its spelling, and x0 pushed through it run by run. */
  readonly spelling?: {
    readonly word: string;
    readonly spelling: string;
    readonly runs: number;
    readonly length: number;
    readonly steps: readonly {
      readonly flow: FlowName;
      readonly times: number;
      readonly point: readonly [number, number];
    }[];
  };
  readonly regions: string;
  readonly target: string;
  readonly certificate: {
    readonly holds: boolean;
    readonly margin: number | null;
    readonly method: 'exact' | 'interval';
    readonly everyLength: string;
    readonly floatSound: boolean;
    readonly floats: string;
  };
  readonly legend: readonly LegendEntry[];
  readonly analogy: readonly AnalogyRow[];
}

/** Letters of a sentence shown step by step at most. */
export const MAX_STEPS = 12;

/** Runs of a spelling shown step by step at most. */
const MAX_RUNS = 8;

/**
 * A code point of class c that reads well in an example: a lower-case letter,
 * then a digit, an upper-case letter, other printable ASCII, any printable.
 */
export function representative(alphabet: Alphabet, c: number): number {
  const ranges = alphabet.classes[c]!.ranges;
  for (const [from, to] of [
    [0x61, 0x7a],
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x21, 0x7e],
  ] as const) {
    for (const [lo, hi] of ranges) if (hi >= from && lo <= to) return Math.max(lo, from);
  }
  for (const [lo, hi] of ranges) if (hi >= 0xa1) return Math.max(lo, 0xa1);
  return ranges[0]![0];
}

/**
 * The classes that occur in some member: c with δ(q, c) = t for a state q
 * reachable from the start and a state t from which an accepting state is
 * reachable. All classes when no class occurs (the language is ∅ or {ε}).
 */
export function ownClasses(dfa: Dfa): number[] {
  const n = dfa.states;
  const k = dfa.alphabet.classes.length;
  const reachable = new Uint8Array(n);
  reachable[dfa.start] = 1;
  const stack = [dfa.start];
  while (stack.length > 0) {
    const q = stack.pop()!;
    for (let c = 0; c < k; c++) {
      const t = dfa.delta[q * k + c]!;
      if (t >= 0 && reachable[t] === 0) {
        reachable[t] = 1;
        stack.push(t);
      }
    }
  }
  const live = new Uint8Array(n);
  for (let q = 0; q < n; q++) live[q] = dfa.accepting[q]!;
  for (let changed = true; changed;) {
    changed = false;
    for (let q = 0; q < n; q++) {
      if (live[q] === 1) continue;
      for (let c = 0; c < k; c++) {
        const t = dfa.delta[q * k + c]!;
        if (t >= 0 && live[t] === 1) {
          live[q] = 1;
          changed = true;
          break;
        }
      }
    }
  }
  const own: number[] = [];
  for (let c = 0; c < k; c++) {
    for (let q = 0; q < n; q++) {
      const t = dfa.delta[q * k + c]!;
      if (reachable[q] === 1 && t >= 0 && live[t] === 1) {
        own.push(c);
        break;
      }
    }
  }
  return own.length > 0 ? own : Array.from({ length: k }, (_, c) => c);
}

/**
 * Shortest (then least in class order) sequence over `allowed` classes of
 * at least `minLength` letters from the start to a state satisfying `goal`:
 * BFS over (state, letters read capped at minLength, whether the run has
 * entered a state outside `avoid`). With `avoid`, only runs that have left
 * it count, so a second example can show states the first one did not.
 */
function shortest(
  dfa: Dfa,
  allowed: readonly number[],
  goal: (q: number) => boolean,
  minLength = 0,
  avoid: Uint8Array | null = null,
): number[] | null {
  const k = dfa.alphabet.classes.length;
  const layers = minLength + 1;
  const node = (q: number, l: number, fresh: number): number => (q * layers + l) * 2 + fresh;
  const parent = new Int32Array(dfa.states * layers * 2).fill(-2);
  const via = new Int32Array(dfa.states * layers * 2);
  const start = node(dfa.start, 0, avoid === null || avoid[dfa.start] === 0 ? 1 : 0);
  parent[start] = -1;
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head]!;
    const fresh = v % 2;
    const q = Math.floor(v / 2 / layers);
    const l = Math.floor(v / 2) % layers;
    if (l === minLength && fresh === 1 && goal(q)) {
      const path: number[] = [];
      for (let s = v; parent[s] !== -1; s = parent[s]!) path.push(via[s]!);
      return path.reverse();
    }
    for (const c of allowed) {
      const t = dfa.delta[q * k + c]!;
      if (t < 0) continue;
      const w = node(t, Math.min(minLength, l + 1), fresh === 1 || avoid === null || avoid[t] === 0 ? 1 : 0);
      if (parent[w] === -2) {
        parent[w] = v;
        via[w] = c;
        queue.push(w);
      }
    }
  }
  return null;
}

function acceptsClasses(dfa: Dfa, classes: readonly number[]): boolean {
  const k = dfa.alphabet.classes.length;
  let q = dfa.start;
  for (const c of classes) {
    q = dfa.delta[q * k + c]!;
    if (q < 0) return false;
  }
  return dfa.accepting[q] === 1;
}

function ordinal(i: number, length: number): string {
  if (i === length - 1) return 'last';
  if (i === 0) return 'first';
  const n = i + 1;
  const suffix =
    n % 10 === 1 && n % 100 !== 11
      ? 'st'
      : n % 10 === 2 && n % 100 !== 12
        ? 'nd'
        : n % 10 === 3 && n % 100 !== 13
          ? 'rd'
          : 'th';
  return `${n}${suffix}`;
}

/**
 * The first rejected sentence one edit from a member, trying each member in
 * turn: deletions (last letter first), then substitutions by another own
 * letter (last position first), then insertions (at the end first). Each
 * candidate is decided by running the DFA.
 */
function nearMissOf(
  dfa: Dfa,
  own: readonly number[],
  members: readonly (readonly number[])[],
  text: (classes: readonly number[]) => string,
): { classes: number[]; from: readonly number[]; edit: string } | null {
  for (const m of members) {
    const quoted = JSON.stringify(text(m));
    const letter = (c: number): string => JSON.stringify(text([c]));
    for (let i = m.length - 1; i >= 0; i--) {
      const w = [...m.slice(0, i), ...m.slice(i + 1)];
      if (!acceptsClasses(dfa, w))
        return { classes: w, from: m, edit: `${quoted} without its ${ordinal(i, m.length)} letter` };
    }
    for (let i = m.length - 1; i >= 0; i--) {
      for (const c of own) {
        if (c === m[i]) continue;
        const w = [...m];
        w[i] = c;
        if (!acceptsClasses(dfa, w))
          return {
            classes: w,
            from: m,
            edit: `${quoted} with its ${ordinal(i, m.length)} letter replaced by ${letter(c)}`,
          };
      }
    }
    for (let i = m.length; i >= 0; i--) {
      for (const c of own) {
        const w = [...m.slice(0, i), c, ...m.slice(i)];
        const where =
          i === m.length ? 'at the end' : i === 0 ? 'at the start' : `after its ${ordinal(i - 1, m.length)} letter`;
        if (!acceptsClasses(dfa, w))
          return { classes: w, from: m, edit: `${quoted} with ${letter(c)} inserted ${where}` };
      }
    }
  }
  return null;
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
  const symbolic =
    classes.length === 0
      ? 'id (the empty composition)'
      : [...words]
          .reverse()
          .map((w) => `f_${w}`)
          .join(' ∘ ');
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
  const steps: SentenceStep[] = [{ letter: null, word: null, point: [...v.start], region: v.stateOf(v.start) }];
  let x = Float64Array.from(v.start);
  for (const c of classes.slice(0, MAX_STEPS)) {
    x = Float64Array.from(v.apply(c, x));
    steps.push({
      letter: String.fromCodePoint(representative(dfa.alphabet, c)),
      word: classLabel(dfa.alphabet, c),
      point: [...x],
      region: v.stateOf(x),
    });
  }
  return {
    text,
    classes,
    words,
    composition: describeComposition(v, classes, words),
    landing: [...landing],
    region: v.stateOf(landing),
    state,
    inTarget: v.inTarget(landing),
    steps,
  };
}

const MARGIN_MEANING =
  'how far inside R_δ(q,c) every image f_c(R_q) stays, least over q and c, in the regions’ norm; ' +
  '0 means some image touches the border of its region (the inclusion still holds), negative means it sticks out';

/** The linguistic reading of a complete DFA's language in one embedding. */
export function explain(
  dfa: CompleteDfa,
  embedding: EmbeddingName = 'flow2d',
  options: VocabularyOptions = {},
): Explanation {
  const v = vocabulary(dfa, embedding, options);
  const spec = embeddingSpec(embedding);
  const full = v.dfa;
  const k = full.alphabet.classes.length;
  const all = Array.from({ length: k }, (_, c) => c);
  const json = v.describe();
  const accepting: number[] = [];
  for (let q = 0; q < full.states; q++) if (full.accepting[q] === 1) accepting.push(q);
  const own = ownClasses(full);
  const text = (classes: readonly number[]): string =>
    String.fromCodePoint(...classes.map((c) => representative(full.alphabet, c)));
  const isAccepting = (q: number): boolean => full.accepting[q] === 1;

  // Members over the language's own letters: the shortest non-empty one, then the shortest longer one.
  const memberPaths: number[][] = [];
  const first = shortest(full, own, isAccepting, 1);
  if (first !== null) {
    memberPaths.push(first);
    // The next longer member, preferring one whose run visits a state the first one's does not.
    const visited = new Uint8Array(full.states);
    let q = full.start;
    visited[q] = 1;
    for (const c of first) visited[(q = full.delta[q * k + c]!)] = 1;
    const second =
      shortest(full, own, isAccepting, first.length + 1, visited) ?? shortest(full, own, isAccepting, first.length + 1);
    if (second !== null) memberPaths.push(second);
  }
  const acceptsEmpty = full.accepting[full.start] === 1;
  const shownPath = memberPaths.at(-1) ?? (acceptsEmpty ? [] : null);
  const miss = nearMissOf(full, own, [...memberPaths].reverse().concat(acceptsEmpty ? [[]] : []), text);
  const rejectedPath =
    miss?.classes ?? shortest(full, own, (q) => !isAccepting(q)) ?? shortest(full, all, (q) => !isAccepting(q));
  const members = memberPaths.map((p) => reading(v, p));
  const accepted = shownPath === null ? null : reading(v, shownPath);
  const rejected = rejectedPath === null ? null : reading(v, rejectedPath);
  const nearMiss =
    miss === null || rejected === null ? null : { reading: rejected, from: text(miss.from), edit: miss.edit };

  const words = json.words.map((w) => ({
    class: w.class,
    label: w.label,
    representative: String.fromCodePoint(representative(full.alphabet, w.class)),
    map: spec.describeMap(v, w.class),
    json: w.map,
  }));
  // A phrase of two or three words: the start of the sentence shown, else of any sentence of two letters.
  const phraseClasses = (
    accepted !== null && accepted.classes.length >= 2 ? [...accepted.classes] : shortest(full, own, () => true, 2)!
  ).slice(0, 3);
  const phraseWords = phraseClasses.map((c) => classLabel(full.alphabet, c));
  const phrase = { words: phraseWords, composition: describeComposition(v, phraseClasses, phraseWords) };

  let spelling: Explanation['spelling'];
  const flowsUsed = new Set<FlowName>();
  if (v.embedding === 'flow2d') {
    const c = accepted !== null && accepted.classes.length > 0 ? accepted.classes[0]! : phraseClasses[0]!;
    const p = v.params.phrases[c]!;
    const out: [number, number] = [v.start[0]!, v.start[1]!];
    const steps = p.map((s) => {
      flowCodeAt(FLOW_CODE[s.flow], s.times, out[0], out[1], out);
      return { flow: s.flow, times: s.times, point: [out[0], out[1]] as const };
    });
    for (const s of p) flowsUsed.add(s.flow);
    spelling = {
      word: classLabel(full.alphabet, c),
      spelling: formatPhrase(p),
      runs: p.length,
      length: phraseLength(p),
      steps,
    };
  }

  const c = certify(v);
  const sound = soundness(v, c);
  const certificate = {
    holds: c.holds,
    margin: c.holds ? c.margin : null,
    method: c.method,
    everyLength: sound.everyLength,
    floatSound: sound.floatSound,
    floats: sound.floats,
  };

  const legend: LegendEntry[] = [
    { term: 'word', meaning: 'a class of letters the language cannot tell apart, and its map f_c' },
    { term: 'sentence', meaning: 'a string; its map is the composition of its words’ maps, first letter first' },
    { term: 'phrase', meaning: 'a run of consecutive words inside a sentence' },
  ];
  if (v.embedding === 'flow2d') {
    legend.push({
      term: 'spelling',
      meaning: 'the primitive flows whose composition is one word’s map; f^n is n runs of f in a row',
    });
    for (const f of FLOW_NAMES.filter((name) => flowsUsed.has(name))) {
      const p = PRIMITIVES[f];
      legend.push({ term: f, meaning: `${p.gloss}: ${p.timeOne} (the time-1 flow of ${p.field})` });
    }
  }
  legend.push(
    { term: 'x0', meaning: 'the start point, in R_q0' },
    { term: 'R_q', meaning: 'the region of state q: a point there means "the automaton is in state q"' },
    { term: 'T', meaning: 'the target region: a sentence is accepted when its point lands in T' },
    { term: 'margin', meaning: MARGIN_MEANING },
  );

  const shownSentence = accepted ?? rejected;
  const analogy: AnalogyRow[] = [
    {
      linguistics: 'word',
      mathematics: 'map',
      here:
        `${plural(k, 'word')} (${list(words.map((w) => w.label))}), each a map of ℝ^${v.dimension}` +
        (v.embedding === 'flow2d' ? ', spelled with the 12 primitive flows' : ''),
    },
    {
      linguistics: 'phrase',
      mathematics: 'composition',
      here: `${phraseWords.join(' ')} = ${phrase.composition.split(/[;:]/)[0]}`,
    },
    {
      linguistics: 'sentence',
      mathematics: 'composed map applied to x0',
      here: shownSentence !== null ? `${JSON.stringify(shownSentence.text)} ↦ ${point(shownSentence.landing)}` : 'x0',
    },
    {
      linguistics: 'grammar',
      mathematics: 'automaton',
      here:
        `the minimal complete DFA: ${plural(full.states, 'state')}, start ${full.start}, ` +
        `accepting {${accepting.join(', ')}}, one transition per state and word`,
    },
    {
      linguistics: 'meaning',
      mathematics: 'landing region',
      here:
        accepted === null
          ? `${json.target.description}; no sentence lands in it`
          : `${json.target.description}; ${JSON.stringify(accepted.text)} lands in R_${accepted.region ?? '?'}, ` +
            `${accepted.inTarget ? 'inside' : 'outside'} T`,
    },
  ];
  return {
    embedding,
    language: { states: full.states, classes: k, start: full.start, accepting, dead: deadState(full) },
    dimension: v.dimension,
    start: [...v.start],
    words,
    letters: own.map((c) => String.fromCodePoint(representative(full.alphabet, c))),
    acceptsEmpty,
    members,
    accepted,
    rejected,
    nearMiss,
    phrase,
    ...(spelling === undefined ? {} : { spelling }),
    regions: json.regions.description,
    target: json.target.description,
    certificate,
    legend,
    analogy,
  };
}

function stepLines(r: SentenceReading): string[] {
  const lines = r.steps.map((s) => {
    const where = s.region === null ? 'in no region' : `in R_${s.region}`;
    const label = s.letter === null ? 'x0' : `then ${JSON.stringify(s.letter)}`;
    return `    ${label.padEnd(12)} ${point(s.point)} ${where}`;
  });
  if (r.classes.length > MAX_STEPS) lines.push(`    … ${plural(r.classes.length - MAX_STEPS, 'more letter')}`);
  return lines;
}

/** The explanation as text for a terminal. */
export function renderExplanation(e: Explanation): string {
  const lines: string[] = [];
  const { language: l } = e;
  lines.push(
    `Grammar: a minimal DFA with ${plural(l.states, 'state')} and ${plural(l.classes, 'word')}; start ${l.start}, ` +
      `accepting {${l.accepting.join(', ')}}${l.dead === null ? '' : `, dead state ${l.dead}`}.`,
  );
  lines.push(`Embedding ${e.embedding}: points of ℝ^${e.dimension}, start x0 = ${point(e.start)}; ${e.regions}.`);
  lines.push('');
  lines.push('Words (one map per class):');
  for (const w of e.words) lines.push(`  ${w.label.padEnd(10)} (e.g. ${JSON.stringify(w.representative)})  ${w.map}`);
  lines.push('');
  lines.push(`Sentences over the language's own letters (${e.letters.map((s) => JSON.stringify(s)).join(' ')}):`);
  lines.push(`  ${JSON.stringify('')}${' '.repeat(8)}${e.acceptsEmpty ? 'accepted' : 'rejected'} (the empty sentence)`);
  e.members.forEach((m, i) =>
    lines.push(
      `  ${JSON.stringify(m.text).padEnd(10)}accepted ` +
        `(${i === 0 ? 'the shortest non-empty member' : 'a longer member'})`,
    ),
  );
  if (e.nearMiss !== null)
    lines.push(`  ${JSON.stringify(e.nearMiss.reading.text).padEnd(10)}rejected (a near miss: ${e.nearMiss.edit})`);
  else if (e.rejected !== null)
    lines.push(`  ${JSON.stringify(e.rejected.text).padEnd(10)}rejected (the shortest rejected sentence)`);
  else lines.push('  every sentence is accepted: no near miss exists');
  lines.push('');
  lines.push(`A phrase: ${e.phrase.words.join(' ')} = ${e.phrase.composition}`);
  if (e.spelling !== undefined) {
    const s = e.spelling;
    lines.push(
      `The spelling of word ${s.word} (${plural(s.length, 'primitive flow')} in ${plural(s.runs, 'run')}): ` +
        s.spelling,
    );
    lines.push('  applied to x0 run by run:');
    const shown = s.steps.slice(0, MAX_RUNS);
    for (const st of shown)
      lines.push(`    ${(st.times === 1 ? st.flow : `${st.flow}^${st.times}`).padEnd(8)} ${point(st.point)}`);
    if (s.steps.length > MAX_RUNS) {
      const end = s.steps.at(-1)!;
      lines.push(`    … ${plural(s.steps.length - MAX_RUNS, 'more run')}, ending at ${point(end.point)}`);
    }
  }
  lines.push('');
  const sentence = (label: string, r: SentenceReading | null, none: string): void => {
    if (r === null) {
      lines.push(`${label}: none — ${none}.`);
      return;
    }
    lines.push(`${label}: ${JSON.stringify(r.text)} (words ${r.words.length === 0 ? 'none' : r.words.join(' ')})`);
    lines.push(`  composed map: ${r.composition}`);
    lines.push('  applied to x0 word by word:');
    lines.push(...stepLines(r));
    lines.push(
      `  lands at ${point(r.landing)}, in R_${r.region ?? '?'} (state ${r.state}), ` +
        `${r.inTarget ? 'inside' : 'outside'} T`,
    );
  };
  sentence('Accepted sentence', e.accepted, 'every sentence is rejected');
  sentence('Rejected sentence', e.rejected, 'every sentence is accepted');
  lines.push(`Target region: ${e.target}`);
  lines.push('');
  const c = e.certificate;
  lines.push(`Certificate: ${c.holds ? `holds (${c.method}), margin ${fmt(c.margin!)}` : 'fails (margin: none)'}.`);
  lines.push(`  Every length: ${c.everyLength}.`);
  lines.push(`  In floating point: ${c.floats}.`);
  lines.push('');
  lines.push('Legend:');
  const wt = Math.max(...e.legend.map((t) => t.term.length));
  for (const t of e.legend) lines.push(`  ${t.term.padEnd(wt)}  ${t.meaning}`);
  lines.push('');
  lines.push('Analogy:');
  const w1 = Math.max(...e.analogy.map((r) => r.linguistics.length));
  const w2 = Math.max(...e.analogy.map((r) => r.mathematics.length));
  for (const r of e.analogy) lines.push(`  ${r.linguistics.padEnd(w1)} ↔ ${r.mathematics.padEnd(w2)}  ${r.here}`);
  return lines.join('\n');
}
