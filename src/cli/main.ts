#!/usr/bin/env node
/**
 * The `wordflow` command. Each command lives in `commands/<name>.ts` and
 * registers itself; this file only wires them and maps commander's own
 * errors (unknown options, missing arguments) to exit code 2.
 */
import { Command, CommanderError } from 'commander';
import { createRequire } from 'node:module';
import { register as check } from './commands/check.js';
import { register as bench } from './commands/bench.js';
import { register as dfa } from './commands/dfa.js';
import { register as equiv } from './commands/equiv.js';
import { register as members } from './commands/members.js';
import { register as regex } from './commands/regex.js';
import { register as play } from './commands/play.js';
import { register as compile } from './commands/compile.js';
import { register as trace } from './commands/trace.js';
import { register as certify } from './commands/certify.js';
import { register as monoid } from './commands/monoid.js';
import { register as explain } from './commands/explain.js';
import { register as matrix } from './commands/matrix.js';
import { EXIT, reportError } from './common.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

export function program(): Command {
  const p = new Command('wordflow')
    .description('regular languages read as vocabularies of maps: expression → minimal DFA → compositions of words')
    .version(version)
    .exitOverride()
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({ sortSubcommands: false });
  for (const register of [play, check, dfa, equiv, members, regex, compile, trace, certify, monoid, explain, matrix, bench]) register(p);
  for (const cmd of p.commands) cmd.exitOverride();
  p.addHelpText(
    'after',
    `
Examples:
  $ wordflow                                   # the playground, on a built-in example
  $ wordflow check '(a|b)*abb' abb ab          # accept abb, reject ab (exit 1)
  $ wordflow dfa '(a|b)*a(a|b){3}' --format json
  $ wordflow equiv '(a|b)*' '(a*b*)*'          # equal
  $ wordflow explain '(ab)*' --embedding flow2d
  $ wordflow help check                        # every command has examples

Exit codes: 0 yes / success, 1 a well-formed no, 2 bad input or a limit.`,
  );
  return p;
}

process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  // A closed pipe (`wordflow enum … | head`) is a normal way to stop reading.
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});

try {
  await program().parseAsync(process.argv);
} catch (e) {
  if (e instanceof CommanderError) {
    process.exitCode = e.exitCode === 0 ? 0 : EXIT.error;
  } else {
    reportError(e);
    process.exitCode = EXIT.error;
  }
}
