/**
 * Worker thread of the parallel reader: takes chunks of one input (a file,
 * or a shared byte buffer) from the job's shared counter, computes their
 * transformations and posts them back. Matchers are cached per DFA id, so a
 * pool reused across calls compiles once.
 */
import { closeSync, openSync, readSync } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { complete, type Dfa } from '../automata/dfa.js';
import { compileMatcher, type Matcher } from '../matcher/index.js';
import { type ByteSource, takeChunks } from './chunks.js';
import type { Job, JobResult } from './protocol.js';

const matchers = new Map<number, Matcher>();

function matcherFor(id: number, dfa: Dfa | undefined): Matcher {
  let m = matchers.get(id);
  if (m === undefined) {
    if (dfa === undefined) throw new Error(`unknown language ${id}`);
    if (matchers.size > 16) matchers.clear();
    // The parent sends a matcher's complete DFA; structured cloning drops the type, complete() restores it (a check, no copy).
    m = compileMatcher(complete(dfa));
    matchers.set(id, m);
  }
  return m;
}

function run(job: Job): JobResult {
  const m = matcherFor(job.languageId, job.dfa);
  const runner = m.bytes;
  if (runner === null) throw new Error('no byte automaton');
  if (job.source.kind === 'file') {
    const fd = openSync(job.source.path, 'r');
    try {
      const read: ByteSource = (into, offset, length) => readSync(fd, into, 0, length, offset);
      return { id: job.id, maps: takeChunks(m.dfa, runner, read, job.bounds, job.next) };
    } finally {
      closeSync(fd);
    }
  }
  const shared = new Uint8Array(job.source.buffer, job.source.offset, job.source.length);
  const read: ByteSource = (into, offset, length) => {
    into.set(shared.subarray(offset, offset + length));
    return length;
  };
  return { id: job.id, maps: takeChunks(m.dfa, runner, read, job.bounds, job.next) };
}

parentPort?.on('message', (job: Job) => {
  let result: JobResult;
  try {
    result = run(job);
  } catch (e) {
    result = { id: job.id, error: e instanceof Error ? e.message : String(e) };
  }
  parentPort!.postMessage(
    result,
    (result.maps ?? []).map(([, map]) => map.buffer as ArrayBuffer),
  );
});
