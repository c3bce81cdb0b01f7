/**
 * The start-up bundle of `wordflow check` (dist/cli/check.cjs, built by
 * scripts/bundle.mjs) run with V8's code cache. A scripted membership test is
 * mostly start-up, and most of start-up was V8 compiling the code `check`
 * runs (commander, chevrotain and wordflow's own, about 330 KB); Node 20 has
 * no compile cache for modules, so the bundle is a classic script compiled
 * through `vm.Script`, given the cache the build wrote after a warm-up run
 * (`writeCodeCache`), which holds the bytecode of every function that run
 * compiled. The bundle is wordflow's own build output, never user input.
 *
 * A cache V8 rejects (another Node or V8 version, other V8 flags) is ignored
 * and the bundle compiles from source, as it does without a cache file. V8
 * checks a cache only against the source's length, so the build names itself
 * in the bundle's first line and the cache starts with the same line: a cache
 * of another build is not offered to V8 at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { Script } from 'node:vm';

/** The bundle and its cache, in the directory of the built CLI. */
export const BUNDLE_FILE = 'check.cjs';
export const CACHE_FILE = 'check.cache';

/** What the bundle exports: the program for the command lines it holds (false for the others, nothing run). */
export interface CheckBundle {
  run(argv: readonly string[]): Promise<boolean>;
}

/** A compiled bundle; `cacheUsed` says whether V8 took the cache. */
export interface CompiledBundle {
  readonly script: Script;
  readonly cacheUsed: boolean;
  /** Runs the bundle's top level and returns its exports. */
  start(): CheckBundle;
}

// CommonJS's module wrapper, plus the bundle's own URL, which stands for `import.meta.url` in it.
const WRAPPER_START = '(function (exports, require, module, __filename, __dirname, __wordflowUrl) {\n';
const WRAPPER_END = '\n})';

function firstLine(bytes: Uint8Array): string | undefined {
  const end = bytes.indexOf(0x0a);
  return end < 0 ? undefined : Buffer.from(bytes.buffer, bytes.byteOffset, end).toString('latin1');
}

/** The V8 data of a cache file if it belongs to the build whose first line is `buildLine`. */
function cacheData(file: Uint8Array | undefined, buildLine: string | undefined): Buffer | undefined {
  if (file === undefined || buildLine === undefined || !buildLine.startsWith('// ')) return undefined;
  if (firstLine(file) !== buildLine) return undefined;
  return Buffer.from(file.buffer, file.byteOffset + buildLine.length + 1, file.byteLength - buildLine.length - 1);
}

function readOrUndefined(path: URL): Buffer | undefined {
  try {
    return readFileSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Compiles the bundle in `dir` (a directory URL), with its cache unless
 * `withCache` is false; undefined when there is no bundle (running from
 * source, or a build without one).
 */
export function compileBundle(dir: URL, withCache = true): CompiledBundle | undefined {
  const url = new URL(BUNDLE_FILE, dir);
  const bytes = readOrUndefined(url);
  if (bytes === undefined) return undefined;
  const filename = fileURLToPath(url);
  const cachedData = withCache ? cacheData(readOrUndefined(new URL(CACHE_FILE, dir)), firstLine(bytes)) : undefined;
  const script = new Script(WRAPPER_START + bytes.toString('utf8') + WRAPPER_END, {
    filename,
    lineOffset: -1,
    ...(cachedData === undefined ? {} : { cachedData }),
  });
  return {
    script,
    cacheUsed: cachedData !== undefined && !script.cachedDataRejected,
    start(): CheckBundle {
      const module = { exports: {} as CheckBundle };
      const wrapped = script.runInThisContext() as (...args: unknown[]) => void;
      wrapped(module.exports, createRequire(url), module, filename, fileURLToPath(dir), url.href);
      return module.exports;
    },
  };
}

/**
 * Writes the cache of the bundle in `dir` after running it on `args` (a
 * warm-up, so that the cache holds the functions `check` runs and not only the
 * bundle's top level). Run by the build in a process of its own: the warm-up
 * prints and sets the exit code like any run.
 */
export async function writeCodeCache(dir: URL, args: readonly string[]): Promise<void> {
  const compiled = compileBundle(dir, false);
  if (compiled === undefined) throw new Error(`no ${BUNDLE_FILE} in ${fileURLToPath(dir)}`);
  const bundle = compiled.start();
  if (!(await bundle.run([process.execPath, fileURLToPath(new URL(BUNDLE_FILE, dir)), ...args]))) {
    throw new Error(`the warm-up command line ${args.join(' ')} is not one the bundle holds`);
  }
  const buildLine = firstLine(readFileSync(new URL(BUNDLE_FILE, dir)));
  if (buildLine === undefined) throw new Error(`${BUNDLE_FILE} has no first line naming its build`);
  writeFileSync(
    new URL(CACHE_FILE, dir),
    Buffer.concat([Buffer.from(buildLine + '\n', 'latin1'), compiled.script.createCachedData()]),
  );
}
