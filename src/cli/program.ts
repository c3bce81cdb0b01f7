/**
 * The `wordflow` program. Each command lives in `commands/<name>.ts` and
 * registers itself; `commandTable.ts` lists them. This file refuses a first
 * argument that is not a command (see suggest.ts), loads only the module of
 * the command being run, lists the others, and maps commander's own errors
 * (unknown options, missing arguments) to exit code 2. `main.ts` starts it,
 * from one of two builds (`cli.ts`, `checkBundle.ts`).
 */
import { Command, CommanderError, Help } from 'commander';
import { createRequire } from 'node:module';
import { COMMANDS, entryFor, type CommandEntry, type CommandModule } from './commandTable.js';
import { EXIT, reportError } from './common.js';
import { writeOut } from './stdout.js';
import { unknownCommandMessage } from './suggest.js';
import { WordflowError } from '../errors.js';

const { version } = createRequire(import.meta.url)('../../package.json') as { version: string };

/**
 * The program with `module` registered in full (the command being run) and
 * every other command of the table as a listing: name and description for
 * `--help`. Should commander dispatch to a listed command after all (a
 * command line `entryFor` read differently), its action names the entry to
 * load, and `main` parses again with that module.
 */
export function program(loaded: CommandEntry, module: CommandModule, redirect: (entry: CommandEntry) => void): Command {
  const usageOf = new Map(COMMANDS.map((c) => [c.name, `${c.name} ${c.usage}`]));
  const p = new Command('wordflow')
    .description('regular languages read as vocabularies of maps: expression → minimal DFA → compositions of words')
    .version(version)
    .exitOverride()
    // Help and version go where every command's output goes (stdout.ts: not through process.stdout's stream).
    .configureOutput({ writeOut: (text) => void writeOut(text) })
    .showHelpAfterError('(run with --help for usage)')
    .configureHelp({
      sortSubcommands: false,
      subcommandTerm(cmd: Command): string {
        return usageOf.get(cmd.name()) ?? Help.prototype.subcommandTerm.call(this, cmd);
      },
    });
  for (const entry of COMMANDS) {
    if (entry.load === loaded.load) {
      // A module registers all of its commands at once (enum, count and sample share one).
      if (!p.commands.some((c) => c.name() === entry.name)) module.register(p);
      continue;
    }
    p.command(entry.name, { isDefault: entry === COMMANDS[0] })
      .description(entry.description)
      .helpOption(false)
      .allowUnknownOption()
      .allowExcessArguments()
      .action(() => redirect(entry));
  }
  for (const cmd of p.commands) cmd.exitOverride();
  p.addHelpText(
    'after',
    `
Examples:
  $ wordflow                                   # the playground, on a built-in example
  $ wordflow play '(ab)*'                      # the playground on your pattern
  $ wordflow check '(a|b)*abb' abb ab          # accept abb, reject ab (exit 1)
  $ wordflow dfa '(a|b)*a(a|b){3}' --format json
  $ wordflow equiv '(a|b)*' '(a*b*)*'          # equal
  $ wordflow explain '(ab)*' --embedding flow2d
  $ wordflow help check                        # every command has examples

Exit codes: 0 yes / success, 1 a well-formed no, 2 bad input or a limit.`,
  );
  return p;
}

/** A command line the build running it does not hold the module for (see `run`). */
class NotInThisBuild extends Error {}

/**
 * Parses `argv` with the module of `entry` loaded; again with another module
 * if commander picks a listed command. Throws `NotInThisBuild` before any
 * command runs if the module needed is not one `holds` accepts.
 */
async function main(
  argv: readonly string[],
  entry: CommandEntry,
  holds: (entry: CommandEntry) => boolean,
): Promise<void> {
  if (!holds(entry)) throw new NotInThisBuild();
  let next: CommandEntry | undefined;
  await program(entry, await entry.load(), (e) => (next = e)).parseAsync(argv);
  if (next !== undefined && next.load !== entry.load) await main(argv, next, holds);
}

/**
 * Runs the command line `argv` (as `process.argv`) and sets the exit code.
 * `holds` says which commands' modules the build running this holds (the
 * start-up bundle of `check` holds only that one, see `checkBundle.ts`);
 * false when the command line needs another, with nothing run or printed,
 * so that the caller can hand it to the full build.
 */
export async function run(
  argv: readonly string[],
  holds: (entry: CommandEntry) => boolean = () => true,
): Promise<boolean> {
  try {
    const unknown = unknownCommandMessage(argv.slice(2), [...COMMANDS.map((c) => c.name), 'help']);
    if (unknown !== null) throw new WordflowError('usage', unknown);
    const entry = entryFor(argv.slice(2));
    if (!holds(entry)) return false;
    await main(argv, entry, holds);
  } catch (e) {
    if (e instanceof NotInThisBuild) return false;
    if (e instanceof CommanderError) {
      process.exitCode = e.exitCode === 0 ? 0 : EXIT.error;
    } else {
      reportError(e);
      process.exitCode = EXIT.error;
    }
  }
  return true;
}
