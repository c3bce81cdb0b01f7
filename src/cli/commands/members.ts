/** `enum`, `count` and `sample`: the members of a language by length. */
import { type Command, Option } from 'commander';
import { countMembers, enumerate, longestMemberLength } from '../../automata/count.js';
import { shortestMember } from '../../automata/ops.js';
import { sampleMembers } from '../../automata/sample.js';
import { limitError, WordflowError } from '../../errors.js';
import { limits as withDefaults } from '../../limits.js';
import {
  action,
  displayString,
  EXIT,
  intOption,
  limitsOf,
  lineBuffer,
  loadLanguage,
  syntaxOf,
  withFa,
  withLimits,
  withSyntax,
  writeLine,
} from '../common.js';
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
  withLimits(cmd, { also: ['maxEnumLength'] });
  return withSyntax(cmd);
}

export function register(program: Command): void {
  const en = common(
    program.command('enum').description(descriptionOf('enum')).option('--limit <n>', 'how many members to print', '20'),
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
      // When even the shortest member is too long, say so at once rather than
      // walk every length up to the limit first.
      const shortest = limit > 0 ? shortestMember(dfa) : null;
      if (shortest !== null && shortest.length > limits.maxEnumLength) {
        throw limitError('length of the shortest member', 'maxEnumLength', limits.maxEnumLength);
      }
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
      // Fewer members than asked for: either there are no more, or the next
      // ones are longer than the enumeration limit, which must be said.
      if (printed < limit && longestMemberLength(dfa) > limits.maxEnumLength) {
        throw limitError('length of the next member', 'maxEnumLength', limits.maxEnumLength);
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
  count.addHelpText(
    'after',
    `\nKeeps one layer of counts at a time; the work grows as states × length², bounded by\n--max-count-cells (states × length).\nExamples:\n  $ wordflow count '[01]*1[01]{2}' --length 10\n  $ wordflow count '[a-z]+' --length 30`,
  );
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
      .option('--limit <k>', 'how many members (default 1)')
      // The old spelling, kept so scripts keep working; --limit is the name every command shares.
      .addOption(new Option('--n <k>', 'same as --limit').hideHelp()),
  );
  sample.addHelpText(
    'after',
    `\nRecomputes layers of counts from checkpoints (memory of about 3∛length layers); the\nwork, about four times that of count, is bounded by --max-count-cells (4 × states × length).\nExamples:\n  $ wordflow sample '[a-z]+@[a-z]+\\.com' --length 12 --limit 3 --seed 7`,
  );
  sample.action(
    action(async (pattern: string | undefined, opts: MemberOptions) => {
      const limits = withDefaults(limitsOf(opts));
      const length = intOption(opts.length!, '--length');
      if (opts.limit !== undefined && opts.n !== undefined)
        throw new WordflowError('usage', 'give --limit or its old spelling --n, not both');
      const n = opts.limit !== undefined ? intOption(opts.limit, '--limit') : intOption(opts.n ?? '1', '--n');
      // Zero members asked for: nothing to print and nothing to deny.
      if (n === 0) return EXIT.yes;
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
  // Decimal digits only, as for every integer option: '' and '0x10' are refused.
  const n = /^-?[0-9]+$/.test(text) ? Number(text) : NaN;
  if (Number.isSafeInteger(n)) return n >>> 0;
  throw new WordflowError('usage', `--seed needs an integer, got '${text}'`);
}
