/**
 * Sentences over V*: finite sequences of words, stored as runs `[word,
 * count]` (a run of n equal words is the word's flow at time n, one closed
 * form). A sentence is read left to right: the first run acts first.
 */
import * as D from './dyadic.js';
import {
  type DyadicPoint,
  inverseWord,
  isWordName,
  WORD_CODE,
  wordCodeAt,
  wordExact,
  type WordName,
} from './vocabulary.js';

/** A run: `count` (a positive integer) words `word` in a row. */
export type Run = readonly [WordName, number];

/** A sentence over V*: runs, first run applied first. */
export type Sentence = readonly Run[];

/** The number of words in a sentence (a run of n counts n). */
export function sentenceLength(s: Sentence): number {
  let n = 0;
  for (const [, c] of s) n += c;
  return n;
}

/** A sentence packed into typed arrays, for evaluating many points without allocation. */
export interface CompiledSentence {
  readonly codes: Uint8Array;
  readonly counts: Float64Array;
}

/** Packs a sentence for `runCompiledSentence`. */
export function compileSentence(s: Sentence): CompiledSentence {
  const codes = new Uint8Array(s.length);
  const counts = new Float64Array(s.length);
  s.forEach(([w, c], i) => {
    codes[i] = WORD_CODE[w];
    counts[i] = c;
  });
  return { codes, counts };
}

/** Evaluates a compiled sentence at (x, y) into `out`, run by run in doubles. */
export function runCompiledSentence(p: CompiledSentence, x: number, y: number, out: Float64Array | number[]): void {
  out[0] = x;
  out[1] = y;
  const { codes, counts } = p;
  for (let i = 0; i < codes.length; i++) wordCodeAt(codes[i]!, counts[i]!, out[0], out[1], out);
}

/**
 * Evaluates a compiled sentence at many points at once, in place: run by run
 * over all points (each run's constant computed once), with exactly the
 * operations of `runCompiledSentence`, so every point gets the same doubles.
 * A long sentence on a 129×129 grid costs a few seconds this way rather than
 * most of a minute point by point.
 */
export function runCompiledSentenceMany(p: CompiledSentence, xs: Float64Array, ys: Float64Array): void {
  const { codes, counts } = p;
  const n = xs.length;
  const one = [0, 0];
  for (let i = 0; i < codes.length; i++) {
    const code = codes[i]!;
    const t = counts[i]!;
    if (code < 4) {
      // hx, dx, hy, dy: one exact power of two.
      wordCodeAt(code, t, 1, 1, one);
      const f = code < 2 ? one[0]! : one[1]!;
      if (code < 2) for (let k = 0; k < n; k++) xs[k] = xs[k]! * f;
      else for (let k = 0; k < n; k++) ys[k] = ys[k]! * f;
    } else if (code === 4) for (let k = 0; k < n; k++) xs[k] = xs[k]! + t;
    else if (code === 5) for (let k = 0; k < n; k++) xs[k] = xs[k]! - t;
    else if (code === 6) for (let k = 0; k < n; k++) ys[k] = ys[k]! + t;
    else if (code === 7) for (let k = 0; k < n; k++) ys[k] = ys[k]! - t;
    else if (code === 8) for (let k = 0; k < n; k++) ys[k] = xs[k]! > 0 ? ys[k]! + t * xs[k]! : ys[k]!;
    else if (code === 9) for (let k = 0; k < n; k++) ys[k] = xs[k]! > 0 ? ys[k]! - t * xs[k]! : ys[k]!;
    else if (code === 10) for (let k = 0; k < n; k++) xs[k] = ys[k]! > 0 ? xs[k]! + t * ys[k]! : xs[k]!;
    else if (code === 11) for (let k = 0; k < n; k++) xs[k] = ys[k]! > 0 ? xs[k]! - t * ys[k]! : xs[k]!;
    else if (t <= 700) {
      // sx±, sy± of at most 700 words: one factor e^{±t}, as `wordCodeAt` applies it.
      const f = Math.exp(code === 12 || code === 14 ? t : -t);
      if (code < 14) for (let k = 0; k < n; k++) xs[k] = xs[k]! > 0 ? xs[k]! * f : xs[k]!;
      else for (let k = 0; k < n; k++) ys[k] = ys[k]! > 0 ? ys[k]! * f : ys[k]!;
    } else
      for (let k = 0; k < n; k++) {
        wordCodeAt(code, t, xs[k]!, ys[k]!, one);
        xs[k] = one[0]!;
        ys[k] = one[1]!;
      }
  }
}

/** The sentence's map at (x, y), run by run in doubles. */
export function evaluateSentence(s: Sentence, x: number, y: number): [number, number] {
  const out: [number, number] = [x, y];
  for (const [w, c] of s) wordCodeAt(WORD_CODE[w], c, out[0], out[1], out);
  return out;
}

/**
 * The sentence's map at a dyadic point, exactly. Defined when every sx±/sy±
 * word meets a coordinate ≤ 0 (in particular for sentences over the twelve);
 * otherwise throws RangeError.
 */
export function evaluateSentenceExact(s: Sentence, p: DyadicPoint): DyadicPoint {
  let q = p;
  for (const [w, c] of s) q = wordExact(w, BigInt(c), q);
  return q;
}

/** `evaluateSentenceExact` at a double point, rounded back to doubles. */
export function evaluateSentenceExactAt(s: Sentence, x: number, y: number): [number, number] {
  const [a, b] = evaluateSentenceExact(s, [D.fromNumber(x), D.fromNumber(y)]);
  return [D.toNumber(a), D.toNumber(b)];
}

/** One vertex of a point's path through a sentence. */
export interface PathVertex {
  /** Index of the run that ends here (−1 for the starting point). */
  readonly run: number;
  /** The run's word (null for the starting point). */
  readonly word: WordName | null;
  readonly x: number;
  readonly y: number;
}

/**
 * A point's path through the sentence, for drawing: the start and the point
 * after each run. Every word moves one coordinate monotonically along its
 * flow line, so the path between consecutive vertices is exactly the straight
 * segment joining them.
 */
export function sentencePath(s: Sentence, x: number, y: number): PathVertex[] {
  const out: PathVertex[] = [{ run: -1, word: null, x, y }];
  const p: [number, number] = [x, y];
  s.forEach(([w, c], i) => {
    wordCodeAt(WORD_CODE[w], c, p[0], p[1], p);
    out.push({ run: i, word: w, x: p[0], y: p[1] });
  });
  return out;
}

/** The inverse sentence: runs in reverse order, each word replaced by its inverse. */
export function invertSentence(s: Sentence): Sentence {
  return s.map(([w, c]) => [inverseWord(w), c] as Run).reverse();
}

/**
 * Builds a sentence run by run: equal neighbours merge, and a word followed
 * by its inverse cancels (the two compose to the identity exactly).
 */
export class SentenceWriter {
  private readonly runs: [WordName, number][] = [];
  private words = 0;

  /** Appends `count` words `w` (count may be 0; negative counts are refused). */
  push(w: WordName, count: number): void {
    if (!Number.isSafeInteger(count) || count < 0)
      throw new RangeError(`a run needs a non-negative integer count: ${count}`);
    if (count === 0) return;
    const last = this.runs[this.runs.length - 1];
    if (last !== undefined && last[0] === w) {
      last[1] += count;
      this.words += count;
    } else if (last !== undefined && last[0] === inverseWord(w)) {
      const left = last[1] - count;
      this.words -= Math.min(last[1], count);
      if (left > 0) last[1] = left;
      else {
        this.runs.pop();
        if (left < 0) this.push(w, -left);
      }
    } else {
      this.runs.push([w, count]);
      this.words += count;
    }
  }

  /** Appends a whole sentence. */
  append(s: Sentence): void {
    for (const [w, c] of s) this.push(w, c);
  }

  /** Words so far. */
  get length(): number {
    return this.words;
  }

  /** The sentence so far (a copy). */
  sentence(): Sentence {
    return this.runs.map(([w, c]) => [w, c] as Run);
  }
}

/**
 * Text form `hx^5 tx+ ry-^3 …`. With `maxRuns`, a long sentence shows its
 * first and last runs around `… (n more runs, m words) …`.
 */
export function formatSentence(s: Sentence, maxRuns = Infinity): string {
  const run = ([w, c]: Run): string => (c === 1 ? w : `${w}^${c}`);
  if (s.length <= maxRuns) return s.map(run).join(' ');
  const head = Math.ceil(maxRuns / 2);
  const tail = Math.floor(maxRuns / 2);
  const middle = s.slice(head, s.length - tail);
  return [
    ...s.slice(0, head).map(run),
    `… (${middle.length.toLocaleString('en-US')} more runs, ` +
      `${sentenceLength(middle).toLocaleString('en-US')} words) …`,
    ...s.slice(s.length - tail).map(run),
  ].join(' ');
}

/** Reads the text form back (runs as `w` or `w^n`); throws RangeError on anything else. */
export function parseSentence(text: string): Sentence {
  const out: Run[] = [];
  for (const token of text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')) {
    const hat = token.indexOf('^');
    const name = hat < 0 ? token : token.slice(0, hat);
    const count = hat < 0 ? 1 : Number(token.slice(hat + 1));
    if (!isWordName(name)) throw new RangeError(`not a word of the vocabulary: ${token}`);
    if (!Number.isSafeInteger(count) || count <= 0) throw new RangeError(`a run needs a positive count: ${token}`);
    out.push([name, count]);
  }
  return out;
}
