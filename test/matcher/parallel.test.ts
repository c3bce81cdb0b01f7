/**
 * Parallel composition (worker threads, threshold 0 so small inputs go
 * parallel) against the DFA walk of the decoded input, for files and shared
 * buffers; cuts never split a UTF-8 sequence, so the verdicts are identical.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { accepts } from '../../src/automata/dfa.js';
import { compileMatcher } from '../../src/matcher/index.js';
import { alignCut, chunkBounds } from '../../src/parallel/chunks.js';
import { acceptsBytes, acceptsFile, closeWorkers } from '../../src/parallel/index.js';
import { bytesArb, compilePattern, dfaArb } from './support.js';

const dir = mkdtempSync(join(tmpdir(), 'wordflow-parallel-'));
afterAll(async () => {
  await closeWorkers();
  rmSync(dir, { recursive: true, force: true });
});

const decode = (b: Uint8Array): string => Buffer.from(b).toString('utf8');

describe('chunk cuts', () => {
  it('never change the decoding: decoding the pieces separately equals decoding the whole', () => {
    fc.assert(
      fc.property(bytesArb(80), fc.integer({ min: 1, max: 8 }), (bytes, parts) => {
        const bounds = chunkBounds(bytes.length, parts, (i) => (i < bytes.length ? bytes[i]! : -1));
        expect(bounds[0]).toBe(0);
        expect(bounds[bounds.length - 1]).toBe(bytes.length);
        const pieces = bounds.slice(1).map((end, i) => decode(bytes.subarray(bounds[i], end)));
        expect(pieces.join('')).toBe(decode(bytes));
      }),
      { numRuns: 500 },
    );
  });

  it('moves at most three bytes', () => {
    const bytes = [0x80, 0x80, 0x80, 0x80, 0x80];
    expect(alignCut(0, (i) => bytes[i] ?? -1)).toBe(3);
  });
});

describe('parallel membership', () => {
  it('files and shared buffers read by 2–4 threads give the one-pass verdict', async () => {
    await fc.assert(
      fc.asyncProperty(dfaArb, bytesArb(120), fc.integer({ min: 2, max: 4 }), async (dfa, bytes, threads) => {
        const expected = accepts(dfa, decode(bytes));
        const m = compileMatcher(dfa);
        const shared = await acceptsBytes(m, bytes, { threads, threshold: 0 });
        expect(shared.accept).toBe(expected);
        const path = join(dir, 'input.bin');
        writeFileSync(path, bytes);
        const file = await acceptsFile(m, path, { threads, threshold: 0 });
        expect(file.accept).toBe(expected);
      }),
      { numRuns: 60 },
    );
  });

  it('a first chunk that ends dead rejects without reading the rest; a live one reads every chunk', async () => {
    const m = compileMatcher(compilePattern('a*'));
    const dead = await acceptsBytes(m, Buffer.from('b' + 'a'.repeat(100_000)), { threads: 2, threshold: 0 });
    expect(dead.accept).toBe(false);
    // The only offending byte in the last chunk: every chunk's map must have been composed.
    const late = await acceptsBytes(m, Buffer.from('a'.repeat(100_000) + 'b'), { threads: 2, threshold: 0 });
    expect(late.accept).toBe(false);
    const yes = await acceptsBytes(m, Buffer.from('a'.repeat(100_001)), { threads: 2, threshold: 0 });
    expect(yes.accept).toBe(true);
  });

  it('a large input with astral characters at every cut agrees with V8', async () => {
    const p = '([a-z]|😀|é)*x';
    const s = 'abc😀é'.repeat(50_000) + 'x';
    const m = compileMatcher(compilePattern(p));
    const bytes = Buffer.from(s, 'utf8');
    const r = await acceptsBytes(m, bytes, { threads: 3, threshold: 0 });
    expect(r.threads).toBe(3);
    expect(r.accept).toBe(true);
    const r2 = await acceptsBytes(m, Buffer.from(s + '!', 'utf8'), { threads: 2, threshold: 0 });
    expect(r2.accept).toBe(false);
  });
});
