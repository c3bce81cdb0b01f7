/**
 * `wordflow certify PATTERN --embedding E`: checks the three region
 * conditions for the vocabulary and prints the margin. Exit 0 iff the
 * certificate holds.
 */
import type { Command } from 'commander';
import { certify, formatCertificate, minimalGain } from '../../vocabulary/index.js';
import { action, EXIT, withFa, withLimits, withSyntax, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';
import { type EmbeddingOptions, loadVocabulary, withEmbedding } from './compile.js';

/** Adds the `certify` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('certify')
    .description(descriptionOf('certify'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option('--json', '{"embedding", "holds", "margin", "states", "classes", …}');
  withEmbedding(cmd);
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
The margin is how far inside R_δ(q,c) the images f_c(R_q) stay (least over q, c).
For sigmoid it also reports the smallest certified gain and the Omlin–Giles bound.
Examples:
  $ wordflow certify '(a|b)*abb'
  $ wordflow certify '[0-9]+' --embedding sigmoid --json
  $ wordflow certify '(ab)*' --embedding sigmoid --gain 5     # too small: exit 1`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: EmbeddingOptions) => {
      const { v } = loadVocabulary(pattern, opts);
      const c = certify(v);
      const gain = v.embedding === 'sigmoid' ? { ...minimalGain(v.dfa), gain: v.params.gain, epsilon: v.params.epsilon } : null;
      if (opts.json) {
        const extra =
          gain === null
            ? {}
            : { gain: gain.gain, epsilon: gain.epsilon, minimalGain: gain.minimal, omlinGiles: gain.omlinGiles, omlinGilesWorstCase: gain.omlinGilesWorstCase };
        await writeLine(
          JSON.stringify({ embedding: c.embedding, holds: c.holds, margin: c.margin, states: c.states, classes: c.classes, method: c.method, ...extra, failures: c.failures }),
        );
      } else {
        await writeLine(formatCertificate(c));
        if (gain !== null) {
          await writeLine(
            `gain H = ${gain.gain}, ε = ${gain.epsilon}; smallest certified gain ${gain.minimal} (to 0.001); ` +
              `Omlin–Giles bound ${gain.omlinGiles} for in-degree r = ${gain.inDegree}, ${gain.omlinGilesWorstCase} for any ${v.dfa.states}-state DFA`,
          );
        }
      }
      return c.holds ? EXIT.yes : EXIT.no;
    }),
  );
}
