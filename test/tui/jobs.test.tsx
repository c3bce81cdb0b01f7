/**
 * Background jobs that are cancelled at random points must still end with
 * the answer for the inputs on screen. Regression test for the playground's
 * stuck "building the onehot vocabulary…": a job's timer set for older inputs
 * fired after a newer render had committed but before its effects ran, its
 * answer (computed from the newer inputs) was filed under the older ones, and
 * when the inputs came back to those the job counted as done for good.
 *
 * The inputs change from timer callbacks (as they do in the playground when
 * one job's result feeds another job's inputs), at random points relative to
 * the job's own timer; a slow render widens the window between a commit and
 * its effects.
 */
import { useImperativeHandle, useState, type ReactElement, type Ref } from 'react';
import { Text } from 'ink';
import { render, cleanup } from 'ink-testing-library';
import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useJob } from '../../src/tui/hooks.js';

afterEach(() => cleanup());

interface Inputs {
  /** Whether the job has anything to compute (the vocabulary pane on screen). */
  readonly on: boolean;
  /** What it computes from (the DFA). */
  readonly x: number;
}

interface Control {
  set(next: (old: Inputs) => Inputs): void;
}

/** The answer the job must end with for `inputs`. */
const expected = (inputs: Inputs): string => (inputs.on ? `built ${inputs.x}` : 'nothing');

function busy(ms: number): void {
  const end = performance.now() + ms;
  while (performance.now() < end) {
    // A slow render, as with a 100 000-letter string on a wide screen.
  }
}

function Probe(props: { control: Ref<Control>; delay: number; renderMs: number }): ReactElement {
  const [inputs, setInputs] = useState<Inputs>({ on: true, x: 0 });
  useImperativeHandle(props.control, () => ({ set: setInputs }), []);
  const job = useJob([inputs.on ? inputs.x : null], () => (inputs.on ? `built ${inputs.x}` : undefined), props.delay);
  busy(props.renderMs);
  return <Text>{`want=${expected(inputs)} have=${job.value ?? 'nothing'} pending=${job.pending}`}</Text>;
}

/** One change of the inputs, and when it happens relative to the round's first timer callback. */
interface Change {
  readonly op: 'toggle' | 'next';
  /**
   * `now`: in that callback; `timeout`: a timer set there (it fires in the same timers phase as
   * the job's timer when both are due); `immediate`: a timer set from a setImmediate, that is after
   * React has flushed the effects of the callback's render and set the job's timer.
   */
  readonly when: 'now' | 'timeout' | 'immediate';
}

const change: fc.Arbitrary<Change> = fc.record({
  op: fc.constantFrom<Change['op']>('toggle', 'next'),
  when: fc.constantFrom<Change['when']>('now', 'timeout', 'immediate'),
});

/** Runs one round of changes from a timer callback, resolving when the last has happened. */
function round(control: { current: Control | null }, changes: readonly Change[]): Promise<void> {
  return new Promise((resolve) => {
    let left = changes.length;
    const apply = (c: Change): void => {
      control.current?.set((old) => (c.op === 'toggle' ? { ...old, on: !old.on } : { ...old, x: old.x + 1 }));
      if (--left === 0) resolve();
    };
    setTimeout(() => {
      for (const c of changes) {
        if (c.when === 'now') apply(c);
        else if (c.when === 'timeout') setTimeout(() => apply(c), 0);
        else setImmediate(() => setTimeout(() => apply(c), 0));
      }
    }, 0);
  });
}

describe('useJob cancelled at random points', () => {
  it('always settles on the answer for the current inputs', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(change, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 6 }),
        fc.constantFrom(0, 1),
        fc.constantFrom(0, 3),
        async (rounds, delay, renderMs) => {
          const control: { current: Control | null } = { current: null };
          const r = render(<Probe control={control} delay={delay} renderMs={renderMs} />);
          try {
            for (const changes of rounds) await round(control, changes);
            await vi.waitFor(
              () => {
                const frame = r.lastFrame() ?? '';
                expect(frame).toContain('pending=false');
                const want = /want=(.*?) have=/.exec(frame)?.[1];
                const have = /have=(.*?) pending=/.exec(frame)?.[1];
                expect(have, frame).toBe(want);
              },
              { timeout: 2000, interval: 5 },
            );
          } finally {
            r.unmount();
          }
        },
      ),
      { numRuns: 100 },
    );
  });
});

describe('the playground at 200×60 with a long string and random keys', () => {
  it('always finishes building the vocabulary it shows', async () => {
    const { playInTerminal, KEY } = await import('./harness.js');
    const keys = fc.constantFrom(
      '?',
      KEY.f1,
      KEY.escape,
      KEY.tab,
      'e',
      'E',
      'x',
      '3',
      '2',
      '1',
      ']',
      '[',
      'a',
      'b',
      '|',
      '*',
      KEY.backspace,
      KEY.left,
      KEY.right,
      KEY.end,
      KEY.home,
    );
    await fc.assert(
      fc.asyncProperty(fc.array(keys, { minLength: 5, maxLength: 40 }), async (presses) => {
        const string = 'ab'.repeat(2_000);
        const d = await playInTerminal(200, 60, {
          initialPattern: '(a|b)*abb',
          initialString: string,
          initialEmbedding: 'onehot',
        });
        try {
          await d.press(...presses);
          await d.press(KEY.escape, KEY.escape);
          await d.until((f) => {
            expect(f).not.toContain('wordflow playground — keys');
            expect(f.split('\n')[0]).not.toMatch(/[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏]/);
            expect(f).not.toMatch(/building the \w+ vocabulary/);
          }, 20_000);
        } finally {
          d.unmount();
        }
      }),
      { numRuns: 3 },
    );
  });
});
