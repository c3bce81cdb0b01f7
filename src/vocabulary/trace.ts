/**
 * Trajectories: a sentence read word by word, with the point after every
 * word and the region it lies in; for `flow2d` also the continuous-time
 * path along every primitive flow of every word's phrase (for animation and
 * plots).
 */
import { classOf } from '../alphabet/alphabet.js';
import { classLabel } from '../syntax/regex/print.js';
import { type FlowSample, phraseTrajectory } from '../flows/phrase.js';
import type { Vocabulary } from './embeddings.js';

/** One step of a trajectory (step 0 is the start point, before any word). */
export interface TraceStep {
  readonly index: number;
  /** The letter read at this step (null at the start). */
  readonly symbol: string | null;
  readonly codePoint: number | null;
  readonly class: number | null;
  readonly label: string | null;
  /** The DFA's state after this step. */
  readonly state: number;
  /** The point after this step. */
  readonly point: readonly number[];
  /** The state whose region holds the point (equals `state` when the certificate holds), or null. */
  readonly region: number | null;
  readonly inTarget: boolean;
  /** flow2d: the path from the previous point along this word's phrase, in continuous time. */
  readonly flow?: readonly FlowSample[];
}

/** A whole trajectory. */
export interface Trace {
  readonly embedding: Vocabulary['embedding'];
  readonly input: string;
  readonly steps: readonly TraceStep[];
  /** The vocabulary's verdict: the end point lies in T. */
  readonly accept: boolean;
  /** The DFA's verdict, for comparison. */
  readonly dfaAccept: boolean;
}

/** Options of `trace`. */
export interface TraceOptions {
  /** flow2d: samples per primitive-flow run (0 = no continuous path). Default 4. */
  readonly samplesPerFlow?: number;
}

/** The trajectory of `s` (read as code points) through the vocabulary. */
export function trace(v: Vocabulary, s: string, options: TraceOptions = {}): Trace {
  const { dfa } = v;
  const k = dfa.alphabet.classes.length;
  const samples = options.samplesPerFlow ?? 4;
  let point: Float64Array = Float64Array.from(v.start);
  let state = dfa.start;
  const steps: TraceStep[] = [
    {
      index: 0,
      symbol: null,
      codePoint: null,
      class: null,
      label: null,
      state,
      point: [...point],
      region: v.stateOf(point),
      inTarget: v.inTarget(point),
    },
  ];
  let index = 0;
  for (const ch of s) {
    index++;
    const cp = ch.codePointAt(0)!;
    const c = classOf(dfa.alphabet, cp);
    const flow =
      v.embedding === 'flow2d' && samples > 0
        ? phraseTrajectory(v.params.phrases[c]!, point[0]!, point[1]!, samples)
        : undefined;
    point = v.apply(c, point);
    state = dfa.delta[state * k + c]!;
    steps.push({
      index,
      symbol: ch,
      codePoint: cp,
      class: c,
      label: classLabel(dfa.alphabet, c),
      state,
      point: [...point],
      region: v.stateOf(point),
      inTarget: v.inTarget(point),
      ...(flow === undefined ? {} : { flow }),
    });
  }
  return { embedding: v.embedding, input: s, steps, accept: v.inTarget(point), dfaAccept: dfa.accepting[state] === 1 };
}
