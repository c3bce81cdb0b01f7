/**
 * Timing helpers for the benchmark (never used by tests): medians of
 * repeated samples, each long enough for the clock to resolve.
 */

/** Nanoseconds since an arbitrary origin. */
export function now(): number {
  return Number(process.hrtime.bigint());
}

/** The median of a non-empty list. */
export function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 === 1 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

/**
 * Median nanoseconds per call of `fn` over `samples` samples of at least
 * `minSampleMs` each (calls are repeated within a sample as needed).
 */
export function timePerCall(fn: () => unknown, samples: number, minSampleMs: number): number {
  let reps = 1;
  // Calibrate: double the repetitions until one sample is long enough.
  for (;;) {
    const t = now();
    for (let i = 0; i < reps; i++) fn();
    const took = now() - t;
    if (took >= minSampleMs * 1e6 || reps >= 1 << 24) break;
    reps = took <= 0 ? reps * 2 : Math.min(reps * 2, Math.ceil((reps * minSampleMs * 1e6) / took));
  }
  const out: number[] = [];
  for (let s = 0; s < samples; s++) {
    const t = now();
    for (let i = 0; i < reps; i++) fn();
    out.push((now() - t) / reps);
  }
  return median(out);
}

/** Times one call (for things too slow to repeat, e.g. V8 backtracking for seconds). */
export function timeOnce(fn: () => unknown): number {
  const t = now();
  fn();
  return now() - t;
}

/**
 * Runs `reps` calls of one engine and returns the nanoseconds they took. Each
 * engine gets a sampler of its own, written as its own function literal: V8
 * keeps type feedback per literal, so a timing loop shared by two engines gets
 * compiled with the first engine's code inlined and thrown away when it meets
 * the second, and in some processes one engine was then measured 2–14× slow.
 */
export type Sampler = (reps: number) => number;

/**
 * Median nanoseconds per call of each of `samplers`, sampled in turns (one
 * sample of each, then the next round), so that load from other processes
 * falls on all of them alike. Each call counts as `callsPer` calls.
 */
export function interleavedPerCall(
  samplers: readonly Sampler[],
  callsPer: number,
  samples: number,
  minSampleMs: number,
): number[] {
  const first = samplers[0]!;
  let reps = 1;
  for (;;) {
    const took = first(reps);
    if (took >= minSampleMs * 1e6 || reps >= 1 << 24) break;
    reps = took <= 0 ? reps * 2 : Math.min(reps * 2, Math.ceil((reps * minSampleMs * 1e6) / took));
  }
  const out: number[][] = samplers.map(() => []);
  for (let s = 0; s < samples; s++) {
    for (let j = 0; j < samplers.length; j++) out[j]!.push(samplers[j]!(reps) / (reps * callsPer));
  }
  return out.map(median);
}
