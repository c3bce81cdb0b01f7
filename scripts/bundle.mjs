// Bundles the command-line program into dist/cli/ (run by `npm run build`
// after tsc, which builds the library in dist/; the bundle's main.js replaces
// tsc's dist/cli/main.js, so the `bin` path stays the same). Start-up is most of the time
// of a scripted call such as `wordflow check P s`: loading some hundred
// separate modules costs more than deciding membership, so the CLI ships as
// a few files. Code splitting keeps the lazy loading of commands: the entry
// holds only the command table, and each command's code is in chunks loaded
// when it runs. commander and chevrotain are bundled in; packages that only
// some commands need (Ink, React, Graphviz, the benchmark's competitors)
// stay outside and load from node_modules as before.
import { build } from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(join(root, 'package.json'));
// chevrotain's single-file build (its package entry loads lodash-es as ~600
// modules; src/syntax/chevrotain.ts explains). Not in the package's exports,
// hence the path.
const chevrotainBundle = join(dirname(require.resolve('chevrotain')), '..', 'chevrotain.mjs');

// The Unicode property table, next to the chunks that load it (by a path relative to their own).
const PROPERTY_TABLE = 'properties.cjs';

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

// Chunks are named by content hash: drop the previous build's, or they pile up.
for (const name of readdirSync(join(root, 'dist', 'cli'))) {
  if (/^(chunk-\w+|main|worker|approxWorker)\.js(\.map)?$|^properties\.cjs(\.map)?$/.test(name))
    rmSync(join(root, 'dist', 'cli', name));
}

await build({
  absWorkingDir: root,
  entryPoints: { main: 'src/cli/main.ts', worker: 'src/parallel/worker.ts', approxWorker: 'src/tui/approxWorker.ts' },
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
  minify: true,
  keepNames: true,
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
