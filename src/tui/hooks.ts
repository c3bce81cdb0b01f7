/**
 * React hooks of the playground: debounced background jobs, a spinner, the
 * terminal's size (following resizes) and raw key input.
 *
 * Jobs are synchronous library calls under budgets; each runs in its own
 * `setTimeout`, so the event loop reads stdin between them and typing never
 * waits for more than one bounded unit of work.
 */
import { useEffect, useRef, useState } from 'react';
import { useStdin, useStdout } from 'ink';
import { type KeyEvent, parseKeys } from './keys.js';

/** A job's latest result, and whether a newer one is on its way. */
export interface JobState<T> {
  /** The result for the current inputs, or the last result while a newer one is pending. */
  readonly value: T | undefined;
  /** True while the result is for older inputs (or there is none yet). */
  readonly pending: boolean;
}

function sameDeps(a: readonly unknown[] | undefined, b: readonly unknown[]): boolean {
  return a !== undefined && a.length === b.length && a.every((x, i) => Object.is(x, b[i]));
}

/**
 * Runs `run` after `delayMs` of quiet whenever `deps` change, keeping the
 * previous value meanwhile. With `immediate`, the first run happens during
 * the first render, so the screen opens complete. `run` returning
 * `undefined` means "nothing to compute".
 */
export function useJob<T>(deps: readonly unknown[], run: () => T, delayMs: number, immediate = false): JobState<T> {
  // The latest render's `run` together with the deps it was made for: a result is always
  // labelled with the deps of the closure that computed it (see the timer below).
  const latest = useRef({ deps, run });
  latest.current = { deps, run };
  const [done, setDone] = useState<{ deps: readonly unknown[]; value: T } | undefined>(() =>
    immediate ? { deps, value: run() } : undefined,
  );
  const current = sameDeps(done?.deps, deps);
  useEffect(() => {
    if (current) return undefined;
    const timer = setTimeout(() => {
      // A render can commit before its effects run, so a timer set for older deps may fire
      // when `latest` already holds newer ones. Labelling the result with the effect's
      // (older) deps would file the newer closure's answer under them — e.g. "nothing to
      // build" under deps that need a build — and when the deps later came back to those,
      // the job would count as done and never run again (the playground's stuck
      // "building the … vocabulary…").
      const job = latest.current;
      setDone({ deps: job.deps, value: job.run() });
    }, delayMs);
    return () => clearTimeout(timer);
    // The caller's deps are the dependency list (`run` is read through a ref).
  }, [current, delayMs, ...deps]);
  return { value: done?.value, pending: !current };
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

/** A spinner frame that turns while `active`, or '' when idle. */
export function useSpinner(active: boolean, intervalMs = 90): string {
  const [frame, setFrame] = useState(0);
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(() => setFrame((f) => (f + 1) % FRAMES.length), intervalMs);
    return () => clearInterval(timer);
  }, [active, intervalMs]);
  return active ? FRAMES[frame]! : '';
}

/** The terminal's columns and rows, updated on every resize. */
export function useTerminalSize(fallback: { columns: number; rows: number } = { columns: 80, rows: 24 }): {
  columns: number;
  rows: number;
} {
  const { stdout } = useStdout();
  const read = (): { columns: number; rows: number } => ({
    columns: stdout.columns > 0 ? stdout.columns : fallback.columns,
    rows: stdout.rows > 0 ? stdout.rows : fallback.rows,
  });
  const [size, setSize] = useState(read);
  useEffect(() => {
    const onResize = (): void => setSize(read());
    stdout.on('resize', onResize);
    onResize();
    return () => {
      stdout.off('resize', onResize);
    };
    // read() closes over stdout only.
  }, [stdout]);
  return size;
}

/**
 * Calls `onKeys` with the key events of each raw input event. Reads Ink's
 * raw input stream (not `useInput`), so Backspace and Delete stay distinct
 * and a pasted run of text arrives as text.
 */
export function useKeys(onKeys: (events: KeyEvent[], raw: string) => void, active = true): void {
  const { setRawMode, isRawModeSupported, internal_eventEmitter: emitter } = useStdin();
  const handler = useRef(onKeys);
  handler.current = onKeys;
  useEffect(() => {
    if (!active || !isRawModeSupported) return undefined;
    setRawMode(true);
    return () => setRawMode(false);
  }, [active, isRawModeSupported, setRawMode]);
  useEffect(() => {
    if (!active) return undefined;
    const listener = (raw: string): void => {
      const events = parseKeys(raw);
      if (events.length > 0) handler.current(events, raw);
    };
    emitter.on('input', listener);
    return () => {
      emitter.off('input', listener);
    };
  }, [active, emitter]);
}
