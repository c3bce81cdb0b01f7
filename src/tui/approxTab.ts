/**
 * The Approx tab's own state and work: three editors (FX, FY and ε; VX, VY
 * and ε when the toggle reads the expressions as a field), the keys that
 * move between them, and the unit of work the playground runs in a job —
 * parse, build the sentence under a live length budget, measure its error
 * on a grid against the independent reference, and push a grid of Ω
 * through the target and the sentence for the braille picture.
 */
import { approximateMap, type MapTarget } from '../approx/approximate.js';
import { compileSentence, formatSentence, runCompiledSentence } from '../approx/sentence.js';
import { type Box, SentenceTooLong } from '../approx/steps.js';
import { flowReference, pairMap, pairTarget, separableField } from '../approx/targets.js';
import { limitError, WordflowError } from '../errors.js';
import { parseMapExpr } from '../mapexpr/index.js';
import { type Outcome, attempt } from './analysis.js';
import { type Edit, type Editor, EDIT_KEYS, edit, editorOf, editorText } from './editor.js';
import type { KeyEvent } from './keys.js';

/** Which of the tab's editors has the keys. */
export type ApproxField = 0 | 1 | 2;

/** The Approx tab's editors and toggle. */
export interface ApproxUi {
  /** FX, FY (or VX, VY) and ε. */
  readonly fields: readonly [Editor, Editor, Editor];
  readonly field: ApproxField;
  /** Read the two expressions as a separable field and approximate its time-1 map. */
  readonly flow: boolean;
}

/** The tab's labels, map mode and field mode. */
export const APPROX_LABELS = { map: ['FX', 'FY', 'ε'], flow: ['VX', 'VY', 'ε'] } as const;

/** What the tab opens with: a coupling map that needs a few hundred words at ε = 1e-2. */
export function initialApprox(): ApproxUi {
  return { fields: [editorOf('x + 0.3*sin(2*pi*y)'), editorOf('y'), editorOf('1e-2')], field: 0, flow: false };
}

/** Switches between a map (FX, FY) and a field (VX, VY), offering the pendulum when the editors hold the other kind's default. */
export function toggleFlow(a: ApproxUi): ApproxUi {
  const flow = !a.flow;
  const [fx, fy, eps] = a.fields;
  const defaults = initialApprox().fields;
  const untouched = editorText(fx) === editorText(defaults[0]) && editorText(fy) === editorText(defaults[1]);
  if (flow && untouched) return { ...a, flow, fields: [editorOf('y'), editorOf('-sin(x)'), eps] };
  return { ...a, flow };
}

/**
 * One key in the tab's editors. Tab / Shift-Tab and ↓/↑ move between the
 * three editors; Tab on ε, Enter or Esc leave them (`leave`); the rest edits.
 * Keys it does not handle come back as `null` (the playground's global keys).
 */
export function approxKey(a: ApproxUi, ev: KeyEvent): { readonly approx: ApproxUi; readonly leave: boolean } | null {
  const move = (by: 1 | -1): ApproxUi => ({ ...a, field: Math.max(0, Math.min(2, a.field + by)) as ApproxField });
  if (ev.kind === 'text') {
    const fields = [...a.fields] as [Editor, Editor, Editor];
    fields[a.field] = edit(fields[a.field], { kind: 'insert', text: ev.text });
    return { approx: { ...a, fields }, leave: false };
  }
  switch (ev.name) {
    case 'tab':
      return a.field === 2 ? { approx: { ...a, field: 0 }, leave: true } : { approx: move(1), leave: false };
    case 'backtab':
    case 'up':
      return { approx: move(-1), leave: false };
    case 'down':
      return { approx: move(1), leave: false };
    case 'enter':
    case 'escape':
      return { approx: a, leave: true };
    default: {
      const op = EDIT_KEYS[ev.name];
      if (op === undefined) return null;
      const fields = [...a.fields] as [Editor, Editor, Editor];
      fields[a.field] = edit(fields[a.field], { kind: op } as Edit);
      return { approx: { ...a, fields }, leave: false };
    }
  }
}

/** The live budget: sentences longer than this are refused (a compile stays around a second at most). */
export const LIVE_APPROX_WORDS = 40_000;
/** The side of the grid the tab measures the error on. */
export const LIVE_APPROX_GRID = 33;

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
  /** Lines of the grid of Ω pushed by the target, and by the sentence (same order). */
  readonly targetGrid: readonly (readonly (readonly [number, number])[])[];
  readonly sentenceGrid: readonly (readonly (readonly [number, number])[])[];
  readonly ms: number;
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
 * unit of work of one job. Everything thrown becomes the outcome's error.
 */
export function computeApprox(
  a: ApproxUi,
  maxWords = LIVE_APPROX_WORDS,
  now: () => number = Date.now,
): Outcome<ApproxResult> {
  return attempt(() => {
    const started = now();
    const [tx, ty, te] = a.fields.map(editorText) as [string, string, string];
    const labels = a.flow ? APPROX_LABELS.flow : APPROX_LABELS.map;
    const ex = parseField(tx, labels[0]);
    const ey = parseField(ty, labels[1]);
    const eps = parseEps(te);
    const domain = APPROX_DOMAIN;
    let target: MapTarget;
    let reference: (x: number, y: number) => readonly [number, number];
    let referenceName: string;
    let flowRef: ((x: number, y: number) => readonly [number, number]) | undefined;
    if (a.flow) {
      target = { kind: 'flow', field: separableField(ex, ey, tx, ty), time: 1 };
      reference = flowReference(ex, ey, 1);
      flowRef = reference;
      referenceName = 'the reference integrator';
    } else {
      const pair = { fx: ex, fy: ey, textX: tx, textY: ty };
      target = pairTarget(pair, domain);
      reference = pairMap(pair);
      referenceName = 'the expressions';
    }
    let built;
    try {
      built = approximateMap(target, { domain, eps, maxLength: maxWords, ...(flowRef ? { reference: flowRef } : {}) });
    } catch (e) {
      if (e instanceof SentenceTooLong) throw limitError(`sentence length (${e.what})`, 'maxSentenceLength', maxWords);
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
    const lines = 7;
    const samples = 16;
    const targetGrid: [number, number][][] = [];
    const sentenceGrid: [number, number][][] = [];
    for (let k = 0; k < lines; k++) {
      const c = -1 + (2 * k) / (lines - 1);
      for (const vertical of [true, false]) {
        const t: [number, number][] = [];
        const s: [number, number][] = [];
        for (let m = 0; m < samples; m++) {
          const d = -1 + (2 * m) / (samples - 1);
          const [x, y] = vertical ? [c, d] : [d, c];
          const [u, v] = reference(x, y);
          t.push([u, v]);
          runCompiledSentence(compiled, x, y, out);
          s.push([out[0]!, out[1]!]);
        }
        targetGrid.push(t);
        sentenceGrid.push(s);
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
      targetGrid,
      sentenceGrid,
      ms: now() - started,
    };
  });
}
