/**
 * `wordflow monoid PATTERN`: the transition monoid of the minimal DFA (its
 * syntactic monoid) — size, elements by shortest word, idempotents, and
 * whether it is aperiodic (then the language is star-free).
 */
import type { Command } from 'commander';
import { formatWord, mapOf, transitionMonoid, wordOf } from '../../automata/monoid.js';
import { action, EXIT, intOption, limitsOf, loadLanguage, syntaxOf, withFa, withLimits, withSyntax, writeLine } from '../common.js';
import { descriptionOf } from '../commandTable.js';

interface MonoidOptions {
  fa?: string;
  json?: boolean;
  limit: string;
  [key: string]: unknown;
}

/** Adds the `monoid` command to the program. */
export function register(program: Command): void {
  const cmd = program
    .command('monoid')
    .description(descriptionOf('monoid'))
    .argument('[pattern]', 'the regular expression (omit with --fa)')
    .option('--json', 'one JSON value: size, aperiodic, elements (word, classes, map, idempotent), table when ≤ 64 elements')
    .option('--limit <n>', 'text: how many elements to list', '50');
  withFa(cmd);
  withLimits(cmd);
  withSyntax(cmd);
  cmd.addHelpText(
    'after',
    `
Examples:
  $ wordflow monoid '(ab)*'          # 6 elements, aperiodic: star-free
  $ wordflow monoid '(aa)*'          # a has period 2: not star-free
  $ wordflow monoid '(a|b)*a(a|b){8}' --max-monoid 1000000`,
  );
  cmd.action(
    action(async (pattern: string | undefined, opts: MonoidOptions) => {
      const limits = limitsOf(opts);
      const limit = intOption(opts.limit, '--limit');
      const dfa = loadLanguage({ pattern, fa: opts.fa }, { limits, syntax: syntaxOf(opts) });
      const m = transitionMonoid(dfa, limits);
      const idempotent = new Set(m.idempotents);
      const element = (i: number) => {
        const word = wordOf(m, i);
        return { word: formatWord(m, word), classes: word, map: mapOf(m, i), idempotent: idempotent.has(i) };
      };
      if (opts.json) {
        const table = m.table === null ? null : Array.from({ length: m.size }, (_, a) => Array.from(m.table!.subarray(a * m.size, (a + 1) * m.size)));
        await writeLine(
          JSON.stringify({
            size: m.size,
            states: m.dfa.states,
            aperiodic: m.aperiodic,
            starFree: m.aperiodic,
            idempotents: m.idempotents.length,
            periodicWitness: m.periodicWitness === null ? null : formatWord(m, wordOf(m, m.periodicWitness)),
            elements: Array.from({ length: m.size }, (_, i) => element(i)),
            table,
          }),
        );
        return EXIT.yes;
      }
      await writeLine(`transition monoid of a ${m.dfa.states}-state DFA: ${m.size} element${m.size === 1 ? '' : 's'}, ${m.idempotents.length} idempotent`);
      await writeLine(
        m.aperiodic
          ? 'aperiodic: every element m has m^k = m^(k+1); the language is star-free (Schützenberger)'
          : `not aperiodic: the powers of ${formatWord(m, wordOf(m, m.periodicWitness!))} cycle; the language is not star-free (Schützenberger)`,
      );
      const shown = Math.min(m.size, limit);
      for (let i = 0; i < shown; i++) {
        const e = element(i);
        await writeLine(`  ${e.word.padEnd(12)} ${e.map.map((t, q) => `${q}→${t}`).join(' ')}${e.idempotent ? '  (idempotent)' : ''}`);
      }
      if (shown < m.size) await writeLine(`  … ${m.size - shown} more (--limit ${m.size} to list all)`);
      return EXIT.yes;
    }),
  );
}
