/** `wordflow regex --fa FILE`: an equivalent regular expression (state elimination). */
import type { Command } from 'commander';
import { regexOfDfa } from '../../automata/toRegex.js';
import { parseRegex } from '../../syntax/regex/parse.js';
import { printRegex, propertiesOf } from '../../syntax/regex/print.js';
import { limits as withDefaults } from '../../limits.js';
import { action, compileOptionsOf, EXIT, loadLanguage, withFa, withLimits, withSyntax, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';

export function register(program: Command): void {
  const cmd = program
    .command('regex')
    .description(descriptionOf('regex'))
    .argument('[pattern]', 'an expression to simplify (or use --fa)')
    .option('--json', 'print {"regex": string}');
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
The expression can grow exponentially with the number of states; past
--max-regex-size nodes it stops with exit 2 instead of running on.
Examples:
  $ wordflow regex --fa grammars/examples/parity.fa
  $ wordflow regex '~(.*aa.*)&[ab]*'`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: { fa?: string; json?: boolean; [k: string]: unknown }) => {
      const options = compileOptionsOf(opts);
      const dfa = loadLanguage({ pattern, fa: opts.fa }, options);
      // Property escapes of the pattern (\p{Lu}, …) print as written wherever a class equals one.
      const properties =
        pattern === undefined || opts.fa !== undefined
          ? []
          : propertiesOf(parseRegex(pattern, withDefaults(options.limits), options.syntax));
      const text = printRegex(regexOfDfa(dfa, withDefaults(options.limits)), properties);
      await writeLine(opts.json ? JSON.stringify({ regex: text }) : text);
      return EXIT.yes;
    }),
  );
}
