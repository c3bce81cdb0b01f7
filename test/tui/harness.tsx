/**
 * Helpers for driving the playground in tests: ink-testing-library for the
 * usual 80-column screens, and a terminal double whose size can change (and
 * emits `resize`) for wide screens and resizing.
 */
import { EventEmitter } from 'node:events';
import { render as inkRender } from 'ink';
import { render } from 'ink-testing-library';
import type { ReactElement } from 'react';
import { vi } from 'vitest';
import { Playground, type PlaygroundProps } from '../../src/tui/Playground.js';
import type { GalleryEntry } from '../../src/gallery.js';

export const GALLERY: readonly GalleryEntry[] = [
  {
    name: 'even-as',
    kind: 're',
    description: 'an even number of a',
    source: '(b*ab*ab*)*|b*\n',
    path: 'grammars/examples/even-as.re',
  },
  { name: 'abb', kind: 're', description: 'ends in abb', source: '(a|b)*abb\n', path: 'grammars/examples/abb.re' },
];

/** Arrow keys and other raw sequences, as a terminal sends them. */
export const KEY = {
  up: '\x1b[A',
  down: '\x1b[B',
  right: '\x1b[C',
  left: '\x1b[D',
  home: '\x1b[H',
  end: '\x1b[F',
  tab: '\t',
  backtab: '\x1b[Z',
  enter: '\r',
  escape: '\x1b',
  backspace: '\x7f',
  delete: '\x1b[3~',
  ctrlC: '\x03',
  ctrlU: '\x15',
  pageDown: '\x1b[6~',
  f1: '\x1bOP',
} as const;

const ANSI = /\x1b\[[0-9;?]*[ -/]*[@-~]/g;

/** Text without terminal escapes. */
export const strip = (s: string | undefined): string => (s ?? '').replace(ANSI, '');

export interface Driver {
  /** The latest frame as plain text. */
  frame(): string;
  /** Sends raw input, one write per argument, letting Ink read each. */
  press(...chunks: string[]): Promise<void>;
  /** Waits until the frame satisfies `check` (throws the last failure after the timeout). */
  until(check: (frame: string) => void, timeout?: number): Promise<void>;
  unmount(): void;
  /** Only for the resizable terminal double. */
  resize?(columns: number, rows: number): void;
}

const tick = (ms = 0): Promise<void> => new Promise((r) => setTimeout(r, ms));

function driver(lastFrame: () => string | undefined, write: (s: string) => void, unmount: () => void): Driver {
  return {
    frame: () => strip(lastFrame()),
    async press(...chunks) {
      for (const c of chunks) {
        write(c);
        // A lone ESC waits one setImmediate in Ink's input parser before it counts as Escape.
        await tick(c === KEY.escape ? 5 : 0);
      }
    },
    async until(check, timeout = 5000) {
      await vi.waitFor(() => check(strip(lastFrame())), { timeout, interval: 10 });
    },
    unmount,
  };
}

/** The default test props: small debounce, no colour, the test gallery. */
function withDefaults(props: PlaygroundProps): PlaygroundProps {
  return { width: 80, height: 23, color: false, debounceMs: 5, gallery: GALLERY, ...props };
}

/** The playground in ink-testing-library. */
export async function play(props: PlaygroundProps = {}): Promise<Driver> {
  const r = render(<Playground {...withDefaults(props)} />);
  await tick(10);
  return driver(r.lastFrame, (s) => r.stdin.write(s), r.unmount);
}

class FakeStdout extends EventEmitter {
  columns: number;
  rows: number;
  readonly isTTY = false;
  last = '';
  constructor(columns: number, rows: number) {
    super();
    this.columns = columns;
    this.rows = rows;
  }
  write = (s: string): boolean => {
    this.last = s;
    return true;
  };
}

class FakeStdin extends EventEmitter {
  isTTY = true;
  private data: string | null = null;
  write(s: string): void {
    this.data = s;
    this.emit('readable');
  }
  read = (): string | null => {
    const d = this.data;
    this.data = null;
    return d;
  };
  setEncoding(): void {}
  setRawMode(): void {}
  ref(): void {}
  unref(): void {}
  resume(): void {}
  pause(): void {}
}

/**
 * The playground in a terminal double of `columns × rows` that follows
 * `resize`; the Playground gets no size props, so it reads the terminal.
 */
export async function playInTerminal(columns: number, rows: number, props: PlaygroundProps = {}): Promise<Driver> {
  const stdout = new FakeStdout(columns, rows);
  const stdin = new FakeStdin();
  const element: ReactElement = <Playground {...withDefaults(props)} width={undefined} height={undefined} />;
  const instance = inkRender(element, {
    stdout: stdout as unknown as NodeJS.WriteStream,
    stdin: stdin as unknown as NodeJS.ReadStream,
    stderr: new FakeStdout(columns, rows) as unknown as NodeJS.WriteStream,
    debug: true,
    exitOnCtrlC: false,
    patchConsole: false,
  });
  await tick(10);
  const d = driver(
    () => stdout.last,
    (s) => stdin.write(s),
    () => instance.unmount(),
  );
  d.resize = (c, r) => {
    stdout.columns = c;
    stdout.rows = r;
    stdout.emit('resize');
  };
  return d;
}
