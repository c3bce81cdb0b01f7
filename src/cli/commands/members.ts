/** `enum`, `count` and `sample`: the members of a language by length. */
import type { Command } from 'commander';
import { countMembers, enumerate } from '../../automata/count.js';
import { sampleMembers } from '../../automata/sample.js';
import { WordflowError } from '../../errors.js';
import { limits as withDefaults } from '../../limits.js';
import { action, displayString, EXIT, intOption, limitsOf, lineBuffer, loadLanguage, syntaxOf, withFa, withLimits, withSyntax, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface MemberOptions {
  fa?: string;
  json?: boolean;
  limit?: string;
  length?: string;
  seed?: string;
  n?: string;
  [key: string]: unknown;
}

function common(cmd: Command): Command {
  cmd.argument('[pattern]', 'the regular expression (omit with --fa)').option('--json', 'one JSON value per line');
  withFa(cmd);
  withLimits(cmd);
  return withSyntax(cmd);
}

export function register(program: Command): void {
  const en = common(
    program
      .command('enum')
      .description(descriptionOf('enum'))
      .option('--limit <n>', 'how many members to print', '20'),
  );
  en.addHelpText(
    'after',
    `
Members that are empty or contain spaces or control characters are printed JSON-quoted ("").
Examples:
  $ wordflow enum '(a|b)*abb' --limit 5
  $ wordflow enum 'colou?r'`,
  );
  en.action(
    action(async (pattern: string | undefined, opts: MemberOptions) => {
      const limits = withDefaults(limitsOf(opts));
      const limit = intOption(opts.limit ?? '20', '--limit');
      const dfa = loadLanguage({ pattern, fa: opts.fa }, { limits, syntax: syntaxOf(opts) });
      let printed = 0;
      const out = lineBuffer();
      try {
        if (limit > 0) {
          for (const s of enumerate(dfa, limits.maxEnumLength)) {
            if (out.add(opts.json ? JSON.stringify(s) : displayString(s))) await out.flush();
            if (++printed >= limit) break;
          }
        }
      } finally {
        await out.flush();
      }
      return printed > 0 || limit === 0 ? EXIT.yes : EXIT.no;
    }),
  );

  const count = common(
    program
      .command('count')
      .description(descriptionOf('count'))
      .requiredOption('--length <n>', 'the length, in code points'),
  );
  count.addHelpText('after', `\nExamples:\n  $ wordflow count '[01]*1[01]{2}' --length 10\n  $ wordflow count '[a-z]+' --length 30`);
  count.action(
    action(async (pattern: string | undefined, opts: MemberOptions) => {
      const limits = withDefaults(limitsOf(opts));
      const length = intOption(opts.length!, '--length');
      const dfa = loadLanguage({ pattern, fa: opts.fa }, { limits, syntax: syntaxOf(opts) });
      const n = countMembers(dfa, length, limits);
      await writeLine(opts.json ? JSON.stringify({ length, count: n.toString() }) : n.toString());
      return EXIT.yes;
    }),
  );

  const sample = common(
    program
      .command('sample')
      .description(descriptionOf('sample'))
      .requiredOption('--length <n>', 'the length, in code points')
      .option('--seed <s>', 'seed for a reproducible sample (default: random)')
      .option('--n <k>', 'how many members', '1'),
  );
  sample.addHelpText('after', `\nExamples:\n  $ wordflow sample '[a-z]+@[a-z]+\\.com' --length 12 --n 3 --seed 7`);
  sample.action(
    action(async (pattern: string | undefined, opts: MemberOptions) => {
      const limits = withDefaults(limitsOf(opts));
      const length = intOption(opts.length!, '--length');
      const n = intOption(opts.n ?? '1', '--n');
      const seed = opts.seed === undefined ? (Math.random() * 2 ** 32) >>> 0 : seedOf(opts.seed);
      const dfa = loadLanguage({ pattern, fa: opts.fa }, { limits, syntax: syntaxOf(opts) });
      const members = sampleMembers(dfa, length, n, seed, limits);
      const out = lineBuffer();
      for (const s of members) if (out.add(opts.json ? JSON.stringify(s) : displayString(s))) await out.flush();
      await out.flush();
      if (members.length === 0) {
        process.stderr.write(`wordflow: the language has no members of length ${length}\n`);
        return EXIT.no;
      }
      return EXIT.yes;
    }),
  );
}

function seedOf(text: string): number {
  const n = Number(text);
  if (Number.isInteger(n)) return n >>> 0;
  throw new WordflowError('usage', `--seed needs an integer, got '${text}'`);
}
