/** `wordflow equiv A B`: equal, or the shortest (then least) distinguishing string. */
import type { Command } from 'commander';
import { equivalence } from '../../automata/ops.js';
import { limits as withDefaults } from '../../limits.js';
import {
  action,
  displayString,
  EXIT,
  limitsOf,
  loadLanguage,
  syntaxOf,
  withLimits,
  withSyntax,
  writeLine,
} from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface EquivOptions {
  faA?: string;
  faB?: string;
  json?: boolean;
  [key: string]: unknown;
}

export function register(program: Command): void {
  const cmd = program
    .command('equiv')
    .description(descriptionOf('equiv'))
    .argument('[a]', 'the first expression (omit with --fa-a)')
    .argument('[b]', 'the second expression (omit with --fa-b)')
    .option('--fa-a <file>', 'read A from an automaton file')
    .option('--fa-b <file>', 'read B from an automaton file')
    .option('--json', 'print {"equal": bool, "witness": string|null, "in": "A"|"B"|null}');
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow equiv '(a|b)*' '(a*b*)*'        # equal; exit 0
  $ wordflow equiv 'a*' 'a+'                 # "" is in A only; exit 1
  $ wordflow equiv --fa-a grammars/examples/parity.fa '(b*ab*a)*b*'`,
  );
  cmd.action(
    action(async (x: string | undefined, y: string | undefined, opts: EquivOptions) => {
      const limits = limitsOf(opts);
      const args = [x, y].filter((v): v is string => v !== undefined);
      const a = loadLanguage(opts.faA !== undefined ? { fa: opts.faA } : { pattern: args.shift() }, {
        limits,
        syntax: syntaxOf(opts),
      });
      const b = loadLanguage(opts.faB !== undefined ? { fa: opts.faB } : { pattern: args.shift() }, {
        limits,
        syntax: syntaxOf(opts),
      });
      const result = equivalence(a, b, withDefaults(limits));
      if (opts.json) await writeLine(JSON.stringify(result));
      else if (result.equal) await writeLine('equal');
      else await writeLine(`not equal: ${displayString(result.witness!)} is in ${result.in} only`);
      return result.equal ? EXIT.yes : EXIT.no;
    }),
  );
}
