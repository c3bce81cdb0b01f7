/**
 * The entry of the start-up bundle (dist/cli/check.cjs, see codeCache.ts):
 * the program with the `check` command only. The build leaves every other
 * command's module out of this bundle; a command line that needs one gets
 * `false` from `run`, and `main.ts` hands it to the full build.
 */
import { run as runProgram } from './program.js';

/** Runs `argv` if it is a `check` command line; false, with nothing run, if it needs another command. */
export function run(argv: readonly string[]): Promise<boolean> {
  return runProgram(argv, (entry) => entry.name === 'check');
}
