/**
 * The Approx tab's own state: three editors (FX, FY and ε; VX, VY and ε
 * when the toggle reads the expressions as a field), the keys that move
 * between them, and the plain inputs they stand for. The unit of work
 * (`approxCompute.ts`) runs in a worker thread (`approxRunner.ts`).
 */
import { type ApproxInput, APPROX_LABELS } from './approxCompute.js';
import { type Edit, type Editor, EDIT_KEYS, edit, editorOf, editorText } from './editor.js';
import type { KeyEvent } from './keys.js';

export { APPROX_LABELS };

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

/** The plain inputs the editors stand for (what a compile needs, and what identifies it). */
export function approxInput(a: ApproxUi): ApproxInput {
  const [fx, fy, eps] = a.fields.map(editorText) as [string, string, string];
  return { fx, fy, eps, flow: a.flow };
}
