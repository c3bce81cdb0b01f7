/**
 * `wordflow trace PATTERN STRING… --embedding E`: each step of reading a
 * string word by word — symbol, class, state, point, region. With no
 * STRING, one per line on stdin. Exit 0 when every string is accepted, 1
 * when some is rejected. `--format svg` draws one string's trajectory.
 */
import type { Command } from 'commander';
import { limitError, WordflowError } from '../../errors.js';
import { limits as withDefaults } from '../../limits.js';
import { traceToSvg } from '../../present/traceSvg.js';
import { formatTrace, trace } from '../../vocabulary/index.js';
import {
  action,
  emit,
  EXIT,
  intOption,
  limitsOf,
  splitPatternArgs,
  withFa,
  withLimits,
  withOutput,
  withSyntax,
} from '../common.js';
import { descriptionOf } from '../commandTable.js';
import { records } from '../input.js';
import { type EmbeddingOptions, loadVocabulary, withEmbedding } from './compile.js';

interface TraceOptions extends EmbeddingOptions {
  samples?: string;
  null?: boolean;
  format?: string;
  output?: string;
}

/** Adds the `trace` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('trace')
    .description(descriptionOf('trace'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .argument('[strings...]', 'strings to trace; none = one per line on stdin')
    .option(
      '--format <format>',
      'text, json or svg (a picture of one string: flow2d path, relu1d cobweb, heat map)',
      'text',
    )
    .option(
      '--json',
      'same as --format json: one JSON value per string (flow2d: with continuous-time samples along every primitive flow)',
    )
    .option('--samples <n>', 'flow2d --json: samples per primitive-flow run (0 = none; at most --max-samples)', '4')
    .option('--null', 'stdin strings are NUL-separated instead of one per line');
  withEmbedding(cmd);
  withOutput(cmd);
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
Exit status: 0 when every string is accepted, 1 when some string is rejected.
Strings on stdin are lines; a CR just before each LF is dropped (CRLF reads as LF).
Examples:
  $ wordflow trace '(a|b)*abb' abb
  $ wordflow trace '(aa)*' aaa --embedding onehot
  $ wordflow trace 'ab*' abb --json --samples 8     # flow2d path in continuous time
  $ wordflow trace '(a|b)*abb' babb --format svg -o abb-flow2d.svg
  $ wordflow trace '(aa)*' aaaa --embedding relu1d --format svg -o cobweb.svg
  $ wordflow trace '(a|b)*abb' babb --embedding sigmoid --format svg -o heat.svg

Pictures (--format svg, one string): flow2d draws the state regions and the
path of the point through every primitive flow; relu1d the cobweb over the
graphs of the maps; onehot, sigmoid and transform a heat map of the state
vector over time.`,
  );
  cmd.action(
    action(async (pattern: string | undefined, rest: string[], opts: TraceOptions) => {
      const format = opts.json ? 'json' : (opts.format ?? 'text');
      if (!['text', 'json', 'svg'].includes(format))
        throw new WordflowError('usage', `unknown format '${format}': use text, json or svg`);
      const args = splitPatternArgs(pattern, rest, opts.fa);
      const { v } = loadVocabulary(args.pattern, opts);
      const samples = intOption(opts.samples ?? '4', '--samples');
      const { maxSamples } = withDefaults(limitsOf(opts));
      if (samples > maxSamples) throw limitError('samples per flow (--samples)', 'maxSamples', maxSamples);
      const inputs: AsyncIterable<string> | Iterable<string> =
        args.strings.length > 0 ? args.strings : records(process.stdin, opts.null ? '\0' : '\n');
      if (format === 'svg') {
        const strings: string[] = [];
        for await (const s of inputs) strings.push(s);
        if (strings.length !== 1)
          throw new WordflowError('usage', `--format svg draws one string; got ${strings.length}`);
        const t = trace(v, strings[0]!, { samplesPerFlow: 0 });
        await emit(traceToSvg(v, t, { title: opts.fa ?? args.pattern }), opts.output);
        return t.accept ? EXIT.yes : EXIT.no;
      }
      // To a file, everything is written at once at the end; to stdout, string by string.
      const toFile = opts.output !== undefined && opts.output !== '-';
      const collected: string[] = [];
      const out = async (text: string): Promise<void> => (toFile ? void collected.push(text) : emit(text, undefined));
      let all = true;
      let index = 0;
      // Several strings (or any number from stdin): each table is headed by the string it traces.
      const label = args.strings.length !== 1;
      for await (const s of inputs) {
        const t = trace(v, s, { samplesPerFlow: format === 'json' ? samples : 0 });
        all &&= t.accept;
        if (format === 'json') await out(JSON.stringify(t));
        else
          await out(
            (index === 0 ? '' : '\n') + (label ? `string ${index + 1}: ${JSON.stringify(s)}\n` : '') + formatTrace(t),
          );
        index++;
      }
      if (toFile) await emit(collected.join('\n'), opts.output);
      return all ? EXIT.yes : EXIT.no;
    }),
  );
}
