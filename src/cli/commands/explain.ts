/**
 * `wordflow explain PATTERN [--embedding E]`: the language read as a
 * vocabulary (Cai, ICML 2024): its words and maps, members and a near miss
 * over its own letters applied word by word to x0, the certificate's reach,
 * a legend, and the analogy table.
 */
import type { Command } from 'commander';
import { explain, renderExplanation } from '../../vocabulary/index.js';
import { action, compileOptionsOf, EXIT, loadLanguage, withFa, withLimits, withSyntax, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';
import { embeddingOf, type EmbeddingOptions, gainOf, withEmbedding } from './compile.js';

/** Adds the `explain` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('explain')
    .description(descriptionOf('explain'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option('--json', 'the reading as one JSON value');
  withEmbedding(cmd);
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow explain '(a|b)*abb'
  $ wordflow explain '(aa)*' --embedding onehot`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: EmbeddingOptions) => {
      const embedding = embeddingOf(opts);
      const gain = gainOf(opts);
      const dfa = loadLanguage({ pattern, fa: opts.fa }, compileOptionsOf(opts));
      const e = explain(dfa, embedding, gain === undefined ? {} : { sigmoid: { gain } });
      await writeLine(opts.json ? JSON.stringify(e) : renderExplanation(e));
      return EXIT.yes;
    }),
  );
}
