/**
 * Starting the playground in a real terminal: refuse without a TTY, switch
 * to the alternate screen (so quitting gives the terminal back exactly as
 * it was), render, and restore the screen on every way out — q, Ctrl-C,
 * SIGTERM/SIGHUP, or a crash.
 */
import { render } from 'ink';
import type { Limits } from '../limits.js';
import { Playground } from './Playground.js';
import type { GalleryEntry } from '../gallery.js';
import type { EmbeddingName } from './state.js';
import type { Syntax } from '../syntax/regex/syntax.js';

/** What `wordflow play` passes on from its arguments and flags. */
export interface PlayOptions {
  readonly pattern?: string;
  readonly string?: string;
  readonly other?: string;
  readonly embedding?: EmbeddingName;
  readonly syntax?: Syntax;
  readonly limits?: Partial<Limits>;
  readonly livePairs?: number;
  readonly gallery?: readonly GalleryEntry[];
  readonly galleryError?: string | null;
}

/** The one line said when there is no terminal to draw on. */
export const NO_TTY_MESSAGE = 'wordflow play needs a terminal; use wordflow check/dfa/… in scripts';

const ENTER_ALT_SCREEN = '\x1b[?1049h\x1b[H\x1b[2J';
const LEAVE_ALT_SCREEN = '\x1b[?1049l';
const SHOW_CURSOR = '\x1b[?25h';

/**
 * Runs the playground until the user quits; resolves to the exit code
 * (0, or 2 without a terminal).
 */
export async function runPlayground(
  options: PlayOptions,
  io: { stdin: NodeJS.ReadStream; stdout: NodeJS.WriteStream; stderr: NodeJS.WriteStream } = process,
): Promise<number> {
  if (io.stdin.isTTY !== true || io.stdout.isTTY !== true) {
    io.stderr.write(`${NO_TTY_MESSAGE}\n`);
    return 2;
  }
  let restored = false;
  const restore = (): void => {
    if (restored) return;
    restored = true;
    try {
      if (io.stdin.isTTY === true) io.stdin.setRawMode(false);
    } catch {
      // stdin may already be closed; the screen still needs restoring.
    }
    io.stdout.write(SHOW_CURSOR + LEAVE_ALT_SCREEN);
  };
  // A shrinking terminal reflows what is on screen; start each resize from a clean screen
  // (registered before Ink's own listener, so Ink redraws right after).
  const onResize = (): void => {
    io.stdout.write('\x1b[H\x1b[2J');
  };
  const onSignal = (signal: NodeJS.Signals): void => {
    instance.unmount();
    restore();
    process.exit(signal === 'SIGTERM' ? 143 : 129);
  };
  const onExit = (): void => restore();
  io.stdout.write(ENTER_ALT_SCREEN);
  io.stdout.on('resize', onResize);
  process.on('exit', onExit);
  process.on('SIGTERM', onSignal);
  process.on('SIGHUP', onSignal);
  const instance = render(
    <Playground
      initialPattern={options.pattern}
      initialString={options.string}
      initialOther={options.other}
      initialEmbedding={options.embedding}
      initialSyntax={options.syntax}
      limits={options.limits}
      livePairs={options.livePairs}
      gallery={options.gallery}
      galleryError={options.galleryError}
    />,
    { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr, exitOnCtrlC: false, patchConsole: true },
  );
  try {
    await instance.waitUntilExit();
  } finally {
    io.stdout.off('resize', onResize);
    process.off('SIGTERM', onSignal);
    process.off('SIGHUP', onSignal);
    process.off('exit', onExit);
    restore();
  }
  return 0;
}
