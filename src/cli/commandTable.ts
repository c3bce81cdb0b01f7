/**
 * Every command of `wordflow`, one line each: its name, how `--help` lists
 * it, its one-line description, and the module that registers it. Only the
 * module of the command being run is loaded (`main.ts`); the others are listed
 * from this table, so a membership test does not pay for loading the drawing,
 * vocabulary and benchmark code of the other commands. This file imports
 * nothing heavy: it is on every command's start-up path.
 *
 * A new command is one more line here (plus its module, whose `register`
 * takes its description from `descriptionOf`). `test/cli/commandTable.test.ts`
 * checks each line against what its module registers.
 */
import type { Command } from 'commander';
import { LIMIT_FLAGS, LIVE_LIMITS, type Limits } from '../limits.js';
import { namedCommand } from './commandLine.js';

/** A command module: registers its command(s) on the program. */
export interface CommandModule {
  register(program: Command): void;
}

/** One command as listed before its module is loaded. */
export interface CommandEntry {
  readonly name: string;
  /** Arguments as commander shows them after the name in the command list (`[options] [pattern]`). */
  readonly usage: string;
  readonly description: string;
  /** The module that registers this command; commands sharing a module share this function. */
  readonly load: () => Promise<CommandModule>;
}

const members = (): Promise<CommandModule> => import('./commands/members.js');

/** In the order `--help` lists them. The first is the default command (run when no command is named). */
export const COMMANDS: readonly CommandEntry[] = [
  {
    name: 'play',
    usage: '[options] [pattern]',
    description:
      `the terminal playground (needs a terminal). Live typing uses smaller budgets ` +
      `(${Object.entries(LIVE_LIMITS)
        .map(([key, value]) => `${LIMIT_FLAGS[key as keyof Limits]} ${value}`)
        .join(', ')}); the flags raise them`,
    load: () => import('./commands/play.js'),
  },
  {
    name: 'check',
    usage: '[options] [pattern] [strings...]',
    description: 'membership: prints accept<TAB>string or reject<TAB>string per string',
    load: () => import('./commands/check.js'),
  },
  {
    name: 'dfa',
    usage: '[options] [pattern]',
    description: "the minimal complete DFA: as a table, JSON, or a picture (DOT, SVG) with a string's run highlighted",
    load: () => import('./commands/dfa.js'),
  },
  {
    name: 'equiv',
    usage: '[options] [a] [b]',
    description: 'whether two languages are equal; if not, the shortest (then least) string in exactly one of them',
    load: () => import('./commands/equiv.js'),
  },
  {
    name: 'enum',
    usage: '[options] [pattern]',
    description: 'members in shortlex order (by length, then code point by code point)',
    load: members,
  },
  {
    name: 'count',
    usage: '[options] [pattern]',
    description: 'the exact number of members of a given length (arbitrary precision)',
    load: members,
  },
  {
    name: 'sample',
    usage: '[options] [pattern]',
    description: 'uniformly random members of a given length',
    load: members,
  },
  {
    name: 'regex',
    usage: '[options] [pattern]',
    description: 'an equivalent regular expression, by state elimination on the minimal DFA',
    load: () => import('./commands/regex.js'),
  },
  {
    name: 'compile',
    usage: '[options] [pattern]',
    description: 'the vocabulary of a language: one map per class (word), start point, regions, target',
    load: () => import('./commands/compile.js'),
  },
  {
    name: 'trace',
    usage: '[options] [pattern] [strings...]',
    description: 'read strings word by word: symbol, class, state, point and region after each step',
    load: () => import('./commands/trace.js'),
  },
  {
    name: 'certify',
    usage: '[options] [pattern]',
    description:
      'check the certificate of an embedding (regions disjoint, f_c(R_q) ⊆ R_δ(q,c), R_q ⊆ T iff q accepts); ' +
      'exit 0 iff it holds',
    load: () => import('./commands/certify.js'),
  },
  {
    name: 'monoid',
    usage: '[options] [pattern]',
    description:
      'the transition monoid: size, elements as shortest words, idempotents, identity and zero; aperiodic ' +
      '(star-free, with its k) or the group and period that stop it',
    load: () => import('./commands/monoid.js'),
  },
  {
    name: 'explain',
    usage: '[options] [pattern]',
    description:
      'the linguistic reading of a language: example sentences over its own letters, words ↔ maps (a flow2d word ' +
      'is spelled with primitive flows), sentences ↔ composed maps applied to x0, meaning ↔ landing region, why the ' +
      'certificate covers every length',
    load: () => import('./commands/explain.js'),
  },
  {
    name: 'matrix',
    usage: '[options] [matrix]',
    description:
      'a sentence over one finite set of d×d matrices whose product is within ε of MATRIX (JSON rows), error proved',
    load: () => import('./commands/matrix.js'),
  },
  {
    name: 'approx',
    usage: '[options] [exprs...]',
    description:
      "a sentence over the fixed 16-word vocabulary V* within --eps of a map of the plane (or a field's time-T map)",
    load: () => import('./commands/approx.js'),
  },
  {
    name: 'bench',
    usage: '[options]',
    description: 'the performance suite: wordflow vs V8 RegExp, re2js and refa, side by side',
    load: () => import('./commands/bench.js'),
  },
];

/** The table's description of a command, for its module's `.description(…)`. */
export function descriptionOf(name: string): string {
  const entry = COMMANDS.find((c) => c.name === name);
  if (entry === undefined) throw new Error(`internal: no command '${name}' in the command table`);
  return entry.description;
}

/**
 * The entry whose module a command line needs: the command named by the
 * first argument that is not an option (or the one after `help`), else the
 * default command, which commander runs when no known command is named.
 */
export function entryFor(args: readonly string[]): CommandEntry {
  const named = namedCommand(args);
  const first = COMMANDS[0];
  if (first === undefined) throw new Error('internal: the command table is empty');
  return COMMANDS.find((c) => c.name === named) ?? first;
}
