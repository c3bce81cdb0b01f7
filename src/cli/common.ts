/**
 * What every command shares: the limit flags, `--fa FILE`, loading the
 * language, and turning errors into one paragraph on stderr with exit 2.
 * Commands stay thin: they parse flags, call the library, print.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { type Command, Option } from 'commander';
import type { CompleteDfa } from '../automata/dfa.js';
import { asWordflowError, formatError, WordflowError } from '../errors.js';
import { DEFAULT_LIMITS, LIMIT_FLAGS, limits as withDefaults, type Limits } from '../limits.js';
import { progressIndicator } from '../present/progress.js';
import { flushOut, writeOut } from './stdout.js';
import {
  type CompileOptions,
  dfaOf,
  language,
  type Language,
  type LanguageOptions,
  type LanguageSource,
} from '../language.js';
import { DEFAULT_SYNTAX, type Syntax, SYNTAXES, syntaxName } from '../syntax/regex/syntax.js';

/** Exit codes of the contract: 0 yes / success, 1 a well-formed no, 2 bad input or a limit. */
export const EXIT = { yes: 0, no: 1, error: 2 } as const;

const LIMIT_HELP: { readonly [K in keyof Limits]: string } = {
  maxLength: 'longest pattern accepted',
  maxDepth: 'deepest nesting of groups, classes and ~',
  maxRepeat: 'largest bound in {m,n}',
  maxStates: 'most DFA states built',
  maxNfaStates: 'most NFA states built',
  maxMonoid: 'most transition-monoid elements',
  maxEnumLength: 'longest member enumerated, counted or sampled',
  maxCountCells: 'most states × length cells counted by count and sample',
  maxRegexSize: 'largest expression built by regex, in nodes',
  maxSamples: 'most samples per flow for trace --samples',
  maxFlowStates: 'most DFA states certify checks with flow2d',
};

/**
 * A strict reading of a non-negative integer option: decimal digits only.
 * `Number()` would take '' as 0 and '0x10' as 16, ' 7 ' as 7 and '1e3' as
 * 1000; a typo in a limit must not silently become another limit.
 */
function positiveInt(flag: string) {
  return (value: string): number => {
    const n = /^[0-9]+$/.test(value) ? Number(value) : NaN;
    if (!Number.isSafeInteger(n)) {
      throw new WordflowError(
        'usage',
        `${flag} needs a non-negative integer in decimal digits, got ${JSON.stringify(value)}`,
      );
    }
    return n;
  };
}

/** The limits every command that reads a pattern or an automaton file can hit. */
const LANGUAGE_LIMITS: readonly (keyof Limits)[] = ['maxLength', 'maxDepth', 'maxRepeat', 'maxStates', 'maxNfaStates'];

/**
 * Adds every limit flag. Those the command can hit — the language limits
 * and the ones named in `also` — are listed in its help with the default it
 * really uses (`defaults` overrides `DEFAULT_LIMITS`, e.g. the playground's
 * live budgets); the others are still accepted, so one set of flags works
 * with every command, but hidden.
 */
export function withLimits(
  cmd: Command,
  options: { also?: readonly (keyof Limits)[]; defaults?: Partial<Limits> } = {},
): Command {
  const shown = new Set([...LANGUAGE_LIMITS, ...(options.also ?? [])]);
  for (const key of Object.keys(LIMIT_FLAGS) as (keyof Limits)[]) {
    const value = options.defaults?.[key] ?? DEFAULT_LIMITS[key];
    cmd.addOption(
      new Option(`${LIMIT_FLAGS[key]} <n>`, `${LIMIT_HELP[key]} (default ${value})`)
        .argParser(positiveInt(LIMIT_FLAGS[key]))
        .hideHelp(!shown.has(key)),
    );
  }
  return cmd;
}

/** Commander's camel-cased option values → `Limits` overrides. */
export function limitsOf(opts: Record<string, unknown>): Partial<Limits> {
  const out: Partial<Record<keyof Limits, number>> = {};
  for (const key of Object.keys(LIMIT_FLAGS) as (keyof Limits)[]) {
    if (typeof opts[key] === 'number') out[key] = opts[key];
  }
  return out;
}

/** Adds `--syntax NAME`: how PATTERN (and every pattern the command reads) is read. */
export function withSyntax(cmd: Command): Command {
  return cmd.addOption(
    new Option(
      '--syntax <name>',
      'how patterns are read: wordflow (& intersects, ~ complements, [ nests in classes) or ecma ' +
        '(exactly what a JavaScript RegExp with flags su reads: & ~ [ are characters)',
    )
      .choices([...SYNTAXES])
      .default(DEFAULT_SYNTAX),
  );
}

/** The `--syntax` value (the default when the command has no such flag). */
export function syntaxOf(opts: Record<string, unknown>): Syntax {
  return typeof opts['syntax'] === 'string' ? syntaxName(opts['syntax']) : DEFAULT_SYNTAX;
}

/** The compile options every pattern-reading command takes from its flags: limits and syntax. */
export function compileOptionsOf(opts: Record<string, unknown>): { limits: Partial<Limits>; syntax: Syntax } {
  return { limits: limitsOf(opts), syntax: syntaxOf(opts) };
}

/** Adds `--fa FILE` (an automaton file instead of PATTERN). */
export function withFa(cmd: Command): Command {
  return cmd.option('--fa <file>', 'read the language from an automaton file instead of PATTERN');
}

/** Why a file could not be read or written, in plain words, by the system's error code. */
const IO_REASONS: Readonly<Record<string, string>> = {
  EISDIR: 'it is a directory',
  EACCES: 'permission denied',
  EPERM: 'the operation is not permitted',
  ENOTDIR: 'a part of the path is not a directory',
  EIO: 'an input/output error (the device or file system failed)',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ENFILE: 'too many open files in the system',
  ENOSPC: 'no space left on the device',
  EDQUOT: 'the disk quota is exceeded',
  EROFS: 'the file system is read-only',
  EBUSY: 'the file is busy',
  ENXIO: 'no such device',
  ENODEV: 'no such device',
  ETXTBSY: 'the file is busy',
  EFBIG: 'the file is too large',
  EINVAL: 'the file cannot be read this way',
  EAGAIN: 'the file is temporarily unavailable',
  ERR_STRING_TOO_LONG: 'the file is too large to hold as text',
  ERR_INVALID_ARG_VALUE: 'the name contains a NUL byte',
  ERR_INVALID_ARG_TYPE: 'the name is not a valid path',
};

/**
 * A failed read or write of `path` as a usage error in plain words. The
 * name is shown quoted when it holds control characters (a NUL byte among
 * them), never raw.
 */
export function fileError(verb: 'read' | 'write', path: string, e: unknown): WordflowError {
  if (e instanceof WordflowError) return e;
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  const why =
    code === 'ENOENT'
      ? verb === 'read'
        ? 'no such file'
        : 'no such directory'
      : code !== undefined
        ? (IO_REASONS[code] ?? `the system reports ${code}`)
        : e instanceof Error
          ? e.message
          : String(e);
  return new WordflowError('usage', `cannot ${verb} ${displayString(path)}: ${why}`);
}

/** Reads a text file, turning I/O failures into usage errors. */
export function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (e) {
    throw fileError('read', path, e);
  }
}

/** The command line's PATTERN or `--fa FILE` as a language source (the file read here). */
export function sourceOf(args: { pattern?: string; fa?: string }): LanguageSource {
  if (args.fa !== undefined) return { kind: 'fa', text: readText(args.fa), path: args.fa };
  if (args.pattern === undefined) throw new WordflowError('usage', 'give a PATTERN or --fa FILE');
  return { kind: 're', text: args.pattern };
}

/** PATTERN or `--fa FILE` → the library's `language` (a lazy DFA past --max-states). */
export function loadLanguageOrLazy(args: { pattern?: string; fa?: string }, options: LanguageOptions = {}): Language {
  return language(sourceOf(args), options);
}

/** PATTERN or `--fa FILE` → its full DFA (minimal unless asked otherwise); past --max-states, the limit error. */
export function loadLanguage(args: { pattern?: string; fa?: string }, options: CompileOptions = {}): CompleteDfa {
  return dfaOf(language(sourceOf(args), { ...options, lazyFallback: false }));
}

/**
 * For commands taking `[PATTERN] [STRING…]`: with `--fa`, the first
 * positional argument is a string, not the pattern.
 */
export function splitPatternArgs(
  pattern: string | undefined,
  rest: readonly string[],
  fa: string | undefined,
): { pattern?: string; strings: string[] } {
  if (fa !== undefined) return { strings: pattern === undefined ? [...rest] : [pattern, ...rest] };
  return { pattern, strings: [...rest] };
}

/** Prints an error as one paragraph (plus caret) on stderr. */
export function reportError(e: unknown): void {
  const err = asWordflowError(e);
  process.stderr.write(`wordflow: ${formatError(err)}\n`);
}

/**
 * Wraps a command's action: any error → message on stderr and exit 2; the
 * action's result is the exit code. Never a stack trace.
 */
export function action<A extends unknown[]>(
  fn: (...args: A) => number | Promise<number>,
): (...args: A) => Promise<void> {
  return async (...args: A) => {
    let code: number;
    try {
      code = await fn(...args);
    } catch (e) {
      reportError(e);
      code = EXIT.error;
    }
    // Stdout drained first, so piping into `head` etc. is safe.
    await flushOut();
    process.exitCode = code;
  };
}

/** Writes a line to stdout, waiting when the pipe is full (back-pressure). */
export async function writeLine(line: string): Promise<void> {
  await writeOut(line + '\n');
}

/**
 * Lines gathered and written a batch at a time, waiting on the pipe between
 * batches: for commands that print many short lines, a write (and a promise)
 * per line costs more than computing the line. `add` returns true when a
 * batch is full: then `await flush()`; flush once more before returning (and
 * on failure, so the lines before it are not lost).
 */
export function lineBuffer(batchChars = 1 << 16): { add(text: string): boolean; flush(): Promise<void> } {
  let parts: string[] = [];
  let size = 0;
  return {
    add(text) {
      parts.push(text);
      size += text.length + 1;
      return size >= batchChars;
    },
    async flush() {
      if (parts.length === 0) return;
      const text = parts.join('\n');
      parts = [];
      size = 0;
      await writeLine(text);
    },
  };
}

/** Shows a string readably: raw when plain, JSON-quoted when empty or containing whitespace/control characters. */
export function displayString(s: string): string {
  return s === '' || /[\s"\\\p{C}]/u.test(s) ? JSON.stringify(s) : s;
}

/** A non-negative integer option value. */
export function intOption(value: string, flag: string): number {
  return positiveInt(flag)(value);
}

/** Adds `--output FILE` (write the result to a file instead of standard output). */
export function withOutput(cmd: Command): Command {
  return cmd.option(
    '-o, --output <file>',
    'write the result to FILE instead of standard output (overwrites; - = stdout)',
  );
}

/**
 * Writes a command's result: to standard output, or with `--output FILE` to
 * that file (ending in a newline). A file that cannot be written is a usage
 * error, so the command exits 2 with the reason.
 */
export async function emit(text: string, output: string | undefined): Promise<void> {
  if (output === undefined || output === '-') {
    await writeLine(text.endsWith('\n') ? text.slice(0, -1) : text);
    return;
  }
  try {
    writeFileSync(output, text.endsWith('\n') ? text : text + '\n');
  } catch (e) {
    throw fileError('write', output, e);
  }
}

/** Whether text written to stdout may carry ANSI colour: a terminal, no `NO_COLOR`, not redirected to a file. */
export function colourAllowed(output: string | undefined): boolean {
  const noColour = process.env['NO_COLOR'];
  return (
    (output === undefined || output === '-') &&
    process.stdout.isTTY === true &&
    (noColour === undefined || noColour === '')
  );
}

/** Compile options that draw a progress bar on a terminal while a large DFA is built. */
export function withProgress(options: CompileOptions & { limits: NonNullable<CompileOptions['limits']> }): {
  options: CompileOptions;
  finish: () => void;
} {
  const bar = progressIndicator(process.stderr, {
    label: 'building the DFA',
    total: withDefaults(options.limits).maxStates,
    unit: 'states',
  });
  return { options: { ...options, onProgress: (n) => bar.update(n) }, finish: () => bar.finish() };
}
