/**
 * `wordflow check PATTERN [STRING…]`: membership. Strings come as arguments
 * or, with none, one per line (or NUL-separated with --null) on stdin or from
 * `--file F`; `--whole` reads the entire input as one string, streamed in
 * chunks (never whole) and, for a large file on several cores, in parallel.
 * `--jsonl` reads `{"pattern"|"fa", "input"}` lines and answers each in order.
 *
 * Deciding is delegated to a `Language`: the compiled matcher (default; a
 * few short strings are decided by walking the DFA before it pays to compile), a
 * vocabulary of maps (`--embedding E`), all of them cross-checked
 * (`--verify`), or a lazy DFA when the full DFA exceeds --max-states.
 */
import { createReadStream, statSync } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import type { Command } from 'commander';
import { accepts, type CompleteDfa } from '../../automata/dfa.js';
import type { LazyDfa } from '../../automata/lazy.js';
import { asWordflowError, errorLine, WordflowError } from '../../errors.js';
import type { Limits } from '../../limits.js';
import { compileMatcher, type Matcher } from '../../matcher/index.js';
import { type Syntax, syntaxName } from '../../syntax/regex/syntax.js';
import {
  acceptsBy,
  cachedVocabulary,
  EMBEDDING_NAMES,
  embeddingName,
  sentence,
  verifyAll,
  type EmbeddingName,
} from '../../vocabulary/index.js';
import {
  action,
  EXIT,
  fileError,
  limitsOf,
  lineBuffer,
  loadLanguageOrLazy,
  splitPatternArgs,
  syntaxOf,
  withFa,
  withLimits,
  withSyntax,
  writeLine,
} from '../common.js';
import { descriptionOf } from '../commandTable.js';
import { recordBatches } from '../input.js';
import { progressIndicator } from '../../present/progress.js';

interface CheckOptions {
  fa?: string;
  json?: boolean;
  jsonl?: boolean;
  null?: boolean;
  whole?: boolean;
  file?: string;
  stats?: boolean;
  embedding?: string;
  verify?: boolean;
  [key: string]: unknown;
}

/** Reads input in chunks and decides membership of all of it at the end. */
export interface WholeScan {
  push(chunk: Uint8Array): void;
  /** Nothing more can be accepted: the rest of the input need not be read. */
  readonly dead: boolean;
  accepts(): boolean;
}

/** How one language decides membership, whatever engine is behind it. */
export interface Language {
  accepts(s: string): boolean;
  whole(): WholeScan;
  /** A whole file, possibly in parallel (the matcher only). */
  file?(path: string): Promise<boolean>;
  /** Which engine decides, for --stats. */
  readonly engine: string;
}

type Mode = { kind: 'dfa' } | { kind: 'embedding'; name: EmbeddingName } | { kind: 'verify' };

export function register(program: Command): void {
  const cmd = program
    .command('check')
    .description(descriptionOf('check'))
    .argument('[pattern]', 'the regular expression (omit with --fa or --jsonl)')
    .argument('[strings...]', 'strings to check; none = one per line on stdin (or --file)')
    .option('--json', 'one JSON value per string: {"input": s, "accept": bool}')
    .option(
      '--jsonl',
      'read {"pattern": p, "input": s} (or {"fa": path, …}; optional "syntax": "wordflow"|"ecma" ' +
        'overrides --syntax) lines on stdin; write {"accept": bool, "line": n} or {"error": msg, "line": n} per line',
    )
    .option('--null', 'strings are NUL-separated instead of one per line')
    .option('--file <path>', 'read the strings (or with --whole, the one string) from a file instead of stdin')
    .option('--whole', 'the entire input (stdin or --file) is one string, read in chunks; prints accept<TAB>source')
    .option('--stats', 'report bytes, strings, time and throughput on stderr')
    .option('--embedding <E>', `decide by composing the maps of embedding E (${EMBEDDING_NAMES.join(', ')})`)
    .option('--verify', 'decide with the DFA and every embedding; exit 2 on any disagreement');
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow check '(a|b)*abb' abb ab          # accept abb, reject ab; exit 1
  $ printf 'x1\\n9x\\n' | wordflow check '[a-z]\\w*'
  $ wordflow check --fa grammars/examples/parity.fa aa ab
  $ echo '{"pattern":"a+","input":"aaa"}' | wordflow check --jsonl
  $ wordflow check --syntax ecma '[<>]&' '<&'    # & is a character, as in JavaScript
  $ wordflow check '[^\\u0000]*' --whole --file big.log --stats
  $ wordflow check '(a|b)*a(a|b){30}' abababababababababababababababab   # lazy DFA: past --max-states
  $ wordflow check 'a*b' aab --embedding flow2d

Lines end at LF; a CR just before the LF is dropped, so CRLF text reads as
LF text (--null and --whole take every byte as it is).
With --whole, files of ${'16 MiB'} and more are read by several threads when
several cores are available; the verdict is the same.`,
  );
  cmd.action(
    action(async (pattern: string | undefined, rest: string[], opts: CheckOptions) => {
      const limits = limitsOf(opts);
      const mode = modeOf(opts);
      const syntax = syntaxOf(opts);
      if (opts.jsonl) return checkJsonl(pattern === undefined ? rest : [pattern, ...rest], limits, mode, syntax);
      const args = splitPatternArgs(pattern, rest, opts.fa);
      if (opts.file !== undefined) {
        if (args.strings.length > 0)
          throw new WordflowError('usage', '--file reads the strings from the file; give no STRING arguments');
        checkReadable(opts.file);
      }
      const compileStart = process.hrtime.bigint();
      const language = load({ pattern: args.pattern, fa: opts.fa, syntax }, limits, mode);
      const started = process.hrtime.bigint();
      const stats = { bytes: 0, strings: 0 };
      let code: number;
      if (opts.whole) {
        if (args.strings.length > 0)
          throw new WordflowError('usage', '--whole reads stdin or --file; give no STRING arguments');
        const ok = await fromFile(opts.file, () => checkWhole(language, opts.file, stats));
        stats.strings = 1;
        const source = opts.file ?? '-';
        await writeLine(
          opts.json
            ? JSON.stringify({ input: source, accept: ok, bytes: stats.bytes })
            : `${ok ? 'accept' : 'reject'}\t${source}`,
        );
        code = ok ? EXIT.yes : EXIT.no;
      } else {
        const separator = opts.null ? '\0' : '\n';
        const batches: AsyncIterable<string[]> | Iterable<string[]> =
          args.strings.length > 0
            ? [args.strings]
            : recordBatches(opts.file !== undefined ? createReadStream(opts.file) : process.stdin, separator);
        let all = true;
        const counting = opts.stats === true;
        const out = lineBuffer();
        try {
          for await (const batch of fromFileStream(opts.file, batches)) {
            for (const s of batch) {
              const ok = language.accepts(s);
              all &&= ok;
              if (counting) stats.bytes += Buffer.byteLength(s) + 1;
              if (out.add(opts.json ? JSON.stringify({ input: s, accept: ok }) : `${ok ? 'accept' : 'reject'}\t${s}`))
                await out.flush();
            }
            stats.strings += batch.length;
            // Answers go out as each chunk of input is read (a pipe from `tail -f` is answered as it flows).
            await out.flush();
          }
        } finally {
          await out.flush();
        }
        code = all ? EXIT.yes : EXIT.no;
      }
      if (opts.stats) reportStats(stats, compileStart, started, language.engine);
      return code;
    }),
  );
}

function modeOf(opts: CheckOptions): Mode {
  if (opts.verify && opts.embedding !== undefined)
    throw new WordflowError('usage', '--verify already uses every embedding; drop --embedding');
  if (opts.verify) return { kind: 'verify' };
  if (opts.embedding !== undefined) return { kind: 'embedding', name: embeddingName(opts.embedding) };
  return { kind: 'dfa' };
}

function checkReadable(path: string): void {
  let directory: boolean;
  try {
    directory = statSync(path).isDirectory();
  } catch (e) {
    throw fileError('read', path, e);
  }
  if (directory) throw fileError('read', path, Object.assign(new Error('EISDIR'), { code: 'EISDIR' }));
}

/** Runs a read of `path` (if any), turning system errors (EIO, …) into plain-words usage errors. */
async function fromFile<T>(path: string | undefined, read: () => Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    throw path === undefined || e instanceof WordflowError || (e as NodeJS.ErrnoException).code === undefined
      ? e
      : fileError('read', path, e);
  }
}

/** The batches of a file's records, its system errors turned into usage errors (see `fromFile`). */
async function* fromFileStream<T>(
  path: string | undefined,
  batches: AsyncIterable<T> | Iterable<T>,
): AsyncGenerator<T> {
  try {
    yield* batches;
  } catch (e) {
    throw path === undefined || e instanceof WordflowError || (e as NodeJS.ErrnoException).code === undefined
      ? e
      : fileError('read', path, e);
  }
}

function reportStats(
  stats: { bytes: number; strings: number },
  compileStart: bigint,
  started: bigint,
  engine: string,
): void {
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const compileMs = Number(started - compileStart) / 1e6;
  const mbps = stats.bytes / 1e6 / Math.max(seconds, 1e-9);
  process.stderr.write(
    `wordflow: ${stats.bytes.toLocaleString('en-US')} bytes, ${stats.strings.toLocaleString('en-US')} string${stats.strings === 1 ? '' : 's'}, ` +
      `${(seconds * 1000).toFixed(1)} ms, ${mbps.toFixed(1)} MB/s (${engine}; compiled in ${compileMs.toFixed(1)} ms)\n`,
  );
}

/** Where a language comes from: a pattern (read in `syntax`) or an automaton file. */
interface Source {
  readonly pattern?: string;
  readonly fa?: string;
  readonly syntax: Syntax;
}

/**
 * The language of a pattern or automaton file, deciding by `mode`. When the
 * full DFA of a pattern would exceed --max-states, membership is still
 * decided by a lazy DFA (same subset step, bounded cache); embeddings need
 * the full DFA, so they still stop at the limit.
 */
function load(source: Source, limitOverrides: Partial<Limits>, mode: Mode): Language {
  const lang = loadLanguageOrLazy(source, {
    limits: limitOverrides,
    syntax: source.syntax,
    lazyFallback: mode.kind === 'dfa',
  });
  if (lang.engine === 'lazy') return lazyLanguage(lang.lazy);
  const { dfa } = lang;
  switch (mode.kind) {
    case 'dfa':
      return matcherLanguage(dfa);
    case 'embedding':
      return embeddingLanguage(dfa, mode.name);
    case 'verify':
      return verifyingLanguage(dfa);
  }
}

/**
 * Code units a check reads by walking the DFA before it compiles the matcher.
 * Compiling (the UTF-16 unit automata and their pair table) costs about what
 * the walk needs for this many units, and most scripted calls (`check P s`)
 * read a few dozen: they answer without paying for it.
 */
const WALK_UNITS = 1 << 14;

/**
 * The compiled matcher, compiled when the input has earned it: strings are
 * decided by walking the DFA (the same verdicts, property-tested) until they
 * have added up to `WALK_UNITS`; whole inputs and files compile at once.
 */
function matcherLanguage(dfa: CompleteDfa): Language {
  let matcher: Matcher | undefined;
  let walked = 0;
  const compiled = (): Matcher => (matcher ??= compileMatcher(dfa));
  return {
    get engine() {
      return matcher === undefined ? 'DFA walk (short input)' : 'compiled matcher';
    },
    accepts: (s) => {
      if (matcher === undefined && (walked += s.length) <= WALK_UNITS) return accepts(dfa, s);
      return compiled().accepts(s);
    },
    whole: () => compiled().scanner(),
    // Worker threads load only for a whole file: a line-by-line check starts without them.
    file: async (path) => (await (await import('../../parallel/index.js')).acceptsFile(compiled(), path)).accept,
  };
}

/** A scan that decodes UTF-8 (never splitting a code point) and feeds strings. */
function decodingScan(feed: (s: string) => void, isDead: () => boolean, verdict: () => boolean): WholeScan {
  const decoder = new StringDecoder('utf8');
  return {
    push: (chunk) => feed(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength))),
    get dead() {
      return isDead();
    },
    accepts() {
      feed(decoder.end());
      return verdict();
    },
  };
}

function lazyLanguage(lazy: LazyDfa): Language {
  return {
    get engine() {
      return `lazy DFA, ${lazy.flushes} cache flush${lazy.flushes === 1 ? '' : 'es'}`;
    },
    accepts: (s) => lazy.accepts(s),
    whole() {
      const run = lazy.start();
      return decodingScan(
        (s) => run.push(s),
        () => run.dead,
        () => run.accepts(),
      );
    },
  };
}

function embeddingLanguage(dfa: CompleteDfa, name: EmbeddingName): Language {
  const v = cachedVocabulary(dfa, name);
  return {
    engine: `embedding ${name}`,
    accepts: (s) => acceptsBy(v, s),
    whole() {
      let x = v.start;
      return decodingScan(
        (s) => {
          if (s.length > 0) x = v.run(sentence(dfa, s), x);
        },
        () => false,
        () => v.inTarget(x),
      );
    },
  };
}

function disagreement(names: readonly string[], accept: boolean, what: string): WordflowError {
  return new WordflowError(
    'internal',
    `embedding${names.length === 1 ? '' : 's'} ${names.join(', ')} disagree${names.length === 1 ? 's' : ''} with the DFA (which says ${accept ? 'accept' : 'reject'}) on ${what}`,
  );
}

/** `--verify`: the compiled matcher, the DFA walk and every registered embedding, any disagreement an error. */
export function verifyingLanguage(dfa: CompleteDfa): Language {
  const m = compileMatcher(dfa);
  // Every registered embedding, so a new one is verified without an edit here.
  const names = EMBEDDING_NAMES;
  return {
    engine: 'DFA and every embedding',
    accepts(s) {
      const r = verifyAll(dfa, s);
      const fast = m.accepts(s);
      if (fast !== r.accept)
        throw new WordflowError('internal', `the compiled matcher disagrees with the DFA walk on ${JSON.stringify(s)}`);
      if (r.disagreements.length > 0) throw disagreement(r.disagreements, r.accept, JSON.stringify(s));
      return r.accept;
    },
    whole() {
      const scan = m.scanner();
      const vs = names.map((n) => cachedVocabulary(dfa, n));
      const points = vs.map((v) => v.start);
      const inner = decodingScan(
        (s) => {
          if (s.length === 0) return;
          const words = sentence(dfa, s);
          vs.forEach((v, i) => (points[i] = v.run(words, points[i])));
        },
        () => false,
        () => true,
      );
      return {
        push(chunk) {
          scan.push(chunk);
          inner.push(chunk);
        },
        dead: false,
        accepts() {
          inner.accepts();
          const accept = scan.accepts();
          const wrong = names.filter((_, i) => vs[i]!.inTarget(points[i]!) !== accept);
          if (wrong.length > 0) throw disagreement(wrong, accept, 'the input');
          return accept;
        },
      };
    },
  };
}

async function checkWhole(language: Language, file: string | undefined, stats: { bytes: number }): Promise<boolean> {
  if (file !== undefined && language.file !== undefined) {
    stats.bytes = statSync(file).size;
    return language.file(file);
  }
  const stream: Readable = file !== undefined ? createReadStream(file, { highWaterMark: 1 << 20 }) : process.stdin;
  const scan = language.whole();
  for await (const chunk of stream) {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : (chunk as Buffer);
    stats.bytes += bytes.length;
    if (!scan.dead) scan.push(bytes);
  }
  return scan.accepts();
}

/**
 * Compiled languages by source, least recently used dropped first, so long
 * streams over a working set of patterns are fast. A compiled matcher holds
 * about 0.3 MB of tables (a code-unit table for the whole BMP among them),
 * so 256 of them stay under 100 MB.
 */
class LanguageCache {
  private readonly map = new Map<string, Language | WordflowError>();
  constructor(
    private readonly limits: Partial<Limits>,
    private readonly mode: Mode,
    private readonly capacity = 256,
  ) {}

  get(source: Source): Language {
    const key = source.fa !== undefined ? 'f' + source.fa : (source.syntax === 'ecma' ? 'e' : 'p') + source.pattern;
    let hit = this.map.get(key);
    if (hit !== undefined) {
      // Most recently used last: Map keeps insertion order.
      this.map.delete(key);
      this.map.set(key, hit);
    } else {
      try {
        hit = load(source, this.limits, this.mode);
      } catch (e) {
        hit = asWordflowError(e);
      }
      if (this.map.size >= this.capacity) this.map.delete(this.map.keys().next().value!);
      this.map.set(key, hit);
    }
    if (hit instanceof WordflowError) throw hit;
    return hit;
  }
}

async function checkJsonl(extra: string[], limits: Partial<Limits>, mode: Mode, syntax: Syntax): Promise<number> {
  if (extra.length > 0)
    throw new WordflowError(
      'usage',
      '--jsonl reads patterns and inputs from stdin; give no PATTERN or STRING arguments',
    );
  const cache = new LanguageCache(limits, mode);
  let code: number = EXIT.yes;
  // A counter on the terminal while the answers go to a pipe or file (never mixed into them).
  const bar = progressIndicator(process.stdout.isTTY === true ? { write: () => true } : process.stderr, {
    label: 'checking',
    unit: 'lines',
  });
  let lines = 0;
  const answers = lineBuffer();
  try {
    for await (const batch of recordBatches(process.stdin, '\n')) {
      for (const line of batch) {
        bar.update(++lines);
        // Every input line gets its answer, an empty one too, with its number: one line out per line in.
        let out: object;
        try {
          const { source, input } = parseJsonlLine(line, syntax);
          const ok = cache.get(source).accepts(input);
          if (!ok && code === EXIT.yes) code = EXIT.no;
          out = { accept: ok, line: lines };
        } catch (e) {
          const err = asWordflowError(e);
          // A disagreement under --verify is not one bad line: it fails the run loudly.
          if (err.kind === 'internal' && mode.kind === 'verify') throw err;
          code = EXIT.error;
          out = { error: errorLine(err), line: lines };
        }
        if (answers.add(JSON.stringify(out))) await answers.flush();
      }
      // Answered as each chunk of input is read, as in line mode.
      await answers.flush();
    }
  } finally {
    bar.finish();
    // The answers before a failure too.
    await answers.flush();
  }
  return code;
}

/** One `--jsonl` line; its `"syntax"` field, when present, overrides `--syntax` for that line. */
function parseJsonlLine(line: string, defaultSyntax: Syntax): { source: Source; input: string } {
  if (line.trim() === '') throw new WordflowError('usage', 'an empty line, where a JSON object was expected');
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch {
    throw new WordflowError('usage', 'not a JSON line');
  }
  if (typeof value !== 'object' || value === null) throw new WordflowError('usage', 'expected a JSON object');
  const v = value as Record<string, unknown>;
  if (typeof v.input !== 'string') throw new WordflowError('usage', 'missing string field "input"');
  if (v.syntax !== undefined && typeof v.syntax !== 'string') {
    throw new WordflowError('usage', 'field "syntax" must be a string');
  }
  const syntax = v.syntax === undefined ? defaultSyntax : syntaxName(v.syntax);
  if (typeof v.pattern === 'string') return { source: { pattern: v.pattern, syntax }, input: v.input };
  if (typeof v.fa === 'string') return { source: { fa: v.fa, syntax }, input: v.input };
  throw new WordflowError('usage', 'missing string field "pattern" or "fa"');
}
