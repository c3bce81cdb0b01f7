/**
 * The playground's Approx tab: its keys (editors, field toggle, leaving),
 * its unit of work (error within ε, refusals and the live budget as
 * errors), the pane on screen, and a fuzz of keys typed into the tab.
 */
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { cleanup } from 'ink-testing-library';
import { approxInput, approxKey, initialApprox, toggleFlow, type ApproxUi } from '../../src/tui/approxTab.js';
import { computeApprox, gridLine } from '../../src/tui/approxCompute.js';
import { editorOf, editorText } from '../../src/tui/editor.js';
import { initialState, reduce, type ReduceContext, type UiState } from '../../src/tui/state.js';
import type { KeyEvent } from '../../src/tui/keys.js';
import { KEY, play } from './harness.js';

afterEach(() => cleanup());

const CTX: ReduceContext = { gallery: [], members: [], maxScroll: () => 0, pageLines: 10 };
const text = (t: string): KeyEvent => ({ kind: 'text', text: t });
const key = (name: Extract<KeyEvent, { kind: 'key' }>['name']): KeyEvent => ({ kind: 'key', name });
const press = (s: UiState, ...evs: KeyEvent[]): UiState => evs.reduce((acc, ev) => reduce(acc, ev, CTX), s);

function withFields(fx: string, fy: string, eps: string, flow = false): ApproxUi {
  return { fields: [editorOf(fx), editorOf(fy), editorOf(eps)], field: 0, flow };
}

describe('Approx tab keys', () => {
  it('7 shows the tab, Enter edits FX, Tab moves to FY then ε, Tab on ε leaves', () => {
    let s = press(initialState(), key('escape'), text('7'));
    expect(s.pane).toBe('approx');
    s = press(s, key('enter'));
    expect(s.focus).toBe('approx');
    s = press(s, key('ctrl-u'), text('2*x'), key('tab'), key('ctrl-u'), text('y/2'), key('tab'));
    expect(s.approx.fields.map(editorText)).toEqual(['2*x', 'y/2', '1e-2']);
    expect(s.approx.field).toBe(2);
    s = press(s, key('tab'));
    expect(s.focus).toBe('panes');
    expect(s.pane).toBe('approx');
  });

  it('letters typed in the tab are text, not commands (q does not quit)', () => {
    const s = press(initialState(), key('escape'), text('7'), key('enter'), key('ctrl-u'), text('q'));
    expect(s.quit).toBe(false);
    expect(editorText(s.approx.fields[0])).toBe('q');
  });

  it('f toggles map and field; untouched defaults become the pendulum', () => {
    const s = press(initialState(), key('escape'), text('7'), text('f'));
    expect(s.approx.flow).toBe(true);
    expect(s.approx.fields.map(editorText)).toEqual(['y', '-sin(x)', '1e-2']);
    expect(toggleFlow(withFields('a', 'b', '1', true))).toEqual({ ...withFields('a', 'b', '1', true), flow: false });
  });

  it('keys it does not know are left to the playground', () => {
    expect(approxKey(initialApprox(), key('pageDown'))).toBeNull();
  });
});

describe('computeApprox', () => {
  it('a rotation within ε = 1e-2, measured on its grid', () => {
    const r = computeApprox(approxInput(withFields('0.8*x - 0.6*y', '0.6*x + 0.8*y', '1e-2')));
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value.length).toBeGreaterThan(0);
    expect(r.value.error).toBeLessThanOrEqual(1e-2);
    // The picture's grid: the target's image of the corner (1, 1) is the rotated corner.
    const corner = gridLine(r.value, r.value.targetGrid, r.value.lines - 1);
    expect(corner[corner.length - 1]![0]).toBeCloseTo(0.2, 12);
    expect(corner[corner.length - 1]![1]).toBeCloseTo(1.4, 12);
  });

  it('refusals, parse errors, a bad ε and the live budget come back as errors', () => {
    const message = (a: ApproxUi, max?: number): string => {
      const r = computeApprox(approxInput(a), max);
      expect(r.ok).toBe(false);
      return r.ok ? '' : r.error.message;
    };
    expect(message(withFields('-x', 'y', '1e-2'))).toMatch(/orientation/);
    expect(message(withFields('x +', 'y', '1e-2'))).toMatch(/^FX: /);
    expect(message(withFields('x', 'y', '-1'))).toMatch(/ε needs a positive number/);
    expect(message(withFields('x + 0.3*sin(2*pi*y)', 'y', '1e-3'), 50)).toMatch(/--max-length/);
  });
});

const SPINNER = /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/;

describe('Approx tab on screen', () => {
  it('shows length, error and the braille grid, then an error for a bad expression', async () => {
    const d = await play({ initialPattern: 'ab' });
    await d.press(KEY.escape, '7');
    await d.until((f) => {
      expect(f).toMatch(/✓ [\d,]+ words · error \d\.\de-\d on a 33×33 grid/);
      expect(f).toContain('⣿ target f');
    }, 30_000);
    await d.press(KEY.enter, KEY.ctrlU, 'x*x');
    await d.until((f) => expect(f).toMatch(/✗ .*(inject|fold)/i), 30_000);
    d.unmount();
  });

  it('fuzz: keys typed in the tab never crash it, and it settles on a result or an error', async () => {
    const keys = fc.constantFrom(
      'x',
      'y',
      '+',
      '-',
      '*',
      '/',
      '(',
      ')',
      '0.5',
      '2',
      'sin(',
      'pi',
      '^',
      ' ',
      'e',
      'q',
      'é',
      KEY.tab,
      KEY.backtab,
      KEY.up,
      KEY.down,
      KEY.left,
      KEY.right,
      KEY.backspace,
      KEY.delete,
      KEY.ctrlU,
      KEY.home,
      KEY.end,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(keys, { minLength: 1, maxLength: 16 }), async (typed) => {
        const errors: unknown[] = [];
        const onError = (e: unknown): void => void errors.push(e);
        process.on('uncaughtException', onError);
        try {
          const d = await play({ initialPattern: 'ab' });
          await d.press(KEY.escape, '7', KEY.enter, ...typed, KEY.escape);
          await d.until((f) => {
            expect(f.split('\n')[0]).not.toMatch(SPINNER);
            expect(f).not.toContain('compiling…');
            expect(f).toMatch(/✓ [\d,]+ words · error|✗ /);
          }, 30_000);
          const f = d.frame();
          expect(f).not.toMatch(/this pane failed to draw|at .*\.tsx?:\d+/);
          expect(f.split('\n').length).toBeLessThanOrEqual(23);
          d.unmount();
        } finally {
          process.off('uncaughtException', onError);
        }
        expect(errors).toEqual([]);
      }),
      { numRuns: 12 },
    );
  }, 600_000);
});
