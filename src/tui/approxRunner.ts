/**
 * The Approx tab's compiles run off the UI thread: one worker thread
 * (`approxWorker.ts`) compiles one input at a time. A compile that is
 * superseded while it runs is stopped by terminating its thread (a
 * synchronous library call cannot be interrupted any other way), so a new
 * ε typed during a long flow compile starts at once and only the latest
 * inputs' result is ever reported. A compile past the live time budget
 * stops itself and answers (the construction checks the clock); one that
 * has not answered a grace period later is terminated like a superseded
 * one. An idle worker is kept for the next compile and does not keep the
 * process alive.
 *
 * The worker's module sits next to this one both in `dist/` (the library
 * build) and in the CLI bundle (`scripts/bundle.mjs` bundles it as an entry
 * beside the chunks); from the TypeScript sources (tests, tsx) a small
 * `.mjs` entry registers tsx in the thread first.
 */
import { Worker } from 'node:worker_threads';
import { useEffect, useRef, useState } from 'react';
import { WordflowError } from '../errors.js';
import type { Outcome } from './analysis.js';
import {
  type ApproxInput,
  type ApproxReply,
  type ApproxRequest,
  type ApproxResult,
  fromReply,
  LIVE_APPROX_SECONDS,
  LIVE_APPROX_WORDS,
  liveTimeError,
} from './approxCompute.js';

/**
 * Seconds after the live budget before a compile that has not answered is
 * terminated: the construction reads its clock between fits and steps, a
 * second or two apart on a loaded machine.
 */
export const LIVE_APPROX_GRACE_SECONDS = 5;

/** Where the worker's module is, for code running from `dist/` or from `src/`. */
export function approxWorkerUrl(): URL {
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './approxWorkerFromSource.mjs' : './approxWorker.js', import.meta.url);
}

/** How many worker threads were started and how many compiles were stopped (for tests and diagnostics). */
export interface RunnerCounts {
  readonly started: number;
  readonly cancelled: number;
}

const totals = { started: 0, cancelled: 0 };

/** The counts over every runner of this process (the playground's hook owns its runner). */
export function approxRunnerTotals(): RunnerCounts {
  return { ...totals };
}

/**
 * Runs compiles in a worker thread, one at a time: `run` starts one (stopping
 * any that is still running) and calls `done` with its outcome, unless it is
 * cancelled first; a worker that fails reports its message as the outcome's
 * error (never a stack trace).
 */
export class ApproxRunner {
  private worker: Worker | null = null;
  private job: { readonly id: number; readonly done: (o: Outcome<ApproxResult>) => void } | null = null;
  private deadline: ReturnType<typeof setTimeout> | null = null;
  private nextId = 1;
  private counts = { started: 0, cancelled: 0 };

  constructor(
    private readonly url: URL = approxWorkerUrl(),
    private readonly seconds: number = LIVE_APPROX_SECONDS,
    private readonly graceSeconds: number = LIVE_APPROX_GRACE_SECONDS,
  ) {}

  /** Starts compiling `input`; returns a function that cancels it. */
  run(input: ApproxInput, done: (outcome: Outcome<ApproxResult>) => void, maxWords = LIVE_APPROX_WORDS): () => void {
    this.cancel();
    const id = this.nextId++;
    this.job = { id, done };
    const worker = this.ensureWorker();
    worker.ref();
    const request: ApproxRequest = { id, input, maxWords, maxSeconds: this.seconds };
    worker.postMessage(request);
    this.deadline = setTimeout(
      () => {
        if (this.job?.id !== id) return;
        this.cancel();
        done({ ok: false, error: liveTimeError(this.seconds) });
      },
      (this.seconds + this.graceSeconds) * 1000,
    );
    this.deadline.unref();
    return () => {
      if (this.job?.id === id) this.cancel();
    };
  }

  /** Stops the running compile, if any (its result will never be reported). */
  cancel(): void {
    this.clearDeadline();
    if (this.job === null) return;
    this.job = null;
    this.counts.cancelled++;
    totals.cancelled++;
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }

  /** Stops the worker thread (the component unmounts). */
  dispose(): void {
    this.clearDeadline();
    this.job = null;
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
  }

  /** Worker threads started and compiles cancelled so far. */
  stats(): RunnerCounts {
    return { ...this.counts };
  }

  private clearDeadline(): void {
    if (this.deadline !== null) clearTimeout(this.deadline);
    this.deadline = null;
  }

  private ensureWorker(): Worker {
    if (this.worker !== null) return this.worker;
    const worker = new Worker(this.url);
    this.counts.started++;
    totals.started++;
    this.worker = worker;
    worker.on('message', (reply: ApproxReply) => {
      const job = this.job;
      if (this.worker !== worker || job === null || job.id !== reply.id) return;
      this.job = null;
      this.clearDeadline();
      worker.unref();
      job.done(fromReply(reply));
    });
    const fail = (message: string): void => {
      if (this.worker !== worker) return;
      this.worker = null;
      const job = this.job;
      this.job = null;
      this.clearDeadline();
      job?.done({ ok: false, error: new WordflowError('internal', `the approx worker stopped: ${message}`) });
    };
    worker.on('error', (e: unknown) => fail(e instanceof Error ? e.message : String(e)));
    worker.on('exit', (code) => fail(`it exited with code ${code}`));
    return worker;
  }
}

/** The Approx tab's job as the screen sees it. */
export interface ApproxJob {
  /** The outcome for the current inputs, or the last one while a newer compile runs. */
  readonly value: Outcome<ApproxResult> | undefined;
  /** True while the shown outcome is not for the current inputs. */
  readonly pending: boolean;
  /** When the running compile started (`Date.now()`), or null when none runs. */
  readonly since: number | null;
}

const keyOf = (i: ApproxInput): string => JSON.stringify([i.fx, i.fy, i.eps, i.flow]);

/**
 * Compiles `input` in the worker after `delayMs` of quiet whenever it
 * changes, keeping the previous outcome meanwhile; a change (or `null`:
 * the tab is off screen) cancels a compile still running for older inputs.
 */
export function useApproxJob(input: ApproxInput | null, delayMs: number, maxWords = LIVE_APPROX_WORDS): ApproxJob {
  const runner = useRef<ApproxRunner | null>(null);
  const [done, setDone] = useState<{ key: string; value: Outcome<ApproxResult> } | undefined>(undefined);
  const [running, setRunning] = useState<{ key: string; since: number } | null>(null);
  const key = input === null ? null : keyOf(input);
  const current = key !== null && done?.key === key;
  useEffect(() => () => runner.current?.dispose(), []);
  useEffect(() => {
    if (key === null || current) return undefined;
    let cancel: (() => void) | null = null;
    const timer = setTimeout(() => {
      // The input is read back from the key, so a result is always filed under the inputs that made it.
      const [fx, fy, eps, flow] = JSON.parse(key) as [string, string, string, boolean];
      const job: ApproxInput = { fx, fy, eps, flow };
      runner.current ??= new ApproxRunner();
      setRunning({ key, since: Date.now() });
      cancel = runner.current.run(
        job,
        (value) => {
          setDone({ key, value });
          setRunning((r) => (r?.key === key ? null : r));
        },
        maxWords,
      );
    }, delayMs);
    return () => {
      clearTimeout(timer);
      cancel?.();
      setRunning((r) => (r?.key === key ? null : r));
    };
  }, [key, current, delayMs, maxWords]);
  return {
    value: done?.value,
    pending: key !== null && !current,
    since: running !== null && running.key === key ? running.since : null,
  };
}
