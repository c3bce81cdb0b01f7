/**
 * Standard output (src/cli/stdout.ts): written to descriptor 1 directly, with
 * `process.stdout` as the fallback for a descriptor that cannot take a
 * blocking write, and a closed pipe as a normal end.
 */
import { spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { wordflow } from '../support/cli.js';

const root = fileURLToPath(new URL('../..', import.meta.url));

describe('the built CLI', () => {
  it('ends with exit 0 and nothing on stderr when the reader closes the pipe (`| head`)', async () => {
    const child = spawn(process.execPath, ['dist/cli/main.cjs', 'enum', '(a|b)*', '--limit', '1000000'], {
      cwd: root,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    const first = await new Promise<string>((resolve) =>
      child.stdout.once('data', (d: Buffer) => resolve(d.toString())),
    );
    child.stdout.destroy();
    const code = await new Promise<number | null>((resolve) => child.on('close', (c) => resolve(c)));
    expect(first.split('\n')[1]).toBe('a');
    expect(code).toBe(0);
    expect(stderr).toBe('');
  });

  it('runs with its output descriptor closed, as with process.stdout (the text is dropped)', () => {
    const r = spawnSync('sh', ['-c', `"${process.execPath}" dist/cli/main.cjs check '(a|b)*abb' abb ab >&-`], {
      cwd: root,
      encoding: 'utf8',
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(1);
  });

  it('prints help, version and answers in order on one stream', () => {
    expect(wordflow(['--version']).stdout).toMatch(/^\d+\.\d+\.\d+\n$/);
    expect(wordflow(['check', '--help']).stdout).toMatch(/^Usage: wordflow check/);
    const strings = Array.from({ length: 5000 }, (_, i) => 'ab'.repeat(i % 7) + (i % 2 === 0 ? 'b' : ''));
    const r = wordflow(['check', '(ab)*'], strings.join('\n') + '\n');
    const expected = strings.map((s) => `${s.length % 2 === 0 ? 'accept' : 'reject'}\t${s}`);
    expect(r.stdout.split('\n').slice(0, -1)).toEqual(expected);
  });
});

describe('writeOut', () => {
  afterEach(() => {
    vi.doUnmock('node:fs');
    vi.restoreAllMocks();
    vi.resetModules();
  });

  it('hands the rest of a write, and every later write, to process.stdout when the descriptor says EAGAIN', async () => {
    const written: string[] = [];
    let calls = 0;
    vi.doMock('node:fs', async (importOriginal) => ({
      ...(await importOriginal<typeof import('node:fs')>()),
      writeSync: (_fd: number, bytes: Uint8Array, offset: number): number => {
        calls++;
        if (calls === 1) {
          written.push(Buffer.from(bytes.subarray(offset, offset + 3)).toString());
          return 3;
        }
        throw Object.assign(new Error('EAGAIN'), { code: 'EAGAIN' });
      },
    }));
    const streamed: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      streamed.push(Buffer.from(chunk).toString());
      return true;
    });
    const { writeOut } = await import('../../src/cli/stdout.js');
    expect(writeOut('accept\tabb\n')).toBeUndefined();
    expect(writeOut('reject\tab\n')).toBeUndefined();
    expect(written).toEqual(['acc']);
    expect(streamed).toEqual(['ept\tabb\n', 'reject\tab\n']);
    expect(calls).toBe(2);
  });

  it('writes the whole text through partial writes', async () => {
    const written: Buffer[] = [];
    vi.doMock('node:fs', async (importOriginal) => ({
      ...(await importOriginal<typeof import('node:fs')>()),
      writeSync: (_fd: number, bytes: Uint8Array, offset: number): number => {
        const n = Math.min(2, bytes.length - offset);
        written.push(Buffer.from(bytes.subarray(offset, offset + n)));
        return n;
      },
    }));
    const { writeOut } = await import('../../src/cli/stdout.js');
    expect(writeOut('αβγ δ\n')).toBeUndefined();
    expect(Buffer.concat(written).toString()).toBe('αβγ δ\n');
  });
});
