/**
 * Cutting UTF-8 input into chunks for parallel reading, and reading one
 * chunk's transformation. A cut is moved forward past continuation bytes
 * (at most three), so it never falls inside a well-formed sequence; cutting
 * there leaves the decoding unchanged (see `matcher/units.ts`), so composing
 * the chunks' maps gives exactly the verdict of one pass.
 */
import type { Dfa } from '../automata/dfa.js';
import { vectorRun } from '../matcher/transform.js';
import type { ByteRunner } from '../matcher/wasm/matcher.js';

/** Whether a cut may go before `byte` (or the cut moved past three continuation bytes). */
const isContinuation = (byte: number): boolean => (byte & 0xc0) === 0x80;

/** Moves a cut at `at` forward to a safe place; `byteAt(i)` reads the input (-1 past the end). */
export function alignCut(at: number, byteAt: (i: number) => number): number {
  let i = at;
  while (i < at + 3 && isContinuation(byteAt(i))) i++;
  return i;
}

/** Cuts `[0, length)` into `parts` aligned chunks: the list of boundaries, first 0, last `length`. */
export function chunkBounds(length: number, parts: number, byteAt: (i: number) => number): number[] {
  const out = [0];
  for (let p = 1; p < parts; p++) {
    const cut = alignCut(Math.floor((length * p) / parts), byteAt);
    if (cut > out[out.length - 1]! && cut < length) out.push(cut);
  }
  out.push(length);
  return out;
}

/**
 * Chunks are read from offsets rounded down to a multiple of this (the bytes
 * before the chunk are read but not run). Copying out of a SharedArrayBuffer
 * goes word by word only when source and target are equally aligned, byte
 * by byte otherwise: a chunk starting at an odd offset was measured to read
 * 1.7 times slower.
 */
export const READ_ALIGN = 64;

/** Where a chunk's bytes come from: fills `into[0..n)` with the bytes at `offset`, returns n. */
export type ByteSource = (into: Uint8Array, offset: number, length: number) => number;

/**
 * The transformation of bytes `[from, to)` on the DFA's states: for each
 * state q, the state reached from q. Read piecewise through the runner's
 * buffer; all start states run as one vector that merges as runs meet.
 */
export function chunkTransform(dfa: Dfa, runner: ByteRunner, read: ByteSource, from: number, to: number): Int32Array {
  const a = runner.automaton;
  const v = vectorRun(
    a,
    Array.from({ length: dfa.states }, (_, q) => q),
  );
  const buf = runner.buffer();
  let skip = from % READ_ALIGN;
  for (let at = from - skip; at < to;) {
    const n = read(buf, at, Math.min(buf.length, to - at));
    if (n <= skip) break;
    v.feedBytes(buf, skip, n, (q, f, t) => runner.runBuffer(q, f, t));
    at += n;
    skip = 0;
  }
  const ends = v.ends();
  for (let q = 0; q < ends.length; q++) ends[q] = a.outcome[ends[q]!]!;
  return ends;
}

/** The unit state reached from the DFA start reading `[from, to)` (the first chunk needs no map). */
export function chunkRun(dfa: Dfa, runner: ByteRunner, read: ByteSource, from: number, to: number): number {
  const buf = runner.buffer();
  let state = dfa.start;
  let skip = from % READ_ALIGN;
  for (let at = from - skip; at < to && state !== runner.automaton.dead;) {
    const n = read(buf, at, Math.min(buf.length, to - at));
    if (n <= skip) break;
    state = runner.runBuffer(state, skip, n);
    at += n;
    skip = 0;
  }
  return runner.automaton.outcome[state]!;
}

/**
 * Takes chunk indexes from the shared counter `next[0]` (atomically, so each
 * chunk goes to exactly one thread) until none are left, and returns the
 * transformation of each chunk taken, by index.
 */
export function takeChunks(
  dfa: Dfa,
  runner: ByteRunner,
  read: ByteSource,
  bounds: readonly number[],
  next: Int32Array,
): [number, Int32Array][] {
  const out: [number, Int32Array][] = [];
  for (;;) {
    const i = Atomics.add(next, 0, 1);
    if (i + 1 >= bounds.length) return out;
    out.push([i, chunkTransform(dfa, runner, read, bounds[i]!, bounds[i + 1]!)]);
  }
}
