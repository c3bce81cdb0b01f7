/**
 * `wordflow trace PATTERN STRING… --embedding E`: each step of reading a
 * string word by word — symbol, class, state, point, region. With no
 * STRING, one per line on stdin. Exit 0 when every string is accepted, 1
 * when some is rejected.
 */
import type { Command } from 'commander';
import { formatTrace, trace } from '../../vocabulary/index.js';
import { action, EXIT, intOption, splitPatternArgs, withFa, withLimits, writeLine } from '../common.js';
import { records } from '../input.js';
import { type EmbeddingOptions, loadVocabulary, withEmbedding } from './compile.js';

interface TraceOptions extends EmbeddingOptions {
  samples?: string;
  null?: boolean;
}

/** Adds the `trace` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('trace')
    .description('read strings word by word: symbol, class, state, point and region after each step')
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .argument('[strings...]', 'strings to trace; none = one per line on stdin')
    .option('--json', 'one JSON value per string (flow2d: with continuous-time samples along every primitive flow)')
    .option('--samples <n>', 'flow2d --json: samples per primitive-flow run (0 = none)', '4')
    .option('--null', 'stdin strings are NUL-separated instead of one per line');
  withEmbedding(cmd);
  withFa(cmd);
  withLimits(cmd);
  cmd.addHelpText(
    'after',
    `
Exit status: 0 when every string is accepted, 1 when some string is rejected.
Examples:
  $ wordflow trace '(a|b)*abb' abb
  $ wordflow trace '(aa)*' aaa --embedding onehot
  $ wordflow trace 'ab*' abb --json --samples 8     # flow2d path in continuous time`,
  );
  cmd.action(
    action(async (pattern: string | undefined, rest: string[], opts: TraceOptions) => {
      const args = splitPatternArgs(pattern, rest, opts.fa);
      const { v } = loadVocabulary(args.pattern, opts);
      const samples = intOption(opts.samples ?? '4', '--samples');
      const inputs: AsyncIterable<string> | Iterable<string> = args.strings.length > 0 ? args.strings : records(process.stdin, opts.null ? '\0' : '\n');
      let all = true;
      let first = true;
      for await (const s of inputs) {
        const t = trace(v, s, { samplesPerFlow: opts.json ? samples : 0 });
        all &&= t.accept;
        if (opts.json) await writeLine(JSON.stringify(t));
        else {
          await writeLine((first ? '' : '\n') + formatTrace(t));
          first = false;
        }
      }
      return all ? EXIT.yes : EXIT.no;
    }),
  );
}
