/**
 * Standard output of the commands that print text, written to file
 * descriptor 1 directly. `process.stdout` is a stream, and its first use
 * loads Node's stream and net modules: about 6 ms, the largest single part of
 * what a one-line `wordflow check` costs beyond Node's own start. A blocking
 * write of the whole text is what that stream does anyway for files, pipes
 * and terminals on Linux, so the order and the back-pressure are the same.
 *
 * Where descriptor 1 cannot be written that way (a non-blocking pipe,
 * EAGAIN; a closed descriptor, for which Node gives a stream that discards),
 * the rest of the text and every later write go through `process.stdout`. A
 * closed pipe (`wordflow enum … | head`) is a normal way to stop reading: the
 * process ends with the exit code set so far.
 */
import { writeSync } from 'node:fs';

let stream: NodeJS.WriteStream | undefined;

function endOnClosedPipe(): never {
  process.exit(process.exitCode ?? 0);
}

function streamOut(): NodeJS.WriteStream {
  if (stream === undefined) {
    stream = process.stdout;
    stream.on('error', (e: NodeJS.ErrnoException) => {
      if (e.code === 'EPIPE') endOnClosedPipe();
      throw e;
    });
  }
  return stream;
}

function drained(out: NodeJS.WriteStream): Promise<void> {
  return new Promise((resolve) => out.once('drain', () => resolve()));
}

/**
 * Writes `text` to standard output. Returns undefined once it is written, or
 * (on the stream) a promise to await before writing more when the stream's
 * buffer is full.
 */
export function writeOut(text: string): Promise<void> | undefined {
  if (stream === undefined) {
    const bytes = Buffer.from(text, 'utf8');
    let done = 0;
    try {
      while (done < bytes.length) done += writeSync(1, bytes, done);
      return undefined;
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'EPIPE') endOnClosedPipe();
      const out = streamOut();
      return out.write(bytes.subarray(done)) ? undefined : drained(out);
    }
  }
  return stream.write(text) ? undefined : drained(stream);
}

/** Resolves once everything written has left the process's buffers (at once unless the stream is in use). */
export function flushOut(): Promise<void> {
  return stream?.writableNeedDrain === true ? drained(stream) : Promise.resolve();
}
