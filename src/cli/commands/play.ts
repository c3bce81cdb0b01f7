/** `wordflow` / `wordflow play [PATTERN]`: the terminal playground. */
import type { Command } from 'commander';
import { accepts } from '../../automata/dfa.js';
import { compileRegex } from '../../language.js';
import { dfaTable } from '../../present/table.js';
import { action, EXIT, writeLine } from '../common.js';

/** The built-in example the playground opens on. */
export const EXAMPLE = { pattern: '(a|b)*abb', strings: ['abb', 'babb', 'ab', 'abba'] } as const;

export function register(program: Command): void {
  program
    .command('play', { isDefault: true })
    .description('the terminal playground (needs a terminal)')
    .argument('[pattern]', 'the expression to open with', EXAMPLE.pattern)
    .action(
      action(async (pattern: string) => {
        const dfa = compileRegex(pattern);
        await writeLine(`wordflow: the language of ${pattern}\n\n${dfaTable(dfa)}\n`);
        for (const s of EXAMPLE.strings) await writeLine(`${accepts(dfa, s) ? 'accept' : 'reject'}\t${s}`);
        return EXIT.yes;
      }),
    );
}
