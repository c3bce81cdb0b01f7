/**
 * The time budget of approx and the early length refusal: the budget's clock
 * is checked inside the constructions (a fake clock here, so the tests do not
 * depend on the machine's speed), a build past it stops with how far it got,
 * and through the CLI both limits refuse with exit 2, naming the limit and
 * its flag — quickly, since the budgets given are small.
 */
import { describe, expect, it } from 'vitest';
import { approximateMap } from '../../src/approx/approximate.js';
import { OutOfTime, TimeBudget } from '../../src/approx/budget.js';
import { pairMap, pairTarget } from '../../src/approx/targets.js';
import { parseMapExpr } from '../../src/mapexpr/index.js';
import { wordflow } from '../support/cli.js';

const BOX = { x0: -1, x1: 1, y0: -1, y1: 1 };

/** A clock that moves `step` ms each time it is read. */
function ticking(step: number): { now: () => number; reads: () => number } {
  let t = 0;
  let n = 0;
  return {
    now: () => {
      n++;
      return (t += step);
    },
    reads: () => n,
  };
}

const pair = (fx: string, fy: string) => ({ fx: parseMapExpr(fx), fy: parseMapExpr(fy), textX: fx, textY: fy });

describe('TimeBudget', () => {
  it('passes until its seconds are spent, then throws OutOfTime with the stage, detail and item', () => {
    const clock = ticking(400);
    const budget = new TimeBudget(1, clock.now);
    budget.stage('fitting');
    budget.detail('trying 4 steps');
    budget.item('field 2');
    expect(() => budget.check()).not.toThrow(); // 0.4 s
    expect(() => budget.check()).not.toThrow(); // 0.8 s
    let thrown: unknown;
    try {
      budget.check(); // 1.2 s
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OutOfTime);
    expect((thrown as OutOfTime).seconds).toBe(1);
    expect((thrown as OutOfTime).progress).toBe('fitting; trying 4 steps; field 2');
    budget.detail('trying 8 steps');
    expect(budget.progress()).toBe('fitting; trying 8 steps');
    expect(() => new TimeBudget(0)).toThrow(RangeError);
  });
});

describe('approximateMap with a time budget', () => {
  it('an isotopy stops inside its fits and says which splitting it was choosing', () => {
    const p = pair('x + 0.3*sin(2*pi*y)', 'e*y');
    const target = pairTarget(p, BOX);
    expect(target.kind).toBe('isotopy');
    // Each read of the clock is 100 ms: the budget of 2 s runs out after 20 reads, within the first fits.
    const clock = ticking(100);
    let thrown: unknown;
    try {
      approximateMap(target, { domain: BOX, eps: 1e-2, reference: pairMap(p), budget: new TimeBudget(2, clock.now) });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OutOfTime);
    expect((thrown as OutOfTime).progress).toMatch(
      /^choosing the number of steps of the Strang splitting of the isotopy's frozen fields \(within 2\.50e-3\); trying 1 step; fitting a field \(0 fields fitted so far\)$/,
    );
    expect(clock.reads()).toBe(22);
  });

  it('an affine map stops between the steps of its words, naming the step', () => {
    const p = pair('3*x + y', '0.5*x + y');
    const clock = ticking(1000);
    let thrown: unknown;
    try {
      approximateMap(pairTarget(p, BOX), { domain: BOX, eps: 1e-3, budget: new TimeBudget(2.5, clock.now) });
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(OutOfTime);
    expect((thrown as OutOfTime).progress).toMatch(
      /^writing the words of \d+ elementary steps; step 2 of \d+ \(\w+\), [\d,]+ words so far$/,
    );
  });

  it('past the budget once a sentence has been found and measured, that sentence stands', () => {
    const p = pair('x + 0.1*y^2', 'y + 0.1*x');
    // The clock stands still through the first build of words, then jumps past the budget when a second build (the
    // rebuild with a relaxed budget, after the first sentence measured well inside ε) starts.
    const seen: { budget?: TimeBudget; builds: number; last: string } = { builds: 0, last: '' };
    const clock = (): number => {
      const progress = seen.budget?.progress() ?? '';
      if (progress !== seen.last && progress.startsWith('writing the words') && progress.endsWith(' 0 words so far'))
        seen.builds++;
      seen.last = progress;
      return seen.builds >= 2 ? 1e9 : 0;
    };
    const budget = new TimeBudget(10, clock);
    seen.budget = budget;
    const a = approximateMap(pairTarget(p, BOX), { domain: BOX, eps: 1e-2, reference: pairMap(p), budget });
    expect(a.length).toBeGreaterThan(0);
    expect(seen.builds).toBe(2);
    expect(() => budget.check()).toThrow(OutOfTime);
  });

  it('a generous budget changes nothing: the same sentence as without one', () => {
    const p = pair('x + 0.3*sin(2*pi*y)', 'y');
    const a = approximateMap(pairTarget(p, BOX), { domain: BOX, eps: 1e-3 });
    const b = approximateMap(pairTarget(p, BOX), { domain: BOX, eps: 1e-3, maxSeconds: 3600 });
    expect(b.sentence).toEqual(a.sentence);
    expect(b.bound).toBe(a.bound);
  });
});

describe('wordflow approx: the time and length limits of fitted targets (exit 2)', () => {
  it('--max-seconds stops a general map mid-fit, naming the limit, its flag and how far it got', () => {
    const r = wordflow(['approx', 'x + 0.3*sin(2*pi*y)', 'e*y', '--eps', '1e-2', '--max-seconds', '0.5']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^wordflow: build time: over the limit of 0\.5 s; raise it with --max-seconds\. At ε = 0\.01 it stopped while choosing the number of steps of the Strang splitting of the isotopy's frozen fields \(within 2\.50e-3\); trying \d+ steps?/,
    );
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('--max-length refuses a general map before its words are written, from a coarse splitting', () => {
    const r = wordflow(['approx', 'x + 0.3*sin(2*pi*y)', 'e*y', '--eps', '1e-2', '--max-length', '2000']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(
      /^wordflow: sentence length \(estimated before the words were written: \d+ splitting steps? erred [\d.e+-]+, more than the 2\.50e-3 they may, and the first \d+ elementary steps of their [\d,]+ (alone take more than 2,000 words|take [\d,]+ words, about [\d,]+ for all); more steps take more words(; nor did the Yoshida splitting meet its share with up to \d+ steps?)?\): over the limit of 2,000; raise it with --max-length/,
    );
  });

  it('--max-seconds needs a positive number', () => {
    const r = wordflow(['approx', 'x', 'y', '--max-seconds', '0']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--max-seconds needs a positive number, got '0'/);
  });

  it('every row of --curve draws on one budget', () => {
    const r = wordflow(['approx', 'x + 0.1*y^2', 'y + 0.1*x', '--curve', '--max-seconds', '1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^wordflow: build time: over the limit of 1 s; raise it with --max-seconds\. At ε = /);
  });
});
