/**
 * The benchmark suite behind `wordflow bench`: wordflow against V8's RegExp,
 * re2js and refa, side by side in one process (short inputs: each case in
 * several processes of its own). Every section returns plain data; `render.ts` prints it.
 * V8's RegExp is used here as a competitor on fixed patterns — never on user
 * input in the library.
 */
import { approximateMap } from '../approx/approximate.js';
import { OutOfTime } from '../approx/budget.js';
import { fieldTarget } from '../approx/general.js';
import { SentenceTooLong } from '../approx/steps.js';
import { flowReference, isSeparable, pairImageBox, pairMap, pairTarget, separableField } from '../approx/targets.js';
import { DEFAULT_APPROX_LIMITS } from '../limits.js';
import { type MapExpr, parseMapExpr } from '../mapexpr/index.js';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { accepts } from '../automata/dfa.js';
import { compileRegex } from '../language.js';
import { compileMatcher, WASM_BUILD_UNITS } from '../matcher/index.js';
import { createIncremental } from '../incremental/index.js';
import { acceptsBytes } from '../parallel/index.js';
import { acceptsBy, cachedVocabulary, EMBEDDING_NAMES } from '../vocabulary/index.js';
import { blowUp, CATASTROPHIC, LONG_CASES, received, seeded, SHORT_CASES } from './corpus.js';
import { matrixBench, type MatrixBenchRow } from './matrix.js';
import { interleavedPerCall, median, now, timeOnce, timePerCall, type Sampler } from './measure.js';

/** What `runBench` measures and how it reports progress. */
export interface BenchOptions {
  /** A short run: smaller inputs, fewer samples, smaller n and k. */
  readonly quick: boolean;
  /** MiB streamed by the memory section. */
  readonly memoryMiB: number;
  /** Called as work progresses (for a progress bar). */
  readonly onProgress?: (done: number, total: number, label: string) => void;
  /** Times each short-input case in this many child processes of its own (0: all in this process). */
  readonly shortProcesses: number;
  /** Times short-input case `index` in a fresh child process; returns its row. */
  readonly runShortChild?: (index: number) => Promise<ShortRow>;
  /**
   * Times V8 on backtracking case `index` at size `n` in a child process,
   * stopped after `capMs`: nanoseconds, or null when stopped at the cap.
   * Without it V8 runs in this process, uncapped.
   */
  readonly runBacktrackChild?: (index: number, n: number, capMs: number) => Promise<number | null>;
  /** Times the start-up of `wordflow check a a` against `node -e 0` in `pairs` alternating pairs of processes. */
  readonly runStartup?: (pairs: number) => Promise<StartupRow>;
  /** Times each compiler on the realistic patterns in this many child processes of its own (0: in this process). */
  readonly compileProcesses?: number;
  /** Times `compiler` on the realistic patterns in a fresh child process (`compileTimes` there). */
  readonly runCompileChild?: (compiler: Compiler) => Promise<CompileTimes>;
}

/** Start-up: wall time of `wordflow check a a` against `node -e 0`, in fresh processes. */
export interface StartupRow {
  readonly pairs: number;
  /** Medians over the pairs (ms). */
  readonly wordflowMs: number;
  readonly nodeMs: number;
  /** Median of the per-pair ratios wordflow / node (each pair runs the two back to back, in alternating order). */
  readonly ratio: number;
  /** One-minute load average when the pairs ran. */
  readonly load: number;
}

/** V8's time on one backtracking case (run by the child process of `runBacktrackChild`). */
export function backtrackV8(index: number, n: number): number {
  const x = CATASTROPHIC[index]!;
  const re = v8(x.pattern);
  const input = x.input(n);
  return timeOnce(() => re.test(input));
}

/** One long-input row: MB/s of every engine and the ratios. */
export interface ThroughputRow {
  readonly name: string;
  readonly pattern: string;
  readonly bytes: number;
  /** MB/s of wordflow's compiled matcher (auto engine), its JS loop, V8, re2js. */
  readonly wordflow: number;
  readonly wordflowJs: number;
  readonly v8: number | null;
  readonly v8Error: string | null;
  readonly re2js: number | null;
  readonly vsV8: number | null;
  readonly vsRe2js: number | null;
}
/** One short-input row. */
export interface ShortRow {
  readonly name: string;
  /** Median ns per call over the case's inputs. */
  readonly wordflow: number;
  readonly v8: number;
  readonly re2js: number | null;
}
/** One backtracking row at input aⁿ. */
export interface CatastrophicRow {
  readonly pattern: string;
  readonly n: number;
  readonly wordflowNs: number;
  /** V8's time, or the cap when V8 was stopped at the cap (`v8Capped`). */
  readonly v8Ns: number;
  readonly v8Capped: boolean;
  /** v8Ns / wordflowNs: a lower bound when capped. */
  readonly speedup: number;
}
/** One compile row: pattern to minimal DFA. */
export interface CompileRow {
  readonly name: string;
  readonly states: number;
  readonly wordflowMs: number;
  readonly refaMs: number | null;
  /** refa time / wordflow time (above 1: wordflow faster). */
  readonly speedup: number | null;
}
/** The compilers of the compile rows. */
export type Compiler = 'wordflow' | 'refa';
export const COMPILERS: readonly Compiler[] = ['wordflow', 'refa'];
/** One compiler's times on the realistic patterns, measured in one process by `compileTimes`. */
export interface CompileTimes {
  readonly compiler: Compiler;
  /** Median ms per compile of each of `REALISTIC_COMPILES`, in order; null when the compiler is not installed. */
  readonly ms: readonly number[] | null;
}
/** How the realistic compile rows were timed (`compileTimes`, `realisticCompileRows`). */
export interface RealisticCompileTiming {
  /** Child processes per compiler (0: both compilers in the benchmark's own process, one after the other). */
  readonly processes: number;
  /** Compiles of every pattern before the timed ones, and timed compiles of every pattern, per process. */
  readonly warmUpRounds: number;
  readonly timedRounds: number;
}
/** One parallel row: one thread against several on the same input. */
export interface ParallelRow {
  readonly name: string;
  readonly bytes: number;
  readonly threads: number;
  readonly singleMBps: number;
  readonly parallelMBps: number;
  /** Of the medians. */
  readonly speedup: number;
  /** Fastest one-thread run over fastest parallel run. */
  readonly bestSpeedup: number;
  /** One-minute load average when the row was measured (a speed-up needs idle cores). */
  readonly load: number;
}
/** Everything `runBench` measured, as plain data (`--json` prints it). */
export interface BenchResult {
  readonly machine: {
    readonly node: string;
    readonly cpu: string;
    readonly cores: number;
    readonly quick: boolean;
    /** One-minute load averages at the start and the end of the run (the run itself adds about 1; more means other processes compete for the cores). */
    readonly load: readonly [number, number];
  };
  readonly throughput: {
    readonly rows: ThroughputRow[];
    readonly medianVsV8: number | null;
    readonly minVsV8: number | null;
    readonly medianVsRe2js: number | null;
  };
  readonly huge: { readonly rows: ThroughputRow[] };
  readonly short: { readonly processes: number; readonly rows: ShortRow[] };
  readonly catastrophic: { readonly rows: CatastrophicRow[] };
  readonly compile: {
    readonly realistic: CompileRow[];
    readonly realisticTiming: RealisticCompileTiming;
    readonly medianSpeedup: number | null;
    readonly blowUp: CompileRow[];
    readonly minBlowUpSpeedup: number | null;
  };
  readonly parallel: { readonly rows: ParallelRow[] };
  readonly startup: StartupRow | null;
  readonly incremental: {
    readonly bytes: number;
    readonly edits: number;
    readonly medianMs: number;
    readonly maxMs: number;
  };
  readonly memory: { readonly bytes: number; readonly rssGrowthMB: number; readonly MBps: number };
  readonly embeddings: {
    readonly pattern: string;
    readonly letters: number;
    readonly rows: { readonly name: string; readonly nsPerLetter: number; readonly vsDfaWalk: number }[];
  } | null;
  /** `approximateMatrix`: compile time and length (d = 2, 4, 8 — quick: 2, 4; ε = 1e-4, 1e-8). */
  readonly matrix: readonly MatrixBenchRow[];
  /**
   * `wordflow approx`: words and milliseconds to build (one run each, the
   * measurement on a grid not included), at ε = 1e-3 (fields that are neither
   * linear nor separable, compositions with a general map and the refusal
   * row: 1e-2). A row with `refused` times a refusal (a limit reached)
   * instead of a sentence.
   */
  readonly approx: {
    readonly rows: {
      readonly name: string;
      readonly eps: number;
      readonly words: number;
      readonly ms: number;
      readonly refused?: string;
    }[];
  };
  readonly notes: string[];
}

type Re2 = { testExact(s: string): boolean };
interface Competitors {
  /** re2js's compiled pattern, or null for syntax it does not accept. */
  re2js: ((pattern: string) => Re2 | null) | null;
  refa: ((pattern: string) => number) | null;
}

/** Loads the optional competitors (devDependencies); absent ones are skipped with a note. */
async function competitors(notes: string[]): Promise<Competitors> {
  const out: Competitors = { re2js: null, refa: null };
  try {
    const { RE2JS } = await import('re2js');
    out.re2js = (p) => {
      try {
        return RE2JS.compile(p, RE2JS.DOTALL);
      } catch {
        return null;
      }
    };
  } catch {
    notes.push('re2js is not installed (npm install -D re2js): its columns are skipped');
  }
  try {
    const { JS, NFA, DFA } = await import('refa');
    out.refa = (p) => {
      const { expression, maxCharacter } = JS.Parser.fromLiteral({ source: p, flags: 'su' }).parse();
      const nfa = NFA.fromRegex(expression, { maxCharacter }, {}, new NFA.LimitedNodeFactory(1e8));
      const dfa = DFA.fromFA(nfa, new DFA.LimitedNodeFactory(1e8));
      dfa.minimize();
      return dfa.countNodes();
    };
  } catch {
    notes.push('refa is not installed (npm install -D refa): compile-time comparison is skipped');
  }
  return out;
}

const v8 = (p: string): RegExp => new RegExp('^(?:' + p + ')$', 'su');
const mbps = (bytes: number, ns: number): number => bytes / (ns / 1e9) / 1e6;
const ratio = (a: number | null, b: number | null): number | null =>
  a === null || b === null || b === 0 ? null : a / b;
const utf8Length = (s: string): number => Buffer.byteLength(s, 'utf8');

function throughputRow(
  name: string,
  pattern: string,
  input: string,
  c: Competitors,
  samples: number,
  minMs: number,
): ThroughputRow {
  const m = compileMatcher(compileRegex(pattern));
  const js = compileMatcher(m.dfa, { engine: 'js' });
  const bytes = utf8Length(input);
  const expected = m.accepts(input);
  // A matcher reads the first WASM_BUILD_UNITS units of long strings with its JS loop before it builds
  // its WebAssembly module (see compileMatcher); the row times it after that, and the JS loop on its own.
  // Timed from the first call, a case whose JS calls take longer than a sample (a loaded machine, slow
  // non-ASCII text) was timed on those first calls alone: the JS loop, reported as the matcher.
  for (let read = input.length; read <= WASM_BUILD_UNITS; read += input.length) m.accepts(input);
  const wordflow = mbps(
    bytes,
    timePerCall(() => m.accepts(input), samples, minMs),
  );
  const wordflowJs = mbps(
    bytes,
    timePerCall(() => js.accepts(input), samples, minMs),
  );
  let v8Rate: number | null = null;
  let v8Error: string | null = null;
  try {
    const re = v8(pattern);
    if (re.test(input) !== expected) v8Error = 'disagrees';
    else
      v8Rate = mbps(
        bytes,
        timePerCall(() => re.test(input), samples, minMs),
      );
  } catch (e) {
    v8Error = e instanceof RangeError ? 'stack overflow' : String(e);
  }
  let re2: number | null = null;
  if (c.re2js !== null) {
    const re = c.re2js(pattern);
    if (re !== null)
      re2 = mbps(
        bytes,
        timePerCall(() => re.testExact(input), Math.min(samples, 3), minMs),
      );
  }
  return {
    name,
    pattern,
    bytes,
    wordflow,
    wordflowJs,
    v8: v8Rate,
    v8Error,
    re2js: re2,
    vsV8: ratio(wordflow, v8Rate),
    vsRe2js: ratio(wordflow, re2),
  };
}

/**
 * One short-input case in this process: ns per call averaged over the case's
 * inputs. Each timed call goes through all of the case's inputs in turn
 * (never one string over and over, which lets branch predictors learn it),
 * the same strings for every engine, and samples of the engines are
 * interleaved so that load from other processes falls on all alike. A case
 * is best timed in a process of its own (`runBench` does so): then, as at a
 * validation call site, each engine's call site has seen one pattern only.
 */
export function shortCase(index: number, quick: boolean): ShortRow {
  const c = SHORT_CASES[index];
  if (c === undefined) throw new Error(`bench: no short-input case ${index}`);
  const samples = quick ? 9 : 21;
  const minMs = quick ? 3 : 5;
  const m = compileMatcher(compileRegex(c.pattern));
  const re = v8(c.pattern);
  const inputs = c.inputs.map(received);
  for (const s of inputs) {
    if (m.accepts(s) !== re.test(s))
      throw new Error(`bench: wordflow and V8 disagree on ${JSON.stringify(s)} for ${c.pattern}`);
  }
  // Two literals on purpose (see Sampler): each engine's loop keeps its own feedback.
  let sink = 0;
  const wf: Sampler = (reps) => {
    let yes = 0;
    const t = now();
    for (let r = 0; r < reps; r++) for (let i = 0; i < inputs.length; i++) if (m.accepts(inputs[i]!)) yes++;
    const took = now() - t;
    sink += yes;
    return took;
  };
  const v: Sampler = (reps) => {
    let yes = 0;
    const t = now();
    for (let r = 0; r < reps; r++) for (let i = 0; i < inputs.length; i++) if (re.test(inputs[i]!)) yes++;
    const took = now() - t;
    sink += yes;
    return took;
  };
  // Warm both up first, so neither is measured cold.
  for (let i = 0; i < 50; i++) {
    wf(100);
    v(100);
  }
  const [wordflow, v8Ns] = interleavedPerCall([wf, v], inputs.length, samples, minMs);
  // The answers are used, so that no engine's calls can be dropped as dead code.
  if (sink < 0) throw new Error('bench: a negative count of accepted inputs');
  return { name: c.name, wordflow: wordflow!, v8: v8Ns!, re2js: null };
}

/** The realistic compile rows' patterns: every long- and short-input pattern once, named as in its first case. */
export const REALISTIC_COMPILES: readonly { readonly name: string; readonly pattern: string }[] = [
  ...new Map([...LONG_CASES, ...SHORT_CASES].map((x) => [x.pattern, x.name])).entries(),
].map(([pattern, name]) => ({ name, pattern }));

/** Compiles of every realistic pattern before the timed ones, and timed compiles of every pattern, per process. */
export function realisticCompileRounds(quick: boolean): Omit<RealisticCompileTiming, 'processes'> {
  return quick ? { warmUpRounds: 10, timedRounds: 7 } : { warmUpRounds: 30, timedRounds: 15 };
}

/** wordflow's compile as the compile rows time it (states of the minimal DFA). */
const wordflowCompile = (pattern: string): number => compileRegex(pattern, { limits: { maxStates: 1 << 22 } }).states;

/**
 * Times one compiler on every realistic pattern, in this process: `warmUpRounds`
 * rounds through all the patterns, then `timedRounds` timed ones (the patterns
 * in turn, as a program compiling several patterns sees them), the median per
 * pattern. `runBench` calls it in fresh child processes, one compiler per
 * process, because a compile allocates a few hundred KB and what that costs
 * depends on the process's state more than on the compiler. Timed in the
 * benchmark's own process, after it had waited a minute for its child
 * processes, compiles ran 3–6× slower for the first ~30 MB allocated: V8 had
 * shrunk the idle process's young generation (1 MiB where it had been 8) and
 * grew it again as allocation resumed, and the first touch of each fresh page
 * is a page fault (some 90 in a 0.25 ms compile of IPv4, about 12 µs each
 * here). There the rows timed wordflow first, after one warm-up compile.
 */
export async function compileTimes(compiler: Compiler, quick: boolean): Promise<CompileTimes> {
  const compile = compiler === 'wordflow' ? wordflowCompile : (await competitors([])).refa;
  if (compile === null) return { compiler, ms: null };
  const { warmUpRounds, timedRounds } = realisticCompileRounds(quick);
  for (let r = 0; r < warmUpRounds; r++) for (const c of REALISTIC_COMPILES) compile(c.pattern);
  const times: number[][] = REALISTIC_COMPILES.map(() => []);
  let sink = 0;
  for (let r = 0; r < timedRounds; r++) {
    REALISTIC_COMPILES.forEach((c, i) => {
      const t = now();
      sink += compile(c.pattern);
      times[i]!.push(now() - t);
    });
  }
  // The state counts are used, so that no compile can be dropped as dead code.
  if (sink < 0) throw new Error('bench: a negative count of states');
  return { compiler, ms: times.map((t) => median(t) / 1e6) };
}

/**
 * The realistic compile rows from the times of several processes (any number per
 * compiler, at least one of wordflow's): per pattern, the median over each
 * compiler's processes; `states` are wordflow's counts, in `REALISTIC_COMPILES` order.
 */
export function realisticCompileRows(runs: readonly CompileTimes[], states: readonly number[]): CompileRow[] {
  const medians = (compiler: Compiler): number[] | null => {
    const mine = runs.filter((r) => r.compiler === compiler).map((r) => r.ms);
    if (mine.length === 0 || mine.some((ms) => ms === null)) return null;
    return REALISTIC_COMPILES.map((_, i) => median(mine.map((ms) => ms![i]!)));
  };
  const wordflow = medians('wordflow');
  if (wordflow === null) throw new Error('bench: no wordflow compile times');
  const refa = medians('refa');
  return REALISTIC_COMPILES.map((c, i) => {
    const refaMs = refa === null ? null : refa[i]!;
    return { name: c.name, states: states[i]!, wordflowMs: wordflow[i]!, refaMs, speedup: ratio(refaMs, wordflow[i]!) };
  });
}

export async function runBench(options: BenchOptions): Promise<BenchResult> {
  const notes: string[] = [];
  const loadAtStart = loadavg()[0]!;
  const c = await competitors(notes);
  const q = options.quick;
  const samples = q ? 3 : 7;
  const minMs = q ? 8 : 25;
  const longSize = q ? 256 << 10 : 1 << 20;
  const hugeSize = 16 << 20;
  const catastrophicN = q ? 22 : 28;
  const blowUpKs = q ? [12, 13] : [12, 13, 14, 15, 16];
  const parallelSize = q ? 16 << 20 : 64 << 20;
  const hugeCases = LONG_CASES.filter((x) => ['(a|b)*abb', 'C string', 'identifier'].includes(x.name));
  const total =
    LONG_CASES.length + hugeCases.length + 1 + CATASTROPHIC.length + 1 + blowUpKs.length + 2 + 1 + 1 + 1 + 1 + 1;
  let done = 0;
  const tick = (label: string) => options.onProgress?.(done++, total, label);

  const throughput: ThroughputRow[] = [];
  for (const x of LONG_CASES) {
    tick(`throughput: ${x.name}`);
    throughput.push(throughputRow(x.name, x.pattern, x.input(longSize), c, samples, minMs));
  }
  const huge: ThroughputRow[] = [];
  for (const x of hugeCases) {
    tick(`16 MiB: ${x.name}`);
    huge.push(throughputRow(x.name, x.pattern, x.input(hugeSize), { re2js: null, refa: null }, q ? 2 : 3, 1));
  }

  tick('short inputs');
  let shortRows: ShortRow[];
  let processes = 0;
  if (options.shortProcesses > 0 && options.runShortChild !== undefined) {
    processes = options.shortProcesses;
    shortRows = [];
    for (let k = 0; k < SHORT_CASES.length; k++) {
      const runs: ShortRow[] = [];
      for (let i = 0; i < processes; i++) runs.push(await options.runShortChild(k));
      shortRows.push({
        name: runs[0]!.name,
        wordflow: median(runs.map((r) => r.wordflow)),
        v8: median(runs.map((r) => r.v8)),
        re2js: null,
      });
    }
  } else {
    shortRows = SHORT_CASES.map((_, k) => shortCase(k, q));
  }
  if (c.re2js !== null) {
    shortRows = shortRows.map((row) => {
      const sc = SHORT_CASES.find((x) => x.name === row.name)!;
      const re = c.re2js!(sc.pattern);
      const inputs = sc.inputs.map(received);
      const pass: Sampler = (reps) => {
        let yes = 0;
        const t = now();
        for (let r = 0; r < reps; r++) for (const s of inputs) if (re!.testExact(s)) yes++;
        const took = now() - t;
        if (yes < 0) throw new Error('bench: a negative count of accepted inputs');
        return took;
      };
      return { ...row, re2js: re === null ? null : interleavedPerCall([pass], inputs.length, 3, q ? 3 : 10)[0]! };
    });
  }

  const capMs = q ? 5_000 : 60_000;
  const catastrophic: CatastrophicRow[] = [];
  for (const [index, x] of CATASTROPHIC.entries()) {
    tick(`backtracking: ${x.pattern}`);
    const m = compileMatcher(compileRegex(x.pattern));
    const input = x.input(catastrophicN);
    const wordflowNs = timePerCall(() => m.accepts(input), samples, minMs);
    const measured =
      options.runBacktrackChild !== undefined
        ? await options.runBacktrackChild(index, catastrophicN, capMs)
        : backtrackV8(index, catastrophicN);
    const v8Ns = measured ?? capMs * 1e6;
    catastrophic.push({
      pattern: x.pattern,
      n: catastrophicN,
      wordflowNs,
      v8Ns,
      v8Capped: measured === null,
      speedup: v8Ns / wordflowNs,
    });
  }

  const compileRow = (name: string, pattern: string, repeat: number): CompileRow => {
    let states = 0;
    const wordflowMs =
      median(
        Array.from({ length: repeat }, () =>
          timeOnce(() => {
            states = compileRegex(pattern, { limits: { maxStates: 1 << 22 } }).states;
          }),
        ),
      ) / 1e6;
    let refaMs: number | null = null;
    if (c.refa !== null) refaMs = median(Array.from({ length: repeat }, () => timeOnce(() => c.refa!(pattern)))) / 1e6;
    return { name, states, wordflowMs, refaMs, speedup: ratio(refaMs, wordflowMs) };
  };
  tick('compile: realistic patterns');
  const compileProcesses = options.runCompileChild === undefined ? 0 : (options.compileProcesses ?? 0);
  const compileRuns: CompileTimes[] = [];
  if (compileProcesses > 0) {
    // Each compiler in processes of its own, which of the two starts alternating between rounds.
    for (let i = 0; i < compileProcesses; i++)
      for (const compiler of i % 2 === 0 ? COMPILERS : [...COMPILERS].reverse())
        compileRuns.push(await options.runCompileChild!(compiler));
  } else {
    for (const compiler of COMPILERS) compileRuns.push(await compileTimes(compiler, q));
  }
  const realistic = realisticCompileRows(
    compileRuns,
    REALISTIC_COMPILES.map((c) => wordflowCompile(c.pattern)),
  );
  // Both compilers warm up on a smaller member of the family first, as the
  // realistic rows do, and the smaller k (tens of milliseconds, where JIT
  // warm-up still shows) take the median of three runs.
  compileRow('warm-up', blowUp(10), 2);
  const blowUpRows = blowUpKs.map((k) => {
    tick(`compile: k = ${k}`);
    return compileRow(`k = ${k}`, blowUp(k), k <= 14 ? 3 : 1);
  });

  const parallelRows: ParallelRow[] = [];
  for (const name of ['(a|b)*abb', 'log lines']) {
    tick(`parallel: ${name}`);
    const x = LONG_CASES.find((y) => y.name === name)!;
    const m = compileMatcher(compileRegex(x.pattern));
    const text = x.input(parallelSize);
    const shared = new Uint8Array(new SharedArrayBuffer(utf8Length(text)));
    new TextEncoder().encodeInto(text, shared);
    const threads = Math.max(2, Math.min(availableParallelism(), 4));
    // Start the workers and let their WebAssembly tier up (V8 compiles hot
    // wasm functions with its optimizing tier in the background).
    for (let i = 0; i < 3; i++) await acceptsBytes(m, shared, { threads, threshold: 0 });
    await acceptsBytes(m, shared, { threads: 1 });
    const single: number[] = [];
    const par: number[] = [];
    for (let i = 0; i < (q ? 5 : 9); i++) {
      let t = now();
      await acceptsBytes(m, shared, { threads: 1 });
      single.push(now() - t);
      t = now();
      await acceptsBytes(m, shared, { threads, threshold: 0 });
      par.push(now() - t);
    }
    const s = mbps(shared.length, median(single));
    const p = mbps(shared.length, median(par));
    const best = Math.min(...single) / Math.min(...par);
    parallelRows.push({
      name,
      bytes: shared.length,
      threads,
      singleMBps: s,
      parallelMBps: p,
      speedup: p / s,
      bestSpeedup: best,
      load: loadavg()[0]!,
    });
  }

  tick('start-up');
  const startup = options.runStartup === undefined ? null : await options.runStartup(q ? 10 : 30);

  tick('incremental');
  const incremental = (() => {
    const x = LONG_CASES.find((y) => y.name === 'C string')!;
    const text = x.input(1 << 20);
    const doc = createIncremental(compileRegex(x.pattern), text);
    const r = seeded(42);
    const times: number[] = [];
    const edits = q ? 200 : 1000;
    for (let i = 0; i < edits; i++) {
      const at = 1 + Math.floor(r() * (doc.length - 2));
      const kind = r();
      times.push(
        timeOnce(() => {
          if (kind < 0.4) doc.insert(at, 'x');
          else if (kind < 0.8) doc.delete(at, 1);
          else doc.replace(at, 1, 'y');
          doc.accepts();
        }),
      );
    }
    return { bytes: text.length, edits, medianMs: median(times) / 1e6, maxMs: Math.max(...times) / 1e6 };
  })();

  tick('memory');
  const memory = await (async () => {
    const x = LONG_CASES.find((y) => y.name === 'log lines')!;
    const m = compileMatcher(compileRegex(x.pattern));
    const chunk = Buffer.from(x.input(1 << 20).replace(/[^\n]*$/, ''), 'utf8');
    const total = options.memoryMiB * (1 << 20);
    const scan = m.scanner();
    globalThis.gc?.();
    const before = process.memoryUsage().rss;
    let peak = before;
    const t = now();
    let sent = 0;
    for (let i = 0; sent < total; i++) {
      // A fresh buffer per chunk, as a file or pipe reader hands them out.
      const b = Buffer.from(chunk);
      scan.push(b);
      sent += b.length;
      if ((i & 15) === 0) {
        peak = Math.max(peak, process.memoryUsage().rss);
        await new Promise((resolve) => setImmediate(resolve));
      }
    }
    const took = now() - t;
    if (!scan.accepts()) notes.push('memory: the streamed log input was unexpectedly rejected');
    return { bytes: sent, rssGrowthMB: (peak - before) / 1e6, MBps: mbps(sent, took) };
  })();

  tick('embeddings');
  const embeddings = (() => {
    const pattern = '(a|b)*abb';
    const dfa = compileRegex(pattern);
    const r = seeded(7);
    let s = '';
    for (let i = 0; i < 10_000; i++) s += r() < 0.5 ? 'a' : 'b';
    const letters = s.length;
    const walk = timePerCall(() => accepts(dfa, s), samples, minMs) / letters;
    const m = compileMatcher(dfa);
    const rows = [
      { name: 'DFA walk', nsPerLetter: walk, vsDfaWalk: 1 },
      {
        name: 'compiled matcher',
        nsPerLetter: timePerCall(() => m.accepts(s), samples, minMs) / letters,
        vsDfaWalk: 0,
      },
    ];
    for (const name of EMBEDDING_NAMES) {
      const v = cachedVocabulary(dfa, name);
      rows.push({
        name,
        nsPerLetter: timePerCall(() => acceptsBy(v, s), Math.min(samples, 3), minMs) / letters,
        vsDfaWalk: 0,
      });
    }
    return { pattern, letters, rows: rows.map((row) => ({ ...row, vsDfaWalk: row.nsPerLetter / walk })) };
  })();

  tick('approx');
  // Only the full run times approx (ε = 1e-3): --quick is the smoke test of the other sections and must stay fast.
  const approx = { rows: q ? [] : approxBench() };

  options.onProgress?.(total, total, 'done');
  const vsV8 = throughput.map((r) => r.vsV8).filter((x): x is number => x !== null);
  const vsRe2 = throughput.map((r) => r.vsRe2js).filter((x): x is number => x !== null);
  const realSpeedups = realistic.map((r) => r.speedup).filter((x): x is number => x !== null);
  const blowSpeedups = blowUpRows.map((r) => r.speedup).filter((x): x is number => x !== null);
  tick('matrix approximation');
  // Quick runs leave out d = 8 (about a second per compile on a loaded machine).
  const matrix = matrixBench(q ? [2, 4] : [2, 4, 8]);

  return {
    machine: {
      node: process.version,
      cpu: cpus()[0]?.model ?? 'unknown',
      cores: availableParallelism(),
      quick: q,
      load: [loadAtStart, loadavg()[0]!],
    },
    throughput: {
      rows: throughput,
      medianVsV8: vsV8.length > 0 ? median(vsV8) : null,
      minVsV8: vsV8.length > 0 ? Math.min(...vsV8) : null,
      medianVsRe2js: vsRe2.length > 0 ? median(vsRe2) : null,
    },
    huge: { rows: huge },
    short: { processes, rows: shortRows },
    catastrophic: { rows: catastrophic },
    compile: {
      realistic,
      realisticTiming: { processes: compileProcesses, ...realisticCompileRounds(q) },
      medianSpeedup: realSpeedups.length > 0 ? median(realSpeedups) : null,
      blowUp: blowUpRows,
      minBlowUpSpeedup: blowSpeedups.length > 0 ? Math.min(...blowSpeedups) : null,
    },
    parallel: { rows: parallelRows },
    startup,
    incremental,
    memory,
    embeddings,
    matrix,
    approx,
    notes,
  };
}

/**
 * The `approx` benchmark targets (one build each; the expressions go through the same parser and checks as the CLI):
 * pairs of expressions applied in order, or a field's time-1 map; `maxLength` and `maxSeconds` as the CLI's flags.
 */
const APPROX_CASES: readonly {
  readonly name: string;
  readonly exprs: readonly string[];
  readonly flow?: boolean;
  readonly eps: number;
  readonly maxLength?: number;
}[] = [
  { name: 'rotation by 0.7 rad', exprs: ['cos(0.7)*x - sin(0.7)*y', 'sin(0.7)*x + cos(0.7)*y'], eps: 1e-3 },
  { name: '(3x, y)', exprs: ['3*x', 'y'], eps: 1e-3 },
  { name: '(x + 0.3 sin 2πy, y)', exprs: ['x + 0.3*sin(2*pi*y)', 'y'], eps: 1e-3 },
  { name: 'pendulum, time 1', exprs: ['y', '-sin(x)'], flow: true, eps: 1e-3 },
  // Fields neither linear nor separable (ridge fit, stretches and shears in integer frames) and a general map (its
  // isotopy): the reference integrator judges the splitting while the sentence is built, so it is part of the time.
  { name: 'Van der Pol, time 1', exprs: ['y', '(1-x^2)*y-x'], flow: true, eps: 1e-2 },
  {
    name: 'rotation with cubic damping, time 1',
    exprs: ['-y-0.1*x*(x^2+y^2)', 'x-0.1*y*(x^2+y^2)'],
    flow: true,
    eps: 1e-2,
  },
  { name: '(x + 0.1y², y + 0.1x), its isotopy', exprs: ['x + 0.1*y^2', 'y + 0.1*x'], eps: 1e-3 },
  {
    name: 'rotation, then (x + 0.1y², y + 0.1x)',
    exprs: ['0.8*x - 0.6*y', '0.6*x + 0.8*y', 'x + 0.1*y^2', 'y + 0.1*x'],
    eps: 1e-2,
  },
  {
    name: '(x + 0.3 sin 2πy, e·y), --max-length 40000',
    exprs: ['x + 0.3*sin(2*pi*y)', 'e*y'],
    eps: 1e-2,
    maxLength: 40_000,
  },
];

/** The approx section's rows: each target built once (or refused at a limit), timed. */
export function approxBench(): BenchResult['approx']['rows'] {
  return APPROX_CASES.map((c) => approxRow(c));
}

function approxRow(c: (typeof APPROX_CASES)[number]): {
  name: string;
  eps: number;
  words: number;
  ms: number;
  refused?: string;
} {
  const domain = { x0: -1, x1: 1, y0: -1, y1: 1 };
  const { eps } = c;
  const limits = {
    maxLength: c.maxLength ?? DEFAULT_APPROX_LIMITS.maxSentenceLength,
    maxSeconds: DEFAULT_APPROX_LIMITS.maxSeconds,
  };
  const t = now();
  const exprs = c.exprs.map((e) => parseMapExpr(e));
  try {
    let a;
    if (c.flow) {
      const [ex, ey] = exprs as [MapExpr, MapExpr];
      a = approximateMap(
        isSeparable(ex, ey)
          ? { kind: 'flow', field: separableField(ex, ey, c.exprs[0]!, c.exprs[1]!), time: 1 }
          : fieldTarget(ex, ey, 1, domain),
        { domain, eps, reference: flowReference(ex, ey, 1), ...limits },
      );
    } else {
      const pairs = [];
      for (let i = 0; i < exprs.length; i += 2)
        pairs.push({ fx: exprs[i]!, fy: exprs[i + 1]!, textX: c.exprs[i]!, textY: c.exprs[i + 1]! });
      let box = domain;
      const parts = pairs.map((p, i) => {
        const part = pairTarget(p, box, i, pairs.length);
        box = pairImageBox(p, box);
        return part;
      });
      const target = parts.length === 1 ? parts[0]! : { kind: 'compose' as const, parts };
      // A general map alone is measured against the map itself (in a composition each piece carries its own).
      const reference = target.kind === 'isotopy' ? pairMap(pairs[0]!) : undefined;
      a = approximateMap(target, { domain, eps, ...limits, ...(reference === undefined ? {} : { reference }) });
    }
    return { name: c.name, eps, words: a.length, ms: (now() - t) / 1e6 };
  } catch (e) {
    if (!(e instanceof SentenceTooLong) && !(e instanceof OutOfTime)) throw e;
    const refused = e instanceof OutOfTime ? `over ${e.seconds} s` : `over ${e.limit.toLocaleString('en-US')} words`;
    return { name: c.name, eps, words: 0, ms: (now() - t) / 1e6, refused };
  }
}
