/** `wordflow dfa PATTERN`: the minimal DFA as a table, dot, json or svg. */
import type { Command } from 'commander';
import { WordflowError } from '../../errors.js';
import { dfaToJson } from '../../present/json.js';
import { dfaTable } from '../../present/table.js';
import { action, EXIT, limitsOf, loadLanguage, withFa, withLimits, writeLine } from '../common.js';

interface DfaOptions {
  fa?: string;
  format: string;
  minimize: boolean;
  json?: boolean;
  [key: string]: unknown;
}

export function register(program: Command): void {
  const cmd = program
    .command('dfa')
    .description('the minimal complete DFA: states, start, accepting states, one column per class')
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option('--format <format>', 'table, json, dot or svg', 'table')
    .option('--json', 'same as --format json')
    .option('--no-minimize', 'show the subset construction instead of the minimal DFA');
  withFa(cmd);
  withLimits(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow dfa '(a|b)*abb'
  $ wordflow dfa '(a|b)*a(a|b){3}' --format json
  $ wordflow dfa --fa grammars/examples/mult3.fa`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: DfaOptions) => {
      const format = opts.json ? 'json' : opts.format;
      const dfa = loadLanguage({ pattern, fa: opts.fa }, { limits: limitsOf(opts), minimize: opts.minimize });
      switch (format) {
        case 'table':
          await writeLine(dfaTable(dfa));
          break;
        case 'json':
          await writeLine(JSON.stringify(dfaToJson(dfa)));
          break;
        default:
          throw new WordflowError('usage', `unknown format '${format}': use table, json, dot or svg`);
      }
      return EXIT.yes;
    }),
  );
}
