/**
 * `wordflow dfa PATTERN`: the minimal DFA as a table, dot, json or svg, with
 * a string's run highlighted on request.
 */
import type { Command } from 'commander';
import { type Dfa } from '../../automata/dfa.js';
import { dfaToDot } from '../../present/dot.js';
import { highlightedTable } from '../../present/highlightTable.js';
import { dfaToJson } from '../../present/json.js';
import { runOf } from '../../present/run.js';
import { progressIndicator } from '../../present/progress.js';
import { WordflowError } from '../../errors.js';
import { dfaToSvg, drawnStates, MAX_DRAWN_STATES } from '../../present/svg.js';
import { dfaTable } from '../../present/table.js';
import {
  action,
  colourAllowed,
  compileOptionsOf,
  emit,
  EXIT,
  intOption,
  loadLanguage,
  withFa,
  withLimits,
  withOutput,
  withProgress,
  withSyntax,
} from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface DfaOptions {
  fa?: string;
  format: string;
  minimize: boolean;
  json?: boolean;
  highlight?: string;
  showDead?: boolean;
  output?: string;
  maxDrawStates?: string;
  [key: string]: unknown;
}

/** Adds the `dfa` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('dfa')
    .description(descriptionOf('dfa'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option('--format <format>', 'table, json, dot or svg', 'table')
    .option('--json', 'same as --format json')
    .option('--no-minimize', 'show the subset construction instead of the minimal DFA')
    .option('--highlight <string>', 'mark the run of this string (table, dot, svg): states, arrows and step numbers')
    .option('--show-dead', 'dot, svg: also draw the dead state and the arrows into it')
    .option(
      '--max-draw-states <n>',
      `svg: most states laid out (default ${MAX_DRAWN_STATES}; larger graphs take long)`,
    );
  withOutput(cmd);
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
The table marks the start with →, accepting states with * and the dead state
with †. Pictures: double circles accept, an arrow from nowhere marks the start,
and each arrow is labelled with the letters that take it ([a-c], other, any).
The dead state is left out unless --show-dead (or a highlighted run enters it).
--highlight colours the table only on a terminal and without NO_COLOR (else
it brackets the cells); SVG and DOT files always carry the colours.

Examples:
  $ wordflow dfa '(a|b)*abb'
  $ wordflow dfa '(a|b)*abb' --highlight babb
  $ wordflow dfa '(a|b)*a(a|b){3}' --format json
  $ wordflow dfa '(a|b)*abb' --format svg --output abb.svg
  $ wordflow dfa '(a|b)*abb' --format svg --highlight abab --show-dead -o run.svg
  $ wordflow dfa '[0-9]+(\\.[0-9]+)?' --format dot -o number.dot    # for other DOT tools
  $ wordflow dfa --fa grammars/examples/mult3.fa`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: DfaOptions) => {
      const format = opts.json ? 'json' : opts.format;
      if (!['table', 'json', 'dot', 'svg'].includes(format))
        throw new WordflowError('usage', `unknown format '${format}': use table, json, dot or svg`);
      if (opts.highlight !== undefined && format === 'json')
        throw new WordflowError(
          'usage',
          '--highlight marks a run in a table or a picture; it does not apply to --format json',
        );
      const maxDraw =
        opts.maxDrawStates === undefined ? MAX_DRAWN_STATES : intOption(opts.maxDrawStates, '--max-draw-states');
      const building = withProgress({ ...compileOptionsOf(opts), minimize: opts.minimize });
      let dfa: Dfa;
      try {
        dfa = loadLanguage({ pattern, fa: opts.fa }, building.options);
      } finally {
        building.finish();
      }
      const title = opts.fa ?? pattern;
      const picture = { title, highlight: opts.highlight, showDead: opts.showDead === true };
      switch (format) {
        case 'table':
          await emit(
            opts.highlight === undefined
              ? dfaTable(dfa)
              : highlightedTable(dfa, runOf(dfa, opts.highlight), { colour: colourAllowed(opts.output) }),
            opts.output,
          );
          break;
        case 'json':
          await emit(JSON.stringify(dfaToJson(dfa)), opts.output);
          break;
        case 'dot':
          await emit(dfaToDot(dfa, picture), opts.output);
          break;
        case 'svg':
          await emit(await drawSvg(dfa, picture, maxDraw), opts.output);
          break;
      }
      return EXIT.yes;
    }),
  );
}

/** Lays out the DFA with Graphviz, saying so on a terminal when it is large enough to take a moment. */
async function drawSvg(
  dfa: Dfa,
  picture: { title?: string; highlight?: string; showDead: boolean },
  maxStates: number,
): Promise<string> {
  const drawn = drawnStates(dfa, picture);
  const note = progressIndicator(process.stderr, {
    label: 'laying out the graph with Graphviz',
    unit: 'states',
    delayMs: 0,
  });
  if (drawn > 40 && drawn <= maxStates) note.update(drawn);
  try {
    return await dfaToSvg(dfa, { ...picture, maxStates });
  } finally {
    note.finish();
  }
}
