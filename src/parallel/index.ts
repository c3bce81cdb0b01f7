/**
 * Membership of one very large input, in parallel: map-reduce over the
 * transition monoid. The input is cut into aligned chunks (`chunks.ts`),
 * several per thread. The main thread reads the first chunk from the start
 * state; then it and the worker threads take the remaining chunks from one
 * shared atomic counter and compute each chunk's transformation Q → Q, so a
 * thread slowed by anything (another process on its core, slower pages)
 * takes fewer chunks instead of holding everyone up. The main thread then
 * composes: q = map_k(…map_1(q0)). Composition is associative, so the
 * verdict is exactly that of one pass (property-tested). Workers read the
 * input themselves (the file, or the shared buffer), never a copy sent to
 * them.
 *
 * Workers are kept in a pool across calls (starting one costs tens of
 * milliseconds) and do not keep the process alive when idle.
 */
import { closeSync, fstatSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { type Dfa, deadState } from '../automata/dfa.js';
import type { Matcher } from '../matcher/index.js';
import { chunkBounds, chunkRun, type ByteSource, takeChunks } from './chunks.js';
import type { ChunkSource, Job, JobResult } from './protocol.js';

/**
 * Inputs from this size on are read in parallel when more than one core is
 * available. Below it, starting and feeding workers costs more than it saves.
 */
export const PARALLEL_THRESHOLD = 16 << 20;

/**
 * Chunks per thread: enough that a slower thread hands work over to the
 * others, few enough that each chunk's setup (a vector run over all states
 * until they merge) stays negligible.
 */
export const CHUNKS_PER_THREAD = 4;

/** How many threads, and from what size on. */
export interface ParallelOptions {
  /** Threads in all, the main thread included (default: available cores). */
  readonly threads?: number;
  /** Parallel only from this many bytes on (default `PARALLEL_THRESHOLD`). */
  readonly threshold?: number;
}

/** The verdict of a (possibly) parallel read, with what it read and how. */
export interface ParallelResult {
  readonly accept: boolean;
  readonly bytes: number;
  /** Threads actually used (1 = read in one pass). */
  readonly threads: number;
}

/** Cores this process may use. */
export function coreCount(): number {
  return typeof availableParallelism === 'function' ? availableParallelism() : 1;
}

interface PoolWorker {
  readonly worker: Worker;
  readonly known: Set<number>;
  readonly waiting: Map<number, (r: JobResult) => void>;
}

const pool: PoolWorker[] = [];
const languageIds = new WeakMap<Dfa, number>();
let nextLanguage = 1;
let nextJob = 1;

function workerUrl(): URL {
  // Under the TypeScript sources (tests, tsx) the worker needs tsx registered in its own thread.
  const fromSource = import.meta.url.endsWith('.ts');
  return new URL(fromSource ? './worker-from-source.mjs' : './worker.js', import.meta.url);
}

function getWorkers(count: number): PoolWorker[] {
  while (pool.length < count) {
    const worker = new Worker(workerUrl());
    const entry: PoolWorker = { worker, known: new Set(), waiting: new Map() };
    worker.on('message', (r: JobResult) => {
      const done = entry.waiting.get(r.id);
      entry.waiting.delete(r.id);
      if (entry.waiting.size === 0) worker.unref();
      done?.(r);
    });
    worker.on('error', (e) => {
      for (const done of entry.waiting.values()) done({ id: -1, error: e.message });
      entry.waiting.clear();
      const at = pool.indexOf(entry);
      if (at >= 0) pool.splice(at, 1);
    });
    worker.unref();
    pool.push(entry);
  }
  return pool.slice(0, count);
}

function submit(
  w: PoolWorker,
  dfa: Dfa,
  source: ChunkSource,
  bounds: readonly number[],
  next: Int32Array,
): Promise<readonly (readonly [number, Int32Array])[]> {
  let languageId = languageIds.get(dfa);
  if (languageId === undefined) {
    languageId = nextLanguage++;
    languageIds.set(dfa, languageId);
  }
  const job: Job = { id: nextJob++, languageId, dfa: w.known.has(languageId) ? undefined : dfa, source, bounds, next };
  w.known.add(languageId);
  return new Promise((resolve, reject) => {
    w.waiting.set(job.id, (r) =>
      r.maps !== undefined ? resolve(r.maps) : reject(new Error(`parallel worker failed: ${r.error}`)),
    );
    w.worker.ref();
    w.worker.postMessage(job);
  });
}

async function parallel(
  m: Matcher,
  size: number,
  read: ByteSource,
  source: ChunkSource,
  threads: number,
): Promise<ParallelResult> {
  const probe = new Uint8Array(1);
  const byteAt = (i: number): number => (i < size && read(probe, i, 1) === 1 ? probe[0]! : -1);
  const bounds = chunkBounds(size, threads * CHUNKS_PER_THREAD, byteAt);
  const chunks = bounds.length - 1;
  // Chunk 0 is the main thread's run from the start state; the others are taken from this counter.
  const next = new Int32Array(new SharedArrayBuffer(4));
  next[0] = 1;
  const workers = getWorkers(Math.min(threads - 1, chunks - 1));
  const shares = workers.map((w) => submit(w, m.dfa, source, bounds, next));
  const runner = m.bytes!;
  let q = chunkRun(m.dfa, runner, read, bounds[0]!, bounds[1]!);
  const maps: Int32Array[] = new Array<Int32Array>(chunks);
  // Dead after the first chunk: nothing later can change the verdict, so no further chunks are taken.
  const dead = deadState(m.dfa);
  if (q === dead) Atomics.store(next, 0, chunks);
  for (const [i, map] of takeChunks(m.dfa, runner, read, bounds, next)) maps[i] = map;
  for (const share of await Promise.all(shares)) for (const [i, map] of share) maps[i] = map;
  for (let i = 1; i < chunks; i++) {
    const map = maps[i];
    if (map === undefined) {
      if (q === dead) break;
      throw new Error(`parallel read lost chunk ${i} of ${chunks}`);
    }
    q = map[q]!;
  }
  return { accept: m.dfa.accepting[q] === 1, bytes: size, threads: 1 + workers.length };
}

function threadsFor(m: Matcher, size: number, options: ParallelOptions): number {
  const threads = Math.max(1, Math.min(options.threads ?? coreCount(), 64));
  return threads > 1 && size >= (options.threshold ?? PARALLEL_THRESHOLD) && m.bytes !== null ? threads : 1;
}

/** Whether the whole file (UTF-8) is in the language; parallel above the threshold. */
export async function acceptsFile(m: Matcher, path: string, options: ParallelOptions = {}): Promise<ParallelResult> {
  const fd = openSync(path, 'r');
  try {
    const size = fstatSync(fd).size;
    const read: ByteSource = (into, offset, length) => readSync(fd, into, 0, length, offset);
    const threads = threadsFor(m, size, options);
    if (threads > 1) return await parallel(m, size, read, { kind: 'file', path }, threads);
    const scan = m.scanner();
    const buf = new Uint8Array(1 << 20);
    for (let at = 0; at < size && !scan.dead;) {
      const n = read(buf, at, buf.length);
      if (n <= 0) break;
      scan.push(buf.subarray(0, n));
      at += n;
    }
    return { accept: scan.accepts(), bytes: size, threads: 1 };
  } finally {
    closeSync(fd);
  }
}

/**
 * Whether the UTF-8 bytes are in the language; parallel above the threshold.
 * Bytes on a `SharedArrayBuffer` are shared with the workers without copying.
 */
export async function acceptsBytes(
  m: Matcher,
  bytes: Uint8Array,
  options: ParallelOptions = {},
): Promise<ParallelResult> {
  const threads = threadsFor(m, bytes.length, options);
  if (threads === 1) {
    const scan = m.scanner();
    scan.push(bytes);
    return { accept: scan.accepts(), bytes: bytes.length, threads: 1 };
  }
  let shared = bytes;
  if (!(bytes.buffer instanceof SharedArrayBuffer)) {
    shared = new Uint8Array(new SharedArrayBuffer(bytes.length));
    shared.set(bytes);
  }
  const read: ByteSource = (into, offset, length) => {
    const n = Math.max(0, Math.min(length, shared.length - offset));
    into.set(shared.subarray(offset, offset + n));
    return n;
  };
  const source: ChunkSource = {
    kind: 'shared',
    buffer: shared.buffer as SharedArrayBuffer,
    offset: shared.byteOffset,
    length: shared.length,
  };
  return parallel(m, bytes.length, read, source, threads);
}

/** Stops the pooled workers (tests and long-lived hosts that want a clean exit). */
export async function closeWorkers(): Promise<void> {
  const all = pool.splice(0);
  await Promise.all(all.map((w) => w.worker.terminate()));
}
