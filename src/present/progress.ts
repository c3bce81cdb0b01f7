/**
 * A one-line progress indicator for long work (large DFA constructions, long
 * batches), drawn on a terminal only. It is plain text — no colour, no
 * cursor control beyond a carriage return — redrawn at most every
 * `intervalMs`, first shown only after `delayMs` so quick work never
 * flickers, and erased when the work is done. On a stream that is not a
 * terminal (a pipe, a file, CI logs) it writes nothing at all, so output
 * that scripts read is never polluted.
 */

/** Where the indicator is drawn: `process.stderr` in the CLI. */
export interface ProgressStream {
  readonly isTTY?: boolean;
  readonly columns?: number;
  write(text: string): unknown;
}

/** How the indicator reads and behaves. */
export interface ProgressOptions {
  /** What is being done, e.g. `building the DFA`. */
  readonly label: string;
  /** The amount at which the work is certainly over (e.g. the state budget); omit for a plain counter. */
  readonly total?: number;
  /** The unit counted, e.g. `states`. */
  readonly unit?: string;
  /** Nothing is drawn before this much time has passed (default 300 ms). */
  readonly delayMs?: number;
  /** Least time between two redraws (default 100 ms). */
  readonly intervalMs?: number;
  /** The clock, in milliseconds (tests pass a fake one). */
  readonly now?: () => number;
}

/** A running indicator. */
export interface ProgressIndicator {
  /** Reports the amount done so far; redraws when due. */
  update(done: number): void;
  /** Erases the line if anything was drawn. Further updates are ignored. */
  finish(): void;
}

const BAR = 24;

/** The indicator's text for an amount done (without the leading carriage return). */
export function progressLine(options: ProgressOptions, done: number, width = 80): string {
  const count = done.toLocaleString('en-US');
  const unit = options.unit === undefined ? '' : ` ${options.unit}`;
  let line: string;
  if (options.total !== undefined && options.total > 0) {
    const f = Math.min(1, Math.max(0, done / options.total));
    const filled = Math.round(f * BAR);
    line = `${options.label} [${'#'.repeat(filled)}${'.'.repeat(BAR - filled)}] ${count} of at most ${options.total.toLocaleString('en-US')}${unit}`;
  } else {
    line = `${options.label}: ${count}${unit}`;
  }
  // Never wrap: a wrapped line cannot be erased with a carriage return.
  const max = Math.max(10, width - 1);
  return line.length > max ? line.slice(0, max - 1) + '…' : line;
}

/** A progress indicator on `stream`; a no-op unless the stream is a terminal. */
export function progressIndicator(stream: ProgressStream, options: ProgressOptions): ProgressIndicator {
  if (stream.isTTY !== true) return { update() {}, finish() {} };
  const now = options.now ?? Date.now;
  const started = now();
  const delay = options.delayMs ?? 300;
  const interval = options.intervalMs ?? 100;
  let last = -Infinity;
  let drawnWidth = 0;
  let over = false;
  return {
    update(done) {
      if (over) return;
      const t = now();
      if (t - started < delay || t - last < interval) return;
      last = t;
      // A terminal of unknown size reports 0 or no columns.
      const line = progressLine(
        options,
        done,
        stream.columns !== undefined && stream.columns > 0 ? stream.columns : 80,
      );
      stream.write(`\r${line}${' '.repeat(Math.max(0, drawnWidth - line.length))}`);
      drawnWidth = line.length;
    },
    finish() {
      if (over) return;
      over = true;
      if (drawnWidth > 0) stream.write(`\r${' '.repeat(drawnWidth)}\r`);
    },
  };
}
