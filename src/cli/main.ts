#!/usr/bin/env node
/**
 * The `wordflow` command (the package's `bin`). A `check` command line runs
 * from the start-up bundle with its code cache (codeCache.ts), which starts
 * in about half the instructions of the full build; every other command line,
 * and `check` when there is no bundle (running from source), runs the full
 * build (cli.ts). Both run the same program (program.ts) from the same
 * sources. This file stays small: it is on every command's start-up path.
 */
import { namedCommand } from './commandLine.js';
import { compileBundle } from './codeCache.js';

const compiled =
  namedCommand(process.argv.slice(2)) === 'check' ? compileBundle(new URL('.', import.meta.url)) : undefined;
if (compiled === undefined || !(await compiled.start().run(process.argv))) await import('./cli.js');
