#!/usr/bin/env node
/**
 * The `wordflow` command (the package's `bin`, built both as dist/cli/main.cjs,
 * which the `bin` names because Node starts a CommonJS file without setting up
 * its ES module loader, and as dist/cli/main.js). A `check` command line runs
 * from the start-up bundle with its code cache (codeCache.ts), which starts in
 * about half the instructions of the full build; every other command line,
 * and `check` when there is no bundle (running from source), runs the full
 * build (cli.ts). Both run the same program (program.ts) from the same
 * sources. This file stays small: it is on every command's start-up path.
 */
import { namedCommand } from './commandLine.js';
import { compileBundle } from './codeCache.js';

const compiled =
  namedCommand(process.argv.slice(2)) === 'check' ? compileBundle(new URL('.', import.meta.url)) : undefined;
void (compiled === undefined ? Promise.resolve(false) : compiled.start().run(process.argv)).then(async (done) => {
  if (!done) await import('./cli.js');
});
