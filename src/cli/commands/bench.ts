/**
 * `wordflow bench`: the performance suite (see `bench/suite.ts`). Prints a
 * table of medians and ratios, or `--json`; a progress bar on stderr when it
 * is a terminal. Each short-input case is timed in child processes of its
 * own, since the same code varies between Node processes and a call site
 * that has seen other patterns is not what a validation call site is; each
 * compiler of the realistic compile rows too, so that both compile in a
 * process in the same state (see `compileTimes`).
 */
import { spawn, spawnSync } from 'node:child_process';
import { loadavg } from 'node:os';
import { type Command, Option } from 'commander';
import { WordflowError } from '../../errors.js';
import { renderBench } from '../../bench/render.js';
import {
  backtrackV8,
  type Compiler,
  COMPILERS,
  compileTimes,
  type CompileTimes,
  runBench,
  shortCase,
  type ShortRow,
  type StartupRow,
} from '../../bench/suite.js';
import { median } from '../../bench/measure.js';
import { closeWorkers } from '../../parallel/index.js';
import { action, EXIT, intOption, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface BenchOptions {
  quick?: boolean;
  json?: boolean;
  size?: string;
  processes?: string;
  startupPairs?: string;
  shortChild?: string;
  backtrackChild?: string;
  compileChild?: string;
}

function progressBar(): ((done: number, total: number, label: string) => void) | undefined {
  if (!process.stderr.isTTY) return undefined;
  return (done, total, label) => {
    const width = 30;
    const filled = Math.round((done / total) * width);
    const text = done >= total ? '' : `[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${done}/${total} ${label}`;
    process.stderr.write(`\r\x1b[2K${text}`);
  };
}

/**
 * Times V8 on one backtracking case in a child process, killed at the cap
 * (V8 can take minutes at n = 28, and a RegExp call cannot be interrupted
 * from its own thread): nanoseconds, or null at the cap.
 */
function backtrackChild(index: number, n: number, capMs: number): Promise<number | null> {
  return new Promise((resolve, reject) => {
    const args = [...process.execArgv, process.argv[1]!, 'bench', '--backtrack-child', `${index},${n}`];
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    let capped = false;
    const timer = setTimeout(() => {
      capped = true;
      child.kill('SIGKILL');
    }, capMs);
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (capped) resolve(null);
      else if (code !== 0)
        reject(new WordflowError('internal', `the backtracking benchmark process failed (exit ${code})`));
      else resolve(Number(out));
    });
  });
}

/** Runs `wordflow bench` with `args` (and `--quick` when quick) in a fresh Node process; its one JSON line. */
function jsonChild(args: readonly string[], quick: boolean, what: string): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const all = [...process.execArgv, process.argv[1]!, 'bench', ...args, ...(quick ? ['--quick'] : [])];
    const child = spawn(process.execPath, all, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (out += d));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code !== 0) reject(new WordflowError('internal', `the ${what} benchmark process failed (exit ${code})`));
      else resolve(JSON.parse(out));
    });
  });
}

/** Times short-input case `index` in a fresh Node process of this same program. */
function shortChild(index: number, quick: boolean): Promise<ShortRow> {
  return jsonChild(['--short-child', String(index)], quick, 'short-input') as Promise<ShortRow>;
}

/** Times one compiler on the realistic patterns in a fresh Node process of this same program. */
function compileChild(compiler: Compiler, quick: boolean): Promise<CompileTimes> {
  return jsonChild(['--compile-child', compiler], quick, 'compile') as Promise<CompileTimes>;
}

/** The compiler named by `--compile-child`. */
function compilerOption(text: string): Compiler {
  const compiler = COMPILERS.find((c) => c === text);
  if (compiler === undefined)
    throw new WordflowError('usage', `--compile-child takes ${COMPILERS.join(' or ')}, not ${JSON.stringify(text)}`);
  return compiler;
}

/** Wall time (ms) of one run of Node with `args`, output discarded. */
function wallMs(args: readonly string[]): number {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.error !== undefined) throw r.error;
  return Number(process.hrtime.bigint() - t) / 1e6;
}

/**
 * Start-up in fresh processes: `wordflow check a a` (this same program) and
 * `node -e 0`, back to back in each pair, the order alternating between
 * pairs so that neither always runs on a cache the other warmed.
 */
function startupPairs(pairs: number): Promise<StartupRow> {
  if (pairs < 1) throw new WordflowError('usage', '--startup-pairs needs at least 1');
  const load = loadavg()[0]!;
  const wf: number[] = [];
  const node: number[] = [];
  const ratios: number[] = [];
  const program = [...process.execArgv, process.argv[1]!, 'check', 'a', 'a'];
  for (let i = 0; i < pairs; i++) {
    let a: number;
    let b: number;
    if (i % 2 === 0) {
      a = wallMs(program);
      b = wallMs(['-e', '0']);
    } else {
      b = wallMs(['-e', '0']);
      a = wallMs(program);
    }
    wf.push(a);
    node.push(b);
    ratios.push(a / b);
  }
  return Promise.resolve({ pairs, wordflowMs: median(wf), nodeMs: median(node), ratio: median(ratios), load });
}

export function register(program: Command): void {
  program
    .command('bench')
    .description(descriptionOf('bench'))
    .option('--quick', 'a short run: smaller inputs and fewer samples')
    .option('--json', 'print the results as one JSON value')
    .option('--size <MiB>', 'MiB streamed by the memory section (default 1024, quick 128)')
    .option('--processes <n>', 'child processes per short-input case and per compiler (default 3, quick 2)')
    .option('--startup-pairs <n>', 'alternating pairs of processes timing start-up (default 30, quick 10)')
    .addOption(new Option('--short-child <index>', 'internal: time one short-input case').hideHelp())
    .addOption(new Option('--backtrack-child <index,n>', 'internal: time V8 on one backtracking case').hideHelp())
    .addOption(new Option('--compile-child <compiler>', 'internal: time one compiler on the patterns').hideHelp())
    .addHelpText(
      'after',
      `
Examples:
  $ wordflow bench --quick
  $ npm run bench
  $ wordflow bench --json > bench.json`,
    )
    .action(
      action(async (opts: BenchOptions) => {
        const quick = opts.quick === true;
        if (opts.shortChild !== undefined) {
          await writeLine(JSON.stringify(shortCase(intOption(opts.shortChild, '--short-child'), quick)));
          return EXIT.yes;
        }
        if (opts.compileChild !== undefined) {
          await writeLine(JSON.stringify(await compileTimes(compilerOption(opts.compileChild), quick)));
          return EXIT.yes;
        }
        if (opts.backtrackChild !== undefined) {
          const [index, n] = opts.backtrackChild.split(',').map(Number);
          await writeLine(String(backtrackV8(index!, n!)));
          return EXIT.yes;
        }
        const memoryMiB = opts.size === undefined ? (quick ? 128 : 1024) : intOption(opts.size, '--size');
        const processes = opts.processes === undefined ? (quick ? 2 : 3) : intOption(opts.processes, '--processes');
        try {
          const result = await runBench({
            quick,
            memoryMiB,
            shortProcesses: processes,
            runShortChild: (index) => shortChild(index, quick),
            compileProcesses: processes,
            runCompileChild: (compiler) => compileChild(compiler, quick),
            runBacktrackChild: backtrackChild,
            runStartup: (pairs) =>
              startupPairs(opts.startupPairs === undefined ? pairs : intOption(opts.startupPairs, '--startup-pairs')),
            onProgress: progressBar(),
          });
          await writeLine(opts.json ? JSON.stringify(result) : renderBench(result));
        } finally {
          await closeWorkers();
        }
        return EXIT.yes;
      }),
    );
}
