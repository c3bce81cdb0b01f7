/**
 * The Approx tab's compiles in a worker thread: the runner (one compile at a
 * time, a superseded one terminated, failures as errors), and the playground
 * on screen while a slow compile runs — keys are drawn at once and a
 * superseded compile's result never appears. Assertions are on frames and
 * on the runner's counts, never on timings.
 */
import { render } from 'ink-testing-library';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { cleanup } from 'ink-testing-library';
import { computeApprox, type ApproxInput, type ApproxResult } from '../../src/tui/approxCompute.js';
import { ApproxRunner, approxRunnerTotals } from '../../src/tui/approxRunner.js';
import type { Outcome } from '../../src/tui/analysis.js';
import { Playground } from '../../src/tui/Playground.js';
import { GALLERY, KEY, strip } from './harness.js';

afterEach(() => cleanup());

const ROTATION: ApproxInput = { fx: '0.8*x - 0.6*y', fy: '0.6*x + 0.8*y', eps: '1e-2', flow: false };
const PENDULUM = (eps: string): ApproxInput => ({ fx: 'y', fy: '-sin(x)', eps, flow: true });

function once(runner: ApproxRunner, input: ApproxInput): Promise<Outcome<ApproxResult>> {
  return new Promise((resolve) => runner.run(input, resolve));
}

describe('ApproxRunner', () => {
  it('answers like the compile in this thread, reusing one worker for consecutive compiles', async () => {
    const runner = new ApproxRunner();
    try {
      const a = await once(runner, ROTATION);
      const b = await once(runner, { ...ROTATION, eps: '1e-3' });
      const here = computeApprox(ROTATION);
      expect(a.ok && here.ok).toBe(true);
      if (!a.ok || !here.ok || !b.ok) return;
      expect(a.value.length).toBe(here.value.length);
      expect(a.value.error).toBe(here.value.error);
      expect(Array.from(a.value.sentenceGrid)).toEqual(Array.from(here.value.sentenceGrid));
      expect(b.value.error).toBeLessThanOrEqual(1e-3);
      expect(runner.stats()).toEqual({ started: 1, cancelled: 0 });
    } finally {
      runner.dispose();
    }
  }, 60_000);

  it('a compile superseded while it runs is terminated and never reported', async () => {
    const runner = new ApproxRunner();
    try {
      const seen: string[] = [];
      runner.run(PENDULUM('1e-3'), () => seen.push('1e-3'));
      const latest = await once(runner, ROTATION);
      expect(latest.ok).toBe(true);
      expect(runner.stats()).toEqual({ started: 2, cancelled: 1 });
      // The first worker was terminated: give it the time a late message would need, then look again.
      await new Promise((r) => setTimeout(r, 50));
      expect(seen).toEqual([]);
    } finally {
      runner.dispose();
    }
  }, 60_000);

  it('a compile past the live time budget stops itself and says how far it got; the worker stays for the next', async () => {
    // A general map through its isotopy fit takes minutes at 1e-3; half a second is the budget here.
    const runner = new ApproxRunner(undefined, 0.5);
    try {
      const slow = await once(runner, { fx: 'x + 0.3*sin(2*pi*y)', fy: 'y*e', eps: '1e-3', flow: false });
      expect(slow.ok).toBe(false);
      if (slow.ok) return;
      expect(slow.error.kind).toBe('limit');
      expect(slow.error.limit).toBe('maxSeconds');
      expect(slow.error.message).toMatch(/^stopped after 0\.5 s, the Approx tab's live time budget/);
      expect(slow.error.message).toMatch(/while choosing the number of steps of the Strang splitting/);
      // Stopped from inside: no thread was terminated, and the same worker compiles the next input.
      expect(runner.stats()).toEqual({ started: 1, cancelled: 0 });
      const next = await once(runner, ROTATION);
      expect(next.ok).toBe(true);
      expect(runner.stats()).toEqual({ started: 1, cancelled: 0 });
    } finally {
      runner.dispose();
    }
  }, 60_000);

  it('a worker that does not answer by the budget and its grace period is terminated, and says so', async () => {
    const silent = new ApproxRunner(new URL('./fixtures/silentApproxWorker.mjs', import.meta.url), 0.2, 0.1);
    try {
      const stopped = await once(silent, ROTATION);
      expect(stopped.ok).toBe(false);
      if (!stopped.ok)
        expect(stopped.error.message).toMatch(/^stopped after 0\.2 s, the Approx tab's live time budget/);
      expect(silent.stats()).toEqual({ started: 1, cancelled: 1 });
    } finally {
      silent.dispose();
    }
  }, 60_000);

  it('errors of the compile and failures of the worker come back as messages, never stack traces', async () => {
    const runner = new ApproxRunner();
    try {
      const refused = await once(runner, { ...ROTATION, fx: '-x', fy: 'y' });
      expect(refused.ok).toBe(false);
      if (!refused.ok) {
        expect(refused.error.kind).toBe('usage');
        expect(refused.error.message).toMatch(/reverses orientation: interval arithmetic/);
      }
      const syntax = await once(runner, { ...ROTATION, fx: 'x +' });
      expect(syntax.ok).toBe(false);
      if (!syntax.ok) {
        expect(syntax.error.message).toMatch(/^FX: /);
        expect(syntax.error.span).toBeDefined();
      }
    } finally {
      runner.dispose();
    }
    const failing = new ApproxRunner(new URL('./fixtures/failingApproxWorker.mjs', import.meta.url));
    try {
      const failed = await once(failing, ROTATION);
      expect(failed.ok).toBe(false);
      if (!failed.ok) {
        expect(failed.error.kind).toBe('internal');
        expect(failed.error.message).toBe('the approx worker stopped: the compile ran out of luck');
      }
    } finally {
      failing.dispose();
    }
    const missing = new ApproxRunner(new URL('./fixtures/no-such-worker.mjs', import.meta.url));
    try {
      const failed = await once(missing, ROTATION);
      expect(failed.ok).toBe(false);
      if (!failed.ok) {
        expect(failed.error.message).toMatch(/^the approx worker stopped: /);
        expect(failed.error.message).not.toMatch(/\n\s+at /);
      }
    } finally {
      missing.dispose();
    }
  }, 60_000);
});

describe('the Approx tab while a slow compile runs', () => {
  it('draws keys at once, shows the elapsed time, and never shows the superseded result', async () => {
    const before = approxRunnerTotals();
    const r = render(
      <Playground initialPattern="ab" width={80} height={23} color={false} debounceMs={5} gallery={GALLERY} />,
    );
    const frame = (): string => strip(r.lastFrame());
    const until = (check: (f: string) => void): Promise<void> =>
      vi.waitFor(() => check(frame()), { timeout: 60_000, interval: 10 });
    const press = async (...keys: string[]): Promise<void> => {
      for (const k of keys) {
        r.stdin.write(k);
        await new Promise((done) => setTimeout(done, k === KEY.escape ? 5 : 0));
      }
    };
    await press(KEY.escape, '7', 'f');
    // The pendulum at ε = 1e-2 first (its result stays on screen, marked, while the next compile runs).
    await until((f) => expect(f).toMatch(/✓ [\d,]+ words/));
    await press(KEY.enter, KEY.tab, KEY.tab, KEY.ctrlU, '1', 'e', '-', '4');
    // ε = 1e-4 runs into the live budget only after seconds of work; its clock is shown meanwhile.
    await until((f) => expect(f).toMatch(/ε ▸ {2}1e-4[^]*compiling… \d+\.\d s/));
    const typedFrom = r.frames.length;
    await press(KEY.ctrlU, '5', 'e', '-', '2');
    await until((f) => {
      expect(f).toMatch(/ε ▸ {2}5e-2/);
      expect(f).toMatch(/^✓ [\d,]+ words/m);
    });
    const frames = r.frames.map(strip);
    // Every key was drawn while the 1e-4 compile was still running: nothing waited for it.
    const typing = frames.slice(typedFrom);
    for (const text of ['5', '5e', '5e-', '5e-2']) {
      expect(typing.some((f) => f.includes(`ε ▸  ${text}\n`))).toBe(true);
    }
    // The 1e-4 compile's answer (the live budget's limit error) never appeared: it was stopped.
    expect(frames.filter((f) => f.includes('over the limit of 40,000'))).toEqual([]);
    // A result shown as current (no "compiling…") is always the current input's: the 5e-2 sentence.
    const current = frames.filter((f) => /^(✓ [\d,]+ words|✗ )/m.test(f) && !f.includes('compiling…'));
    expect(current.filter((f) => /ε ▸ {2}1e-4/.test(f))).toEqual([]);
    const expected = computeApprox(PENDULUM('5e-2'));
    expect(expected.ok).toBe(true);
    const words = new Set(
      current.filter((f) => /ε ▸ {2}5e-2/.test(f)).map((f) => /^✓ ([\d,]+) words/m.exec(f)?.[1] ?? 'none'),
    );
    if (expected.ok) expect([...words]).toEqual([expected.value.length.toLocaleString('en-US')]);
    const after = approxRunnerTotals();
    expect(after.cancelled - before.cancelled).toBeGreaterThanOrEqual(1);
    r.unmount();
  }, 120_000);
});
