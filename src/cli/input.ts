/**
 * Records from a stream, read in chunks and never whole: lines (split on
 * `\n`, a `\r` just before the `\n` dropped, so CRLF text reads like LF
 * text) or NUL-separated strings (taken as they are). A final separator does
 * not make an extra empty record. UTF-8 is decoded across chunk boundaries.
 *
 * Each chunk is searched once: the unfinished record is kept as a list of
 * pieces and joined when its separator arrives, so one long line costs time
 * linear in its length, however many chunks it spans.
 */
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { WordflowError } from '../errors.js';

/** The longest string V8 can hold (2^29 − 24 UTF-16 units); a longer record cannot be built. */
export const MAX_RECORD = 2 ** 29 - 24;

/**
 * The records of a stream in batches: every record completed by one chunk,
 * in order (no empty batches). Commands that answer per record handle a
 * batch at a time and write its answers at once: a promise and a write per
 * record cost more than deciding membership does.
 */
export async function* recordBatches(stream: Readable, separator: '\n' | '\0' = '\n'): AsyncGenerator<string[]> {
  const decoder = new StringDecoder('utf8');
  // The record still open: its pieces from earlier chunks, and their length.
  let pieces: string[] = [];
  let pendingLength = 0;
  const finish = (tail: string, separated: boolean): string => {
    let record = pieces.length === 0 ? tail : pieces.join('') + tail;
    pieces = [];
    pendingLength = 0;
    if (separated && separator === '\n' && record.endsWith('\r')) record = record.slice(0, -1);
    return record;
  };
  const keep = (piece: string): void => {
    if (piece.length === 0) return;
    pendingLength += piece.length;
    if (pendingLength > MAX_RECORD) {
      throw new WordflowError(
        'limit',
        `a record longer than ${MAX_RECORD.toLocaleString('en-US')} characters, the longest string the engine can hold; check such input as one string with --whole`,
      );
    }
    pieces.push(piece);
  };
  for await (const chunk of stream) {
    const text = typeof chunk === 'string' ? chunk : decoder.write(chunk as Buffer);
    let at = text.indexOf(separator);
    if (at < 0) {
      keep(text);
      continue;
    }
    const batch: string[] = [];
    let from = 0;
    while (at >= 0) {
      batch.push(finish(text.slice(from, at), true));
      from = at + 1;
      at = text.indexOf(separator, from);
    }
    keep(text.slice(from));
    yield batch;
  }
  keep(decoder.end());
  if (pieces.length > 0) yield [finish('', false)];
}

/** The records of a stream one by one (see `recordBatches`). */
export async function* records(stream: Readable, separator: '\n' | '\0' = '\n'): AsyncGenerator<string> {
  for await (const batch of recordBatches(stream, separator)) yield* batch;
}
