/**
 * Runs the built `wordflow` CLI (dist/, which `npm test` and `npm install`
 * build first) as a user would, capturing its output.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface CliResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** `timeoutMs` bounds the child's wall time; raise it only for runs that are long by design (the benchmark). */
export function wordflow(
  args: readonly string[],
  input?: string,
  env: Record<string, string> = {},
  timeoutMs = 60_000,
): CliResult {
  const r = spawnSync(process.execPath, ['dist/cli/main.cjs', ...args], {
    cwd: root,
    input: input ?? '',
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1', ...env },
    timeout: timeoutMs,
  });
  return { code: r.status ?? -1, stdout: r.stdout, stderr: r.stderr };
}

/**
 * Starts the built CLI with a pipe on stdin and answers one line at a time:
 * `ask(line)` writes the line and resolves with the next line of output, so a
 * test can tell whether answers flow while the input is still open.
 */
export function conversation(args: readonly string[]): {
  ask(line: string): Promise<string>;
  close(): Promise<number>;
} {
  const child = spawn(process.execPath, ['dist/cli/main.cjs', ...args], {
    cwd: root,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let buffered = '';
  const waiting: ((line: string) => void)[] = [];
  child.stdout.setEncoding('utf8').on('data', (d: string) => {
    buffered += d;
    for (let at = buffered.indexOf('\n'); at >= 0 && waiting.length > 0; at = buffered.indexOf('\n')) {
      const line = buffered.slice(0, at);
      buffered = buffered.slice(at + 1);
      waiting.shift()!(line);
    }
  });
  const exited = new Promise<number>((resolve) => child.on('close', (code) => resolve(code ?? -1)));
  return {
    ask(line) {
      return new Promise((resolve) => {
        waiting.push(resolve);
        child.stdin.write(line + '\n');
      });
    },
    close() {
      child.stdin.end();
      return exited;
    },
  };
}
