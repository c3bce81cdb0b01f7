/**
 * Records from a stream, read in chunks and never whole: lines (split on
 * `\n`) or NUL-separated strings. A final separator does not make an extra
 * empty record. UTF-8 is decoded across chunk boundaries.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * The records of a stream in batches: every record completed by one chunk,
 * in order (no empty batches). Commands that answer per record handle a
 * batch at a time and write its answers at once: a promise and a write per
 * record cost more than deciding membership does.
 */
export async function* recordBatches(stream: Readable, separator: '\n' | '\0' = '\n'): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  let pending = '';
  for await (const chunk of stream) {
    pending += typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let at = pending.indexOf(separator);
    if (at < 0) continue;
    const batch: string[] = [];
    let from = 0;
    while (at >= 0) {
      batch.push(pending.slice(from, at));
      from = at + 1;
      at = pending.indexOf(separator, from);
    }
    pending = pending.slice(from);
    yield batch;
  }
  pending += decoder.end();
  if (pending.length > 0) yield [pending];
}

/** The records of a stream one by one (see `recordBatches`). */
export async function* records(stream: Readable, separator: '\n' | '\0' = '\n'): AsyncGenerator<string> {
  for await (const batch of recordBatches(stream, separator)) yield* batch;
}
