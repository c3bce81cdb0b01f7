/**
 * The test string's run through the DFA, kept up to date as the string is
 * edited. Short strings keep the state after every prefix in an array,
 * recomputed from the first changed letter (typing at the end costs one
 * step). Long strings use the library's incremental segment tree
 * (`src/incremental`): an edit anywhere costs O(log n) compositions, and the
 * state at the cursor is one descent of the tree.
 */
import { classOf } from '../alphabet/alphabet.js';
import { codePointOf } from '../alphabet/decode.js';
import type { CompleteDfa } from '../automata/dfa.js';
import { createIncremental, type Incremental } from '../incremental/index.js';

/** Strings with at least this many letters are tracked incrementally. */
export const INCREMENTAL_FROM = 4096;

/** A string's run, read letter by letter (letters are code points). */
export interface Run {
  readonly letters: number;
  /** Whether the whole string is accepted. */
  readonly accepted: boolean;
  /** The state after the first `i` letters (0 ≤ i ≤ letters); −1 if the run died (never, for complete DFAs). */
  stateAt(i: number): number;
  /** The class of letter `i` (0 ≤ i < letters). */
  classAt(i: number): number;
  /** The classes of the first `i` letters. */
  classesUpTo(i: number): Int32Array;
}

/** The tracked run plus what it needs to follow the next edit. */
export interface Tracked {
  readonly dfa: CompleteDfa;
  readonly chars: readonly string[];
  readonly run: Run;
  /** Set when tracked by the segment tree (its state moves forward with every edit). */
  readonly doc: Incremental | null;
  /** Set when tracked by arrays. */
  readonly states: Int32Array | null;
  readonly classes: Int32Array | null;
}

function arrayRun(dfa: CompleteDfa, states: Int32Array, classes: Int32Array): Run {
  const last = states[states.length - 1]!;
  return {
    letters: classes.length,
    accepted: last >= 0 && dfa.accepting[last] === 1,
    stateAt: (i) => states[i]!,
    classAt: (i) => classes[i]!,
    classesUpTo: (i) => classes.subarray(0, i),
  };
}

function byArrays(dfa: CompleteDfa, chars: readonly string[], prev: Tracked | undefined): Tracked {
  const n = chars.length;
  const k = dfa.alphabet.classes.length;
  const classes = new Int32Array(n);
  const states = new Int32Array(n + 1);
  let from = 0;
  if (prev !== undefined && prev.dfa === dfa && prev.states !== null && prev.classes !== null) {
    const limit = Math.min(prev.chars.length, n);
    while (from < limit && prev.chars[from] === chars[from]) from++;
    classes.set(prev.classes.subarray(0, from));
    states.set(prev.states.subarray(0, from + 1));
  } else {
    states[0] = dfa.start;
  }
  for (let i = from; i < n; i++) {
    const c = classOf(dfa.alphabet, codePointOf(chars[i]!));
    classes[i] = c;
    const q = states[i]!;
    states[i + 1] = q < 0 ? -1 : dfa.delta[q * k + c]!;
  }
  return { dfa, chars, run: arrayRun(dfa, states, classes), doc: null, states, classes };
}

/** UTF-16 length of `chars[from..to)`. */
function units(chars: readonly string[], from: number, to: number): number {
  let u = 0;
  for (let i = from; i < to; i++) u += chars[i]!.length;
  return u;
}

function treeRun(dfa: CompleteDfa, chars: readonly string[], doc: Incremental): Run {
  let offsets: Int32Array | null = null;
  const offsetOf = (i: number): number => {
    if (offsets === null) {
      offsets = new Int32Array(chars.length + 1);
      for (let j = 0; j < chars.length; j++) offsets[j + 1] = offsets[j]! + chars[j]!.length;
    }
    return offsets[i]!;
  };
  const classAt = (i: number): number => classOf(dfa.alphabet, codePointOf(chars[i]!));
  return {
    letters: chars.length,
    accepted: doc.accepts(),
    stateAt: (i) => doc.stateAfter(offsetOf(i)),
    classAt,
    classesUpTo: (i) => {
      const out = new Int32Array(i);
      for (let j = 0; j < i; j++) out[j] = classAt(j);
      return out;
    },
  };
}

function byTree(dfa: CompleteDfa, chars: readonly string[], prev: Tracked | undefined): Tracked {
  let doc: Incremental;
  if (prev !== undefined && prev.dfa === dfa && prev.doc !== null) {
    // Reuse the tree: replace only what changed between the common prefix and suffix.
    doc = prev.doc;
    const old = prev.chars;
    const limit = Math.min(old.length, chars.length);
    let p = 0;
    while (p < limit && old[p] === chars[p]) p++;
    let s = 0;
    while (s < limit - p && old[old.length - 1 - s] === chars[chars.length - 1 - s]) s++;
    if (p !== old.length || p !== chars.length) {
      doc.replace(units(old, 0, p), units(old, p, old.length - s), chars.slice(p, chars.length - s).join(''));
    }
  } else {
    doc = createIncremental(dfa, chars.join(''));
  }
  return { dfa, chars, run: treeRun(dfa, chars, doc), doc, states: null, classes: null };
}

/**
 * The run of `chars` over `dfa`, continuing from `prev` (the tracker of the
 * previous frame) when the DFA is the same. `prev` must not be used again.
 */
export function trackRun(prev: Tracked | undefined, dfa: CompleteDfa, chars: readonly string[]): Tracked {
  return chars.length >= INCREMENTAL_FROM ? byTree(dfa, chars, prev) : byArrays(dfa, chars, prev);
}
