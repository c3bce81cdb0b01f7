/**
 * Phrases: finite sequences of primitive flows, each run for a positive
 * integer time (a run of r identical time-1 words is the time-r flow, since
 * a flow is a one-parameter group). A phrase is read left to right: the
 * first step acts first. Its meaning is the composition of its steps' maps.
 */
import { FLOW_CODE, type FlowName, flowCodeAt, inverseFlow, isFlowName } from './primitives.js';

/** One run of a primitive flow: `flow` applied for `times` units of time. */
export interface PhraseStep {
  readonly flow: FlowName;
  /** A positive integer: how many time-1 words of `flow` in a row. */
  readonly times: number;
}

/** A sequence of runs, first step first. */
export type Phrase = readonly PhraseStep[];

/** A phrase packed into typed arrays for evaluation without allocation. */
export interface CompiledPhrase {
  readonly codes: Uint8Array;
  readonly times: Float64Array;
}

/** Packs a phrase for `runCompiled`. */
export function compilePhrase(phrase: Phrase): CompiledPhrase {
  const codes = new Uint8Array(phrase.length);
  const times = new Float64Array(phrase.length);
  phrase.forEach((s, i) => {
    codes[i] = FLOW_CODE[s.flow];
    times[i] = s.times;
  });
  return { codes, times };
}

/**
 * Evaluates a compiled phrase on (x, y) into `out` (which may be the input
 * buffer). One closed-form evaluation per run.
 */
export function runCompiled(p: CompiledPhrase, x: number, y: number, out: Float64Array | number[]): void {
  const { codes, times } = p;
  out[0] = x;
  out[1] = y;
  for (let i = 0; i < codes.length; i++) flowCodeAt(codes[i]!, times[i]!, out[0], out[1], out);
}

/** The phrase's map applied to (x, y). */
export function applyPhrase(phrase: Phrase, x: number, y: number): [number, number] {
  const out: [number, number] = [x, y];
  for (const s of phrase) flowCodeAt(FLOW_CODE[s.flow], s.times, out[0], out[1], out);
  return out;
}

/** The inverse phrase: steps in reverse order, each flow reversed. */
export function invertPhrase(phrase: Phrase): Phrase {
  return phrase.map((s) => ({ flow: inverseFlow(s.flow), times: s.times })).reverse();
}

/** The number of time-1 primitive words in the phrase (its length over V). */
export function phraseLength(phrase: Phrase): number {
  let n = 0;
  for (const s of phrase) n += s.times;
  return n;
}

/**
 * Appends a run, merging it into the previous step when the flow repeats
 * (the time-a flow then the time-b flow is the time-(a+b) flow). Inverse
 * neighbours are kept: in floating point a translation and its inverse
 * round, and phrases may rely on that rounding happening exactly once.
 */
export function pushStep(phrase: PhraseStep[], flow: FlowName, times: number): void {
  if (!(times > 0)) return;
  const last = phrase[phrase.length - 1];
  if (last !== undefined && last.flow === flow) phrase[phrase.length - 1] = { flow, times: last.times + times };
  else phrase.push({ flow, times });
}

/** Text form: `hy^3 ty+ dy^3 …` (a step with times 1 has no exponent). */
export function formatPhrase(phrase: Phrase): string {
  return phrase.map((s) => (s.times === 1 ? s.flow : `${s.flow}^${s.times}`)).join(' ');
}

/** Reads the text form back; throws RangeError on anything else. */
export function parsePhrase(text: string): Phrase {
  const out: PhraseStep[] = [];
  for (const token of text
    .trim()
    .split(/\s+/)
    .filter((t) => t !== '')) {
    const m = /^([a-z]{2}[+-]?)(?:\^(\d+))?$/.exec(token);
    const name = m?.[1];
    if (m === null || name === undefined || !isFlowName(name)) throw new RangeError(`not a primitive flow: ${token}`);
    const times = m[2] === undefined ? 1 : Number(m[2]);
    if (!(times > 0)) throw new RangeError(`a run needs a positive time: ${token}`);
    out.push({ flow: name, times });
  }
  return out;
}

/** One sample of a continuous-time trajectory along a phrase. */
export interface FlowSample {
  /** Index of the step in the phrase. */
  readonly step: number;
  readonly flow: FlowName;
  /** Time since the start of this step, in [0, times]. */
  readonly t: number;
  readonly x: number;
  readonly y: number;
}

/**
 * The trajectory of (x, y) along the phrase in continuous time: for every
 * step, `samplesPerStep + 1` points at evenly spaced times from 0 to the
 * step's time, each computed from the step's closed form.
 */
export function phraseTrajectory(phrase: Phrase, x: number, y: number, samplesPerStep = 4): FlowSample[] {
  const out: FlowSample[] = [];
  const point = [x, y];
  const tmp = [0, 0];
  phrase.forEach((s, step) => {
    const code = FLOW_CODE[s.flow];
    for (let i = 0; i <= samplesPerStep; i++) {
      const t = (s.times * i) / samplesPerStep;
      flowCodeAt(code, t, point[0]!, point[1]!, tmp);
      out.push({ step, flow: s.flow, t, x: tmp[0]!, y: tmp[1]! });
    }
    flowCodeAt(code, s.times, point[0]!, point[1]!, point);
  });
  return out;
}

/** The primitive flows a phrase uses, with the total time of each. */
export function phraseUsage(phrase: Phrase): Partial<Record<FlowName, number>> {
  const out: Partial<Record<FlowName, number>> = {};
  for (const s of phrase) out[s.flow] = (out[s.flow] ?? 0) + s.times;
  return out;
}
