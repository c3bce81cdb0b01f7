/**
 * `wordflow certify PATTERN --embedding E`: checks the three region
 * conditions for the vocabulary and prints the margin. Exit 0 iff the
 * certificate holds.
 */
import type { Command } from 'commander';
import { certify, formatCertificate, minimalGain, soundness } from '../../vocabulary/index.js';
import { limitError } from '../../errors.js';
import { limits as withDefaults } from '../../limits.js';
import { action, EXIT, limitsOf, withFa, withLimits, withSyntax, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';
import { type EmbeddingOptions, loadVocabulary, withEmbedding } from './compile.js';

/** Adds the `certify` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('certify')
    .description(descriptionOf('certify'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option('--json', '{"embedding", "holds", "margin" (null when it fails), "states", "classes", "floatSound", …}');
  withEmbedding(cmd);
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
The margin is how far inside R_δ(q,c) the images f_c(R_q) stay (least over q, c); 0 means
an image touches its region's border (the certificate still holds); none when it fails.
Every certificate that holds covers sentences of every length (induction on the length);
the second line says whether evaluation in floating point is covered too, and why.
For sigmoid it also reports the smallest certified gain and the Omlin–Giles bound as
wordflow reconstructs it (their fixed-point conditions, not checked against the paper).
The flow2d certificate takes time growing as states² (8 193 states: about
20 s); past --max-flow-states (default 10000) it stops with exit 2.
Examples:
  $ wordflow certify '(a|b)*abb'
  $ wordflow certify '[0-9]+' --embedding sigmoid --json
  $ wordflow certify '(ab)*' --embedding sigmoid --gain 5     # too small: exit 1`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: EmbeddingOptions) => {
      const { v } = loadVocabulary(pattern, opts);
      const { maxFlowStates } = withDefaults(limitsOf(opts));
      if (v.embedding === 'flow2d' && v.dfa.states > maxFlowStates) {
        throw limitError(
          `flow2d certificate states (${v.dfa.states.toLocaleString('en-US')})`,
          'maxFlowStates',
          maxFlowStates,
        );
      }
      const c = certify(v);
      const sound = soundness(v, c);
      const gain =
        v.embedding === 'sigmoid' ? { ...minimalGain(v.dfa), gain: v.params.gain, epsilon: v.params.epsilon } : null;
      if (opts.json) {
        const extra =
          gain === null
            ? {}
            : {
                gain: gain.gain,
                epsilon: gain.epsilon,
                minimalGain: gain.minimal,
                omlinGiles: gain.omlinGiles,
                omlinGilesWorstCase: gain.omlinGilesWorstCase,
              };
        await writeLine(
          JSON.stringify({
            embedding: c.embedding,
            holds: c.holds,
            margin: c.holds ? c.margin : null,
            states: c.states,
            classes: c.classes,
            method: c.method,
            floatSound: sound.floatSound,
            ...(sound.roundingBound === null ? {} : { roundingBound: sound.roundingBound }),
            ...extra,
            failures: c.failures,
          }),
        );
      } else {
        await writeLine(formatCertificate(c));
        if (c.holds) await writeLine(`  every length: ${sound.everyLength}`);
        await writeLine(`  floating point: ${sound.floatSound ? 'covered' : 'not covered'} — ${sound.floats}`);
        if (gain !== null) {
          await writeLine(
            `gain H = ${gain.gain}, ε = ${gain.epsilon}; smallest certified gain ${gain.minimal} (to 0.001); ` +
              `Omlin–Giles bound (our reconstruction of their fixed-point conditions) ${gain.omlinGiles} for in-degree r = ${gain.inDegree}, ` +
              `${gain.omlinGilesWorstCase} for any ${v.dfa.states}-state DFA`,
          );
        }
      }
      return c.holds ? EXIT.yes : EXIT.no;
    }),
  );
}
