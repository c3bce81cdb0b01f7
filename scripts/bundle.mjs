// Bundles the command-line program into dist/cli/ (run by `npm run build`
// after tsc, which builds the library in dist/; the bundle's main.js replaces
// tsc's dist/cli/main.js, so the `bin` path stays the same). Start-up is most of the time
// of a scripted call such as `wordflow check P s`: loading some hundred
// separate modules costs more than deciding membership, so the CLI ships as
// a few files, in three builds:
// - main.js, the entry (src/cli/main.ts): small, it only picks one of the two below;
// - check.cjs, the start-up bundle of `check`, a classic script run with V8's code cache (check.cache,
//   written after a warm-up run; see src/cli/codeCache.ts);
// - cli.js and its chunks, the full program for every other command. Code splitting keeps the lazy loading
//   of commands: the entry holds only the command table, and each command's code is in chunks loaded when
//   it runs.
// commander and chevrotain are bundled in; packages that only some commands need (Ink, React, Graphviz,
// the benchmark's competitors) stay outside and load from node_modules as before.
import { build } from 'esbuild';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// The code cache's warm-up, in a process of its own (started at the end of the build below): runs the start-up
// bundle of `check` on a string it accepts and one it rejects, then writes V8's cache of everything that compiled
// (see src/cli/codeCache.ts). The run prints and sets its exit code like any run; the cache is what counts.
if (process.argv[2] === '--write-code-cache') {
  const { writeCodeCache } = await import(pathToFileURL(join(root, 'dist', 'cli', 'codeCache.js')).href);
  await writeCodeCache(pathToFileURL(join(root, 'dist', 'cli') + '/'), ['check', '(a|b)*abb', 'aabb', 'ab']);
  process.exit(0);
}
const require = createRequire(join(root, 'package.json'));

// Every build is minified without esbuild's keepNames. Keeping names wraps each function expression in a call
// that redefines the new function's `name` (Object.defineProperty) every time the expression is evaluated, and
// the regex parser evaluates some 250 of them per pattern (chevrotain's `{ ALT: () => … }` alternatives, about
// 350 named functions per compile in all): warm compiles of the benchmark's 13 patterns took 0.20–0.23 ms
// (median) in the bundle against 0.065–0.078 ms without the renaming, as in the unbundled library. Nothing
// reads a function's or a class's name: WordflowError sets its own, chevrotain's token types carry theirs as data.
const MINIFY = { minify: true, keepNames: false };
// chevrotain's single-file build (its package entry loads lodash-es as ~600
// modules; src/syntax/chevrotain.ts explains). Not in the package's exports,
// hence the path.
const chevrotainBundle = join(dirname(require.resolve('chevrotain')), '..', 'chevrotain.mjs');

// The Unicode property table, next to the chunks that load it (by a path relative to their own).
const PROPERTY_TABLE = 'properties.cjs';

/**
 * The replacements in chevrotain's bundle (see the plugin below). Each is a `from` text of chevrotain 11.2.0 and
 * the `to` text that replaces it, with why.
 */
const CHEVROTAIN_PATCHES = [
  {
    // The first time any lexer is built, even one that never uses it, chevrotain fills a 65 536-entry table (a
    // character code's first-character bucket): 19 M instructions and an optimizing compile of the loop on every
    // start. The entries are arithmetic, so the bundled copy computes them instead; the same numbers.
    what: 'the character-code table',
    from: [
      'function charCodeToOptimizedIndex(charCode) {',
      '  return charCode < minOptimizationVal ? charCode : charCodeToOptimizedIdxMap[charCode];',
      '}',
      'function initCharCodeToOptimizedIndexMap() {',
      '  if (isEmpty_default(charCodeToOptimizedIdxMap)) {',
      '    charCodeToOptimizedIdxMap = new Array(65536);',
      '    for (let i = 0; i < 65536; i++) {',
      '      charCodeToOptimizedIdxMap[i] = i > 255 ? 255 + ~~(i / 255) : i;',
      '    }',
      '  }',
      '}',
    ].join('\n'),
    to: [
      'function charCodeToOptimizedIndex(charCode) {',
      '  return charCode < minOptimizationVal ? charCode : charCode < 65536 ? 255 + ~~(charCode / 255) : undefined;',
      '}',
      'function initCharCodeToOptimizedIndexMap() {}',
    ].join('\n'),
  },
  {
    // chevrotain copies some 200 methods of ten mixin classes onto its Parser class's prototype one by one, at
    // load. V8 gives an object with fast properties a new layout (map) per property added, copying its list of
    // properties each time: 0.7 MB of garbage on every start. Deleting a property that is not the last one added
    // turns the prototype into a dictionary first, where each addition costs the same small amount; V8 makes a
    // prototype fast again on its first use as one.
    what: 'the mixins of Parser',
    from: ['function applyMixins(derivedCtor, baseCtors) {', '  baseCtors.forEach((baseCtor) => {'].join('\n'),
    to: [
      'function applyMixins(derivedCtor, baseCtors) {',
      '  derivedCtor.prototype.__wordflowFirst = 0;',
      '  derivedCtor.prototype.__wordflowLast = 0;',
      '  delete derivedCtor.prototype.__wordflowFirst;',
      '  delete derivedCtor.prototype.__wordflowLast;',
      '  baseCtors.forEach((baseCtor) => {',
    ].join('\n'),
  },
  {
    // A parser's self-analysis made the parser object a prototype (the `toFastProperties` trick) and then, after
    // recording the grammar, deleted the 89 recording methods from it one by one; V8 rebuilds a prototype's
    // properties on every deletion: 0.75 MB of garbage and 4 ms when the regex parser is built. Made fast after the
    // deletions instead, the object ends with the same properties, in fast mode as before.
    what: 'the order of toFastProperties and the grammar recording',
    from: [
      '      this.TRACE_INIT("toFastProps", () => {',
      '        toFastProperties(this);',
      '      });',
      '      this.TRACE_INIT("Grammar Recording", () => {',
    ].join('\n'),
    to: '      this.TRACE_INIT("Grammar Recording", () => {',
  },
  {
    what: 'the grammar recording, followed by toFastProperties',
    from: ['        } finally {', '          this.disableRecording();', '        }', '      });'].join('\n'),
    to: [
      '        } finally {',
      '          this.disableRecording();',
      '        }',
      '      });',
      '      this.TRACE_INIT("toFastProps", () => {',
      '        toFastProperties(this);',
      '      });',
    ].join('\n'),
  },
];

/** Bundles commander and chevrotain; leaves every other package external. */
const packages = {
  name: 'wordflow-packages',
  setup(b) {
    // The loader module finds chevrotain's bundle at run time by path; bundled, it is a static import.
    const loader = join(root, 'src', 'syntax', 'chevrotain.js');
    b.onResolve({ filter: /[/\\]chevrotain\.js$/ }, (args) =>
      join(args.resolveDir, args.path) === loader ? { path: 'chevrotain-loader', namespace: 'wordflow' } : undefined,
    );
    b.onLoad({ filter: /^chevrotain-loader$/, namespace: 'wordflow' }, () => ({
      contents:
        'export { createToken, EmbeddedActionsParser, EOF, Lexer, tokenMatcher } from ' +
        `${JSON.stringify(chevrotainBundle)};`,
      resolveDir: root,
    }));
    // Three start-up costs of chevrotain, removed from the bundled copy by replacing its text (CHEVROTAIN_PATCHES;
    // the build fails if a text is not found exactly once, as with another chevrotain version). None changes what
    // chevrotain computes, only how V8 stores it; the CLI's end-to-end tests run the bundled copy.
    b.onLoad({ filter: /[/\\]chevrotain\.mjs$/ }, (args) => {
      let source = readFileSync(args.path, 'utf8');
      for (const patch of CHEVROTAIN_PATCHES) {
        const at = source.indexOf(patch.from);
        if (at < 0 || source.indexOf(patch.from, at + 1) >= 0)
          throw new Error(`${args.path}: the text of "${patch.what}" was not found once (another chevrotain?)`);
        source = source.replace(patch.from, patch.to);
      }
      return { contents: source, loader: 'js' };
    });
    // Should an import reach the loader module itself, chevrotain would load twice (two sets of token types).
    b.onLoad({ filter: /[/\\]src[/\\]syntax[/\\]chevrotain\.ts$/ }, (args) => {
      throw new Error(
        `${args.path} must be replaced by the static import (an import path the plugin did not recognise)`,
      );
    });
    // The Unicode property table loads on first use from its own file (see src/syntax/regex/propertyTable.ts).
    const table = join(root, 'src', 'syntax', 'regex', 'propertyTable.js');
    b.onResolve({ filter: /[/\\]propertyTable\.js$/ }, (args) =>
      join(args.resolveDir, args.path) === table ? { path: 'property-table', namespace: 'wordflow' } : undefined,
    );
    b.onLoad({ filter: /^property-table$/, namespace: 'wordflow' }, () => ({
      contents: [
        "import { createRequire } from 'node:module';",
        'let table;',
        `export function propertyTable() { return (table ??= createRequire(import.meta.url)('./${PROPERTY_TABLE}')); }`,
      ].join('\n'),
      resolveDir: root,
    }));
    b.onResolve({ filter: /^commander$/ }, () => ({ path: require.resolve('commander') }));
    // commander needs child_process only to run executable subcommands, which wordflow has none of; loading it
    // (with net, dgram and the stream machinery behind it) costs every start a few milliseconds.
    b.onResolve({ filter: /^node:child_process$/ }, (args) =>
      /[/\\]commander[/\\]/.test(args.importer) ? { path: 'lazy-child-process', namespace: 'wordflow' } : undefined,
    );
    b.onLoad({ filter: /^lazy-child-process$/, namespace: 'wordflow' }, () => ({
      contents: "exports.spawn = (...args) => require('node:child_process').spawn(...args);",
      loader: 'js',
    }));
    b.onResolve({ filter: /^[^./]/ }, (args) =>
      args.path.startsWith('node:') ? undefined : { path: args.path, external: true },
    );
  },
};

// Chunks are named by content hash: drop the previous build's, or they pile up. The code cache goes too: one
// written for another build of the bundle must not outlive it.
for (const name of readdirSync(join(root, 'dist', 'cli'))) {
  if (
    /^(chunk-\w+|main|cli|worker|approxWorker)\.js(\.map)?$|^(properties|check|main)\.cjs(\.map)?$|^check\.cache$/.test(
      name,
    )
  )
    rmSync(join(root, 'dist', 'cli', name));
}

// The entry: the full program stays outside it, loaded only by the command lines that need it. Built twice: as
// CommonJS for the `bin` (Node starts a CommonJS file without setting up its ES module loader, some 20 M
// instructions) and as an ES module at dist/cli/main.js, where the entry has always been.
const entry = {
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts' },
  outdir: 'dist/cli',
  bundle: true,
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  ...MINIFY,
  plugins: [
    {
      name: 'wordflow-entry',
      setup(b) {
        b.onResolve({ filter: /^\.\/cli\.js$/ }, (args) => ({ path: args.path, external: true }));
        b.onResolve({ filter: /^[^./]/ }, (args) => {
          if (args.path.startsWith('node:')) return undefined;
          throw new Error(`the entry must not import packages (${args.path} from ${args.importer})`);
        });
      },
    },
  ],
  logLevel: 'warning',
};
await build({ ...entry, format: 'esm' });
await build({
  ...entry,
  format: 'cjs',
  outExtension: { '.js': '.cjs' },
  define: { 'import.meta.url': '__wordflowEntryUrl' },
  banner: { js: "'use strict';\nconst __wordflowEntryUrl = require('node:url').pathToFileURL(__filename).href;" },
});
for (const file of ['main.js', 'main.cjs']) chmodSync(join(root, 'dist', 'cli', file), 0o755);

// The start-up bundle of `check`: the program with that command's module only (program.ts asks the full build
// for any other), as one classic script. Its first line names this build; the code cache carries the same line.
const stubbed = {
  name: 'wordflow-check-only',
  setup(b) {
    b.onResolve({ filter: /^\.\/commands\/\w+\.js$/ }, (args) =>
      args.path === './commands/check.js' ? undefined : { path: args.path, namespace: 'not-in-check-bundle' },
    );
    b.onLoad({ filter: /.*/, namespace: 'not-in-check-bundle' }, (args) => ({
      contents: `export function register() { throw new Error('internal: ${args.path} is not in the check bundle'); }`,
    }));
  },
};
await build({
  absWorkingDir: root,
  entryPoints: { check: 'src/cli/checkBundle.ts' },
  outdir: 'dist/cli',
  outExtension: { '.js': '.cjs' },
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  ...MINIFY,
  // src/cli/codeCache.ts passes the bundle's URL in this parameter of the function it wraps the bundle in.
  define: { 'import.meta.url': '__wordflowUrl' },
  banner: { js: `// wordflow check bundle, build ${randomUUID()}` },
  plugins: [stubbed, packages],
  logLevel: 'warning',
});
// A classic script run through vm.Script has no module loader for import(): the bundle must not need one.
if (/\bimport\s*\(/.test(readFileSync(join(root, 'dist', 'cli', 'check.cjs'), 'utf8')))
  throw new Error('dist/cli/check.cjs contains import(): a module it needs is outside the bundle');

await build({
  absWorkingDir: root,
  entryPoints: { cli: 'src/cli/cli.ts', worker: 'src/parallel/worker.ts', approxWorker: 'src/tui/approxWorker.ts' },
  // The workers sit next to the chunks: src/parallel/index.ts starts `./worker.js`, src/tui/approxRunner.ts
  // `./approxWorker.js`, each relative to its own (bundled) module.
  outdir: 'dist/cli',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  chunkNames: 'chunk-[hash]',
  sourcemap: 'linked',
  ...MINIFY,
  // commander is CommonJS: its require() calls of Node's modules need a require in ES module scope.
  banner: {
    js: [
      "import { createRequire as __wordflowRequire } from 'node:module';",
      'const require = __wordflowRequire(import.meta.url);',
    ].join('\n'),
  },
  plugins: [packages],
  logLevel: 'warning',
});

// The property table as CommonJS, so that a chunk can load it synchronously the first time a pattern needs it.
await build({
  absWorkingDir: root,
  entryPoints: ['src/syntax/regex/properties.ts'],
  outfile: join('dist', 'cli', PROPERTY_TABLE),
  bundle: true,
  format: 'cjs',
  platform: 'node',
  target: 'node20',
  sourcemap: 'linked',
  minify: true,
  logLevel: 'warning',
});

// The code cache, written by a warm-up run of the bundle in a process of its own, with the Node that built it
// (`npm install` builds, so it is the Node that runs it; any other ignores the cache, see src/cli/codeCache.ts).
const warmUp = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--write-code-cache'], {
  stdio: ['ignore', 'ignore', 'inherit'],
});
if (warmUp.status !== 0) throw new Error(`writing the code cache of dist/cli/check.cjs failed (exit ${warmUp.status})`);
