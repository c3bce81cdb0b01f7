/**
 * The Approx tab's unit of work, on plain data so that it can run in a
 * worker thread: parse FX, FY (or VX, VY) and ε, build the sentence under a
 * live length budget, measure its error on a grid against the independent
 * reference, and push a grid of Ω through the target and the sentence for
 * the braille picture (typed arrays, transferable). Also the messages of
 * that worker: errors travel as their fields and become `WordflowError`s
 * again on the other side, so a pane shows them like any other error.
 */
import { approximateMap, type MapTarget } from '../approx/approximate.js';
import { OutOfTime, TimeBudget } from '../approx/budget.js';
import { compileSentence, formatSentence, runCompiledSentence } from '../approx/sentence.js';
import { type Box, SentenceTooLong } from '../approx/steps.js';
import { flowReference, pairMap, pairTarget, separableField } from '../approx/targets.js';
import { asWordflowError, type ErrorKind, limitError, type Span, WordflowError } from '../errors.js';
import type { LimitKey } from '../limits.js';
import { parseMapExpr } from '../mapexpr/index.js';
import type { Outcome } from './analysis.js';

/** The tab's labels, map mode and field mode. */
export const APPROX_LABELS = { map: ['FX', 'FY', 'ε'], flow: ['VX', 'VY', 'ε'] } as const;

/** What one compile needs: the three editors' text and whether they name a field. */
export interface ApproxInput {
  readonly fx: string;
  readonly fy: string;
  readonly eps: string;
  readonly flow: boolean;
}

/** The live budget: sentences longer than this are refused (a compile stays within a few seconds). */
export const LIVE_APPROX_WORDS = 40_000;
/**
 * The live time budget: a compile still running after this many seconds
 * stops itself (the construction checks the clock between fits and steps)
 * and says how far it got. Word counts bound most compiles, but a general
 * map's fit (its isotopy, ridge terms and measured rebuilds) can run for
 * minutes before its sentence grows, and the tab must settle.
 */
export const LIVE_APPROX_SECONDS = 15;
/** The side of the grid the tab measures the error on. */
export const LIVE_APPROX_GRID = 33;
/** The picture's grid of Ω: lines in each direction, samples per line. */
export const PICTURE_LINES = 7;
export const PICTURE_SAMPLES = 16;

/** The tab's domain: the command's default box. */
export const APPROX_DOMAIN: Box = { x0: -1, x1: 1, y0: -1, y1: 1 };

/** What the tab shows for one input. */
export interface ApproxResult {
  readonly length: number;
  readonly runs: number;
  /** The sentence's text form, shortened. */
  readonly preview: string;
  /** Sup error measured on the grid against the reference. */
  readonly error: number;
  readonly grid: number;
  /** What the error is measured against. */
  readonly reference: string;
  /** A proved bound (exact arithmetic), or null. */
  readonly bound: number | null;
  /**
   * The grid of Ω pushed by the target, and by the sentence: `lines` polylines
   * of `samples` points each, as x, y pairs one line after the other.
   */
  readonly lines: number;
  readonly samples: number;
  readonly targetGrid: Float64Array;
  readonly sentenceGrid: Float64Array;
  readonly ms: number;
}

/** Polyline `k` of a picture grid, as points (for plotting). */
export function gridLine(r: ApproxResult, grid: Float64Array, k: number): [number, number][] {
  const out: [number, number][] = [];
  for (let m = 0; m < r.samples; m++) {
    const at = 2 * (k * r.samples + m);
    out.push([grid[at]!, grid[at + 1]!]);
  }
  return out;
}

function parseField(text: string, what: string): ReturnType<typeof parseMapExpr> {
  try {
    return parseMapExpr(text);
  } catch (e) {
    if (e instanceof WordflowError) throw new WordflowError(e.kind, `${what}: ${e.message}`, e.span, e.source ?? text);
    throw e;
  }
}

/** ε from its editor: a positive number. */
export function parseEps(text: string): number {
  const v = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(v) || !(v > 0))
    throw new WordflowError('usage', `ε needs a positive number, got '${text}'`);
  return v;
}

/**
 * Builds the sentence for the tab's inputs and measures it: the whole
 * unit of work of one compile. Everything thrown becomes the outcome's error.
 */
export function computeApprox(
  input: ApproxInput,
  maxWords = LIVE_APPROX_WORDS,
  now: () => number = Date.now,
  maxSeconds = LIVE_APPROX_SECONDS,
): Outcome<ApproxResult> {
  try {
    return { ok: true, value: build(input, maxWords, now, maxSeconds) };
  } catch (e) {
    return { ok: false, error: asWordflowError(e) };
  }
}

/** The tab's refusal of a compile past its live time budget (the runner's backstop says the same first words). */
export function liveTimeError(seconds: number, progress?: string): WordflowError {
  return new WordflowError(
    'limit',
    `stopped after ${seconds} s, the Approx tab's live time budget (fitted general maps can take minutes)` +
      `${progress === undefined ? '' : `, while ${progress}`}; \`wordflow approx\` builds it with a budget of its ` +
      'own (--max-seconds)',
    undefined,
    undefined,
    undefined,
    'maxSeconds',
  );
}

function build(input: ApproxInput, maxWords: number, now: () => number, maxSeconds: number): ApproxResult {
  const started = now();
  const time = new TimeBudget(maxSeconds, now);
  const { fx: tx, fy: ty } = input;
  const labels = input.flow ? APPROX_LABELS.flow : APPROX_LABELS.map;
  const ex = parseField(tx, labels[0]);
  const ey = parseField(ty, labels[1]);
  const eps = parseEps(input.eps);
  const domain = APPROX_DOMAIN;
  let target: MapTarget;
  let reference: (x: number, y: number) => readonly [number, number];
  let referenceName: string;
  let flowRef: ((x: number, y: number) => readonly [number, number]) | undefined;
  if (input.flow) {
    target = { kind: 'flow', field: separableField(ex, ey, tx, ty), time: 1 };
    reference = flowReference(ex, ey, 1);
    flowRef = reference;
    referenceName = 'the reference integrator';
  } else {
    const pair = { fx: ex, fy: ey, textX: tx, textY: ty };
    target = pairTarget(pair, domain);
    reference = pairMap(pair);
    referenceName = 'the expressions';
    // A general diffeomorphism's isotopy chooses its steps against the closed form.
    if (target.kind === 'isotopy') flowRef = reference;
  }
  let built;
  try {
    built = approximateMap(target, {
      domain,
      eps,
      maxLength: maxWords,
      budget: time,
      ...(flowRef ? { reference: flowRef } : {}),
    });
  } catch (e) {
    if (e instanceof SentenceTooLong) throw limitError(`sentence length (${e.what})`, 'maxSentenceLength', maxWords);
    if (e instanceof OutOfTime) throw liveTimeError(e.seconds, e.progress);
    if (e instanceof RangeError) throw new WordflowError('usage', e.message);
    throw e;
  }
  const compiled = compileSentence(built.sentence);
  const out = new Float64Array(2);
  const n = LIVE_APPROX_GRID;
  let worst = 0;
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < n; j++) {
      const x = domain.x0 + ((domain.x1 - domain.x0) * i) / (n - 1);
      const y = domain.y0 + ((domain.y1 - domain.y0) * j) / (n - 1);
      runCompiledSentence(compiled, x, y, out);
      const [u, v] = reference(x, y);
      const e = Math.hypot(out[0]! - u, out[1]! - v);
      if (!(e <= worst)) worst = Number.isNaN(e) ? Infinity : e;
    }
  }
  const samples = PICTURE_SAMPLES;
  const lines = 2 * PICTURE_LINES;
  const targetGrid = new Float64Array(2 * lines * samples);
  const sentenceGrid = new Float64Array(2 * lines * samples);
  let at = 0;
  for (let k = 0; k < PICTURE_LINES; k++) {
    const c = -1 + (2 * k) / (PICTURE_LINES - 1);
    for (const vertical of [true, false]) {
      for (let m = 0; m < samples; m++) {
        const d = -1 + (2 * m) / (samples - 1);
        const [x, y] = vertical ? [c, d] : [d, c];
        const [u, v] = reference(x, y);
        runCompiledSentence(compiled, x, y, out);
        targetGrid[at] = u;
        targetGrid[at + 1] = v;
        sentenceGrid[at] = out[0]!;
        sentenceGrid[at + 1] = out[1]!;
        at += 2;
      }
    }
  }
  return {
    length: built.length,
    runs: built.sentence.length,
    preview: formatSentence(built.sentence, 12),
    error: worst,
    grid: n,
    reference: referenceName,
    bound: built.bound,
    lines,
    samples,
    targetGrid,
    sentenceGrid,
    ms: now() - started,
  };
}

/** A compile asked of the worker. */
export interface ApproxRequest {
  readonly id: number;
  readonly input: ApproxInput;
  readonly maxWords: number;
  /** The live time budget the compile checks as it goes. */
  readonly maxSeconds: number;
}

/** A `WordflowError` as plain fields (what survives `postMessage`). */
export interface PlainError {
  readonly kind: ErrorKind;
  readonly message: string;
  readonly span?: Span;
  readonly source?: string;
  readonly limit?: LimitKey;
}

/** The worker's answer to one request. */
export type ApproxReply =
  | { readonly id: number; readonly ok: true; readonly value: ApproxResult }
  | { readonly id: number; readonly ok: false; readonly error: PlainError };

/** An outcome as a reply, with the buffers to transfer rather than copy. */
export function toReply(id: number, outcome: Outcome<ApproxResult>): { reply: ApproxReply; transfer: ArrayBuffer[] } {
  if (outcome.ok) {
    const v = outcome.value;
    return {
      reply: { id, ok: true, value: v },
      transfer: [v.targetGrid.buffer as ArrayBuffer, v.sentenceGrid.buffer as ArrayBuffer],
    };
  }
  const e = outcome.error;
  const error: PlainError = {
    kind: e.kind,
    message: e.message,
    ...(e.span === undefined ? {} : { span: e.span }),
    ...(e.source === undefined ? {} : { source: e.source }),
    ...(e.limit === undefined ? {} : { limit: e.limit }),
  };
  return { reply: { id, ok: false, error }, transfer: [] };
}

/** A reply as the outcome the pane shows. */
export function fromReply(reply: ApproxReply): Outcome<ApproxResult> {
  if (reply.ok) return { ok: true, value: reply.value };
  const { kind, message, span, source, limit } = reply.error;
  return { ok: false, error: new WordflowError(kind, message, span, source, undefined, limit) };
}
