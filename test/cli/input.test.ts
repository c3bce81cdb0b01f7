/**
 * Records read from a stream in chunks cut anywhere (inside UTF-8 sequences
 * too) are the records of the whole text: `text.split(separator)` without
 * the empty piece a final separator leaves, and with one '\r' before each
 * '\n' dropped.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordBatches, records } from '../../src/cli/input.js';

const recordArb = fc
  .array(fc.constantFrom('a', 'b', ' ', 'é', '€', '😀', '\r', '\t'), { maxLength: 6 })
  .map((xs) => xs.join(''));

function chunksOf(bytes: Buffer, cuts: number[]): Buffer[] {
  const at = [...new Set(cuts.map((c) => c % (bytes.length + 1)))].sort((x, y) => x - y);
  const out: Buffer[] = [];
  let from = 0;
  for (const c of [...at, bytes.length]) {
    if (c > from) out.push(bytes.subarray(from, c));
    from = Math.max(from, c);
  }
  return out;
}

async function collect<T>(it: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const x of it) out.push(x);
  return out;
}

describe('records', () => {
  it('are the pieces of the text between separators, however the bytes are cut', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(recordArb, { maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom<'\n' | '\0'>('\n', '\0'),
        fc.array(fc.nat(), { maxLength: 8 }),
        async (recs, trailing, sep, cuts) => {
          const text = recs.join(sep) + (trailing && recs.length > 0 ? sep : '');
          // Every piece ended by a separator loses one '\r' before a '\n' (CRLF reads as LF).
          const parts = text.split(sep);
          const pieces = parts.map((p, i) =>
            sep === '\n' && i < parts.length - 1 && p.endsWith('\r') ? p.slice(0, -1) : p,
          );
          if (parts[parts.length - 1] === '') pieces.pop();
          const chunks = chunksOf(Buffer.from(text, 'utf8'), cuts);
          const batches = await collect(recordBatches(Readable.from(chunks), sep));
          expect(batches.every((b) => b.length > 0)).toBe(true);
          expect(batches.flat()).toEqual(pieces);
          expect(await collect(records(Readable.from(chunks), sep))).toEqual(pieces);
        },
      ),
      { numRuns: 300 },
    );
  });
});
