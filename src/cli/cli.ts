/**
 * The entry of the full build of the program (dist/cli/cli.js and its
 * chunks, every command loaded on demand): what `main.ts` runs for every
 * command line the start-up bundle of `check` does not take.
 */
import { run } from './program.js';

await run(process.argv);
