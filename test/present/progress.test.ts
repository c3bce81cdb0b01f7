/** The progress indicator: silent off a terminal, delayed, throttled, erased at the end, never wider than the terminal. */
import { describe, expect, it } from 'vitest';
import { progressIndicator, progressLine } from '../../src/present/progress.js';

function fakeStream(isTTY: boolean, columns = 80) {
  const writes: string[] = [];
  return { stream: { isTTY, columns, write: (s: string) => writes.push(s) }, writes };
}

describe('progressIndicator', () => {
  it('writes nothing at all when the stream is not a terminal', () => {
    const { stream, writes } = fakeStream(false);
    let t = 0;
    const p = progressIndicator(stream, { label: 'building', delayMs: 0, intervalMs: 0, now: () => t });
    for (let i = 0; i < 100; i++) {
      t += 1000;
      p.update(i);
    }
    p.finish();
    expect(writes).toEqual([]);
  });

  it('waits for the delay, redraws at most once per interval, and erases its line when finished', () => {
    const { stream, writes } = fakeStream(true);
    let t = 0;
    const p = progressIndicator(stream, {
      label: 'building the DFA',
      total: 1000,
      unit: 'states',
      delayMs: 300,
      intervalMs: 100,
      now: () => t,
    });
    t = 200;
    p.update(10);
    expect(writes).toEqual([]);
    t = 300;
    p.update(250);
    t = 350;
    p.update(300);
    t = 400;
    p.update(500);
    expect(writes).toEqual([
      `\r${progressLine({ label: 'building the DFA', total: 1000, unit: 'states' }, 250)}`,
      `\r${progressLine({ label: 'building the DFA', total: 1000, unit: 'states' }, 500)}`,
    ]);
    p.finish();
    const width = writes[1]!.length - 1;
    expect(writes[2]).toBe(`\r${' '.repeat(width)}\r`);
    p.update(900);
    p.finish();
    expect(writes).toHaveLength(3);
  });

  it('assumes 80 columns on a terminal that reports none', () => {
    const { stream, writes } = fakeStream(true, 0);
    const p = progressIndicator(stream, {
      label: 'building the DFA',
      total: 100,
      unit: 'states',
      delayMs: 0,
      now: () => 0,
    });
    p.update(50);
    expect(writes).toEqual(['\rbuilding the DFA [############............] 50 of at most 100 states']);
  });

  it('erases nothing when it never drew', () => {
    const { stream, writes } = fakeStream(true);
    const p = progressIndicator(stream, { label: 'quick', now: () => 0 });
    p.update(1);
    p.finish();
    expect(writes).toEqual([]);
  });
});

describe('progressLine', () => {
  it('shows a bar against the budget, or a plain counter', () => {
    expect(progressLine({ label: 'building the DFA', total: 100_000, unit: 'states' }, 49_152)).toBe(
      'building the DFA [############............] 49,152 of at most 100,000 states',
    );
    expect(progressLine({ label: 'checking', unit: 'lines' }, 1_234_567)).toBe('checking: 1,234,567 lines');
  });

  it('never reaches the last column of the terminal (a wrapped line could not be erased)', () => {
    const line = progressLine({ label: 'x'.repeat(200), total: 10 }, 5, 40);
    expect(line.length).toBe(39);
    expect(line.endsWith('…')).toBe(true);
  });
});
