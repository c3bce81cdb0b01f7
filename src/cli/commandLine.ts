/**
 * Which command a command line names, read before anything is loaded: the
 * first argument that is not an option (or the one after `help`). Both the
 * command table and the start-up entry (`main.ts`, which must stay small)
 * read command lines this way.
 */

/** The name a command line gives its command, if any (it may name no command of the table). */
export function namedCommand(args: readonly string[]): string | undefined {
  const words = args.filter((a) => !a.startsWith('-'));
  return words[0] === 'help' ? words[1] : words[0];
}
