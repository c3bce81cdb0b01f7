/**
 * `wordflow compile PATTERN --embedding E`: the vocabulary — every word's
 * map with its real parameters, the start point, the regions and the
 * target. Also home of the `--embedding`/`--gain` flags that trace,
 * certify and explain share.
 */
import type { Command } from 'commander';
import type { CompleteDfa } from '../../automata/dfa.js';
import { WordflowError } from '../../errors.js';
import {
  embeddingName,
  type EmbeddingName,
  EMBEDDING_NAMES,
  formatVocabulary,
  vocabulary,
  type Vocabulary,
} from '../../vocabulary/index.js';
import {
  action,
  compileOptionsOf,
  emit,
  EXIT,
  loadLanguage,
  withFa,
  withLimits,
  withOutput,
  withProgress,
  withSyntax,
} from '../common.js';
import { descriptionOf } from '../commandTable.js';

/** Options of commands that build a vocabulary. */
export interface EmbeddingOptions {
  fa?: string;
  json?: boolean;
  embedding: string;
  gain?: string;
  [key: string]: unknown;
}

/** Adds `--embedding E` (default flow2d) and `--gain H` (sigmoid). */
export function withEmbedding(cmd: Command): Command {
  return cmd
    .option('--embedding <name>', `the embedding: ${EMBEDDING_NAMES.join(', ')}`, 'flow2d')
    .option('--gain <H>', 'sigmoid only: the gain H (default: the smallest certified gain plus 1, rounded up)');
}

/** The sigmoid gain flag as a number, or undefined. */
export function gainOf(opts: EmbeddingOptions): number | undefined {
  if (opts.gain === undefined) return undefined;
  // A decimal number only (Number() would take '' as 0 and '0x10' as 16).
  const h = /^\+?([0-9]+\.?[0-9]*|\.[0-9]+)([eE][+-]?[0-9]+)?$/.test(opts.gain) ? Number(opts.gain) : NaN;
  if (!(Number.isFinite(h) && h > 0))
    throw new WordflowError('usage', `--gain needs a positive number, got '${opts.gain}'`);
  return h;
}

/** The embedding named by the flags. */
export function embeddingOf(opts: EmbeddingOptions): EmbeddingName {
  const name = embeddingName(opts.embedding);
  if (opts.gain !== undefined && name !== 'sigmoid')
    throw new WordflowError('usage', `--gain applies to the sigmoid embedding only, not ${name}`);
  return name;
}

/** The language and its vocabulary as the flags ask. */
export function loadVocabulary(
  pattern: string | undefined,
  opts: EmbeddingOptions,
): { dfa: CompleteDfa; v: Vocabulary } {
  const embedding = embeddingOf(opts);
  const gain = gainOf(opts);
  const building = withProgress(compileOptionsOf(opts));
  let dfa: CompleteDfa;
  try {
    dfa = loadLanguage({ pattern, fa: opts.fa }, building.options);
  } finally {
    building.finish();
  }
  return { dfa, v: vocabulary(dfa, embedding, gain === undefined ? {} : { sigmoid: { gain } }) };
}

/** Adds the `compile` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('compile')
    .description(descriptionOf('compile'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option('--json', 'the vocabulary as one JSON value (schema: schemas/compile.schema.json)');
  withEmbedding(cmd);
  withOutput(cmd);
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow compile '(a|b)*abb'                       # flow2d: each word spelled with primitive flows
  $ wordflow compile '(aa)*' --embedding relu1d        # knots and the equivalent ReLU network
  $ wordflow compile 'ab*' --embedding sigmoid --gain 8 --json
  $ wordflow compile '[0-9]+' --embedding onehot --json --output digits.json`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: EmbeddingOptions) => {
      const { v } = loadVocabulary(pattern, opts);
      const json = v.describe();
      await emit(opts.json ? JSON.stringify(json) : formatVocabulary(json), opts.output as string | undefined);
      return EXIT.yes;
    }),
  );
}
